package io.coreswarm.api.logging;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtLogRecord;

/**
 * One log record as one line of JSON, in the field names of Quarkus's JSON logging
 * ({@code timestamp}, {@code sequence}, {@code loggerName}, {@code level}, {@code message},
 * {@code threadName}, {@code threadId}, {@code mdc}, {@code hostName}, {@code processName},
 * {@code processId}, {@code exception}), written with Jackson: the log manager's own JSON formatter
 * needs a jakarta.json implementation on the boot class path, which an application cannot add.
 */
final class JsonLineFormatter extends ExtFormatter {
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public String format(ExtLogRecord record) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("timestamp", Instant.ofEpochMilli(record.getMillis()).toString());
            g.writeNumberField("sequence", record.getSequenceNumber());
            g.writeStringField("loggerName", record.getLoggerName());
            g.writeStringField("level", record.getLevel().getName());
            g.writeStringField("message", formatMessage(record));
            g.writeStringField("threadName", record.getThreadName());
            g.writeNumberField("threadId", record.getLongThreadID());
            Map<String, String> mdc = record.getMdcCopy();
            if (!mdc.isEmpty()) {
                g.writeObjectFieldStart("mdc");
                for (Map.Entry<String, String> e : mdc.entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            g.writeStringField("hostName", record.getHostName());
            g.writeStringField("processName", record.getProcessName());
            g.writeNumberField("processId", record.getProcessId());
            if (record.getThrown() != null) {
                writeException(g, record.getThrown());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    /** The exception's class, message and frames, and its causes', as Quarkus's JSON logging nests them. */
    private static void writeException(JsonGenerator g, Throwable thrown) throws IOException {
        g.writeObjectFieldStart("exception");
        g.writeStringField("exceptionType", thrown.getClass().getName());
        g.writeStringField("message", thrown.getMessage());
        g.writeArrayFieldStart("frames");
        for (StackTraceElement f : thrown.getStackTrace()) {
            g.writeStartObject();
            g.writeStringField("class", f.getClassName());
            g.writeStringField("method", f.getMethodName());
            g.writeNumberField("line", f.getLineNumber());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (thrown.getCause() != null && thrown.getCause() != thrown) {
            g.writeFieldName("causedBy");
            g.writeStartObject();
            writeException(g, thrown.getCause());
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
