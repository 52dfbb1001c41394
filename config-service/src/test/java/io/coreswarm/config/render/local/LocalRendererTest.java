package io.coreswarm.config.render.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.api.render.RenderedFile;
import io.coreswarm.api.spec.ClusterSpec;
import io.coreswarm.config.render.RenderContext;
import io.coreswarm.config.render.RubyCheck;
import io.coreswarm.config.render.Subnet;

class LocalRendererTest {
    static final String DISCOVERY = "http://172.29.7.1:8081/v1/discovery/0123456789abcdef0123456789abcdef";
    final LocalRenderer renderer = new LocalRenderer();

    List<RenderedFile> render(ClusterSpec spec) {
        return renderer.render(new RenderContext(spec, DISCOVERY, new Subnet("172.29.7")));
    }

    static RenderedFile file(List<RenderedFile> files, String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void vagrantfileCarriesTheSpecAsRubyValues() {
        String vf = file(render(new ClusterSpec("demo", 3, null, null, null, 512, 2, 2380, 1, null)), "Vagrantfile").content();
        assertEquals("demo|3|1|coreswarm-demo|172.29.7.0/24|" + DISCOVERY + "|2380|512|2",
                RubyCheck.evaluate(vf, "[CLUSTER, NUM_INSTANCES, NUM_MANAGERS, NETWORK, SUBNET, DISCOVERY_URL, DOCKER_PORT, MEMORY_MB, CPUS].join('|')"));
    }

    @Test
    void startScriptIsExecutableAndPassesBashSyntaxCheck() throws Exception {
        RenderedFile script = file(render(ClusterSpec.named("demo")), "node/start.sh");
        assertEquals("0755", script.mode());
        Process bash = new ProcessBuilder("bash", "-n", "-c", script.content()).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes());
        assertEquals(0, bash.waitFor(), out);
    }

    @Test
    void labelsAreJsonDataInDaemonJson() throws Exception {
        Map<String, String> labels = Map.of("zone", "a\", \"hosts\": [\"tcp://0.0.0.0:1\"]", "rack", "$(reboot)");
        String json = file(render(new ClusterSpec("demo", 1, null, null, null, null, null, null, null, labels)), "node/daemon.json").content();
        Map<?, ?> daemon = new ObjectMapper().readValue(json, Map.class);
        assertEquals(List.of("labels"), List.copyOf(daemon.keySet()), "no key was injected");
        assertEquals(List.of("rack=$(reboot)", "zone=a\", \"hosts\": [\"tcp://0.0.0.0:1\"]"), daemon.get("labels"));
    }

    @Test
    void aHostileNameOrUrlIsOnlyAStringToRuby() {
        String name = "x'; system('touch /tmp/pwned') # \\' \n#{`id`}";
        String url = "http://h/'+`id`+'";
        String vf = renderer.render(new RenderContext(ClusterSpec.named(name), url, new Subnet("172.29.7")))
                .get(0).content();
        assertEquals(name + "|" + url, RubyCheck.evaluate(vf, "[CLUSTER, DISCOVERY_URL].join('|')"));
        assertTrue(vf.contains("d.cmd = ['/bin/bash', \"#{NODE_MOUNT}/start.sh\"]"));
    }

    @Test
    void nodesRunWithNodeLayoutsFlagsAndACgroupNamespaceOfTheirOwn() {
        String vf = file(render(new ClusterSpec("demo", 2, null, null, null, 512, 2, null, 1, null)), "Vagrantfile").content();
        assertEquals(String.join("|", NodeLayout.DIND_CREATE_ARGS), RubyCheck.evaluate(vf, "DIND_CREATE_ARGS.join('|')"));
        assertTrue(NodeLayout.DIND_CREATE_ARGS.containsAll(List.of("--cgroupns", "private")));
        assertTrue(RubyCheck.evaluate(vf, "NODE_CREATE_ARGS.join('|')").startsWith(String.join("|", NodeLayout.DIND_CREATE_ARGS) + "|--memory|512m|--cpus|2|"));
        assertEquals("core-02|172.29.7.102|/coreswarm",
                RubyCheck.evaluate(vf, "[format(MACHINE_NAME_FORMAT, 2), \"#{SUBNET_PREFIX}.#{HOST_NUMBER_BASE + 2}\", NODE_MOUNT].join('|')"));
        assertTrue(!vf.contains("'--privileged'"), "never --privileged: this sandbox refuses it");
    }

