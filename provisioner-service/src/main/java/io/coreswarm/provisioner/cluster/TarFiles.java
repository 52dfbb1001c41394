package io.coreswarm.provisioner.cluster;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * A POSIX ustar archive of a few small regular files, each with its mode, written in memory (the
 * three PEM files of a client folder: a few KB). Names are plain ASCII file names under 100 bytes.
 */
final class TarFiles {
    private static final int BLOCK = 512;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final long mtime = Instant.now().getEpochSecond();

    TarFiles add(String name, byte[] content, int mode) {
        byte[] header = new byte[BLOCK];
        put(header, 0, 100, name);
        octal(header, 100, 8, mode);
        octal(header, 108, 8, 0);
        octal(header, 116, 8, 0);
        octal(header, 124, 12, content.length);
        octal(header, 136, 12, mtime);
        Arrays.fill(header, 148, 156, (byte) ' ');
        header[156] = '0';
        put(header, 257, 6, "ustar");
        put(header, 263, 2, "00");
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        // six octal digits, NUL, space: the checksum field as tar writes it
        String checksum = String.format("%06o", sum);
        put(header, 148, 6, checksum);
        header[154] = 0;
        header[155] = ' ';
        out.writeBytes(header);
        out.writeBytes(content);
        int pad = (BLOCK - content.length % BLOCK) % BLOCK;
        out.writeBytes(new byte[pad]);
        return this;
    }

    /** The archive, with its end (two zero blocks). */
    byte[] finish() {
        out.writeBytes(new byte[2 * BLOCK]);
        return out.toByteArray();
    }

    private static void put(byte[] header, int offset, int length, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > length) {
            throw new IllegalArgumentException("tar field too long: " + value);
        }
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    /** Zero-padded octal, NUL-terminated, in {@code length} bytes. */
    private static void octal(byte[] header, int offset, int length, long value) {
        put(header, offset, length - 1, String.format("%0" + (length - 1) + "o", value));
    }
}
