package io.coreswarm.monitor.health;

import java.util.Optional;

/** With files the one replica's board is the answer: nothing to publish. */
final class BoardHealth implements LatestHealth {
    private final HealthBoard board;

    BoardHealth(HealthBoard board) {
        this.board = board;
    }

    @Override
    public Optional<PublishedHealth> latest(String cluster) {
        return board.get(cluster).map(PublishedHealth::of);
    }

    @Override
    public Optional<PublishedHealth> published(String cluster) {
        return Optional.empty();
    }

    @Override
    public void publish(Snapshot snapshot) {
        // the board has it
    }

    @Override
    public void forget(String cluster) {
        // the board's entry goes with the target
    }
}
