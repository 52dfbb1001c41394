package io.coreswarm.config.render.coreos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.coreswarm.config.render.YamlDocument;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * The seed's cloud-config: etcd2 bootstrapped through discovery, the Docker engine on 2376
 * advertising itself in etcd, and the classic swarm agent (every node) and manager (manager
 * nodes; in the seed, all of them). Unit texts are the seed's, word for word.
 */
final class SeedCloudConfig {
    static final String HEADER = "#cloud-config\n\n";

    private static final String DOCKER_DROP_IN = """
            [Service]
            # Start the docker engine on a different port, so that it does not
            # conflict with the swarm-manager that will be running on 2375. This
            # way you can interact with the Swarm as if it were a regular instance
            # with tools like the Docker client or Compose. Also, tell the engine
            # to advertise itself via etcd.
            Environment="DOCKER_OPTS=%s"
            """;

    private static final String DOCKER_OPTS =
            "-H=0.0.0.0:2376 -H unix:///var/run/docker.sock --cluster-advertise eth1:2376 --cluster-store etcd://127.0.0.1:2379";

    private static final String SWARM_AGENT = """
            [Unit]
            Description=Docker Swarm agent
            After=docker.service
            Requires=docker.service

            [Service]
            TimeoutStartSec=0
            ExecStartPre=-/usr/bin/docker kill swarm-agent
            ExecStartPre=-/usr/bin/docker rm swarm-agent
            ExecStartPre=/usr/bin/docker pull swarm:latest
            ExecStart=/usr/bin/docker run -d --name swarm-agent --net=host swarm:latest join --addr=$public_ipv4:2376 etcd://127.0.0.1:2379

            [Install]
            WantedBy=multi-user.target
            """;

    private static final String SWARM_MANAGER = """
            [Unit]
            Description=Docker Swarm manager
            After=swarm-agent.service
            Requires=swarm-agent.service

            [Service]
            TimeoutStartSec=0
            ExecStartPre=-/usr/bin/docker kill swarm-manager
            ExecStartPre=-/usr/bin/docker rm swarm-manager
            ExecStartPre=/usr/bin/docker pull swarm:latest
            ExecStart=/usr/bin/docker run -d --name swarm-manager --net=host swarm:latest manage etcd://127.0.0.1:2379

            [Install]
            WantedBy=multi-user.target
            """;

    private SeedCloudConfig() {
    }

    /**
     * @param labels engine labels, appended to DOCKER_OPTS as {@code --label k=v}; the spec only
     *               admits values without quotes, spaces or backslashes, and these are escaped
     *               again for systemd's quoted Environment= all the same
     */
    static String render(String discoveryUrl, boolean manager, Map<String, String> labels) {
        Map<String, Object> etcd2 = new LinkedHashMap<>();
        etcd2.put("discovery", discoveryUrl);
        etcd2.put("advertise-client-urls", "http://$public_ipv4:2379");
        etcd2.put("initial-advertise-peer-urls", "http://$public_ipv4:2380");
        etcd2.put("listen-client-urls", "http://0.0.0.0:2379,http://0.0.0.0:4001");
        etcd2.put("listen-peer-urls", "http://$public_ipv4:2380,http://$public_ipv4:7001");

        List<Object> units = new ArrayList<>();
        units.add(unit("etcd2.service"));
        Map<String, Object> docker = unit("docker.service");
        Map<String, Object> dropIn = new LinkedHashMap<>();
        dropIn.put("name", "custom.conf");
        dropIn.put("content", DOCKER_DROP_IN.formatted(systemdQuoted(dockerOpts(labels))));
        docker.put("drop-ins", List.of(dropIn));
        units.add(docker);
        units.add(swarmUnit("swarm-agent.service", SWARM_AGENT));
        if (manager) {
            units.add(swarmUnit("swarm-manager.service", SWARM_MANAGER));
        }

        Map<String, Object> coreos = new LinkedHashMap<>();
        coreos.put("etcd2", etcd2);
        coreos.put("units", units);
        Node root = YamlDocument.of(Map.of("coreos", coreos));
        commentDiscovery(root);
        return HEADER + YamlDocument.dump(root, true);
    }

    private static String dockerOpts(Map<String, String> labels) {
        StringBuilder opts = new StringBuilder(DOCKER_OPTS);
        labels.forEach((k, v) -> opts.append(" --label ").append(k).append('=').append(v));
        return opts.toString();
    }

    /** Inside Environment="...", systemd reads backslash escapes; a quote would end the value. */
    private static String systemdQuoted(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static Map<String, Object> unit(String name) {
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("name", name);
        unit.put("command", "start");
        return unit;
    }

    private static Map<String, Object> swarmUnit(String name, String content) {
        Map<String, Object> unit = unit(name);
        unit.put("enable", true);
        unit.put("content", content);
        return unit;
    }

    private static void commentDiscovery(Node root) {
        MappingNode coreos = (MappingNode) ((MappingNode) root).getValue().get(0).getValueNode();
        MappingNode etcd2 = (MappingNode) coreos.getValue().get(0).getValueNode();
        NodeTuple discovery = etcd2.getValue().get(0);
        YamlDocument.commented(discovery.getKeyNode(),
                "Discovery URL minted by coreswarm once for this cluster (coreos-vagrant fetched one on every 'vagrant up')");
    }
}
