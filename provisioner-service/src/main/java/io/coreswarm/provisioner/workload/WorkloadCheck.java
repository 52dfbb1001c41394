package io.coreswarm.provisioner.workload;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.EndpointResolutionMode;
import com.github.dockerjava.api.model.EndpointSpec;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.NetworkAttachmentConfig;
import com.github.dockerjava.api.model.ServiceGlobalModeOptions;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceRestartCondition;
import com.github.dockerjava.api.model.ServiceRestartPolicy;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskSpec;
import com.github.dockerjava.api.model.TaskState;

import io.coreswarm.api.cluster.Condition;
import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.docker.DockerClientFactory;
import io.coreswarm.docker.Timeouts;
import io.coreswarm.docker.TlsFiles;

/**
 * Does a cluster run workloads? Through the first node's dockerd it creates an overlay network and
 * a global service of the probe image ({@link NodeLayout#PROBE_IMAGE}: every task serves its node's
 * name with busybox httpd), waits until a task runs on every node, then has each task ask every
 * other task, by its address on the overlay, with busybox nc (busybox wget segfaults in containers
 * on some kernels); every answer must name the node that task runs on. The service and the network
 * are removed whatever happens. The result is the condition {@value #TYPE}, with one line per node.
 *
 * <p>A node fails when no task of the probe runs there (its tasks' errors are reported, e.g. a
 * read-only cgroup), or when a task on it and a task elsewhere cannot reach each other.
 */
public final class WorkloadCheck {
    public static final String TYPE = "WorkloadsReady";
    /** Label on the check's service and network, so leftovers can be recognised. */
    public static final String CHECK_LABEL = "io.coreswarm.check";

    /** How a node did. */
    public record NodeResult(String node, boolean ok, String detail) {
    }

    public record Result(Condition condition, List<NodeResult> nodes, Duration took) {
        public boolean ok() {
            return condition.status().equals("True");
        }

        public List<String> failedNodes() {
            return nodes.stream().filter(n -> !n.ok()).map(NodeResult::node).toList();
        }
    }

    /** A probe task is given up on a node after this many failed attempts (1 + the restart policy's 2). */
    private static final int FAILED_ATTEMPTS = 3;
    private static final Duration REACH_RETRIES = Duration.ofSeconds(20);
    private static final String HTTPD = "hostname > /www/index.html && exec httpd -f -p 80 -h /www";
    /** Arguments are the addresses to ask; each line printed is "address answer" (answer empty if none). */
    private static final String ASK = "for ip in \"$@\"; do "
            + "echo \"$ip $(printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 2 \"$ip\" 80 2>/dev/null | tail -n 1)\"; done";

    private final Duration timeout;
    private final Consumer<String> log;
    private final Runnable checkpoint;
    private final TlsFiles tls;

    /**
     * @param timeout    how long tasks may take to run on every node
     * @param log        where progress lines go (an operation's log)
     * @param checkpoint called between polls; may throw to stop the check (an operation's cancellation)
     * @param tls        the cluster's client TLS files, or null for engines in plain TCP
     */
    public WorkloadCheck(Duration timeout, Consumer<String> log, Runnable checkpoint, TlsFiles tls) {
        this.tls = tls;
        this.timeout = timeout;
        this.log = log;
        this.checkpoint = checkpoint;
    }

