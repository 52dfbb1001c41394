package io.coreswarm.api.problem;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one body the HTTP edges do not read into memory or hold to {@code coreswarm.http.max-body-bytes}:
 * a {@code docker save} archive POSTed to a cluster's images ({@code ClusterImagesApi}), which that
 * endpoint streams to disk under a cap of its own ({@code coreswarm.images.max-bytes}). Any other
 * path or method is capped as usual, whatever its content type says.
 */
final class StreamedArchive {
    /** {@code ClusterImagesApi}'s path, {@code /v1/clusters/{name}/images}. */
    private static final Pattern IMAGES = Pattern.compile("/v1/clusters/[^/]+/images/?");

    private StreamedArchive() {
    }

    static boolean is(String method, String path, String contentType) {
        return "POST".equals(method) && contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-tar")
                && path != null && IMAGES.matcher(path).matches();
    }
}
