package io.coreswarm.monitor.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
}
