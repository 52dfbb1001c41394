package io.coreswarm.config.render.coreos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.coreswarm.config.render.NodeTlsFiles;
import io.coreswarm.config.render.YamlDocument;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * The seed's cloud-config: etcd2 bootstrapped through discovery, the Docker engine on 2376
 * advertising itself in etcd, and the classic swarm agent (every node) and manager (manager
 * nodes; in the seed, all of them). Unit texts are the seed's, word for word.
 *
 * <p>With TLS (an option of this target) the same units take the node's files at
 * {@code /etc/coreswarm/tls} (the Vagrantfile copies them in): etcd2 serves clients and peers over
 * https with client-certificate auth, the engine runs {@code --tlsverify} on 2376 as docker-machine's
 * CoreOS provisioner set it up, and the engine's cluster store and both swarm containers reach etcd2
 * with the node's certificate ({@code kv.*} options, the folder mounted read-only); the swarm
 * manager serves its port with {@code --tlsverify} too.
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

    private static final String CA = NodeTlsFiles.inNode(NodeTlsFiles.CA);
    private static final String CERT = NodeTlsFiles.inNode(NodeTlsFiles.CERT);
    private static final String KEY = NodeTlsFiles.inNode(NodeTlsFiles.KEY);

    /** etcd through libkv (the engine's cluster store, swarm's discovery) with the node's certificate. */
    private static final String KV_TLS = "kv.cacertfile=" + CA + " %1$s kv.certfile=" + CERT + " %1$s kv.keyfile=" + KEY;

    private static final String DOCKER_OPTS_TLS = "--tlsverify --tlscacert=" + CA + " --tlscert=" + CERT + " --tlskey=" + KEY
            + " " + DOCKER_OPTS + " --cluster-store-opt " + KV_TLS.formatted("--cluster-store-opt");

    private static final String SWARM_TLS_MOUNT = "-v " + NodeTlsFiles.DIR + ":" + NodeTlsFiles.DIR + ":ro";

    private static final String SWARM_DISCOVERY_TLS = "--discovery-opt " + KV_TLS.formatted("--discovery-opt");

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

    private static final String SWARM_AGENT_TLS = SWARM_AGENT.replace(
            "--net=host swarm:latest join --addr=$public_ipv4:2376 ",
            "--net=host " + SWARM_TLS_MOUNT + " swarm:latest join --addr=$public_ipv4:2376 " + SWARM_DISCOVERY_TLS + " ");

    private static final String SWARM_MANAGER_TLS = SWARM_MANAGER.replace(
            "--net=host swarm:latest manage ",
            "--net=host " + SWARM_TLS_MOUNT + " swarm:latest manage --tlsverify --tlscacert=" + CA + " --tlscert=" + CERT
                    + " --tlskey=" + KEY + " " + SWARM_DISCOVERY_TLS + " ");

    private SeedCloudConfig() {
    }

    /** The seed's cloud-config, unchanged: no TLS. */
    static String render(String discoveryUrl, boolean manager, Map<String, String> labels) {
        return render(discoveryUrl, manager, labels, false);
    }

    /**
     * @param labels engine labels, appended to DOCKER_OPTS as {@code --label k=v}; the spec only
     *               admits values without quotes, spaces or backslashes, and these are escaped
     *               again for systemd's quoted Environment= all the same
     */
    static String render(String discoveryUrl, boolean manager, Map<String, String> labels, boolean tls) {
        String scheme = tls ? "https" : "http";
        Map<String, Object> etcd2 = new LinkedHashMap<>();
        etcd2.put("discovery", discoveryUrl);
        etcd2.put("advertise-client-urls", scheme + "://$public_ipv4:2379");
        etcd2.put("initial-advertise-peer-urls", scheme + "://$public_ipv4:2380");
        etcd2.put("listen-client-urls", "%1$s://0.0.0.0:2379,%1$s://0.0.0.0:4001".formatted(scheme));
        etcd2.put("listen-peer-urls", "%1$s://$public_ipv4:2380,%1$s://$public_ipv4:7001".formatted(scheme));
        if (tls) {
            // coreos-cloudinit turns these into etcd2's ETCD_CERT_FILE, ETCD_CLIENT_CERT_AUTH, ... environment
            etcd2.put("cert-file", CERT);
            etcd2.put("key-file", KEY);
            etcd2.put("trusted-ca-file", CA);
            etcd2.put("client-cert-auth", true);
            etcd2.put("peer-cert-file", CERT);
            etcd2.put("peer-key-file", KEY);
            etcd2.put("peer-trusted-ca-file", CA);
            etcd2.put("peer-client-cert-auth", true);
        }

        List<Object> units = new ArrayList<>();
        units.add(unit("etcd2.service"));
        Map<String, Object> docker = unit("docker.service");
        Map<String, Object> dropIn = new LinkedHashMap<>();
        dropIn.put("name", "custom.conf");
        dropIn.put("content", DOCKER_DROP_IN.formatted(systemdQuoted(dockerOpts(tls ? DOCKER_OPTS_TLS : DOCKER_OPTS, labels))));
        docker.put("drop-ins", List.of(dropIn));
        units.add(docker);
        units.add(swarmUnit("swarm-agent.service", tls ? SWARM_AGENT_TLS : SWARM_AGENT));
        if (manager) {
            units.add(swarmUnit("swarm-manager.service", tls ? SWARM_MANAGER_TLS : SWARM_MANAGER));
        }

        Map<String, Object> coreos = new LinkedHashMap<>();
        coreos.put("etcd2", etcd2);
        coreos.put("units", units);
        Node root = YamlDocument.of(Map.of("coreos", coreos));
        commentDiscovery(root);
        return HEADER + YamlDocument.dump(root, true);
    }

    private static String dockerOpts(String base, Map<String, String> labels) {
        StringBuilder opts = new StringBuilder(base);
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
