package io.coreswarm.provisioner.vagrant;

import java.util.LinkedHashMap;
import java.util.Map;

import io.coreswarm.api.cluster.MachineState;

/**
 * Parses {@code vagrant status --machine-readable}: lines {@code timestamp,target,type,data...},
 * with commas in data written {@code %!(VAGRANT_COMMA)}. Keeps each machine's {@code state}; an id
 * {@link MachineState} does not know reads as {@link MachineState#UNKNOWN}.
 */
public final class MachineStatus {
    private MachineStatus() {
    }

    /** Machine name to its state (running, stopped, not_created, poweroff, ...), in Vagrant's order. */
    public static Map<String, MachineState> parse(String output) {
        Map<String, MachineState> states = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            String[] parts = line.split(",", 4);
            if (parts.length == 4 && parts[2].equals("state") && !parts[1].isEmpty()) {
                states.put(parts[1], MachineState.of(parts[3].replace("%!(VAGRANT_COMMA)", ",")));
            }
        }
        return states;
    }
}
