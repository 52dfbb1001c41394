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
        try {
            decode(content, encoding, new DecodeBudget(Long.MAX_VALUE, Long.MAX_VALUE / 2));
        } catch (DecodeBudget.Spent e) {
            throw new IllegalStateException("an unbounded budget is never spent", e);
        }
    }

    /**
     * As {@link #decode(byte[], String)}, every decoded byte taken from {@code budget}.
     *
     * @throws DecodeBudget.Spent when the budget runs out before the content is decoded
     */
    static void decode(byte[] content, String encoding, DecodeBudget budget) throws IOException, DecodeBudget.Spent {
        switch (encoding) {
            case "" -> {
                // plain content, nothing to decode
            }
            case "b64", "base64" -> base64(content, budget);
            case "gz", "gzip" -> gunzip(content, budget);
            case "gz+base64", "gzip+base64", "gz+b64", "gzip+b64" -> gunzip(base64(content, budget), budget);
            default -> throw new IOException("unsupported encoding");
        }
    }

    /** Go's StdEncoding: padding required, line breaks ignored, nothing else tolerated. */
    private static byte[] base64(byte[] content, DecodeBudget budget) throws IOException, DecodeBudget.Spent {
        budget.spend(content.length / 4 * 3);
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

    private static void gunzip(byte[] content, DecodeBudget budget) throws IOException, DecodeBudget.Spent {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
            byte[] buffer = new byte[65536];
            long inflated = 0;
            int n;
            while (inflated < MAX_INFLATED_BYTES && (n = in.read(buffer)) >= 0) {
                inflated += n;
                budget.spend(n);
            }
        } catch (IOException e) {
            throw new IOException("not gzip data: " + e.getMessage());
        }
    }
}
