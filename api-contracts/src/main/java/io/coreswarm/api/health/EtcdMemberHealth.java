package io.coreswarm.api.health;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One etcd member, the columns of {@code etcdctl endpoint status --cluster}. */
@Schema(requiredProperties = { "endpoint", "reachable", "leader", "learner" })
public record EtcdMemberHealth(
        String id,
        String name,
        String endpoint,
        boolean reachable,
        boolean leader,
        String version,
        Long dbSize,
        Long raftTerm,
        Long raftIndex,
        Long raftAppliedIndex,
        boolean learner,
        List<String> alarms,
        String error) {
}
