package io.coreswarm.provisioner.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.api.cluster.Condition;
import io.coreswarm.api.health.WorkloadReport;
import io.coreswarm.api.operation.OperationKind;
import io.coreswarm.api.spec.Provider;
import io.coreswarm.api.spec.Target;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.model.Conditions;
import io.coreswarm.provisioner.workspace.Workspaces;

/** A cluster's conditions: one per type, Ready beside the check's, kept in cluster.json across a restart. */
class ClusterConditionsTest {
    static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");
    static final Instant T1 = Instant.parse("2026-11-30T12:05:00Z");

    @Test
    void anUpdateReplacesItsTypeAndMovesTheTransitionTimeOnlyWhenTheStatusChanges() {
        List<Condition> current = List.of(c("RoutingMesh", "False", T0), c("Ready", "True", T0), c("WorkloadsReady", "True", T0));
        List<Condition> merged = Conditions.merge(current, List.of(c("WorkloadsReady", "False", T1), c("RoutingMesh", "False", T1),
                c("Overlay", "True", T1)));
        assertEquals(List.of("Ready", "RoutingMesh", "WorkloadsReady", "Overlay"), merged.stream().map(Condition::type).toList());
        assertEquals(T0, merged.get(1).lastTransitionTime(), "same status: the transition time stays");
        assertEquals("RoutingMesh False at " + T1, merged.get(1).message(), "the message is the newest");
        assertEquals(T1, merged.get(2).lastTransitionTime(), "a new status: a new transition time");
        assertEquals("False", merged.get(2).status());
        List<Condition> doubled = Conditions.merge(List.of(c("Ready", "True", T0), c("Ready", "False", T1)), List.of());
        assertEquals(1, doubled.size(), "one condition per type");
    }

    @Test
    void checksAndImageLoadsLeaveThePhaseAndReadyAlone() {
        assertFalse(ClusterPhases.changesPhase(OperationKind.CHECK));
        assertFalse(ClusterPhases.changesPhase(OperationKind.LOAD_IMAGES));
        for (OperationKind kind : List.of(OperationKind.CREATE, OperationKind.SCALE, OperationKind.HALT, OperationKind.RESUME,
                OperationKind.DESTROY)) {
            assertTrue(ClusterPhases.changesPhase(kind), kind.toString());
        }
    }

    @Test
    void theLastCheckAndItsConditionsSurviveARestart(/* a new Clusters reads cluster.json */) throws Exception {
        Path root = Files.createTempDirectory("conditions");
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        Clusters before = new Clusters(new Workspaces(root, json));
        WorkloadReport report = new WorkloadReport(T1, false, List.of(new WorkloadReport.FailingNode("core-02", "read-only file system")),
                List.of(c("RoutingMesh", "False", T1), c("WorkloadsReady", "False", T1)));
        ClusterRecord record = ClusterPhasesTest.cluster(Target.LOCAL, Provider.DOCKER).withConditions(List.of(c("Ready", "True", T0)))
                .withWorkloads(report);
        before.save(record);

        ClusterRecord after = new Clusters(new Workspaces(root, json)).get("c");
        assertEquals(report, after.workloads());
        assertEquals(List.of("Ready", "RoutingMesh", "WorkloadsReady"), after.conditions().stream().map(Condition::type).toList());
        assertEquals(record.conditions(), after.conditions());
        assertEquals(report, MonitorRegistration.target(after).workloads(), "what monitor-service is told again after a restart");
        new Workspaces(root, json).delete(new Workspaces(root, json).of("c"));
        Files.deleteIfExists(root);
    }

    static Condition c(String type, String status, Instant at) {
        return new Condition(type, status, "Reason", type + " " + status + " at " + at, at);
    }
}
