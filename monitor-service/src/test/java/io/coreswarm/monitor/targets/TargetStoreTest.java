package io.coreswarm.monitor.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.api.health.MonitorTarget;

/** Targets outlive the process: a new store on the same directory knows them all. */
class TargetStoreTest {
    final ObjectMapper json = new ObjectMapper();

    @Test
    void targetsSurviveARestartAndABadFileIsSkipped() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "targets-");
        MonitorTarget a = new MonitorTarget("a", List.of("tcp://10.0.0.1:2375"), List.of(), "mode", "v3");
        MonitorTarget b = new MonitorTarget("b", List.of(), List.of("http://10.0.0.1:2379"), "classic", "v2");
        TargetStore first = new TargetStore(dir, json);
        assertTrue(first.put(a));
        assertTrue(first.put(b));
        assertFalse(first.put(b), "the same name again replaces it");
        Files.writeString(dir.resolve("broken.json"), "{not json");

        TargetStore restarted = new TargetStore(dir, json);
        assertEquals(List.of(a, b), restarted.all());

        assertTrue(restarted.remove("a"));
        assertFalse(restarted.remove("a"));
        assertEquals(List.of(b), new TargetStore(dir, json).all());
    }
}
