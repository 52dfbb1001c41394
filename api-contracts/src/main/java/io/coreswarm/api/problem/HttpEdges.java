package io.coreswarm.api.problem;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The HTTP layer's edges, shared by every service, ahead of Quarkus's own routes:
 * <ul>
 * <li>every request body is read here, counted whether it announces its length or comes in chunks,
 * and one above {@code coreswarm.http.max-body-bytes} is a 413 problem (Quarkus REST then reads the
 * body from memory); only an image archive POSTed to a cluster's images passes unread, to the
 * endpoint that streams it under a cap of its own ({@link StreamedArchive}). Quarkus's own check of
 * {@code quarkus.http.limits.max-body-size}, set to the same value, runs after this one and answers without a body, so it only backs this up;</li>
 * <li>a body must arrive within {@code quarkus.http.read-timeout} (60 s): a 408 problem otherwise, so
 * that a body sent a byte at a time does not hold a connection until the idle timeout;</li>
 * <li>a failure of the HTTP layer itself (a status it set, or an exception that escaped every
 * mapper, such as an unusable {@code Host} header) is answered as problem+json instead of Quarkus's
 * error page, which names exception classes.</li>
 * <li>a request line over {@code coreswarm.http.max-request-line} (4096) is a 414 problem, headers
 * over {@code coreswarm.http.max-header-bytes} (20480) a 431 problem.</li>
 * </ul>
 * What Vert.x's HTTP/1 decoder refuses before any route runs is answered by Vert.x with an empty
 * body and the connection closed, and Quarkus exposes no hook for it: a request line over
 * {@code quarkus.http.limits.max-initial-line-length} or headers over
 * {@code quarkus.http.limits.max-header-size} (each service sets them four times the limits above,
 * so that only grossly oversized requests meet the decoder), and requests that are not HTTP (400).
 */
@ApplicationScoped
public class HttpEdges {
    /** Before Quarkus's max-body-size route (order -2) and every other route. */
    static final int ORDER = -1000;
    private static final Logger LOG = Logger.getLogger(HttpEdges.class);

    private final long maxBodyBytes;
    private final Duration readTimeout;
    /** Made on the first problem written, not at start-up: the HTTP layer fails rarely. */
    private final Provider<ObjectMapper> json;

    private final int maxRequestLine;
    private final int maxHeaderBytes;

    HttpEdges(@ConfigProperty(name = "coreswarm.http.max-body-bytes", defaultValue = "1048576") long maxBodyBytes,
            @ConfigProperty(name = "quarkus.http.read-timeout", defaultValue = "60s") Duration readTimeout,
            @ConfigProperty(name = "coreswarm.http.max-request-line", defaultValue = "4096") int maxRequestLine,
            @ConfigProperty(name = "coreswarm.http.max-header-bytes", defaultValue = "20480") int maxHeaderBytes,
            Provider<ObjectMapper> json) {
        this.maxBodyBytes = maxBodyBytes;
        this.readTimeout = readTimeout;
        this.maxRequestLine = maxRequestLine;
        this.maxHeaderBytes = maxHeaderBytes;
        this.json = json;
    }

