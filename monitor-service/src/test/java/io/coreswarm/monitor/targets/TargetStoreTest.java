package io.coreswarm.monitor.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.api.health.EtcdApi;
import io.coreswarm.api.health.MonitorTarget;
import io.coreswarm.api.health.SwarmFlavour;

/** Targets outlive the process: a new store on the same directory knows them all. */
class TargetStoreTest {
    final ObjectMapper json = new ObjectMapper();

    @Test
    void targetsSurviveARestartAndABadFileIsSkipped() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "targets-");
        MonitorTarget a = new MonitorTarget("a", List.of("tcp://10.0.0.1:2375"), List.of(), SwarmFlavour.MODE, EtcdApi.V3);
        MonitorTarget b = new MonitorTarget("b", List.of(), List.of("http://10.0.0.1:2379"), SwarmFlavour.CLASSIC, EtcdApi.V2);
        TargetStore first = new TargetStore(dir, json);
        assertTrue(first.put(a));
        assertTrue(first.put(b));
        assertFalse(first.put(b), "the same name again replaces it");
        Files.writeString(dir.resolve("broken.json"), "{not json");

        TargetStore restarted = new TargetStore(dir, json);
        assertEquals(List.of(a, b), restarted.all());

        assertTrue(restarted.remove("a"));
        assertFalse(restarted.remove("a"));
        assertEquals(List.of(b), new TargetStore(dir, json).all());
    }

    /** The flavour and API became enums; files written before (lowercase strings) read as they did, and are written alike. */
    @Test
    void filesKeepTheirLowercaseFlavourAndApi() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "targets-");
        Files.writeString(dir.resolve("seed.json"), "{\"name\":\"seed\",\"dockerEndpoints\":[\"tcp://172.17.8.101:2375\"],"
                + "\"etcdEndpoints\":[\"http://172.17.8.101:2379\"],\"swarm\":\"classic\",\"etcdApi\":\"v2\"}");
        TargetStore store = new TargetStore(dir, json);
        MonitorTarget seed = store.find("seed").orElseThrow();
        assertEquals(SwarmFlavour.CLASSIC, seed.swarm());
        assertEquals(EtcdApi.V2, seed.etcdApi());

        store.put(new MonitorTarget("lab", List.of(), List.of("http://10.0.0.1:2379"), SwarmFlavour.MODE, EtcdApi.V3));
        var written = json.readTree(dir.resolve("lab.json").toFile());
        assertEquals("mode", written.get("swarm").asText());
        assertEquals("v3", written.get("etcdApi").asText());
    }

    /** issue #11: a target stored before the endpoint rules (a unix socket, a public host) is not loaded, hence never polled. */
    @Test
    void storedTargetsOutsideThePolicyAreNotLoaded() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "targets-");
        Files.writeString(dir.resolve("sock.json"), "{\"name\":\"sock\",\"dockerEndpoints\":[\"unix:///var/run/docker.sock\"],"
                + "\"etcdEndpoints\":[],\"swarm\":\"mode\",\"etcdApi\":\"v3\"}");
        Files.writeString(dir.resolve("far.json"), "{\"name\":\"far\",\"dockerEndpoints\":[],"
                + "\"etcdEndpoints\":[\"http://8.8.8.8:2379\"],\"swarm\":\"mode\",\"etcdApi\":\"v3\"}");
        Files.writeString(dir.resolve("near.json"), "{\"name\":\"near\",\"dockerEndpoints\":[\"tcp://172.29.1.101:2375\"],"
                + "\"etcdEndpoints\":[],\"swarm\":\"mode\",\"etcdApi\":\"v3\"}");
        TargetPolicy policy = new TargetPolicy(99, List.of("127.0.0.0/8", "172.16.0.0/12"), List.of("localhost"));
        assertEquals(List.of("near"), new TargetStore(dir, json, policy).all().stream().map(MonitorTarget::name).toList());
    }
}
