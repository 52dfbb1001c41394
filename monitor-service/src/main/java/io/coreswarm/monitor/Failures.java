package io.coreswarm.monitor;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Failures as short words for a health reason: "connection refused", "connection timed out" (a
 * host that is gone), "no answer within 2s" (one that hangs), the Engine API's own message. Never
 * a stack trace.
 */
public final class Failures {
    private static final Pattern ENGINE_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private Failures() {
    }

    public static String describe(Throwable failure, java.time.Duration timeout) {
        Throwable root = failure;
        // the telling exception may sit anywhere in the chain (java.net.http wraps a refused connection twice)
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getSimpleName().contains("ConnectTimeout")) {
                return "connection timed out";
            }
            if (isTimeout(t)) {
                return "no answer within " + seconds(timeout);
            }
            if (t instanceof ConnectException || String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("connection refused")) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            root = t;
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        Matcher engine = ENGINE_MESSAGE.matcher(message);
        if (engine.find()) {
            return engine.group(1).replace("\\\"", "\"");
        }
        return message.lines().findFirst().orElse(message).strip();
    }

    private static boolean isTimeout(Throwable t) {
        String name = t.getClass().getSimpleName();
        return t instanceof TimeoutException || t instanceof HttpTimeoutException
                || t instanceof CancellationException || t instanceof java.net.SocketTimeoutException
                || name.contains("Timeout") || String.valueOf(t.getMessage()).contains("DEADLINE_EXCEEDED");
    }

    private static String seconds(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
