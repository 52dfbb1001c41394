package io.coreswarm.config.render.flatcar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.api.render.RenderedFile;
import io.coreswarm.api.spec.Channel;
import io.coreswarm.api.spec.ClusterSpec;
import io.coreswarm.api.spec.Target;
import io.coreswarm.config.render.RenderContext;
import io.coreswarm.config.render.Subnet;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class FlatcarRendererTest {

    static final String DISCOVERY = "http://10.0.2.2:8081/v1/discovery/6c007a14875d53d9bf0ef5a6fc0257c8";

    static ClusterSpec spec(int nodes, Map<String, String> labels) {
        return new ClusterSpec("demo", nodes, Target.FLATCAR, null, Channel.STABLE, 2048, 2, 2400, null, labels);
    }

    static List<RenderedFile> render(ClusterSpec spec) {
        return new FlatcarRenderer().render(new RenderContext(spec, DISCOVERY, Subnet.COREOS_VAGRANT));
    }

    static String file(List<RenderedFile> files, String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + path)).content();
    }

    @Test
    void isTheFlatcarTarget() {
        assertEquals(Target.FLATCAR, new FlatcarRenderer().target());
    }

    @Test
    void rendersVagrantFilesAndButaneWithItsIgnitionPerNode() {
        assertEquals(List.of("Vagrantfile", "config.rb",
                "flatcar/core-01.bu", "flatcar/core-01.ign",
                "flatcar/core-02.bu", "flatcar/core-02.ign",
                "flatcar/core-03.bu", "flatcar/core-03.ign"),
                render(spec(3, Map.of())).stream().map(RenderedFile::path).toList());
    }

    @Test
    void ignitionIsVersion330WithHostnameEtcdAndDocker() {
        List<RenderedFile> files = render(spec(3, Map.of("zone", "a")).withTls(false));
        for (int i = 1; i <= 3; i++) {
            String name = "core-0" + i;
            String ip = "172.17.8.10" + i;
            Ignition ign = Ignition.parse(file(files, "flatcar/" + name + ".ign"));

            assertEquals("3.3.0", ign.version());
            assertEquals(name + "\n", ign.fileContents("/etc/hostname"));
            assertEquals(420, ign.file("/etc/hostname").path("mode").asInt());
            assertTrue(ign.file("/etc/hostname").path("overwrite").asBoolean());

            assertTrue(ign.unit("etcd-member.service").path("enabled").asBoolean());
            String etcd = ign.dropin("etcd-member.service", "20-coreswarm-etcd-member.conf");
            assertTrue(etcd.contains("[Service]\n"));
            assertTrue(etcd.contains("Environment=\"ETCD_NAME=" + name + "\"\n"), etcd);
            assertTrue(etcd.contains("Environment=\"ETCD_DATA_DIR=/var/lib/etcd\"\n"), etcd);
            assertTrue(etcd.contains("Environment=\"ETCD_DISCOVERY=" + DISCOVERY + "\"\n"), etcd);
            assertTrue(etcd.contains("Environment=\"ETCD_ADVERTISE_CLIENT_URLS=http://" + ip + ":2379\"\n"), etcd);
            assertTrue(etcd.contains("Environment=\"ETCD_LISTEN_CLIENT_URLS=http://" + ip + ":2379,http://127.0.0.1:2379\"\n"), etcd);
            assertTrue(etcd.contains("Environment=\"ETCD_LISTEN_PEER_URLS=http://" + ip + ":2380\"\n"), etcd);
            assertTrue(etcd.contains("Environment=\"ETCD_INITIAL_ADVERTISE_PEER_URLS=http://" + ip + ":2380\"\n"), etcd);
            assertTrue(etcd.contains("Environment=\"ETCD_IMAGE_TAG=v3.5.16\"\n"), etcd);

            JsonNode socket = ign.unit("docker-tcp.socket");
            assertTrue(socket.path("enabled").asBoolean());
            assertTrue(socket.path("contents").asText().contains("\nListenStream=2400\n"));
            assertTrue(socket.path("contents").asText().contains("\nService=docker.service\n"));
            assertTrue(ign.unit("docker.service").path("enabled").asBoolean());
            assertEquals("{\"labels\":[\"zone=a\"]}", compact(ign.fileContents("/etc/docker/daemon.json")));
            assertFalse(etcd.contains("ETCD_SSL_DIR") || etcd.contains("CERT"), etcd);
        }
    }

    /** "tls": false is said in every file a reader opens: the Butane config, config.rb, the socket unit. */
    @Test
    void withoutTlsEveryFileSaysTheNodesAreOpen() {
        ClusterSpec spec = new ClusterSpec("demo", 2, Target.FLATCAR, null, Channel.STABLE, null, null, null, null, Map.of())
                .withTls(false);
        assertEquals(2375, spec.dockerPort());
        List<RenderedFile> files = render(spec);
        assertTrue(file(files, "config.rb").contains("# OPEN: \"tls\" is false."), file(files, "config.rb"));
        for (String name : List.of("core-01", "core-02")) {
            String butane = file(files, "flatcar/" + name + ".bu");
            assertTrue(butane.startsWith("# OPEN: \"tls\" is false."), butane);
            Ignition ign = Ignition.parse(file(files, "flatcar/" + name + ".ign"));
            assertTrue(ign.unit("docker-tcp.socket").path("contents").asText()
                    .contains("Description=Docker API on TCP port 2375, OPEN: no TLS"), butane);
            assertEquals(2, ign.root().path("storage").path("files").size());
        }
    }

    @Test
    void withTlsDockerdAndEtcdRequireClientCertificatesOn2376() throws Exception {
        ClusterSpec spec = new ClusterSpec("demo", 3, Target.FLATCAR, null, Channel.STABLE, null, null, null, null, Map.of("zone", "a"));
        assertTrue(spec.tls(), "TLS is the flatcar target's default");
        List<RenderedFile> files = render(spec);
        String configRb = file(files, "config.rb");
        assertTrue(configRb.contains("$expose_docker_tcp = 2376\n"), configRb);
        assertTrue(configRb.contains("DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH=<pki>/client"), configRb);
        for (int i = 1; i <= 3; i++) {
            String name = "core-0" + i;
            String ip = "172.17.8.10" + i;
            Ignition ign = Ignition.parse(file(files, "flatcar/" + name + ".ign"));

            // dockerd: tlsverify and the node's files in daemon.json, nothing of it as a flag; the TCP socket on 2376
            JsonNode daemon = new ObjectMapper().readTree(ign.fileContents("/etc/docker/daemon.json"));
            assertEquals(List.of("labels", "tlsverify", "tlscacert", "tlscert", "tlskey"), fieldNames(daemon));
            assertTrue(daemon.path("tlsverify").asBoolean());
            assertEquals("/etc/coreswarm/tls/ca.pem", daemon.path("tlscacert").asText());
            assertEquals("/etc/coreswarm/tls/server.pem", daemon.path("tlscert").asText());
            assertEquals("/etc/coreswarm/tls/server-key.pem", daemon.path("tlskey").asText());
            String socket = ign.unit("docker-tcp.socket").path("contents").asText();
            assertTrue(socket.contains("\nListenStream=2376\n"), socket);
            assertTrue(socket.contains("TLS with client certificates"), socket);
            assertTrue(ign.unit("docker.service").path("dropins").isMissingNode(), "no flag duplicates daemon.json");

            // etcd: https for clients and peers, client-certificate auth on both, files in the wrapper's mount
            String etcd = ign.dropin("etcd-member.service", "20-coreswarm-etcd-member.conf");
            for (String line : List.of(
                    "ETCD_LISTEN_CLIENT_URLS=https://" + ip + ":2379,https://127.0.0.1:2379",
                    "ETCD_ADVERTISE_CLIENT_URLS=https://" + ip + ":2379",
                    "ETCD_LISTEN_PEER_URLS=https://" + ip + ":2380",
                    "ETCD_INITIAL_ADVERTISE_PEER_URLS=https://" + ip + ":2380",
                    "ETCD_SSL_DIR=/etc/coreswarm/tls",
                    "ETCD_CLIENT_CERT_AUTH=true",
                    "ETCD_TRUSTED_CA_FILE=/etc/ssl/certs/ca.pem",
                    "ETCD_CERT_FILE=/etc/ssl/certs/server.pem",
                    "ETCD_KEY_FILE=/etc/ssl/certs/server-key.pem",
                    "ETCD_PEER_CLIENT_CERT_AUTH=true",
                    "ETCD_PEER_TRUSTED_CA_FILE=/etc/ssl/certs/ca.pem",
                    "ETCD_PEER_CERT_FILE=/etc/ssl/certs/server.pem",
                    "ETCD_PEER_KEY_FILE=/etc/ssl/certs/server-key.pem")) {
                assertTrue(etcd.contains("Environment=\"" + line + "\"\n"), line + " in " + etcd);
            }
            assertFalse(etcd.contains("http://" + ip) || etcd.contains("http://127.0.0.1"), etcd);

            // the TLS files: in the Butane config as local files of the pki folder; never in the Ignition
            assertEquals(List.of("/etc/hostname", "/etc/docker/daemon.json"), paths(ign.root().path("storage").path("files")));
            String butane = file(files, "flatcar/" + name + ".bu");
            assertTrue(butane.startsWith("# The node's TLS files"), butane);
            assertTrue(butane.contains("butane --strict --files-dir <pki> flatcar/" + name + ".bu"), butane);
            List<Map<String, Object>> local = localFiles(yaml(butane));
            assertEquals(3, local.size());
            assertLocal(local.get(0), "/etc/coreswarm/tls/ca.pem", 0644, null, "nodes/" + name + "/ca.pem");
            assertLocal(local.get(1), "/etc/coreswarm/tls/server.pem", 0644, null, "nodes/" + name + "/server.pem");
            assertLocal(local.get(2), "/etc/coreswarm/tls/server-key.pem", 0600, "etcd", "nodes/" + name + "/server-key.pem");
            assertTrue(butane.contains("mode: 384 # 0600\n"), butane);
            assertFalse(butane.contains("OPEN"), butane);

            // the compiler refuses local files unless asked to leave them out, and then gives the rendered Ignition
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> ButaneCompiler.compile(butane));
            assertTrue(e.getMessage().contains("contents.local needs butane --files-dir"), e.getMessage());
            assertEquals(ButaneCompiler.compileWithoutLocalFiles(butane), file(files, "flatcar/" + name + ".ign"));
        }
        for (RenderedFile f : files) {
            assertFalse(f.content().contains("PRIVATE KEY"), f.path());
            assertFalse(f.content().contains("OPEN"), f.path());
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> localFiles(Map<String, Object> butane) {
        List<Map<String, Object>> files = (List<Map<String, Object>>) ((Map<String, Object>) butane.get("storage")).get("files");
        return files.stream().filter(f -> ((Map<String, Object>) f.get("contents")).containsKey("local")).toList();
    }

    @SuppressWarnings("unchecked")
    static void assertLocal(Map<String, Object> file, String path, int mode, String owner, String local) {
        assertEquals(path, file.get("path"));
        assertEquals(mode, file.get("mode"), path);
        assertEquals(true, file.get("overwrite"), path);
        assertEquals(owner == null ? null : Map.of("name", owner), file.get("user"), path);
        assertEquals(Map.of("local", local), file.get("contents"), path);
    }

    static List<String> paths(JsonNode files) {
        List<String> paths = new ArrayList<>();
        files.forEach(f -> paths.add(f.path("path").asText()));
        return paths;
    }

    @Test
    void butaneParsesAndCompilesToTheRenderedIgnition() {
        for (boolean tls : List.of(true, false)) {
            List<RenderedFile> files = render(spec(2, Map.of("zone", "a", "disk", "ssd")).withTls(tls));
            for (String name : List.of("core-01", "core-02")) {
                String butane = file(files, "flatcar/" + name + ".bu");
                Map<String, Object> yaml = yaml(butane);
                assertEquals("flatcar", yaml.get("variant"));
                assertEquals("1.0.0", yaml.get("version"));
                assertEquals(tls ? ButaneCompiler.compileWithoutLocalFiles(butane) : ButaneCompiler.compile(butane),
                        file(files, "flatcar/" + name + ".ign"));
            }
        }
    }

    /** Checked against the YAML tree itself, not through the compiler. */
    @Test
    @SuppressWarnings("unchecked")
    void everyButaneFileAndUnitIsInTheIgnition() {
        List<RenderedFile> files = render(spec(1, Map.of("zone", "a")));
        Map<String, Object> yaml = yaml(file(files, "flatcar/core-01.bu"));
        Ignition ign = Ignition.parse(file(files, "flatcar/core-01.ign"));

        // the TLS files (contents.local) are left for whoever holds the keys: every other file is there
        List<Map<String, Object>> bFiles = ((List<Map<String, Object>>) ((Map<String, Object>) yaml.get("storage")).get("files"))
                .stream().filter(f -> !((Map<String, Object>) f.get("contents")).containsKey("local")).toList();
        assertEquals(3, localFiles(yaml).size());
        assertEquals(bFiles.size(), ign.root().path("storage").path("files").size());
        for (Map<String, Object> f : bFiles) {
            String path = (String) f.get("path");
            assertEquals(((Map<String, Object>) f.get("contents")).get("inline"), ign.fileContents(path));
            assertEquals(f.get("mode"), ign.file(path).path("mode").asInt());
            assertEquals(f.get("overwrite"), ign.file(path).path("overwrite").asBoolean());
        }
        List<Map<String, Object>> bUnits = (List<Map<String, Object>>) ((Map<String, Object>) yaml.get("systemd")).get("units");
        assertEquals(bUnits.size(), ign.root().path("systemd").path("units").size());
        for (Map<String, Object> u : bUnits) {
            JsonNode unit = ign.unit((String) u.get("name"));
            assertEquals(u.get("enabled"), unit.path("enabled").asBoolean());
            assertEquals(u.getOrDefault("contents", ""), unit.path("contents").asText());
            for (Map<String, Object> d : (List<Map<String, Object>>) u.getOrDefault("dropins", List.of())) {
                assertEquals(d.get("contents"), ign.dropin((String) u.get("name"), (String) d.get("name")));
            }
        }
    }

    @Test
    void hostileLabelsStayLiteralDataInDaemonJson() throws Exception {
        Map<String, String> labels = Map.of(
                "quote", "x\"\n  evil: 1",
                "ruby", "'; system('rm -rf /') #",
                "shell", "$(reboot)");
        List<RenderedFile> files = render(spec(2, labels));

        for (String name : List.of("core-01", "core-02")) {
            Ignition ign = Ignition.parse(file(files, "flatcar/" + name + ".ign"));
            JsonNode daemon = new ObjectMapper().readTree(ign.fileContents("/etc/docker/daemon.json"));
            assertEquals(List.of("labels", "tlsverify", "tlscacert", "tlscert", "tlskey"), fieldNames(daemon));
            List<String> values = new ArrayList<>();
            daemon.path("labels").forEach(v -> values.add(v.asText()));
            assertEquals(List.of("quote=x\"\n  evil: 1", "ruby='; system('rm -rf /') #", "shell=$(reboot)"), values);

            // the Butane document keeps its shape: no key but the ones coreswarm writes
            Map<String, Object> yaml = yaml(file(files, "flatcar/" + name + ".bu"));
            assertEquals(List.of("variant", "version", "storage", "systemd"), List.copyOf(yaml.keySet()));
            List<String> keys = new ArrayList<>();
            collectKeys(yaml, keys);
            assertTrue(List.of("variant", "version", "storage", "systemd", "files", "path", "mode", "overwrite",
                    "contents", "inline", "user", "local", "units", "name", "enabled", "dropins").containsAll(keys), keys.toString());
            assertFalse(keys.contains("evil"));
            assertEquals(ButaneCompiler.compileWithoutLocalFiles(file(files, "flatcar/" + name + ".bu")),
                    file(files, "flatcar/" + name + ".ign"));
        }
        // labels never reach Ruby
        for (String ruby : List.of("Vagrantfile", "config.rb")) {
            for (String value : labels.values()) {
                assertFalse(file(files, ruby).contains(value), ruby);
            }
        }
    }

    @Test
    void dropinEscapesTheDiscoveryUrlForSystemd() {
        String url = "http://10.0.2.2:8081/v1/discovery/a%2Fb\"\nExecStartPre=/bin/evil";
        List<RenderedFile> files = new FlatcarRenderer().render(
                new RenderContext(spec(1, Map.of()), url, Subnet.COREOS_VAGRANT));
        String etcd = Ignition.parse(file(files, "flatcar/core-01.ign"))
                .dropin("etcd-member.service", "20-coreswarm-etcd-member.conf");
        assertTrue(etcd.contains("Environment=\"ETCD_DISCOVERY=http://10.0.2.2:8081/v1/discovery/a%%2Fb\\\"\\x0aExecStartPre=/bin/evil\"\n"), etcd);
        assertFalse(etcd.contains("\nExecStartPre"));
    }

    static String compact(String json) throws RuntimeException {
        try {
            ObjectMapper mapper = new ObjectMapper();
            return mapper.writeValueAsString(mapper.readTree(json));
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    static Map<String, Object> yaml(String text) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @SuppressWarnings("unchecked")
    static void collectKeys(Object node, List<String> keys) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                keys.add((String) k);
                collectKeys(v, keys);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectKeys(v, keys));
        }
    }
}
