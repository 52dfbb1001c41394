package io.coreswarm.config.render.flatcar;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /etc/docker/daemon.json} carrying the engine labels, written by Jackson so a label is only ever data. */
final class DockerDaemonJson {

    static final String PATH = "/etc/docker/daemon.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DockerDaemonJson() {
    }

    static ButaneConfig.File withLabels(Map<String, String> labels) {
        ObjectNode daemon = JSON.createObjectNode();
        ArrayNode list = daemon.putArray("labels");
        // dockerd takes engine labels as "key=value" strings
        labels.forEach((key, value) -> list.add(key + "=" + value));
        try {
            String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(daemon) + "\n";
            return new ButaneConfig.File(PATH, ButaneConfig.FileMode.RW_R_R, true, json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write daemon.json", e);
        }
    }
}
