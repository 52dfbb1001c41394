package io.coreswarm.cli.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.coreswarm.cli.exit.CliFailure;
import io.coreswarm.cli.exit.ExitCode;

/**
 * The regular files of a small ustar archive (the certificate tar: three PEM files), read without
 * a library. Other entries (directories, PAX headers) are skipped; sizes are capped, since the
 * archive comes from a server.
 */
public final class TarEntries {
    /** A certificate or key is a few KiB; anything past this is not the archive we asked for. */
    static final long MAX_FILE = 1024 * 1024;
    static final int MAX_ENTRIES = 64;
    private static final int BLOCK = 512;

    /** One file: its name, octal mode and bytes. */
    public record Entry(String name, String mode, byte[] content) {
    }

    private TarEntries() {
    }

    public static List<Entry> read(InputStream in) throws IOException {
        List<Entry> files = new ArrayList<>();
        byte[] header = new byte[BLOCK];
        for (int count = 0; count < MAX_ENTRIES * 2; count++) {
            if (!fill(in, header)) {
                return files;
            }
            if (allZero(header)) {
                return files;
            }
            String name = text(header, 0, 100);
            String prefix = text(header, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
            String mode = text(header, 100, 8);
            long size = octal(header, 124, 12);
            char type = (char) header[156];
            if (size < 0 || size > MAX_FILE) {
                throw new CliFailure(ExitCode.FAILED, "the archive holds an entry of " + size + " bytes: not a certificate archive");
            }
            byte[] content = in.readNBytes((int) size);
            if (content.length != size) {
                throw new CliFailure(ExitCode.FAILED, "the archive ends inside " + name);
            }
            in.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
            if (type == '0' || type == '\0') {
                files.add(new Entry(name, mode.isEmpty() ? "0644" : mode, content));
            }
        }
        throw new CliFailure(ExitCode.FAILED, "the archive holds more than " + MAX_ENTRIES + " entries");
    }

    private static boolean fill(InputStream in, byte[] block) throws IOException {
        int n = in.readNBytes(block, 0, block.length);
        if (n == 0) {
            return false;
        }
        if (n < block.length) {
            throw new CliFailure(ExitCode.FAILED, "the archive ends inside a header");
        }
        return true;
    }

    private static boolean allZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] block, int offset, int length) {
        int end = offset;
        while (end < offset + length && block[end] != 0) {
            end++;
        }
        return new String(block, offset, end - offset, StandardCharsets.US_ASCII).strip();
    }

    private static long octal(byte[] block, int offset, int length) {
        String digits = text(block, offset, length);
        try {
            return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
