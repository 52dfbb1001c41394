package io.coreswarm.provisioner.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** What the tests of stopped process trees ask of a process. */
public final class Processes {
    private Processes() {
    }

    /**
     * Whether a process is gone, within a few seconds: a stopped child whose parent was stopped with
     * it may linger as a zombie until the init process reaps it, which counts as stopped.
     */
    public static boolean stopped(long pid) throws Exception {
        for (int i = 0; i < 50; i++) {
            Path stat = Path.of("/proc/" + pid + "/stat");
            if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) || !Files.exists(stat)) {
                return true;
            }
            String s = Files.readString(stat);
            if (s.substring(s.lastIndexOf(')') + 2).startsWith("Z")) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
