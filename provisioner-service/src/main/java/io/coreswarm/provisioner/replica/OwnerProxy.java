package io.coreswarm.provisioner.replica;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.coreswarm.api.problem.ProblemException;

/**
 * Sends a request on to the replica that owns its cluster and answers what that replica answers:
 * same method, path, query, body and credentials, plus {@value #FORWARDED_BY} naming this replica
 * (a replica never forwards a request that was forwarded to it, so no request loops). Bounded: the
 * connection in {@link #CONNECT}, the answer in {@link #ANSWER}.
 */
@ApplicationScoped
class OwnerProxy {
    static final String FORWARDED_BY = "X-Coreswarm-Forwarded-By";
    /** The replica that answered a forwarded request. */
    static final String ANSWERED_BY = "X-Coreswarm-Replica";
    static final Duration CONNECT = Duration.ofSeconds(3);
    /** Operations are answered when accepted; the slowest forwarded call is a workload check. */
    static final Duration ANSWER = Duration.ofMinutes(3);
    /** Headers passed on: the credentials and what the body is. */
    private static final List<String> PASSED = List.of("Authorization", "Cookie", "Content-Type", "Accept");
    /** Headers of the owner's answer passed back. */
    private static final List<String> RETURNED = List.of("Content-Type", "Location", "Content-Disposition", "WWW-Authenticate");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT).followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1).build();

    Response forward(String ownerId, String ownerAddress, String method, String pathAndQuery, java.util.function.Function<String, String> header,
            byte[] body, String self) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ownerAddress + pathAndQuery)).timeout(ANSWER)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header(FORWARDED_BY, self);
        for (String name : PASSED) {
            String value = header.apply(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ProblemException(503, "Owner unreachable", "replica " + ownerId + " (" + ownerAddress
                    + "), which owns this cluster, did not answer: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "Owner unreachable", "interrupted while forwarding to replica " + ownerId);
        }
        Response.ResponseBuilder out = Response.status(answer.statusCode()).header(ANSWERED_BY, ownerId);
        for (String name : RETURNED) {
            answer.headers().firstValue(name).ifPresent(v -> out.header(name, v));
        }
        if (answer.body().length > 0) {
            out.entity(answer.body());
        }
        return out.build();
    }
}
