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
        List<RenderedFile> files = render(spec(3, Map.of("zone", "a")));
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
        }
    }

    @Test
    void butaneParsesAndCompilesToTheRenderedIgnition() {
        List<RenderedFile> files = render(spec(2, Map.of("zone", "a", "disk", "ssd")));
        for (String name : List.of("core-01", "core-02")) {
            String butane = file(files, "flatcar/" + name + ".bu");
            Map<String, Object> yaml = yaml(butane);
            assertEquals("flatcar", yaml.get("variant"));
            assertEquals("1.0.0", yaml.get("version"));
            assertEquals(ButaneCompiler.compile(butane), file(files, "flatcar/" + name + ".ign"));
        }
    }

    /** Checked against the YAML tree itself, not through the compiler. */
    @Test
    @SuppressWarnings("unchecked")
    void everyButaneFileAndUnitIsInTheIgnition() {
        List<RenderedFile> files = render(spec(1, Map.of("zone", "a")));
        Map<String, Object> yaml = yaml(file(files, "flatcar/core-01.bu"));
        Ignition ign = Ignition.parse(file(files, "flatcar/core-01.ign"));

        List<Map<String, Object>> bFiles = (List<Map<String, Object>>) ((Map<String, Object>) yaml.get("storage")).get("files");
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
            assertEquals(List.of("labels"), fieldNames(daemon));
            List<String> values = new ArrayList<>();
            daemon.path("labels").forEach(v -> values.add(v.asText()));
            assertEquals(List.of("quote=x\"\n  evil: 1", "ruby='; system('rm -rf /') #", "shell=$(reboot)"), values);

            // the Butane document keeps its shape: no key but the ones coreswarm writes
            Map<String, Object> yaml = yaml(file(files, "flatcar/" + name + ".bu"));
            assertEquals(List.of("variant", "version", "storage", "systemd"), List.copyOf(yaml.keySet()));
            List<String> keys = new ArrayList<>();
            collectKeys(yaml, keys);
            assertTrue(List.of("variant", "version", "storage", "systemd", "files", "path", "mode", "overwrite",
                    "contents", "inline", "units", "name", "enabled", "dropins").containsAll(keys), keys.toString());
            assertFalse(keys.contains("evil"));
            assertEquals(ButaneCompiler.compile(file(files, "flatcar/" + name + ".bu")),
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
