package io.coreswarm.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One real {@code etcd} process (found on the PATH) on loopback ports, its data dir and log under a
 * work folder of the test's. How it bootstraps (a discovery URL, a static initial cluster) is up to
 * the caller's extra arguments. It can be stopped (SIGTERM), killed (SIGKILL, as a crashed host) and
 * started again on the same ports and data.
 */
public final class EtcdProcess implements AutoCloseable {
    private final String name;
    private final int clientPort;
    private final int peerPort;
    private final Path workDir;
    private List<String> bootstrap = List.of();
    private Process process;

    private EtcdProcess(String name, Path workDir) {
        this.name = name;
        this.clientPort = FreePorts.next();
        this.peerPort = FreePorts.next();
        this.workDir = workDir;
    }

    /** A member on free ports, not started yet, so that its peer URL can go into an initial cluster first. */
    public static EtcdProcess prepare(String name, Path workDir) {
        return new EtcdProcess(name, workDir);
    }

    /** Starts a member that bootstraps with {@code bootstrap} (e.g. {@code --discovery URL}). */
    public static EtcdProcess start(String name, Path workDir, List<String> bootstrap) {
        return prepare(name, workDir).start(bootstrap);
    }

    /** Starts the process with these bootstrap arguments, kept for {@link #start()} again. */
    public EtcdProcess start(List<String> bootstrapArgs) {
        this.bootstrap = List.copyOf(bootstrapArgs);
        return start();
    }

    /** Starts (or starts again) the process with the bootstrap arguments given before, appending to its log. */
    public EtcdProcess start() {
        List<String> command = new ArrayList<>(List.of("etcd",
                "--name", name,
                "--data-dir", workDir.resolve(name + ".etcd").toString(),
                "--initial-advertise-peer-urls", peerUrl(),
                "--listen-peer-urls", peerUrl(),
                "--listen-client-urls", clientUrl(),
                "--advertise-client-urls", clientUrl()));
        command.addAll(bootstrap);
        try {
            Files.createDirectories(workDir);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
            // ETCD_* variables of whoever runs the build would override these flags
            builder.environment().keySet().removeIf(k -> k.startsWith("ETCD"));
            process = builder.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public int clientPort() {
        return clientPort;
    }

    public String clientUrl() {
        return "http://127.0.0.1:" + clientPort;
    }

    public String peerUrl() {
        return "http://127.0.0.1:" + peerPort;
    }

    public Path log() {
        return workDir.resolve(name + ".log");
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The exit code, or null if it is still running after {@code seconds}. */
    public Integer exitWithin(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : null;
    }

    public String output() {
        try {
            return Files.readString(log(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: the member vanishes as a crashed host would. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(process);
        }
    }

    /** SIGTERM, then SIGKILL if it is still there after 10 s. */
    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            if (!waitFor(process)) {
                kill();
            }
        }
    }

    private static boolean waitFor(Process p) {
        try {
            return p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
