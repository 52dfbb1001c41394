package io.coreswarm.api.logging;

/** {@code coreswarm.log.format}: what each log line is. */
public enum LogFormat {
    /** Quarkus's pattern ({@code quarkus.log.console.format}), for people. The default. */
    TEXT,
    /** One JSON object per line (timestamp, level, loggerName, message, exception, …), for log shippers. */
    JSON
}
