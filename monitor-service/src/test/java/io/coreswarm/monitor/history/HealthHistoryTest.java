package io.coreswarm.monitor.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.coreswarm.api.health.ClusterHealth;
import io.coreswarm.api.health.EtcdMemberHealth;
import io.coreswarm.api.health.HealthStatus;
import io.coreswarm.api.history.ClusterHistory;
import io.coreswarm.api.history.HistoryPoint;
import io.coreswarm.api.history.NodePart;
import io.coreswarm.api.history.NodeState;
import io.coreswarm.api.problem.ProblemException;

/**
 * The tiers on a small scale (30 raw polls, 120 minutes, 48 hours), polls every 10 s for three
 * and a half hours: recent polls come back as they were, older ones merged by minute and then by hour, no
 * poll counted twice or lost, the worst status and the members down kept through the merges, and
 * all of it the same after a write and a read into a new instance.
 */
class HealthHistoryTest {
    static final Instant START = Instant.parse("2026-11-30T09:00:00Z");
    final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    record Small(int rawPoints, int minutePoints, int hourPoints, Duration flushInterval) implements HistoryConfig {
    }

    static ClusterHealth health(Instant at, boolean e2Up) {
        List<EtcdMemberHealth> members = List.of(member("e1", true), member("e2", e2Up), member("e3", true));
        return new ClusterHealth("lab", e2Up ? HealthStatus.HEALTHY : HealthStatus.DEGRADED, List.of(), at, null, "e1", members, null,
                null, null, List.of());
    }

    static EtcdMemberHealth member(String name, boolean up) {
        return new EtcdMemberHealth(name, name, "http://127.0.0.1:2379", up, false, null, null, null, null, null, false, List.of(),
                up ? null : "connection refused");
    }

    @Test
    void recentPollsRawOlderOnesMergedByMinuteThenHourAndAllOfItReloaded() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "history-");
        HealthHistory history = new HealthHistory(dir, new Small(30, 120, 48, Duration.ofMinutes(1)), json);
        history.record(ClusterHealth.notPolled("lab"));
        int polls = 3 * 360 + 180;
        for (int i = 0; i < polls; i++) {
            // e2 down for one poll at 09:30:00, and for the last three polls
            boolean down = i == 180 || i >= polls - 3;
            history.record(health(START.plusSeconds(10L * i), !down));
        }
        Instant now = START.plusSeconds(10L * polls);

        ClusterHistory all = history.query("lab", "2026-11-30T09:00:00Z", "1h", now);
        assertEquals(3600, all.stepSeconds());
        assertEquals(List.of(START, START.plusSeconds(3600), START.plusSeconds(7200), START.plusSeconds(10800)),
                all.points().stream().map(HistoryPoint::time).toList());
        assertEquals(polls, all.points().stream().mapToInt(HistoryPoint::samples).sum(), "every poll once");
        HistoryPoint first = all.points().get(0);
        assertEquals(HealthStatus.DEGRADED, first.status(), "the one DEGRADED poll shows in its hour");
        assertEquals(359, first.healthy());
        assertEquals(2, first.etcdUp());
        assertEquals(3, first.etcdMembers());
        assertEquals(List.of(new NodeState(NodePart.ETCD, "e2", "down")), first.notUp());
        assertEquals(HealthStatus.HEALTHY, all.points().get(1).status());
        assertEquals(List.of(), all.points().get(1).notUp());
        assertEquals(HealthStatus.HEALTHY, all.points().get(2).status(), "an hour taken from minute buckets");
        assertEquals(360, all.points().get(2).samples());
        assertEquals(HealthStatus.DEGRADED, all.points().get(3).status(), "the last half hour: minutes, then raw polls");
        assertEquals(180, all.points().get(3).samples());
        assertEquals(177, all.points().get(3).healthy());

        // the last minute: raw polls, one point each at a 10 s step
        ClusterHistory recent = history.query("lab", "60s", "10s", now);
        assertEquals(6, recent.points().size(), recent.toString());
        assertTrue(recent.points().stream().allMatch(p -> p.samples() == 1));
        assertEquals(List.of(HealthStatus.HEALTHY, HealthStatus.DEGRADED, HealthStatus.DEGRADED, HealthStatus.DEGRADED),
                recent.points().subList(2, 6).stream().map(HistoryPoint::status).toList());
        // the last 10 minutes at 1 s: the 5 minutes before the raw polls from minute buckets
        ClusterHistory tenMinutes = history.query("lab", "10m", "1s", now);
        assertEquals(35, tenMinutes.points().size(), tenMinutes.toString());
        assertEquals(60, tenMinutes.points().stream().mapToInt(HistoryPoint::samples).sum(), tenMinutes.toString());

        history.flush();
        HealthHistory reloaded = new HealthHistory(dir, new Small(30, 120, 48, Duration.ofMinutes(1)), json);
        reloaded.load("lab");
        assertEquals(all.points(), reloaded.query("lab", "2026-11-30T09:00:00Z", "1h", now).points());
        assertEquals(recent.points(), reloaded.query("lab", "60s", "10s", now).points());

        reloaded.forget("lab");
        assertFalse(Files.exists(dir.resolve("lab.json")));
        assertEquals(List.of(), reloaded.query("lab", "1h", "1m", now).points());
    }

    @Test
    void parametersAreBounded() {
        Instant now = START;
        Instant oldest = now.minus(Duration.ofDays(30));
        assertEquals(new HistoryQuery(now.minus(Duration.ofHours(1)), Duration.ofMinutes(1)), HistoryQuery.read(null, null, now, oldest));
        assertEquals(new HistoryQuery(Instant.parse("2026-11-30T08:30:00Z"), Duration.ofSeconds(30)),
                HistoryQuery.read("2026-11-30T09:30:00+01:00", "30s", now, oldest));
        assertEquals("since", field(() -> HistoryQuery.read("31d", "1d", now, oldest)));
        assertEquals("since", field(() -> HistoryQuery.read("tomorrow", "1m", now, oldest)));
        assertEquals("step", field(() -> HistoryQuery.read("1d", "1s", now, oldest)));
        assertEquals("step", field(() -> HistoryQuery.read("1h", "25h", now, oldest)));
        assertEquals("step", field(() -> HistoryQuery.read("1h", "-1s", now, oldest)));
    }

    static String field(Runnable r) {
        try {
            r.run();
        } catch (ProblemException e) {
            assertEquals(400, e.problem().status());
            return e.problem().violations().get(0).field();
        }
        throw new AssertionError("not refused");
    }
}
