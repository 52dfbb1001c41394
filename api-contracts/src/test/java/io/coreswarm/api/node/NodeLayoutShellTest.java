package io.coreswarm.api.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Shell scripts (benchmarks, scripts) read the node layout from {@code scripts/lib/node-layout.sh};
 * NodeLayout is its one definition, so the copy must say exactly the same, as bash reads it.
 */
class NodeLayoutShellTest {
    static final Path SCRIPT = Path.of("..", "scripts", "lib", "node-layout.sh");

    @Test
    void theShellCopySaysWhatNodeLayoutSays() throws Exception {
        List<String> values = bash(". " + SCRIPT + "; printf '%s\\0' \"$NODE_IMAGE\" \"$PROBE_IMAGE\" \"$CLUSTER_LABEL\" "
                + "\"$DOCKER_PORT\" \"$DOCKER_TLS_PORT\" \"$PKI_DIR\" \"$TLS_MOUNT\" "
                + "\"$SWARM_PORT\" \"$ETCD_CLIENT_PORT\" \"$ETCD_PEER_PORT\" \"$REGISTRY_PORT\" "
                + "\"$(machine_name 7)\" \"$(node_address 172.29.1 3)\"");
        assertEquals(List.of(NodeLayout.NODE_IMAGE, NodeLayout.PROBE_IMAGE, NodeLayout.CLUSTER_LABEL,
                String.valueOf(NodeLayout.DOCKER_PORT), String.valueOf(NodeLayout.DOCKER_TLS_PORT), NodeLayout.PKI_DIR,
                NodeLayout.TLS_MOUNT, String.valueOf(NodeLayout.SWARM_PORT),
                String.valueOf(NodeLayout.ETCD_CLIENT_PORT), String.valueOf(NodeLayout.ETCD_PEER_PORT),
                String.valueOf(NodeLayout.REGISTRY_PORT), NodeLayout.machineName(7), NodeLayout.address("172.29.1", 3)), values);
        assertEquals(NodeLayout.DIND_CREATE_ARGS, bash(". " + SCRIPT + "; printf '%s\\0' \"${DIND_CREATE_ARGS[@]}\""));
    }

    static List<String> bash(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", script).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(SCRIPT)) {
            throw new AssertionError("bash could not read " + SCRIPT + ": " + out);
        }
        return Arrays.asList(out.split("\0"));
    }
}
