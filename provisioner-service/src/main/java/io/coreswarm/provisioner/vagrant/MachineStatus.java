package io.coreswarm.provisioner.vagrant;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses {@code vagrant status --machine-readable}: lines {@code timestamp,target,type,data...},
 * with commas in data written {@code %!(VAGRANT_COMMA)}. Keeps each machine's {@code state} id.
 */
public final class MachineStatus {
    private MachineStatus() {
    }

    /** Machine name to Vagrant state id (running, stopped, not_created, poweroff, ...), in Vagrant's order. */
    public static Map<String, String> parse(String output) {
        Map<String, String> states = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            String[] parts = line.split(",", 4);
            if (parts.length == 4 && parts[2].equals("state") && !parts[1].isEmpty()) {
                states.put(parts[1], parts[3].replace("%!(VAGRANT_COMMA)", ",").trim());
            }
        }
        return states;
    }
}
