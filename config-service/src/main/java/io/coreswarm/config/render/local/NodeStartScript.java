package io.coreswarm.config.render.local;

/**
 * The command of every local node container. Fixed text: the node's values come from the
 * environment the Vagrantfile sets, and are only ever expanded inside double quotes.
 */
final class NodeStartScript {
    private NodeStartScript() {
    }

    static final String CONTENT = """
            #!/bin/bash
            # coreswarm node: etcd, bootstrapped through the cluster's discovery URL, beside dockerd.
            # Reads NODE_NAME, NODE_IP, DISCOVERY_URL and DOCKER_PORT from the environment.
            set -euo pipefail

            mkdir -p /var/lib/etcd
            etcd_args=(
              --name "$NODE_NAME" --data-dir /var/lib/etcd/data
              --listen-peer-urls "http://$NODE_IP:2380" --initial-advertise-peer-urls "http://$NODE_IP:2380"
              --listen-client-urls "http://0.0.0.0:2379" --advertise-client-urls "http://$NODE_IP:2379"
            )
            join_file="/coreswarm/etcd-join/$NODE_NAME"
            if [ -f "$join_file" ]; then
              # added by a scale-up after 'etcdctl member add': join the running cluster
              etcd_args+=(--initial-cluster "$(cat "$join_file")" --initial-cluster-state existing)
            else
              # on a restart etcd finds its data dir and ignores the (used) discovery token
              etcd_args+=(--discovery "$DISCOVERY_URL")
            fi
            # both logs go to the container's output, so 'docker logs <node>' tells what a node did
etcd "${etcd_args[@]}" 2>&1 | sed -u 's/^/etcd: /' &

            # plain TCP as in the seed (the node network is the cluster's own); saying --tls=false
            # explicitly spares dockerd's deliberate 15 s start-up delay for an unauthenticated port
            dockerd --config-file /coreswarm/daemon.json --tls=false \\
              -H unix:///var/run/docker.sock -H "tcp://0.0.0.0:$DOCKER_PORT" 2>&1 | sed -u 's/^/dockerd: /' &

            # the node lives while both do: when either exits the container stops, and Vagrant shows it
            wait -n
            """;
}
