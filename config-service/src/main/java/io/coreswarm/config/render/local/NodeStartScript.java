package io.coreswarm.config.render.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The command of every local node container ({@code start.sh}, a resource beside this class so
 * that it can be read, linted and tried by hand as the shell script it is). Fixed text: the node's
 * values come from the environment the Vagrantfile sets, and are only ever expanded inside double
 * quotes. At start it makes the node's cgroups writable (v1 or v2), checks the kernel for what
 * Swarm needs and publishes it as engine labels, starts etcd and dockerd, and imports the probe image.
 */
final class NodeStartScript {
    private NodeStartScript() {
    }

    static final String CONTENT = load();

    private static String load() {
        try (InputStream in = NodeStartScript.class.getResourceAsStream("start.sh")) {
            if (in == null) {
                throw new IllegalStateException("start.sh is missing beside " + NodeStartScript.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
