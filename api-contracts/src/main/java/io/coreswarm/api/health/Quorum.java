package io.coreswarm.api.health;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Raft arithmetic for etcd members or swarm managers: a group of {@code members} stays available
 * while a majority ({@code members / 2 + 1}) of them is up.
 */
@Schema(requiredProperties = { "members", "up", "majority", "held" })
public record Quorum(int members, int up, int majority, boolean held) {

    public static Quorum of(int members, int up) {
        int majority = members / 2 + 1;
        return new Quorum(members, up, majority, members > 0 && up >= majority);
    }
}
