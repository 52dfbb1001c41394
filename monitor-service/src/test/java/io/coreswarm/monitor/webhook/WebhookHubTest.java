package io.coreswarm.monitor.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.coreswarm.api.health.EventKind;
import io.coreswarm.api.health.HealthEvent;
import io.coreswarm.api.webhook.Delivery;
import io.coreswarm.api.webhook.DeliveryStatus;
import io.coreswarm.api.webhook.Webhook;
import io.coreswarm.api.webhook.WebhookFormat;
import io.coreswarm.monitor.support.Hmac;
import io.coreswarm.monitor.support.Receiver;
import io.coreswarm.testsupport.Await;
import io.coreswarm.testsupport.FreePorts;

/**
 * The delivery component on its own over a real directory and a real receiver: what is pending
 * when it stops is sent, in order and with the same ids and bytes, by the next one over the same
 * directory; a full queue drops its oldest with the reason; the backoff doubles up to its cap.
 */
class WebhookHubTest {
    static final String SECRET = "restart-secret-0123456789";
    final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    record Settings(int maxWebhooks, int maxPending, int deliveriesKept, int maxAttempts, Duration initialBackoff,
            Duration maxBackoff, Duration connectTimeout, Duration responseTimeout) implements WebhookConfig {
    }

    static Settings settings(int maxPending, int maxAttempts) {
        return new Settings(5, maxPending, 50, maxAttempts, Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(1),
                Duration.ofSeconds(2));
    }

    static HealthEvent event(int i) {
        return new HealthEvent(Instant.parse("2026-11-30T12:00:00Z").plusSeconds(i), "lab", EventKind.SWARM_NODE, "core-0" + i,
                "ready", "down", "swarm node core-0" + i + " down");
    }

