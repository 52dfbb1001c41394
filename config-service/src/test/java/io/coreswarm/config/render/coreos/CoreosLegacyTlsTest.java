package io.coreswarm.config.render.coreos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.api.render.RenderedFile;
import io.coreswarm.api.spec.ClusterSpec;
import io.coreswarm.api.spec.Target;
import io.coreswarm.api.validation.Finding;
import io.coreswarm.api.validation.ValidationReport;
import io.coreswarm.config.render.RubyCheck;
import io.coreswarm.config.validation.CloudConfigValidator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** coreos-legacy with {@code "tls": true}: the seed's cluster behind the cluster's CA. */
class CoreosLegacyTlsTest {

    static final String CA = "/etc/coreswarm/tls/ca.pem";
    static final String CERT = "/etc/coreswarm/tls/server.pem";
    static final String KEY = "/etc/coreswarm/tls/server-key.pem";

    @TempDir
    Path dir;

    static ClusterSpec tlsSpec(int nodes, Integer managers) {
        return new ClusterSpec("seed", nodes, Target.COREOS_LEGACY, null, null, null, null, null, managers, Map.of("zone", "a"))
                .withTls(true);
    }

    static List<RenderedFile> render(ClusterSpec spec) {
        return CoreosLegacyBytesTest.render(spec);
    }

    @Test
    void tlsIsAnOptionAndTakesDockersTlsPort() {
        assertFalse(CoreosLegacyRendererTest.seedSpec().tls(), "the seed's cluster is the default");
        ClusterSpec spec = tlsSpec(3, null);
        assertTrue(spec.tls());
        assertEquals(2376, spec.dockerPort());
    }

    @Test
    @SuppressWarnings("unchecked")
    void etcd2ServesClientsAndPeersOverHttpsWithClientCertificates() {
        Map<String, Object> etcd2 = CoreosLegacyRendererTest.etcd2(CoreosLegacyRendererTest.load(
                CoreosLegacyRendererTest.file(render(tlsSpec(3, null)), "user-data")));
        assertEquals(CoreosLegacyRendererTest.DISCOVERY, etcd2.get("discovery"));
        assertEquals("https://$public_ipv4:2379", etcd2.get("advertise-client-urls"));
        assertEquals("https://$public_ipv4:2380", etcd2.get("initial-advertise-peer-urls"));
        assertEquals("https://0.0.0.0:2379,https://0.0.0.0:4001", etcd2.get("listen-client-urls"));
        assertEquals("https://$public_ipv4:2380,https://$public_ipv4:7001", etcd2.get("listen-peer-urls"));
        assertEquals(CERT, etcd2.get("cert-file"));
        assertEquals(KEY, etcd2.get("key-file"));
        assertEquals(CA, etcd2.get("trusted-ca-file"));
        assertEquals(true, etcd2.get("client-cert-auth"));
        assertEquals(CERT, etcd2.get("peer-cert-file"));
        assertEquals(KEY, etcd2.get("peer-key-file"));
        assertEquals(CA, etcd2.get("peer-trusted-ca-file"));
        assertEquals(true, etcd2.get("peer-client-cert-auth"));
    }

