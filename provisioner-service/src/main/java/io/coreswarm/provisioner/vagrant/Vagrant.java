package io.coreswarm.provisioner.vagrant;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.coreswarm.api.cluster.MachineState;
import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.provisioner.ProvisionerConfig;
import io.coreswarm.provisioner.operation.OperationCancelled;
import io.coreswarm.provisioner.operation.OperationContext;
import io.coreswarm.provisioner.operation.ProcessTree;

/**
 * The real vagrant CLI. Arguments always go as a list, never through a shell; output streams
 * line by line into the operation's log while it runs.
 */
@ApplicationScoped
public class Vagrant {
    private final ProvisionerConfig config;

    Vagrant(ProvisionerConfig config) {
        this.config = config;
    }

    /** Runs {@code vagrant args...} in {@code dir} for an operation; a failure carries Vagrant's error text. */
    public void run(Path dir, OperationContext op, String... args) {
        run(dir, op, line -> { }, args);
    }

    /** As {@link #run(Path, OperationContext, String...)}, also handing each output line to {@code watcher}. */
    public void run(Path dir, OperationContext op, Consumer<String> watcher, String... args) {
        List<String> command = new ArrayList<>(List.of(config.vagrant()));
        command.addAll(List.of(args));
        command.add("--no-color");
        op.log("$ vagrant " + String.join(" ", args));
        Folder folder = folder(dir);
        takeFromStatus(folder, op);
        Result result;
        try {
            result = exec(dir, command, line -> {
                op.log(line);
                watcher.accept(line);
            }, op, null, timeout(args[0]));
        } finally {
            folder.lock.unlock();
        }
        if (result.timedOut() != null) {
            op.throwIfCancelled();
            throw timedOut("vagrant " + String.join(" ", args), result.timedOut());
        }
        if (result.exitCode() != 0) {
            op.throwIfCancelled();
            throw new VagrantFailure(result.errors().isBlank()
                    ? "vagrant " + args[0] + " exited with " + result.exitCode()
                    : result.errors().strip());
        }
    }

    /**
     * Machine name to state, from {@code vagrant status --machine-readable} (a process of a second
     * or more). Fails at once while an operation's command runs in {@code dir}, and gives way
     * (stopped, failing) when one wants to start.
     */
    public Map<String, MachineState> status(Path dir) {
        Folder folder = folder(dir);
        if (!folder.lock.tryLock()) {
            throw new VagrantFailure("an operation's vagrant command runs in " + dir);
        }
        Result result;
        try {
            result = exec(dir, List.of(config.vagrant(), "status", "--machine-readable"), line -> { }, null, folder,
                    config.vagrantTimeouts().status());
        } finally {
            folder.lock.unlock();
        }
        if (result.timedOut() != null) {
            throw timedOut("vagrant status", result.timedOut());
        }
        if (result.exitCode() != 0) {
            throw new VagrantFailure(result.errors().isBlank() ? "vagrant status exited with " + result.exitCode() : result.errors().strip());
        }
        return MachineStatus.parse(result.output());
    }

    /**
     * One vagrant process per folder at a time: Vagrant locks each machine while it reads or
     * changes it (even for {@code status}), and a second process on a locked machine fails ("Vagrant
     * can't use the requested machine because it is locked!").
     */
    private static final class Folder {
        final ReentrantLock lock = new ReentrantLock();
        /** the background {@code vagrant status} running in the folder, if one is */
        volatile Process status;
    }

    private final Map<Path, Folder> folders = new ConcurrentHashMap<>();

    private Folder folder(Path dir) {
        return folders.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> new Folder());
    }

    /** Takes the folder for an operation: a background status in it is stopped, not waited for. */
    private static void takeFromStatus(Folder folder, OperationContext op) {
        try {
            while (!folder.lock.tryLock(100, TimeUnit.MILLISECONDS)) {
                op.throwIfCancelled();
                Process status = folder.status;
                if (status != null) {
                    ProcessTree.stop(status);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationCancelled();
        }
    }

    /** The limit for a command, by its kind (the first argument). */
    Duration timeout(String command) {
        ProvisionerConfig.VagrantTimeouts t = config.vagrantTimeouts();
        return switch (command) {
            case "up" -> t.up();
            case "halt" -> t.halt();
            case "destroy" -> t.destroy();
            case "status" -> t.status();
            default -> t.other();
        };
    }

    private static VagrantFailure timedOut(String command, Duration limit) {
        return new VagrantFailure(command + " did not finish within " + limit.toString().substring(2).toLowerCase(Locale.ROOT)
                + " (coreswarm.provisioner.vagrant-timeouts); its processes were stopped");
    }

    /**
     * One daemon thread that stops the process trees of commands past their limit. A command that
     * ends in time cancels its stop, which is dropped at once rather than kept until its limit.
     */
    private static final ScheduledExecutorService WATCHDOG = watchdog();

    private static ScheduledExecutorService watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "vagrant-timeouts");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    private Result exec(Path dir, List<String> command, Consumer<String> lines, OperationContext op, Folder statusOf, Duration limit) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("VAGRANT_CHECKPOINT_DISABLE", "1");
        pb.environment().put("DOCKER_HOST", config.dockerHost());
        pb.environment().put("CORESWARM_NODE_IMAGE", config.nodeImage());
        // where the Vagrantfile finds the nodes' TLS folders: the workspace's pki/, beside machines/
        pb.environment().put("CORESWARM_PKI_DIR", dir.toAbsolutePath().normalize().resolveSibling(NodeLayout.PKI_DIR).toString());
        try {
            Process process = pb.start();
            if (op != null) {
                op.attach(process);
            }
            if (statusOf != null) {
                statusOf.status = process;
            }
            AtomicBoolean expired = new AtomicBoolean();
            // stopping the tree closes the pipes, so the reads below end too
            ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
                expired.set(true);
                ProcessTree.stop(process);
            }, limit.toMillis(), TimeUnit.MILLISECONDS);
            process.getOutputStream().close();
            StringBuilder errors = new StringBuilder();
            Thread stderr = new Thread(() -> pump(process.getErrorStream(), line -> {
                synchronized (errors) {
                    errors.append(line).append('\n');
                }
                lines.accept(line);
            }), "vagrant-stderr");
            stderr.start();
            StringBuilder output = new StringBuilder();
            pump(process.getInputStream(), line -> {
                output.append(line).append('\n');
                lines.accept(line);
            });
            int exit = process.waitFor();
            stderr.join();
            watchdog.cancel(false);
            if (op != null) {
                op.detach(process);
            }
            if (statusOf != null) {
                statusOf.status = null;
            }
            synchronized (errors) {
                return new Result(exit, output.toString(), errors.toString(), expired.get() ? limit : null);
            }
        } catch (IOException e) {
            throw new VagrantFailure("cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VagrantFailure("interrupted");
        }
    }

    private static void pump(InputStream in, Consumer<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.accept(line);
            }
        } catch (IOException e) {
            // "Stream closed": the process tree was killed (a cancel, a timeout, the provisioner stopping)
            // and its pipes closed under the reader; what was read is kept, the exit code tells the rest
        }
    }

    /** {@code timedOut}: the limit the command ran past, or null */
    private record Result(int exitCode, String output, String errors, Duration timedOut) {
    }
}
