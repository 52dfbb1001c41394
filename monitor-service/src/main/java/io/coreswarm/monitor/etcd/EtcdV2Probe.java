package io.coreswarm.monitor.etcd;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.api.health.EtcdApi;
import io.coreswarm.api.health.EtcdMemberHealth;
import io.coreswarm.monitor.Failures;

/**
 * etcd2 (the seed's) over its v2 HTTP API, which jetcd does not speak: {@code /v2/members} from
 * the first endpoint that answers, then every member's {@code /v2/stats/self} (state and leader),
 * {@code /version} and {@code /health} at once. v2 has no DB size nor raft indexes; those stay null.
 */
@ApplicationScoped
public class EtcdV2Probe implements EtcdProbe {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public EtcdApi api() {
        return EtcdApi.V2;
    }

    @Override
    public EtcdObservation observe(EtcdClients clients, Duration timeout) {
        HttpClient http = clients.http();
        List<String> endpoints = clients.endpoints();
        JsonNode members = null;
        List<String> failures = new ArrayList<>();
        for (String endpoint : endpoints) {
            try {
                members = get(http, endpoint + "/v2/members", timeout).join().path("members");
                break;
            } catch (RuntimeException e) {
                failures.add(endpoint + ": " + Failures.describe(e, timeout));
            }
        }
        if (members == null) {
            return EtcdObservation.unanswered(EtcdApi.V2, String.join("; ", failures));
        }
        DeclaredEndpoints declared = new DeclaredEndpoints(endpoints);
        Map<JsonNode, MemberCalls> calls = new LinkedHashMap<>();
        Map<JsonNode, Boolean> notFollowed = new LinkedHashMap<>();
        for (JsonNode m : members) {
            String listed = m.path("clientURLs").path(0).asText(null);
            String client = listed == null ? null : declared.follow(listed).orElse(null);
            if (listed != null && client == null) {
                notFollowed.put(m, true);
            }
            calls.put(m, client == null ? null : new MemberCalls(client,
                    get(http, client + "/v2/stats/self", timeout),
                    get(http, client + "/version", timeout),
                    get(http, client + "/health", timeout)));
        }
        calls.values().stream().filter(c -> c != null).flatMap(MemberCalls::all)
                .forEach(f -> f.handle((r, e) -> null).join());
        String leaderId = calls.values().stream().filter(c -> c != null && c.self.isDone() && !c.self.isCompletedExceptionally())
                .map(c -> c.self.join().path("leaderInfo").path("leader").asText(""))
                .filter(id -> !id.isEmpty()).findFirst().orElse("");
        List<EtcdMemberHealth> health = new ArrayList<>();
        calls.forEach((m, c) -> health.add(member(m, c, leaderId, timeout, notFollowed.containsKey(m))));
        return EtcdObservation.of(EtcdApi.V2, health);
    }

    private static EtcdMemberHealth member(JsonNode m, MemberCalls c, String leaderId, Duration timeout, boolean notFollowed) {
        String id = m.path("id").asText();
        String name = m.path("name").asText("").isEmpty() ? id : m.path("name").asText();
        if (notFollowed) {
            return new EtcdMemberHealth(id, name, null, false, false, null, null, null, null, null, false, List.of(),
                    DeclaredEndpoints.NOT_FOLLOWED);
        }
        if (c == null) {
            return new EtcdMemberHealth(id, name, null, false, false, null, null, null, null, null, false, List.of(),
                    "not started (no client URL yet)");
        }
        boolean leader = id.equals(leaderId);
        if (c.self.isCompletedExceptionally()) {
            return new EtcdMemberHealth(id, name, c.endpoint, false, leader, null, null, null, null, null, false, List.of(),
                    failure(c.self, timeout));
        }
        String version = c.version.isCompletedExceptionally() ? null : c.version.join().path("etcdserver").asText(null);
        String error = null;
        if (!c.health.isCompletedExceptionally()) {
            JsonNode health = c.health.join();
            if (!"true".equals(health.path("health").asText())) {
                String reason = health.path("reason").asText("");
                error = "unhealthy" + (reason.isEmpty() ? "" : ": " + reason);
            }
        }
        return new EtcdMemberHealth(id, name, c.endpoint, true, leader, version, null, null, null, null, false, List.of(), error);
    }

    private static String failure(CompletableFuture<JsonNode> f, Duration timeout) {
        try {
            f.join();
            return "no answer";
        } catch (RuntimeException e) {
            return Failures.describe(e, timeout);
        }
    }

    /** GET of a JSON document; any status but 200 fails it, except /health's 503 which still says why. */
    private static CompletableFuture<JsonNode> get(HttpClient http, String url, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
            if (r.statusCode() != 200 && !(r.statusCode() == 503 && url.endsWith("/health"))) {
                throw new IllegalStateException("HTTP " + r.statusCode() + " from " + url);
            }
            try {
                return JSON.readTree(r.body());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("not JSON from " + url);
            }
        });
    }

    private record MemberCalls(String endpoint, CompletableFuture<JsonNode> self, CompletableFuture<JsonNode> version,
            CompletableFuture<JsonNode> health) {
        java.util.stream.Stream<CompletableFuture<JsonNode>> all() {
            return java.util.stream.Stream.of(self, version, health);
        }
    }
}
