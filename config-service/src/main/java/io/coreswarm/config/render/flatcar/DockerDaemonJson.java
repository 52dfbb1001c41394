package io.coreswarm.config.render.flatcar;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.coreswarm.config.render.NodeTlsFiles;

/**
 * {@code /etc/docker/daemon.json} carrying the engine labels and, with TLS, {@code tlsverify} and
 * the node's certificate files, written by Jackson so a label is only ever data. Flatcar's
 * {@code docker.service} passes no TLS flags and its listeners arrive by socket activation
 * ({@code --host=fd://}), so nothing here is also given as a flag (dockerd refuses a directive set
 * both ways). dockerd wraps only the TCP sockets it is handed in TLS, never the unix socket.
 */
final class DockerDaemonJson {

    static final String PATH = "/etc/docker/daemon.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DockerDaemonJson() {
    }

    static ButaneConfig.File of(Map<String, String> labels, boolean tls) {
        ObjectNode daemon = JSON.createObjectNode();
        ArrayNode list = daemon.putArray("labels");
        // dockerd takes engine labels as "key=value" strings
        labels.forEach((key, value) -> list.add(key + "=" + value));
        if (tls) {
            daemon.put("tlsverify", true)
                    .put("tlscacert", NodeTlsFiles.inNode(NodeTlsFiles.CA))
                    .put("tlscert", NodeTlsFiles.inNode(NodeTlsFiles.CERT))
                    .put("tlskey", NodeTlsFiles.inNode(NodeTlsFiles.KEY));
        }
        try {
            String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(daemon) + "\n";
            return new ButaneConfig.File(PATH, ButaneConfig.FileMode.RW_R_R, true, json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write daemon.json", e);
        }
    }
}