    @Test
    void dockerAndBothSwarmContainersUseTheNodesCertificate() {
        List<RenderedFile> files = render(tlsSpec(3, 1));
        String manager = CoreosLegacyRendererTest.file(files, "user-data");
        String worker = CoreosLegacyRendererTest.file(files, "user-data-worker");
        Map<String, String> units = units(manager);

        String docker = units.get("docker.service/custom.conf");
        assertTrue(docker.contains("Environment=\"DOCKER_OPTS=--tlsverify --tlscacert=" + CA + " --tlscert=" + CERT
                + " --tlskey=" + KEY + " -H=0.0.0.0:2376 -H unix:///var/run/docker.sock --cluster-advertise eth1:2376"
                + " --cluster-store etcd://127.0.0.1:2379 --cluster-store-opt kv.cacertfile=" + CA
                + " --cluster-store-opt kv.certfile=" + CERT + " --cluster-store-opt kv.keyfile=" + KEY + " --label zone=a\"\n"), docker);

        String discovery = "--discovery-opt kv.cacertfile=" + CA + " --discovery-opt kv.certfile=" + CERT
                + " --discovery-opt kv.keyfile=" + KEY + " etcd://127.0.0.1:2379";
        assertTrue(units.get("swarm-agent.service").contains("ExecStart=/usr/bin/docker run -d --name swarm-agent --net=host"
                + " -v /etc/coreswarm/tls:/etc/coreswarm/tls:ro swarm:latest join --addr=$public_ipv4:2376 " + discovery + "\n"),
                units.get("swarm-agent.service"));
        assertTrue(units.get("swarm-manager.service").contains("ExecStart=/usr/bin/docker run -d --name swarm-manager --net=host"
                + " -v /etc/coreswarm/tls:/etc/coreswarm/tls:ro swarm:latest manage --tlsverify --tlscacert=" + CA
                + " --tlscert=" + CERT + " --tlskey=" + KEY + " " + discovery + "\n"), units.get("swarm-manager.service"));

        Map<String, String> workerUnits = units(worker);
        assertFalse(workerUnits.containsKey("swarm-manager.service"));
        assertEquals(units.get("swarm-agent.service"), workerUnits.get("swarm-agent.service"));
        assertEquals(docker, workerUnits.get("docker.service/custom.conf"));
        for (String text : List.of(manager, worker)) {
            assertFalse(text.contains("http://$public_ipv4") || text.contains("http://0.0.0.0"), text);
            assertFalse(text.contains("PRIVATE KEY"));
        }
    }

    /** coreswarm's validator (coreos-cloudinit's rules): the TLS keys are etcd2's own; only etcd2's deprecation is reported. */
    @Test
    void theTlsCloudConfigValidatesLikeTheSeeds() {
        List<RenderedFile> files = render(tlsSpec(3, 1));
        for (String path : List.of("user-data", "user-data-worker")) {
            ValidationReport report = new CloudConfigValidator().validate(CoreosLegacyRendererTest.file(files, path));
            assertTrue(report.valid(), report::toString);
            assertEquals(List.of("coreos.etcd2"), report.findings().stream().map(Finding::path).toList(), report::toString);
        }
    }

    @Test
    void configRbSaysHowToReachTheCluster() {
        String rb = CoreosLegacyRendererTest.file(render(tlsSpec(3, null)), "config.rb");
        assertTrue(rb.contains("$expose_docker_tcp=2376\n"), rb);
        assertTrue(rb.contains("#   export DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH=<pki>/client\n"), rb);
        assertTrue(rb.contains("set CORESWARM_PKI_DIR=<pki>"), rb);
        assertEquals("2376", RubyCheck.evaluate(rb, "$expose_docker_tcp"));
        String plain = CoreosLegacyRendererTest.file(render(tlsSpec(3, null).withTls(false)), "config.rb");
        assertTrue(rb.startsWith(plain.replace("2375", "2376")), "TLS only adds lines at the end");
    }

