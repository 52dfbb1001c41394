package io.coreswarm.config.render.flatcar;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code Environment="KEY=value"} lines for a systemd unit or drop-in. systemd unquotes and
 * C-unescapes the value and expands {@code %} specifiers, so {@code \}, {@code "} and {@code %} are
 * escaped and control characters written as {@code \xNN}: a value cannot end the line and start a
 * directive of its own, and {@code %2F} in a URL stays {@code %2F}.
 */
final class SystemdEnvironment {

    private final Map<String, String> variables = new LinkedHashMap<>();

    SystemdEnvironment set(String name, String value) {
        if (!name.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("not an environment variable name: " + name);
        }
        variables.put(name, value);
        return this;
    }

    /** One {@code Environment=} line per variable, in the order they were set. */
    String lines() {
        StringBuilder out = new StringBuilder();
        variables.forEach((name, value) -> out.append("Environment=\"").append(name).append('=')
                .append(escape(value)).append("\"\n"));
        return out.toString();
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '%' -> out.append("%%");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
