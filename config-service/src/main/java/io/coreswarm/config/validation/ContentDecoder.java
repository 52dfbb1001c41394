package io.coreswarm.config.validation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

/** coreos-cloudinit's {@code config.DecodeContent}: whether a write_files content decodes with its encoding. */
final class ContentDecoder {
    /**
     * Inflating stops here. Only decodability is in question, and a small gzip bomb must not cost
     * gigabytes; a stream that inflates this far without error is taken as decodable.
     */
    static final int MAX_INFLATED_BYTES = 16 * 1024 * 1024;

    private ContentDecoder() {
    }

    /** Throws, with the reason, when {@code content} does not decode as {@code encoding}. */
    static void decode(byte[] content, String encoding) throws IOException {
        switch (encoding) {
            case "" -> {
                // plain content, nothing to decode
            }
            case "b64", "base64" -> base64(content);
            case "gz", "gzip" -> gunzip(content);
            case "gz+base64", "gzip+base64", "gz+b64", "gzip+b64" -> gunzip(base64(content));
            default -> throw new IOException("unsupported encoding");
        }
    }

    /** Go's StdEncoding: padding required, line breaks ignored, nothing else tolerated. */
    private static byte[] base64(byte[] content) throws IOException {
        String text = new String(content, StandardCharsets.ISO_8859_1).replace("\r", "").replace("\n", "");
        if (text.length() % 4 != 0) {
            throw new IOException("not base64: its length is not a multiple of 4");
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IOException("not base64: " + e.getMessage());
        }
    }

    private static void gunzip(byte[] content) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
            byte[] buffer = new byte[8192];
            long inflated = 0;
            int n;
            while (inflated < MAX_INFLATED_BYTES && (n = in.read(buffer)) >= 0) {
                inflated += n;
            }
        } catch (IOException e) {
            throw new IOException("not gzip data: " + e.getMessage());
        }
    }
}
