package io.coreswarm.provisioner;

import java.nio.file.Path;
import java.time.Duration;

import io.coreswarm.api.node.NodeLayout;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "coreswarm.provisioner")
public interface ProvisionerConfig {

    /** One folder per cluster: rendered files, Vagrant's state, the cluster and operation records, logs. */
    @WithDefault("${user.home}/.coreswarm/clusters")
    Path workspaces();

    /** The vagrant binary. */
    @WithDefault("vagrant")
    String vagrant();

    /** The dockerd the local target's node containers run on (Vagrant's docker provider uses it too). */
    @WithDefault("unix:///var/run/docker.sock")
    String dockerHost();

    /** The node image local clusters run; scripts/node-image builds and tags it. */
    @WithDefault(NodeLayout.NODE_IMAGE)
    String nodeImage();

    /** Local clusters get a free /24 from 172.&lt;second-octet&gt;.0.0/16. */
    @WithDefault("29")
    int subnetSecondOctet();

    /** How long a new or resumed cluster may take for etcd and every swarm node to be ready. */
    @WithDefault("180s")
    Duration readyTimeout();

    /**
     * How often machine states older than half of this are confirmed with {@code vagrant status}
     * in the background (they are also confirmed right after each operation).
     */
    @WithDefault("30s")
    Duration reconcileEvery();

    /**
     * Memory of the host that no cluster may claim: a cluster's nodes × memory must stay within the
     * host's memory (dockerd's MemTotal for the local target, /proc/meminfo otherwise) less this.
     */
    @WithDefault("2048")
    long hostMemoryReserveMb();

    /**
     * CPUs are limits, not reservations, and may be overcommitted: a node may have at most the
     * host's CPUs, a cluster's nodes × cpus at most this many times the host's CPUs.
     */
    @WithDefault("4")
    int cpuOvercommit();

    /**
     * How long one vagrant command may run: past it, its process tree (vagrant and the docker or
     * VM processes under it) is stopped and the command fails naming itself and the limit.
     */
    VagrantTimeouts vagrantTimeouts();

    /** Per kind of vagrant command: making machines takes long, reading their state does not. */
    interface VagrantTimeouts {
        /** {@code vagrant up}: images pulled or boxes booted, for every node of a cluster */
        @WithDefault("30m")
        Duration up();

        @WithDefault("10m")
        Duration halt();

        @WithDefault("15m")
        Duration destroy();

        /** {@code vagrant status}: a Ruby start and a provider query */
        @WithDefault("2m")
        Duration status();

        /** any other command */
        @WithDefault("10m")
        Duration other();
    }
}
