package io.coreswarm.provisioner.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.api.operation.Operation;
import io.coreswarm.api.operation.OperationKind;
import io.coreswarm.api.operation.OperationState;
import io.coreswarm.provisioner.model.Owner;
import io.coreswarm.store.EtcdStore;
import io.coreswarm.testsupport.Await;
import io.coreswarm.testsupport.EtcdCluster;

/**
 * Operation records of two replicas in one real etcd: each names the replica that runs it, every
 * replica lists them all, a replica finds its own cut-off ones, and the finished ones are bounded.
 */
class EtcdOperationRecordsTest {
    @TempDir
    static Path work;
    static EtcdCluster etcd;
    static EtcdStore store;
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    static final Owner A = new Owner("a", "host-a", "http://127.0.0.1:1");
    static final Owner B = new Owner("b", "host-b", "http://127.0.0.1:2");

    @BeforeAll
    static void start() {
        etcd = new EtcdCluster("operations", 1, work).start();
        store = EtcdStore.connect(etcd.clientUrls(), null, "/ops/", Duration.ofSeconds(3));
        Await.succeeds("etcd answers", Duration.ofSeconds(20), () -> store.put("warm", "up"));
    }

    @AfterAll
    static void stop() {
        if (store != null) {
            store.close();
        }
        if (etcd != null) {
            etcd.close();
        }
    }

    static Operation finished(Operation op) {
        return op.withState(OperationState.SUCCEEDED).withFinishedAt(Instant.now());
    }

    @Test
    void eachNamesItsReplicaAndTheFinishedOnesAreBounded() {
        EtcdOperationRecords a = new EtcdOperationRecords(store, JSON, () -> A, 3);
        EtcdOperationRecords b = new EtcdOperationRecords(store, JSON, () -> B, 3);
        Operation running = Operation.queued("op-a-running", "ca", OperationKind.CREATE, 1).withState(OperationState.RUNNING);
        a.save(running);
        b.save(Operation.queued("op-b-queued", "cb", OperationKind.HALT, 1));

        assertEquals(A, b.find("op-a-running").orElseThrow().owner(), "the record names the replica that runs it");
        assertEquals(B, a.find("op-b-queued").orElseThrow().owner());
        assertEquals(List.of("op-a-running"), b.list("ca").stream().map(Operation::id).toList());
        assertEquals(2, a.list(null).size());
        assertEquals(List.of("op-a-running"), a.unfinishedHere().stream().map(Operation::id).toList(), "a's own cut-off operations only");

        for (int i = 0; i < 5; i++) {
            Operation op = Operation.queued("op-done-" + i, "ca", OperationKind.HALT, 1);
            a.save(op);
            a.save(finished(op));
        }
        // each new operation forgets the oldest finished beyond 3; unfinished ones stay
        List<String> left = a.list(null).stream().map(Operation::id).sorted().toList();
        assertEquals(List.of("op-a-running", "op-b-queued", "op-done-1", "op-done-2", "op-done-3", "op-done-4"), left);
    }
}