    @Test
    void theVagrantfileCopiesEachNodesFilesInBeforeItsUserData() throws Exception {
        String vagrantfile = CoreosLegacyRendererTest.file(render(tlsSpec(2, null)), "Vagrantfile");
        assertNotEquals(CoreosVagrantfile.CONTENT, vagrantfile);
        RubyCheck.assertParses(vagrantfile);
        Path root = write(render(tlsSpec(2, null)));
        Path pki = dir.resolve("my-pki");
        for (String node : List.of("core-01", "core-02")) {
            Path nodeDir = Files.createDirectories(pki.resolve("nodes").resolve(node));
            for (String f : List.of("ca.pem", "server.pem", "server-key.pem")) {
                Files.writeString(nodeDir.resolve(f), f);
            }
        }

        JsonNode config = runVagrantfile(root, Map.of("CORESWARM_PKI_DIR", pki.toString()), "up").path("config");
        JsonNode machines = config.path("vm").path("define");
        assertEquals(List.of("core-01", "core-02"), fieldNames(machines));
        for (String node : List.of("core-01", "core-02")) {
            JsonNode provision = machines.path(node).path("vm").path("provision");
            assertEquals(4, provision.size(), provision.toString());
            assertEquals(":file", provision.get(0).get(0).asText());
            assertEquals(pki.resolve("nodes").resolve(node).toString(), provision.get(0).get(1).path("source").asText());
            assertEquals("/tmp/coreswarm-tls", provision.get(0).get(1).path("destination").asText());
            assertEquals(":shell", provision.get(1).get(0).asText());
            String shell = provision.get(1).get(1).path("inline").asText();
            assertTrue(provision.get(1).get(1).path("privileged").asBoolean());
            assertTrue(shell.contains("install -m 0644 /tmp/coreswarm-tls/ca.pem /tmp/coreswarm-tls/server.pem /etc/coreswarm/tls/\n"), shell);
            assertTrue(shell.contains("install -m 0600 -o etcd -g etcd /tmp/coreswarm-tls/server-key.pem /etc/coreswarm/tls/\n"), shell);
            assertTrue(shell.contains("rm -rf /tmp/coreswarm-tls\n"), shell);
            // then the user-data, as coreos-vagrant does it
            // (2 nodes: one manager, core-02 a worker)
            assertEquals(root.resolve(node.equals("core-01") ? "user-data" : "user-data-worker").toRealPath().toString(),
                    Path.of(provision.get(2).get(1).path("source").asText()).toRealPath().toString());
            assertEquals("mv /tmp/vagrantfile-user-data /var/lib/coreos-vagrant/", provision.get(3).get(1).path("inline").asText());
        }

        // without the folder (and a command that needs none), no TLS step: Vagrant would refuse a missing source
        JsonNode without = runVagrantfile(root, Map.of(), "status").path("config").path("vm").path("define");
        assertEquals(2, without.path("core-01").path("vm").path("provision").size());
        assertEquals(":file", without.path("core-01").path("vm").path("provision").get(0).get(0).asText());
        assertTrue(without.path("core-01").path("vm").path("provision").get(0).get(1).path("source").asText().endsWith("user-data"));

        // by default the pki folder beside the Vagrantfile
        for (String node : List.of("core-01", "core-02")) {
            Path nodeDir = Files.createDirectories(root.resolve("pki/nodes").resolve(node));
            for (String f : List.of("ca.pem", "server.pem", "server-key.pem")) {
                Files.writeString(nodeDir.resolve(f), f);
            }
        }
        JsonNode byDefault = runVagrantfile(root, Map.of(), "up").path("config").path("vm").path("define");
        assertEquals(root.toRealPath().resolve("pki/nodes/core-01").toString(),
                Path.of(byDefault.path("core-01").path("vm").path("provision").get(0).get(1).path("source").asText())
                        .normalize().toString());
    }

    /**
     * The real vagrant validates the TLS Vagrantfile without the pki folder (commands other than
     * up/provision/reload must keep working: Vagrant checks a file provisioner's source on each) and
     * with it (then the file provisioner's source exists).
     */
    @Test
    void vagrantValidatesTheTlsVagrantfileWithAndWithoutThePkiFolder() throws Exception {
        Path root = write(render(tlsSpec(3, 1)));
        Path home = Files.createDirectories(dir.resolve("vagrant-home"));
        vagrantValidate(root, home, Map.of());
        Path pki = dir.resolve("pki");
        for (String node : List.of("core-01", "core-02", "core-03")) {
            Path nodeDir = Files.createDirectories(pki.resolve("nodes").resolve(node));
            for (String f : List.of("ca.pem", "server.pem", "server-key.pem")) {
                Files.writeString(nodeDir.resolve(f), f);
            }
        }
        vagrantValidate(root, home, Map.of("CORESWARM_PKI_DIR", pki.toString()));
    }

