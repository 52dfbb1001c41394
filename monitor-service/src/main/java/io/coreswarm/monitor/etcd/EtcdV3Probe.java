package io.coreswarm.monitor.etcd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.coreswarm.api.health.EtcdApi;
import io.coreswarm.api.health.EtcdMemberHealth;
import io.coreswarm.monitor.Failures;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.cluster.Member;
import io.etcd.jetcd.maintenance.AlarmMember;
import io.etcd.jetcd.maintenance.StatusResponse;

/**
 * etcd v3 through jetcd, as {@code etcdctl endpoint status --cluster} does it: the member list
 * from any endpoint, then Status from every member's own client URL, all at once, each bounded by
 * the timeout, and the alarms (which need a quorum, so they may be missing when it is lost).
 */
@ApplicationScoped
public class EtcdV3Probe implements EtcdProbe {

    @Override
    public EtcdApi api() {
        return EtcdApi.V3;
    }

    @Override
    public EtcdObservation observe(EtcdClients clients, Duration timeout) {
        Client etcd = clients.jetcd();
        List<Member> members;
        try {
            members = etcd.getClusterClient().listMember().get(timeout.toMillis(), TimeUnit.MILLISECONDS).getMembers();
        } catch (Exception e) {
            interruptedAgain(e);
            return EtcdObservation.unanswered(EtcdApi.V3, Failures.describe(e, timeout));
        }
        var maintenance = etcd.getMaintenanceClient();
        CompletableFuture<List<AlarmMember>> alarms = maintenance.listAlarms()
                .thenApply(r -> r.getAlarms())
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        DeclaredEndpoints declared = new DeclaredEndpoints(clients.endpoints());
        Map<Long, CompletableFuture<StatusResponse>> statuses = new LinkedHashMap<>();
        Map<Long, String> followed = new HashMap<>();
        for (Member m : members) {
            if (!m.getClientURIs().isEmpty()) {
                declared.follow(m.getClientURIs().get(0).toString()).ifPresent(url -> {
                    followed.put(m.getId(), url);
                    statuses.put(m.getId(), maintenance.statusMember(url).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS));
                });
            }
        }
        List<CompletableFuture<?>> all = new ArrayList<>(statuses.values());
        all.add(alarms);
        // each future times out on its own; this only waits for the slowest of them
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).handle((r, e) -> null).join();

        long leaderId = leader(statuses);
        Map<Long, List<String>> alarmsByMember = new HashMap<>();
        if (!alarms.isCompletedExceptionally()) {
            for (AlarmMember a : alarms.join()) {
                alarmsByMember.computeIfAbsent(a.getMemberId(), id -> new ArrayList<>())
                        .add(a.getAlarmType().name());
            }
        }
        List<EtcdMemberHealth> health = new ArrayList<>();
        for (Member m : members) {
            health.add(member(m, followed.get(m.getId()), statuses.get(m.getId()), leaderId,
                    alarmsByMember.getOrDefault(m.getId(), List.of()), timeout));
        }
        return EtcdObservation.of(EtcdApi.V3, health);
    }

    /** The leader as the member with the highest raft term sees it; 0 for none. */
    private static long leader(Map<Long, CompletableFuture<StatusResponse>> statuses) {
        return statuses.values().stream()
                .filter(f -> f.isDone() && !f.isCompletedExceptionally())
                .map(CompletableFuture::join)
                .max(Comparator.comparingLong(StatusResponse::getRaftTerm))
                .map(StatusResponse::getLeader).orElse(0L);
    }

    private static EtcdMemberHealth member(Member m, String endpoint, CompletableFuture<StatusResponse> status, long leaderId,
            List<String> alarms, Duration timeout) {
        String id = Long.toHexString(m.getId());
        String name = m.getName().isEmpty() ? id : m.getName();
        if (status == null && !m.getClientURIs().isEmpty()) {
            return new EtcdMemberHealth(id, name, null, false, false, null, null, null, null, null,
                    m.isLearner(), alarms, DeclaredEndpoints.NOT_FOLLOWED);
        }
        if (status == null) {
            return new EtcdMemberHealth(id, name, endpoint, false, false, null, null, null, null, null,
                    m.isLearner(), alarms, "not started (no client URL yet)");
        }
        if (status.isCompletedExceptionally()) {
            String error;
            try {
                status.join();
                error = "no answer";
            } catch (RuntimeException e) {
                error = Failures.describe(e, timeout);
            }
            return new EtcdMemberHealth(id, name, endpoint, false, m.getId() == leaderId, null, null, null, null, null,
                    m.isLearner(), alarms, error);
        }
        StatusResponse s = status.join();
        String text = s.toString();
        List<String> errors = StatusExtras.errors(text);
        return new EtcdMemberHealth(id, name, endpoint, true, m.getId() == leaderId, s.getVersion(), s.getDbSize(),
                s.getRaftTerm(), s.getRaftIndex(), StatusExtras.raftAppliedIndex(text), m.isLearner(),
                alarms,
                errors.isEmpty() ? null : String.join("; ", errors));
    }

    private static void interruptedAgain(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
    }
}
