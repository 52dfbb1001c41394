package io.coreswarm.monitor.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.api.health.EtcdApi;
import io.coreswarm.api.health.EtcdMemberHealth;
import io.coreswarm.api.health.MonitorTarget;
import io.coreswarm.api.health.SwarmFlavour;
import io.coreswarm.monitor.etcd.EtcdClients;
import io.coreswarm.monitor.etcd.EtcdObservation;
import io.coreswarm.monitor.etcd.EtcdV2Probe;
import io.coreswarm.monitor.etcd.EtcdV3Probe;
import io.coreswarm.monitor.support.TlsEtcd;

/**
 * A monitor restarted: a new store over the same folder loads a TLS target, key included (from its
 * 0600 file, since the JSON never holds it), and the probes reach the real etcd over TLS with the
 * files the store points them at, as the poll's connections do.
 */
class TlsTargetRestartTest {
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    @TempDir
    static Path work;
    static TlsEtcd etcd;

    @BeforeAll
    static void startEtcd() {
        etcd = new TlsEtcd("restart", 3, work);
    }

    @AfterAll
    static void stopEtcd() {
        etcd.close();
    }

    @Test
    void aNewStoreLoadsTheTlsTargetAndItIsStillPolled() {
        ObjectMapper json = new ObjectMapper();
        Path dir = work.resolve("targets");
        MonitorTarget v3 = new MonitorTarget("lab", List.of(), etcd.httpsUrls(), SwarmFlavour.MODE, EtcdApi.V3, null, etcd.clientTls());
        MonitorTarget v2 = new MonitorTarget("lab-v2", List.of(), etcd.httpsUrls(), SwarmFlavour.MODE, EtcdApi.V2, null, etcd.clientTls());
        TargetStore before = new TargetStore(dir, json);
        before.put(v3);
        before.put(v2);

        TargetStore after = new TargetStore(dir, json);
        MonitorTarget loaded = after.find("lab").orElseThrow();
        assertEquals(etcd.clientKey(), loaded.tls().key());
        assertEquals(List.of("lab", "lab-v2"), after.all().stream().map(MonitorTarget::name).toList());

        try (EtcdClients clients = new EtcdClients(loaded.etcdEndpoints(), Duration.ofSeconds(1), after.tlsDir("lab"))) {
            EtcdObservation seen = new EtcdV3Probe().observe(clients, TIMEOUT);
            assertNull(seen.error(), seen.toString());
            assertEquals(List.of(true, true, true), seen.members().stream().map(EtcdMemberHealth::reachable).toList(), seen.toString());
            assertEquals(etcd.httpsUrls().stream().sorted().toList(), seen.members().stream().map(EtcdMemberHealth::endpoint).sorted().toList(), seen.toString());
            assertEquals(1, seen.members().stream().filter(EtcdMemberHealth::leader).count(), seen.toString());
        }
        try (EtcdClients clients = new EtcdClients(loaded.etcdEndpoints(), Duration.ofSeconds(1), after.tlsDir("lab-v2"))) {
            EtcdObservation seen = new EtcdV2Probe().observe(clients, TIMEOUT);
            assertNull(seen.error(), seen.toString());
            assertEquals(List.of(true, true, true), seen.members().stream().map(EtcdMemberHealth::reachable).toList(), seen.toString());
            assertTrue(seen.members().stream().allMatch(m -> m.version() != null), seen.toString());
        }
    }
}
