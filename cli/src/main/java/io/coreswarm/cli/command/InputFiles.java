package io.coreswarm.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.coreswarm.cli.exit.CliFailure;
import io.coreswarm.cli.exit.ExitCode;

/** A file a command sends, or stdin for {@code -}, read up to the size the services take. */
final class InputFiles {
    /** The services' body cap (coreswarm.http.max-body-bytes): a larger file would be refused anyway. */
    static final int MAX_SPEC = 1024 * 1024;

    private InputFiles() {
    }

    static byte[] read(Path file, int max) throws IOException {
        if (file.toString().equals("-")) {
            return capped(System.in, max, "stdin");
        }
        if (!Files.isRegularFile(file)) {
            throw new CliFailure(ExitCode.USAGE, "no such file: " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return capped(in, max, file.toString());
        }
    }

    private static byte[] capped(InputStream in, int max, String what) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        if (bytes.length > max) {
            throw new CliFailure(ExitCode.USAGE, what + " is larger than " + max + " bytes, more than the services take");
        }
        return bytes;
    }
}
