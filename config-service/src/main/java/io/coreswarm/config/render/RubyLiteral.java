package io.coreswarm.config.render;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Ruby source literals for values that end up in a rendered Vagrantfile or config.rb. Every value a
 * renderer puts into Ruby goes through here, so no value can become Ruby code.
 *
 * <p>Strings become single-quoted literals: inside {@code '...'} Ruby interpolates nothing
 * ({@code #{}} and {@code $(...)} are plain text) and knows only two escapes, {@code \\} and
 * {@code \'}. Newlines and every other character stand for themselves.
 */
public final class RubyLiteral {

    private RubyLiteral() {
    }

    public static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\'') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('\'').toString();
    }

    public static String integer(long value) {
        return Long.toString(value);
    }

    /** A hash literal with string keys and values, one entry per line, in the map's iteration order. */
    public static String stringHash(Map<String, String> entries, String indent) {
        if (entries.isEmpty()) {
            return "{}";
        }
        return entries.entrySet().stream()
                .map(e -> indent + "  " + string(e.getKey()) + " => " + string(e.getValue()))
                .collect(Collectors.joining(",\n", "{\n", "\n" + indent + "}"));
    }
}
