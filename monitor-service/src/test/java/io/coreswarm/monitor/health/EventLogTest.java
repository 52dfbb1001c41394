package io.coreswarm.monitor.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.coreswarm.api.health.EventKind;
import io.coreswarm.api.health.HealthEvent;

class EventLogTest {
    final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void memoryKeepsTheLatestWhileTheFileKeepsAllAndRefillsMemoryOnStart() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "events-");
        EventLog log = new EventLog(dir, 3, json);
        List<HealthEvent> five = IntStream.range(0, 5).mapToObj(i -> new HealthEvent(Instant.ofEpochSecond(i), "c",
                EventKind.SWARM_NODE, "core-0" + i, "ready", "down", "swarm node core-0" + i + " down")).toList();
        log.record(five);
        assertEquals(five.subList(2, 5), log.recent("c"));
        assertEquals(5, Files.readAllLines(dir.resolve("c.jsonl")).size());

        EventLog restarted = new EventLog(dir, 3, json);
        restarted.load("c");
        assertEquals(five.subList(2, 5), restarted.recent("c"));

        restarted.forget("c");
        assertEquals(List.of(), restarted.recent("c"));
        assertFalse(Files.exists(dir.resolve("c.jsonl")));
    }

    @Test
    void filesAreRotatedBySizeKeepingABoundedNumberAndMemoryIsRefilledAcrossThem() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "events-");
        EventLog log = new EventLog(dir, 50, json, 1000, 2);
        List<HealthEvent> many = IntStream.range(0, 100).mapToObj(i -> new HealthEvent(Instant.ofEpochSecond(i), "c",
                EventKind.SWARM_NODE, "core-" + i, "ready", "down", "swarm node core-" + i + " down")).toList();
        log.record(many);
        try (var files = Files.list(dir)) {
            assertEquals(List.of("c.1.jsonl", "c.2.jsonl", "c.jsonl"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        for (String name : List.of("c.jsonl", "c.1.jsonl", "c.2.jsonl")) {
            assertTrue(Files.size(dir.resolve(name)) <= 1000, name + " is " + Files.size(dir.resolve(name)) + " bytes");
        }
        // the newest lines are in c.jsonl, the ones before in c.1.jsonl, then c.2.jsonl; older ones are gone
        List<String> lines = new java.util.ArrayList<>();
        for (String name : List.of("c.2.jsonl", "c.1.jsonl", "c.jsonl")) {
            lines.addAll(Files.readAllLines(dir.resolve(name)));
        }
        assertTrue(lines.size() < 100, "older files deleted");
        assertTrue(lines.get(lines.size() - 1).contains("core-99"));
        assertEquals(many.subList(100 - lines.size(), 100), lines.stream().map(l -> {
            try {
                return json.readValue(l, HealthEvent.class);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList(), "consecutive, none lost between files");

        EventLog restarted = new EventLog(dir, Math.min(50, lines.size()), json, 1000, 2);
        restarted.load("c");
        assertEquals(many.subList(100 - Math.min(50, lines.size()), 100), restarted.recent("c"), "memory refilled across the files");

        restarted.forget("c");
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "every file of the target removed");
        }
    }
}
