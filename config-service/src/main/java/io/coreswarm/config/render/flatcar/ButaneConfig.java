package io.coreswarm.config.render.flatcar;

import java.util.List;

/**
 * The subset of a Butane config ({@code variant: flatcar}, {@code version: 1.0.0}) coreswarm writes:
 * files with inline contents, files whose contents Butane reads from its {@code --files-dir}
 * ({@link LocalFile}: a node's TLS files, which only whoever holds the keys can fill in), and systemd
 * units with drop-ins. {@link ButaneYaml} writes it as YAML, {@link ButaneCompiler} turns that YAML
 * into Ignition.
 */
public record ButaneConfig(List<File> files, List<LocalFile> localFiles, List<Unit> units) {

    public static final String VARIANT = "flatcar";
    public static final String VERSION = "1.0.0";

    public ButaneConfig {
        files = List.copyOf(files);
        localFiles = List.copyOf(localFiles);
        units = List.copyOf(units);
    }

    public ButaneConfig(List<File> files, List<Unit> units) {
        this(files, List.of(), units);
    }

    /** {@code storage.files[]}: a file written with {@code contents.inline}. */
    public record File(String path, FileMode mode, boolean overwrite, String inline) {
    }

    /**
     * {@code storage.files[]} with {@code contents.local}: a path relative to the directory
     * {@code butane --files-dir} names; {@code owner} ({@code user.name}) is null for root.
     */
    public record LocalFile(String path, FileMode mode, String owner, String local) {
    }

    /** {@code systemd.units[]}; {@code contents} is null for a unit the OS already ships. */
    public record Unit(String name, boolean enabled, String contents, List<Dropin> dropins) {
        public Unit {
            dropins = List.copyOf(dropins);
        }

        public static Unit enable(String name) {
            return new Unit(name, true, null, List.of());
        }
    }

    /** {@code systemd.units[].dropins[]}. */
    public record Dropin(String name, String contents) {
    }

    /** POSIX permission bits. */
    public record FileMode(int bits) {
        public static final FileMode RW_R_R = new FileMode(0644);
        public static final FileMode RW = new FileMode(0600);

        public String octal() {
            return "0" + Integer.toOctalString(bits);
        }
    }
}
