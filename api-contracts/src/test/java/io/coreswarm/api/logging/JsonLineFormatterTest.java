package io.coreswarm.api.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonLineFormatterTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRecordIsOneLineOfJsonWhateverItsMessageHolds() throws Exception {
        ExtLogRecord record = new ExtLogRecord(Level.WARNING, "cluster %s: \"quoted\"\nsecond line", ExtLogRecord.FormatStyle.PRINTF,
                JsonLineFormatterTest.class.getName());
        record.setParameters(new Object[] {"c1"});
        record.setLoggerName("io.coreswarm.test");
        String line = new JsonLineFormatter().format(record);

        assertTrue(line.endsWith("\n"));
        assertEquals(1, line.strip().lines().count(), "one line: " + line);
        JsonNode json = JSON.readTree(line);
        assertEquals("cluster c1: \"quoted\"\nsecond line", json.get("message").asText());
        assertEquals("WARNING", json.get("level").asText());
        assertEquals("io.coreswarm.test", json.get("loggerName").asText());
        assertTrue(json.get("timestamp").asText().endsWith("Z"));
    }

    @Test
    void anExceptionComesWithItsCauses() throws Exception {
        ExtLogRecord record = new ExtLogRecord(Level.SEVERE, "failed", JsonLineFormatterTest.class.getName());
        record.setThrown(new IllegalStateException("outer", new java.io.IOException("inner")));
        JsonNode json = JSON.readTree(new JsonLineFormatter().format(record));

        JsonNode e = json.get("exception");
        assertEquals("java.lang.IllegalStateException", e.get("exceptionType").asText());
        assertEquals("outer", e.get("message").asText());
        assertTrue(e.get("frames").size() > 0);
        assertEquals("java.io.IOException", e.get("causedBy").get("exception").get("exceptionType").asText());
    }
}
