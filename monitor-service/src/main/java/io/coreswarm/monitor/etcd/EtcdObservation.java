package io.coreswarm.monitor.etcd;

import java.util.List;

import io.coreswarm.api.health.EtcdApi;
import io.coreswarm.api.health.EtcdMemberHealth;

/**
 * What one poll learned of a target's etcd: its members as the cluster lists them, each with the
 * status it answered, or, when no endpoint answered the member list, why.
 *
 * @param api v3 or v2; null when the target has no etcd endpoints
 */
public record EtcdObservation(EtcdApi api, List<EtcdMemberHealth> members, String error) {

    public static EtcdObservation notWatched() {
        return new EtcdObservation(null, List.of(), null);
    }

    public static EtcdObservation unanswered(EtcdApi api, String error) {
        return new EtcdObservation(api, List.of(), error);
    }

    public static EtcdObservation of(EtcdApi api, List<EtcdMemberHealth> members) {
        return new EtcdObservation(api, List.copyOf(members), null);
    }

    public boolean watched() {
        return api != null;
    }

    public boolean answered() {
        return watched() && error == null;
    }

    /** The leader's name, or null when no member leads (or none answered). */
    public String leader() {
        return members.stream().filter(EtcdMemberHealth::leader).map(EtcdMemberHealth::name).findFirst().orElse(null);
    }
}
