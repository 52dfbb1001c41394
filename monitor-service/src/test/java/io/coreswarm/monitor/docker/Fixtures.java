package io.coreswarm.monitor.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.model.Info;

/**
 * Classic swarm managers' {@code GET /info} answers, read with docker-java's own model as the
 * probe reads them. Classic swarm runs nowhere today, so these fixtures stand in for it.
 */
final class Fixtures {
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** The seed transcript's top-level lines and the Info fields the docker CLI printed them from. */
    private static final Map<String, String> FIELDS = Map.of("Containers", "Containers", " Running", "ContainersRunning",
            " Paused", "ContainersPaused", " Stopped", "ContainersStopped", "Images", "Images", "Server Version", "ServerVersion",
            "Kernel Version", "KernelVersion", "Operating System", "OperatingSystem", "Architecture", "Architecture", "Name", "Name");

    private Fixtures() {
    }

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Info info(String jsonFixture) {
        try {
            return JSON.readValue(text(jsonFixture), Info.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The seed's {@code docker info} transcript turned back into the manager's answer: the CLI
     * printed every SystemStatus row as {@code key + ": " + value}, so the rows from Role to the
     * last node row split at the first ": " again; the lines around them are Info fields.
     */
    static Info seedInfo() {
        ObjectNode info = JSON.createObjectNode();
        List<List<String>> systemStatus = new ArrayList<>();
        boolean inSwarm = false;
        for (String line : text("seed-docker-info.txt").lines().toList()) {
            int colon = line.indexOf(": ");
            String key = colon < 0 ? line.replace(":", "") : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 2);
            if (key.equals("Role")) {
                inSwarm = true;
            } else if (key.equals("Plugins")) {
                inSwarm = false;
            }
            if (inSwarm) {
                systemStatus.add(List.of(key, value));
            } else if (key.equals("CPUs")) {
                info.put("NCPU", Integer.parseInt(value));
            } else if (FIELDS.containsKey(key)) {
                String field = FIELDS.get(key);
                if (value.matches("\\d+")) {
                    info.put(field, Integer.parseInt(value));
                } else {
                    info.put(field, value);
                }
            }
        }
        info.set("SystemStatus", JSON.valueToTree(systemStatus));
        return JSON.convertValue(info, Info.class);
    }
}
