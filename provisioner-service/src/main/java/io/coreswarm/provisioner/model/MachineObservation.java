package io.coreswarm.provisioner.model;

import java.time.Instant;

import io.coreswarm.api.cluster.MachineState;

/** A machine's state and when it was last confirmed (by an operation's outcome or by {@code vagrant status}). */
public record MachineObservation(MachineState state, Instant confirmedAt) {
}
