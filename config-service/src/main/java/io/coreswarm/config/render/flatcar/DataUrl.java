package io.coreswarm.config.render.flatcar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * How Butane turns inline contents into an Ignition {@code source}: of a percent-escaped
 * {@code data:,} URL, a {@code data:;base64,} URL and a base64 URL of the gzipped bytes (marked
 * {@code compression: gzip}), the shortest wins (butane base/util/url.go, MakeDataURL).
 *
 * <p>The gzip candidate comes from java.util.zip rather than Go's compress/gzip: its bytes, and so
 * in a borderline case the choice, can differ from Butane's; the decoded contents never do.
 */
public record DataUrl(String source, String compression) {

    private static final String GZIP = "gzip";

    public static DataUrl of(byte[] contents) {
        String opaque = "," + escape(contents);
        String base64 = ";base64," + Base64.getEncoder().encodeToString(contents);
        if (base64.length() < opaque.length()) {
            opaque = base64;
        }
        String compression = "";
        String gzipped = ";base64," + Base64.getEncoder().encodeToString(gzip(contents));
        // Butane counts the "gzip" the compression field costs
        if (gzipped.length() + GZIP.length() < opaque.length()) {
            opaque = gzipped;
            compression = GZIP;
        }
        return new DataUrl("data:" + opaque, compression);
    }

    /** RFC 2397 escaping as github.com/vincent-petithory/dataurl does it: unreserved bytes stay, the rest is %XX. */
    static String escape(byte[] data) {
        StringBuilder out = new StringBuilder(data.length * 2);
        for (byte b : data) {
            int c = b & 0xff;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-_.!~*'()".indexOf(c) >= 0;
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new BestGzip(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Butane compresses with gzip.BestCompression. */
    private static final class BestGzip extends GZIPOutputStream {
        BestGzip(OutputStream out) throws IOException {
            super(out);
            def.setLevel(Deflater.BEST_COMPRESSION);
        }
    }
}