    @Test
    void startScriptMakesCgroupsWritablePublishesCapabilitiesAndImportsTheProbe() {
        String script = file(render(ClusterSpec.named("demo")), "node/start.sh").content();
        // cgroup v1: each hierarchy mounted again read-write; v2: hack/dind's nesting
        assertTrue(script.contains("mount -t cgroup -o \"$opts\" cgroup \"$dir\""), script);
        assertTrue(script.contains("/sys/fs/cgroup/cgroup.subtree_control"));
        for (String label : List.of(NodeLayout.CAPABILITY_IPVS, NodeLayout.CAPABILITY_VXLAN, NodeLayout.CAPABILITY_CGROUPS,
                NodeLayout.CGROUP_VERSION_LABEL)) {
            assertTrue(script.contains("\"" + label + "=$"), label);
        }
        assertTrue(script.contains("- " + NodeLayout.PROBE_IMAGE), "the probe image is imported under NodeLayout's name");
        assertTrue(script.contains("--config-file /run/coreswarm/daemon.json"));
    }

    @Test
    void aRegistryOnCore01IsPassedToEveryNodeOnlyWhenTheSpecAsksForIt() {
        String off = file(render(new ClusterSpec("demo", 2, null, null, null, null, null, null, 1, null)), "Vagrantfile").content();
        assertEquals("", RubyCheck.evaluate(off, "REGISTRY"));
        String on = file(render(ClusterSpec.named("demo").withNodes(2).withRegistry(true)), "Vagrantfile").content();
        assertEquals("172.29.7.101:" + NodeLayout.REGISTRY_PORT, RubyCheck.evaluate(on, "REGISTRY"));
        assertTrue(on.contains("'NODE_REGISTRY' => REGISTRY,"), on);

        String script = file(render(ClusterSpec.named("demo").withRegistry(true)), "node/start.sh").content();
        // trusted by every node's dockerd as JSON data; served on the node it names
        assertTrue(script.contains("--arg registry \"${NODE_REGISTRY:-}\""), script);
        assertTrue(script.contains(".[\"insecure-registries\"]"), script);
        assertTrue(script.contains("REGISTRY_HTTP_ADDR=\"$NODE_REGISTRY\" docker-registry serve"), script);
    }

    @Test
    void withTlsEachNodeMountsItsPkiFolderAndRunsDockerdAndEtcdWithIt() {
        ClusterSpec spec = ClusterSpec.named("demo").withNodes(2);
        assertTrue(spec.tls(), "tls is the default on local");
        String vf = file(render(spec), "Vagrantfile").content();
        assertEquals("true|" + NodeLayout.TLS_MOUNT + "|" + NodeLayout.DOCKER_TLS_PORT, RubyCheck.evaluate(vf, "[TLS, TLS_MOUNT, DOCKER_PORT].join('|')"));
        // the folder comes from the provisioner's environment, else the workspace's pki/ beside machines/
        assertTrue(RubyCheck.evaluate(vf, "PKI_DIR").endsWith("/../" + NodeLayout.PKI_DIR), RubyCheck.evaluate(vf, "PKI_DIR"));
        assertTrue(vf.contains("PKI_DIR = ENV.fetch('CORESWARM_PKI_DIR', "), vf);
        // the node's own folder, read-only, as a folder (regenerated files appear in it)
        assertTrue(vf.contains("d.volumes << \"#{File.expand_path(File.join(PKI_DIR, 'nodes', name))}:#{TLS_MOUNT}:ro\" if TLS"), vf);
        assertTrue(vf.contains("'NODE_TLS' => TLS ? TLS_MOUNT : '',"), vf);
        assertTrue(!vf.contains("PRIVATE KEY"), "no key passes through config-service");

        String script = file(render(spec), "node/start.sh").content();
        assertTrue(script.contains("tls_dockerd=(--tlsverify --tlscacert \"$NODE_TLS/ca.pem\" --tlscert \"$NODE_TLS/server.pem\" "
                + "--tlskey \"$NODE_TLS/server-key.pem\")"), script);
        for (String flag : List.of("--client-cert-auth --trusted-ca-file \"$NODE_TLS/ca.pem\"",
                "--cert-file \"$NODE_TLS/server.pem\" --key-file \"$NODE_TLS/server-key.pem\"",
                "--peer-client-cert-auth --peer-trusted-ca-file \"$NODE_TLS/ca.pem\"",
                "--peer-cert-file \"$NODE_TLS/server.pem\" --peer-key-file \"$NODE_TLS/server-key.pem\"",
                "--listen-client-urls \"$scheme://0.0.0.0:2379\"", "scheme=https")) {
            assertTrue(script.contains(flag), flag);
        }
        assertTrue(script.contains("-H unix:///var/run/docker.sock -H \"tcp://0.0.0.0:$DOCKER_PORT\""), script);
    }

    @Test
    void withoutTlsNothingIsMountedAndDockerIsPlainTcpOn2375() {
        String vf = file(render(ClusterSpec.named("demo").withTls(false)), "Vagrantfile").content();
        assertEquals("false|" + NodeLayout.DOCKER_PORT, RubyCheck.evaluate(vf, "[TLS, DOCKER_PORT].join('|')"));
        String script = file(render(ClusterSpec.named("demo").withTls(false)), "node/start.sh").content();
        assertTrue(script.contains("tls_dockerd=(--tls=false)"), script);
    }
}
