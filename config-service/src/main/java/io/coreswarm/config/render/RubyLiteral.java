package io.coreswarm.config.render;

/**
 * Values written into Vagrantfiles and config.rb. Every string becomes a single-quoted Ruby
 * literal, in which only {@code \\} and {@code '} are special, so no value can end the string and
 * run code; interpolation ({@code #{}}) does not happen in single quotes.
 */
public final class RubyLiteral {
    private RubyLiteral() {
    }

    public static String string(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    public static String integer(int value) {
        return Integer.toString(value);
    }
}
