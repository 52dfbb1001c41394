# The node layout for shell scripts (benchmarks, scripts): the values of
# api-contracts' io.coreswarm.api.node.NodeLayout, which is their one definition;
# NodeLayoutShellTest fails when the two differ. Source it: . scripts/lib/node-layout.sh
# shellcheck shell=bash
NODE_IMAGE=coreswarm/node:latest
PROBE_IMAGE=coreswarm/probe:latest
CLUSTER_LABEL=io.coreswarm.cluster
DOCKER_PORT=2375
DOCKER_TLS_PORT=2376
SWARM_PORT=2377
ETCD_CLIENT_PORT=2379
ETCD_PEER_PORT=2380
REGISTRY_PORT=5000
HOST_NUMBER_BASE=100
MACHINE_NAME_FORMAT=core-%02d
PKI_DIR=pki
TLS_MOUNT=/etc/coreswarm/tls
DIND_CREATE_ARGS=(
  --cap-add ALL --cap-drop SYS_RESOURCE --cgroupns private
  --security-opt seccomp=unconfined --security-opt apparmor=unconfined
  --security-opt systempaths=unconfined --device-cgroup-rule 'a *:* rwm'
  --tmpfs /run --mount type=volume,dst=/var/lib/docker
)

# machine_name I: core-01 .. core-99
machine_name() { printf "$MACHINE_NAME_FORMAT" "$1"; }
# node_address PREFIX I: node I's address in the subnet PREFIX.0/24
node_address() { echo "$1.$((HOST_NUMBER_BASE + $2))"; }