    @Test
    void pendingDeliveriesAreSentAfterARestartInOrderWithTheSameIdsAndBytes() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "webhooks-");
        int port = FreePorts.next();
        List<Delivery> before;
        // nothing listens on the port yet: every attempt is refused, the deliveries stay pending
        try (WebhookHub first = new WebhookHub(dir, settings(100, 1000), json)) {
            first.put(new Webhook("ops", "http://127.0.0.1:" + port + "/hook", SECRET, List.of(), List.of(), WebhookFormat.JSON));
            IntStream.range(1, 4).forEach(i -> first.offer(event(i)));
            before = Await.until("a refused attempt", Duration.ofSeconds(10), () -> first.deliveries("ops").orElseThrow(),
                    d -> d.size() == 3 && d.get(0).attempts() >= 1);
            assertEquals("connection refused", before.get(0).lastError(), before.toString());
            assertTrue(before.stream().allMatch(d -> d.status() == DeliveryStatus.PENDING), before.toString());
        }
        Path pending = dir.resolve("ops.pending");
        try (Stream<Path> files = Files.list(pending)) {
            List<Path> kept = files.sorted().toList();
            assertEquals(3, kept.size());
            for (Path f : kept) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
            }
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ops.json"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertFalse(Files.readString(dir.resolve("ops.pending").resolve("0000000000000000000.json")).contains(SECRET),
                "a delivery file holds the body, not the secret");

        try (Receiver receiver = new Receiver(port); WebhookHub second = new WebhookHub(dir, settings(100, 1000), json)) {
            List<Receiver.Request> got = Await.until("three deliveries after the restart", Duration.ofSeconds(15),
                    receiver::requests, r -> r.size() >= 3);
            assertEquals(before.stream().map(Delivery::id).toList(), got.stream().map(r -> r.header("X-Coreswarm-Delivery")).toList(),
                    "the same deliveries, in the same order");
            for (int i = 0; i < 3; i++) {
                Receiver.Request r = got.get(i);
                assertEquals(Hmac.sha256(SECRET, r.body()), r.header("X-Coreswarm-Signature-256"));
                assertEquals("SWARM_NODE", r.header("X-Coreswarm-Event"));
                var body = json.readTree(r.body());
                assertEquals(r.header("X-Coreswarm-Delivery"), body.get("id").asText());
                assertEquals("ops", body.get("webhook").asText());
                assertEquals("core-0" + (i + 1), body.at("/event/subject").asText());
                assertEquals("2026-11-30T12:00:0" + (i + 1) + "Z", body.at("/event/time").asText());
            }
            List<Delivery> after = Await.until("all delivered", Duration.ofSeconds(5), () -> second.deliveries("ops").orElseThrow(),
                    d -> d.stream().allMatch(x -> x.status() == DeliveryStatus.DELIVERED));
            assertTrue(after.get(0).attempts() >= 2, after.toString());
            assertEquals(200, after.get(0).statusCode());
            try (Stream<Path> files = Files.list(pending)) {
                assertEquals(0, files.count(), "a delivered delivery leaves no file");
            }
        }
    }

    @Test
    void aFullQueueDropsItsOldestWithTheReasonAndAFailedDeliveryLetsTheNextOneGo() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "webhooks-");
        try (Receiver receiver = new Receiver().answering(500, 500, 500, 404);
                WebhookHub hub = new WebhookHub(dir, settings(3, 3), json)) {
            hub.put(new Webhook("ops", receiver.url("/hook"), SECRET, List.of(EventKind.SWARM_NODE), List.of("lab"), WebhookFormat.JSON));
            // filtered out: another cluster, another kind
            hub.offer(new HealthEvent(Instant.now(), "other", EventKind.SWARM_NODE, "x", "ready", "down", "m"));
            hub.offer(new HealthEvent(Instant.now(), "lab", EventKind.HEALTH, "lab", "HEALTHY", "DEGRADED", "m"));
            hub.offer(event(1));
            Await.until("the first attempt", Duration.ofSeconds(5), () -> !receiver.requests().isEmpty());
            // core-01 is in flight (never dropped); 2 and 3 join it, 4 drops 2, 5 drops 3
            IntStream.range(2, 6).forEach(i -> hub.offer(event(i)));
            List<Delivery> done = Await.until("every delivery finished", Duration.ofSeconds(15),
                    () -> hub.deliveries("ops").orElseThrow(), d -> d.stream().noneMatch(x -> x.status() == DeliveryStatus.PENDING));
            List<DeliveryStatus> statuses = done.stream().map(Delivery::status).toList();
            assertEquals(2, statuses.stream().filter(s -> s == DeliveryStatus.DROPPED).count(), done.toString());
            assertEquals(List.of("core-02", "core-03"), done.stream().filter(d -> d.status() == DeliveryStatus.DROPPED)
                    .map(Delivery::subject).toList());
            Delivery dropped = done.stream().filter(d -> d.status() == DeliveryStatus.DROPPED).findFirst().orElseThrow();
            assertTrue(dropped.lastError().contains("max-pending"), dropped.toString());
            assertEquals(0, dropped.attempts());
            Delivery first = done.stream().filter(d -> d.subject().equals("core-01")).findFirst().orElseThrow();
            assertEquals(DeliveryStatus.FAILED, first.status(), "500 three times: the attempts ran out");
            assertEquals(3, first.attempts());
            assertEquals("HTTP 500", first.lastError());
            Delivery refused = done.stream().filter(d -> d.subject().equals("core-04")).findFirst().orElseThrow();
            assertEquals(DeliveryStatus.FAILED, refused.status(), "a 404 is not retried: " + done);
            assertEquals(1, refused.attempts());
            assertEquals(404, refused.statusCode());
            Delivery last = done.get(done.size() - 1);
            assertEquals("core-05", last.subject(), done.toString());
            assertEquals(DeliveryStatus.DELIVERED, last.status(), done.toString());
            assertTrue(receiver.requests().stream().noneMatch(r -> r.text().contains("\"other\"") || r.text().contains("HEALTHY")),
                    "the filter keeps other clusters and kinds out");
            assertEquals(5, receiver.requests().size(), "3 + 1 + 1 attempts");
        }
    }

    @Test
    void aRemovedWebhookLeavesNoFileAndItsSecretShowsInNoText() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "webhooks-");
        try (WebhookHub hub = new WebhookHub(dir, settings(100, 1000), json)) {
            Webhook hook = new Webhook("gone", "http://127.0.0.1:" + FreePorts.next() + "/", SECRET, List.of(), List.of(), WebhookFormat.JSON);
            assertFalse(hook.toString().contains(SECRET), hook.toString());
            hub.put(hook);
            IntStream.range(1, 4).forEach(i -> hub.offer(event(i)));
            assertTrue(Files.isDirectory(dir.resolve("gone.pending")));
            assertTrue(hub.remove("gone"));
            hub.offer(event(4));
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of(), files.toList(), "no webhook file, no pending delivery");
            }
            assertFalse(hub.remove("gone"));
            assertTrue(hub.deliveries("gone").isEmpty());
        }
    }

    @Test
    void backoffDoublesUpToItsCap() {
        WebhookWorker w = new WebhookWorker(new Webhook("x", "http://127.0.0.1:1/", SECRET, List.of(), List.of(), WebhookFormat.JSON),
                null, null, settings(1, 10));
        assertEquals(List.of(100L, 200L, 400L, 400L, 400L),
                IntStream.rangeClosed(1, 5).mapToObj(w::backoff).map(Duration::toMillis).toList());
    }

    @Test
    void urlRules() {
        assertNull(WebhookRules.urlRule("https://hooks.example.com/services/T0/B0/x?y=1"));
        assertEquals("must be an http:// or https:// URL", WebhookRules.urlRule("ftp://example.com/x"));
        assertEquals("must be an http:// or https:// URL", WebhookRules.urlRule("/relative"));
        assertEquals("must name a host (http://host[:port]/path)", WebhookRules.urlRule("http:///x"));
        assertTrue(WebhookRules.urlRule("http://user:pw@example.com/").contains("user or password"));
        assertTrue(WebhookRules.urlRule("http://exa mple.com/").startsWith("must be a URL"));
    }
}
