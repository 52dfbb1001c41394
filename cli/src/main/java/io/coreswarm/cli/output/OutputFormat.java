package io.coreswarm.cli.output;

/** {@code -o}: a table (or the command's own text) for people; JSON or YAML for scripts. */
public enum OutputFormat {
    TABLE, JSON, YAML;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