    static void vagrantValidate(Path root, Path home, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("vagrant", "validate", "--ignore-provider").directory(root.toFile())
                .redirectErrorStream(true);
        pb.environment().put("VAGRANT_HOME", home.toString());
        pb.environment().put("VAGRANT_CHECKPOINT_DISABLE", "1");
        pb.environment().remove("CORESWARM_PKI_DIR");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("Vagrantfile validated successfully"), out);
    }

    @Test
    void upStopsWhenANodesFilesAreMissing() throws Exception {
        Path root = write(render(tlsSpec(2, null)));
        Path pki = dir.resolve("half-pki");
        Path nodeDir = Files.createDirectories(pki.resolve("nodes").resolve("core-01"));
        for (String f : List.of("ca.pem", "server.pem", "server-key.pem")) {
            Files.writeString(nodeDir.resolve(f), f);
        }
        Files.createDirectories(pki.resolve("nodes").resolve("core-02"));
        Files.writeString(pki.resolve("nodes/core-02/ca.pem"), "x");
        for (String command : List.of("up", "provision", "reload")) {
            Run r = ruby(root, Map.of("CORESWARM_PKI_DIR", pki.toString()), command);
            assertNotEquals(0, r.exitCode(), command);
            assertTrue(r.output().contains("coreswarm: no server.pem, server-key.pem in " + pki.resolve("nodes/core-02")
                    + ": set CORESWARM_PKI_DIR to the cluster's pki folder"), r.output());
        }
        assertEquals(0, ruby(root, Map.of("CORESWARM_PKI_DIR", pki.toString()), "destroy").exitCode(), "destroy needs no files");
    }

    static Map<String, String> units(String userData) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> units = (List<Map<String, Object>>) ((Map<String, Object>) CoreosLegacyRendererTest.load(userData)
                .get("coreos")).get("units");
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Map<String, Object> u : units) {
            if (u.get("content") != null) {
                out.put((String) u.get("name"), (String) u.get("content"));
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> dropIns = (List<Map<String, Object>>) u.getOrDefault("drop-ins", List.of());
            for (Map<String, Object> d : dropIns) {
                out.put(u.get("name") + "/" + d.get("name"), (String) d.get("content"));
            }
        }
        return out;
    }

    Path write(List<RenderedFile> files) throws IOException {
        Path root = Files.createDirectories(dir.resolve("cluster"));
        for (RenderedFile f : files) {
            Files.writeString(root.resolve(f.path()), f.content());
        }
        return root;
    }

    record Run(int exitCode, String output) {
    }

    /** The Vagrantfile run by the real ruby, with Vagrant stubbed (flatcar's stub, plus has_plugin?) and ARGV as given. */
    Run ruby(Path root, Map<String, String> env, String... argv) throws Exception {
        Path stub = dir.resolve("vagrant_stub.rb");
        if (!Files.exists(stub)) {
            try (InputStream in = getClass().getResourceAsStream("/io/coreswarm/config/render/flatcar/vagrant_stub.rb")) {
                Files.copy(in, stub);
            }
        }
        List<String> command = new ArrayList<>(List.of("ruby", "-r", stub.toString(), "-e",
                "module Vagrant; def self.has_plugin?(*); false; end; end; load ARGV.shift", root.resolve("Vagrantfile").toString()));
        command.addAll(List.of(argv));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("CORESWARM_PKI_DIR");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    JsonNode runVagrantfile(Path root, Map<String, String> env, String... argv) throws Exception {
        Run r = ruby(root, env, argv);
        assertEquals(0, r.exitCode(), r.output());
        return new ObjectMapper().readTree(r.output());
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