    void install(@Observes Router router) {
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(maxBodyBytes).setDeleteUploadedFilesOnEnd(true);
        router.route().order(ORDER)
                // a request without a body is left to Quarkus REST as it comes (an empty one read here
                // would leave Quarkus REST waiting for a body that never comes)
                .handler(rc -> {
                    HttpServerRequest request = rc.request();
                    int line = request.method().name().length() + request.uri().length() + 10;
                    if (line > maxRequestLine) {
                        respond(rc, Problem.of(414, "URI Too Long", "the request line has " + line + " bytes; at most "
                                + maxRequestLine + " are accepted"), true);
                        return;
                    }
                    int headers = 0;
                    for (var h : request.headers()) {
                        headers += h.getKey().length() + h.getValue().length() + 4;
                    }
                    if (headers > maxHeaderBytes) {
                        respond(rc, Problem.of(431, "Request Header Fields Too Large", "the headers have " + headers
                                + " bytes; at most " + maxHeaderBytes + " are accepted"), true);
                        return;
                    }
                    boolean streamed = StreamedArchive.is(request.method().name(), request.path(),
                            request.getHeader(HttpHeaders.CONTENT_TYPE));
                    if (hasBody(request) && !streamed) {
                        // a body that trickles in holds the connection no longer than quarkus.http.read-timeout
                        long timer = rc.vertx().setTimer(Math.max(1, readTimeout.toMillis()), id -> {
                            if (!rc.request().isEnded() && !rc.response().headWritten()) {
                                rc.fail(408);
                            }
                        });
                        rc.addEndHandler(done -> rc.vertx().cancelTimer(timer));
                        // the body is read here, not by Quarkus REST: answer a client that waits for
                        // leave to send it (curl does, for large bodies) unless the length is refused
                        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))
                                && declaredLength(request) <= maxBodyBytes) {
                            rc.response().writeContinue();
                        }
                        bodies.handle(rc);
                    } else {
                        rc.next();
                    }
                })
                .failureHandler(this::failed);
    }

    /** The Content-Length, or -1 when there is none (chunked) or it is not a number. */
    private static long declaredLength(HttpServerRequest request) {
        try {
            return Long.parseLong(String.valueOf(request.getHeader(HttpHeaders.CONTENT_LENGTH)).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isForm(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** As HTTP/1.1 says: a body is announced by a chunked transfer coding or a positive Content-Length. */
    private static boolean hasBody(HttpServerRequest request) {
        String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        if (encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
            return true;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return false;
        }
        try {
            return Long.parseLong(length.trim()) > 0;
        } catch (NumberFormatException e) {
            return true; // the body handler refuses it
        }
    }

    private void failed(RoutingContext rc) {
        HttpServerResponse response = rc.response();
        if (response.headWritten() || response.closed()) {
            return;
        }
        int status = rc.statusCode();
        Problem problem;
        if (status == 413) {
            problem = BodySizeLimit.tooLarge(maxBodyBytes);
            response.putHeader(HttpHeaders.CONNECTION, "close");
        } else if (rc.failure() != null && String.valueOf(rc.failure().getMessage()).contains("'Host' header")) {
            // Vert.x could not read the Host header as host[:port]
            problem = Problem.invalid(List.of(new Problem.Violation("Host", "must be given as a host name or address with an optional port")));
        } else if (status == 408) {
            problem = Problem.of(408, "Request Timeout", "the body did not arrive within " + readTimeout.toSeconds() + " s");
            response.putHeader(HttpHeaders.CONNECTION, "close");
        } else if (status == 400 && isForm(rc.request())) {
            // Vert.x's form decoder refused a field over quarkus.http.limits.max-form-attribute-size,
            // or more fields than it takes (256)
            String limit = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue("quarkus.http.limits.max-form-attribute-size", String.class).orElse("2048");
            problem = new Problem("about:blank", "Payload Too Large", 413, "the form has a field larger than " + limit
                    + " or too many fields", null,
                    List.of(new Problem.Violation("body", "must be a form of at most 256 fields, each at most " + limit)));
            response.putHeader(HttpHeaders.CONNECTION, "close");
        } else if (status >= 400 && status < 500) {
            problem = Problem.of(status, HttpResponseStatus.valueOf(status).reasonPhrase(), "the request was refused by the HTTP layer");
        } else {
            String id = UUID.randomUUID().toString();
            LOG.errorf(rc.failure(), "unexpected failure of %s %s, error id %s", rc.request().method(), rc.normalizedPath(), id);
            problem = Problem.of(500, "Internal Server Error", "the server failed unexpectedly; its log tells more under error id " + id);
        }
        respond(rc, problem, false);
    }

    private void respond(RoutingContext rc, Problem problem, boolean close) {
        String body;
        try {
            body = json.get().writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.status() + "}";
        }
        HttpServerResponse response = rc.response();
        if (close) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
    }
}
