package io.coreswarm.provisioner.operation;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops a process and every process under it: vagrant runs docker, which must not outlive it. */
public final class ProcessTree {
    private ProcessTree() {
    }

    public static void stop(Process process) {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