    /**
     * @param managerHost the DOCKER_HOST of a swarm manager
     * @param nodeHosts   every node that must run workloads: its swarm hostname and DOCKER_HOST
     */
    public Result run(String managerHost, Map<String, String> nodeHosts) throws Exception {
        Instant started = Instant.now();
        String id = "coreswarm-check-" + UUID.randomUUID().toString().substring(0, 8);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(nodeHosts.size(), 8)));
        try (DockerClient manager = DockerClientFactory.connect(managerHost, Timeouts.CONTROL, tls)) {
            try {
                Map<String, NodeResult> withoutProbe = awaitProbeImage(nodeHosts);
                manager.createNetworkCmd().withName(id).withDriver("overlay").withLabels(Map.of(CHECK_LABEL, id)).exec();
                manager.createServiceCmd(spec(id)).exec();
                log.accept("workload check: global service " + id + " of " + NodeLayout.PROBE_IMAGE + " on overlay network " + id);
                Map<String, NodeResult> results = new LinkedHashMap<>();
                Map<String, Task> running = awaitTasks(manager, id, nodeHosts.keySet(), results);
                log.accept("workload check: a task runs on " + running.size() + " of " + nodeHosts.size() + " nodes after "
                        + millis(started) + " ms");
                checkReach(id, nodeHosts, running, results, pool);
                results.putAll(withoutProbe);
                return result(nodeHosts.keySet(), results, started);
            } finally {
                cleanUp(manager, id);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static ServiceSpec spec(String id) {
        return new ServiceSpec().withName(id).withLabels(Map.of(CHECK_LABEL, id))
                .withMode(new ServiceModeConfig().withGlobal(new ServiceGlobalModeOptions()))
                .withTaskTemplate(new TaskSpec()
                        .withContainerSpec(new ContainerSpec().withImage(NodeLayout.PROBE_IMAGE)
                                .withHostname("{{.Node.Hostname}}")
                                .withCommand(List.of("sh", "-c", HTTPD))
                                // httpd as PID 1 ignores SIGTERM: nothing to wait for at removal
                                .withStopSignal("SIGKILL")
                                .withLabels(Map.of(CHECK_LABEL, id)))
                        .withRestartPolicy(new ServiceRestartPolicy().withCondition(ServiceRestartCondition.ON_FAILURE)
                                .withDelay(Duration.ofMillis(500).toNanos()).withMaxAttempts((long) FAILED_ATTEMPTS - 1))
                        .withNetworks(List.of(new NetworkAttachmentConfig().withTarget(id))))
                // no virtual IP: kernels without IPVS cannot carry one (see Capabilities)
                .withEndpointSpec(new EndpointSpec().withMode(EndpointResolutionMode.DNSRR));
    }

    /**
     * A node imports the probe image a moment after its dockerd answers (and joins the swarm): a
     * task scheduled before that would fail for want of it. Waits (within the timeout) until every
     * node has it; returns the nodes that never got it.
     */
    private Map<String, NodeResult> awaitProbeImage(Map<String, String> nodeHosts) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, NodeResult> missing = new LinkedHashMap<>();
        for (var node : nodeHosts.entrySet()) {
            try (DockerClient docker = DockerClientFactory.connect(node.getValue(), Timeouts.CONTROL, tls)) {
                String last = "";
                while (true) {
                    checkpoint.run();
                    try {
                        docker.inspectImageCmd(NodeLayout.PROBE_IMAGE).exec();
                        break;
                    } catch (NotFoundException e) {
                        last = "not there";
                    } catch (Exception e) {
                        last = e.getMessage();
                    }
                    if (Instant.now().isAfter(deadline)) {
                        missing.put(node.getKey(), new NodeResult(node.getKey(), false, "its dockerd has no " + NodeLayout.PROBE_IMAGE
                                + " (" + last + "); a node imports it at start, see the node's log"));
                        break;
                    }
                    Thread.sleep(250);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return missing;
    }

    /** Waits until each node runs a task or has failed; returns the running task by node. */
    private Map<String, Task> awaitTasks(DockerClient manager, String id, Set<String> nodes, Map<String, NodeResult> results)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, String> hostnames = new HashMap<>();
        Map<String, Task> running = new HashMap<>();
        Map<String, String> lastTrouble = new HashMap<>();
        Map<String, String> lastState = new HashMap<>();
        while (true) {
            checkpoint.run();
            List<Task> tasks = manager.listTasksCmd().withServiceFilter(id).exec();
            if (tasks.stream().anyMatch(t -> t.getNodeId() != null && !hostnames.containsKey(t.getNodeId()))) {
                for (SwarmNode n : manager.listSwarmNodesCmd().exec()) {
                    hostnames.put(n.getId(), n.getDescription().getHostname());
                }
            }
            running.clear();
            Map<String, Integer> failures = new HashMap<>();
            for (Task t : tasks.stream().sorted(Comparator.comparing(Task::getCreatedAt, Comparator.nullsFirst(Comparator.naturalOrder()))).toList()) {
                String node = hostnames.get(t.getNodeId());
                if (node == null || t.getStatus() == null) {
                    continue;
                }
                TaskState state = t.getStatus().getState();
                if (state == TaskState.RUNNING && t.getDesiredState() == TaskState.RUNNING) {
                    running.put(node, t);
                } else if (state == TaskState.FAILED || state == TaskState.REJECTED) {
                    failures.merge(node, 1, Integer::sum);
                    lastTrouble.put(node, state.getValue() + ": " + (t.getStatus().getErr() != null ? t.getStatus().getErr()
                            : t.getStatus().getMessage()));
                } else {
                    lastState.put(node, "its task is " + state.getValue());
                }
            }
            List<String> waiting = new ArrayList<>();
            for (String node : nodes) {
                if (running.containsKey(node)) {
                    continue;
                }
                if (failures.getOrDefault(node, 0) >= FAILED_ATTEMPTS) {
                    results.put(node, new NodeResult(node, false, "no probe task could run: " + failures.get(node)
                            + " attempts failed, the last with " + lastTrouble.get(node)));
                } else {
                    waiting.add(node);
                }
            }
            if (waiting.isEmpty()) {
                return running;
            }
            if (Instant.now().isAfter(deadline)) {
                for (String node : waiting) {
                    results.put(node, new NodeResult(node, false, "no probe task ran within " + timeout.toSeconds() + " s ("
                            + lastTrouble.getOrDefault(node, lastState.getOrDefault(node, "no task was scheduled: is the node in the swarm and Ready?")) + ")"));
                }
                return running;
            }
            Thread.sleep(250);
        }
    }

    /** Each running task asks every other; unanswered pairs are asked again until REACH_RETRIES runs out. */
    private void checkReach(String id, Map<String, String> nodeHosts, Map<String, Task> running, Map<String, NodeResult> results,
            ExecutorService pool) throws Exception {
        // where each task lives: its container on its node and its address on the check's network
        Map<String, String> containers = new HashMap<>();
        Map<String, String> addresses = new HashMap<>();
        for (var e : running.entrySet()) {
            String container = e.getValue().getStatus().getContainerStatus().getContainerID();
            try (DockerClient docker = DockerClientFactory.connect(nodeHosts.get(e.getKey()), Timeouts.CONTROL, tls)) {
                ContainerNetwork net = docker.inspectContainerCmd(container).exec().getNetworkSettings().getNetworks().get(id);
                containers.put(e.getKey(), container);
                addresses.put(e.getKey(), net.getIpAddress());
            } catch (Exception ex) {
                results.put(e.getKey(), new NodeResult(e.getKey(), false, "its probe task cannot be inspected: " + ex.getMessage()));
            }
        }
        // unanswered: asker -> the nodes it has not heard from yet
        Map<String, Set<String>> unanswered = new HashMap<>();
        for (String asker : containers.keySet()) {
            Set<String> others = new TreeSet<>(containers.keySet());
            others.remove(asker);
            unanswered.put(asker, others);
        }
        Map<String, String> lastAnswer = new HashMap<>();
        Instant deadline = Instant.now().plus(REACH_RETRIES);
        while (unanswered.values().stream().anyMatch(s -> !s.isEmpty())) {
            checkpoint.run();
            List<CompletableFuture<Void>> asks = new ArrayList<>();
            for (var e : unanswered.entrySet()) {
                if (e.getValue().isEmpty()) {
                    continue;
                }
                String asker = e.getKey();
                Set<String> targets = e.getValue();
                asks.add(CompletableFuture.runAsync(() -> {
                    Map<String, String> byAddress = new HashMap<>();
                    targets.forEach(t -> byAddress.put(addresses.get(t), t));
                    String out = ask(nodeHosts.get(asker), containers.get(asker), byAddress.keySet());
                    for (String line : out.split("\n")) {
                        String[] words = line.trim().split(" ", 2);
                        String target = byAddress.get(words[0]);
                        if (target == null) {
                            continue;
                        }
                        String answer = words.length > 1 ? words[1].trim() : "";
                        synchronized (lastAnswer) {
                            lastAnswer.put(asker + ">" + target, answer);
                        }
                        if (answer.equals(target)) {
                            synchronized (targets) {
                                targets.remove(target);
                            }
                        }
                    }
                }, pool));
            }
            for (CompletableFuture<Void> f : asks) {
                try {
                    f.get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException ex) {
                    log.accept("workload check: asking failed: " + ex.getCause().getMessage());
                }
            }
            if (Instant.now().isAfter(deadline)) {
                break;
            }
            if (unanswered.values().stream().anyMatch(s -> !s.isEmpty())) {
                Thread.sleep(500);
            }
        }
        // a pair that never answered marks both of its nodes
        Map<String, List<String>> trouble = new HashMap<>();
        unanswered.forEach((asker, targets) -> targets.forEach(target -> {
            String answer = lastAnswer.getOrDefault(asker + ">" + target, "");
            String what = asker + " cannot reach " + target + " (" + addresses.get(target) + ") over the overlay"
                    + (answer.isEmpty() ? "" : " (answered: " + answer + ")");
            trouble.computeIfAbsent(asker, k -> new ArrayList<>()).add(what);
            trouble.computeIfAbsent(target, k -> new ArrayList<>()).add(what);
        }));
        for (String node : containers.keySet()) {
            if (trouble.containsKey(node)) {
                results.put(node, new NodeResult(node, false, String.join("; ", trouble.get(node))));
            } else {
                results.put(node, new NodeResult(node, true, "probe task runs at " + addresses.get(node) + " and reaches the "
                        + (containers.size() - 1) + " other" + (containers.size() == 2 ? "" : "s")));
            }
        }
    }

    /** Runs the asking script in a task's container; returns its output. */
    private String ask(String dockerHost, String container, Set<String> targetAddresses) {
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", ASK, "ask"));
        cmd.addAll(targetAddresses);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DockerClient docker = DockerClientFactory.connect(dockerHost, Timeouts.CONTROL, tls)) {
            String exec = docker.execCreateCmd(container).withAttachStdout(true).withAttachStderr(true)
                    .withCmd(cmd.toArray(String[]::new)).exec().getId();
            docker.execStartCmd(exec).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    synchronized (out) {
                        out.writeBytes(frame.getPayload());
                    }
                }
            }).awaitCompletion(5L + 3L * targetAddresses.size(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private Result result(Set<String> nodes, Map<String, NodeResult> results, Instant started) {
        List<NodeResult> all = nodes.stream().sorted().map(n -> results.getOrDefault(n, new NodeResult(n, false, "not checked"))).toList();
        List<NodeResult> failed = all.stream().filter(r -> !r.ok()).toList();
        Duration took = Duration.between(started, Instant.now());
        Condition condition = failed.isEmpty()
                ? new Condition(TYPE, "True", "ProbeRanEverywhere", "a probe task ran on each of the " + all.size()
                        + " nodes and reached every other over an overlay network (" + took.toMillis() + " ms)", Instant.now())
                : new Condition(TYPE, "False", "ProbeFailed", "workloads do not run on "
                        + String.join(", ", failed.stream().map(NodeResult::node).toList()) + ": "
                        + String.join("; ", failed.stream().map(r -> r.node() + ": " + r.detail()).toList()), Instant.now());
        return new Result(condition, all, took);
    }

    /**
     * Removes the check's service, then its network, which Swarm frees once the tasks are gone
     * (a moment: removal is retried for up to 20 s). The swarm's network is then gone; each node's
     * local copy goes a few seconds later, when its agent notices (nothing waits for that).
     */
    private void cleanUp(DockerClient manager, String id) {
        Instant started = Instant.now();
        try {
            manager.removeServiceCmd(id).exec();
        } catch (NotFoundException e) {
            // not created
        } catch (Exception e) {
            log.accept("workload check: cannot remove service " + id + ": " + e.getMessage());
        }
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            try {
                manager.removeNetworkCmd(id).exec();
                log.accept("workload check: service and network " + id + " removed in " + millis(started) + " ms");
                return;
            } catch (NotFoundException e) {
                return;
            } catch (Exception e) {
                if (Instant.now().isAfter(deadline)) {
                    log.accept("workload check: cannot remove network " + id + ": " + e.getMessage());
                    return;
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long millis(Instant since) {
        return Duration.between(since, Instant.now()).toMillis();
    }
}
