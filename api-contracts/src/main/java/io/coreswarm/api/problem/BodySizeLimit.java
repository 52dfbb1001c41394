package io.coreswarm.api.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses a body that announces more than {@code coreswarm.http.max-body-bytes} with a 413 problem
 * before it is read; except an image archive ({@link StreamedArchive}), which its endpoint streams to
 * disk under a cap of its own. {@link HttpEdges} counts every other
 * body (chunked ones too) before this runs; this filter stays as a second line for a request that
 * reaches Quarkus REST some other way.
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {
    private final long maxBytes = ConfigProvider.getConfig()
            .getOptionalValue("coreswarm.http.max-body-bytes", Long.class).orElse(1_048_576L);

    @Override
    public void filter(ContainerRequestContext request) {
        if (StreamedArchive.is(request.getMethod(), request.getUriInfo().getRequestUri().getRawPath(),
                request.getHeaderString("Content-Type"))) {
            return;
        }
        if (request.getLength() > maxBytes) {
            throw new ProblemException(tooLarge(maxBytes));
        }
    }

    /** The 413 problem of a body above {@code maxBytes}. */
    static Problem tooLarge(long maxBytes) {
        return new Problem("about:blank", "Payload Too Large", 413, "the body is larger than " + maxBytes + " bytes",
                null, java.util.List.of(new Problem.Violation("body", "must be at most " + maxBytes + " bytes")));
    }
}
