#!/bin/bash
# coreswarm node: etcd, bootstrapped through the cluster's discovery URL, beside dockerd.
# Reads NODE_NAME, NODE_IP, NODE_DNS, NODE_REGISTRY (host:port of the cluster's registry on core-01,
# or empty), DISCOVERY_URL, DOCKER_PORT and NODE_TLS (the folder of the node's TLS files,
# NodeLayout.TLS_MOUNT, or empty for a "tls": false cluster) from the environment, its files from
# /coreswarm (NodeLayout.NODE_MOUNT); those values are only ever expanded inside double quotes.
# The node runs without --privileged but with --cgroupns private (NodeLayout.DIND_CREATE_ARGS),
# so it can make its own cgroups writable.
set -euo pipefail

started=$(date +%s%N)
say() { echo "node: $(( ($(date +%s%N) - started) / 1000000 )) ms: $*"; }

# --- cgroups: writable for this node's dockerd ------------------------------------------------
# Without --privileged Docker mounts the cgroup filesystems read-only, and then no container can
# start ("mkdir /sys/fs/cgroup/cpuset/docker: read-only file system"). In the node's own cgroup
# namespace a fresh mount is rooted at the node's cgroup and may be read-write.
cgroup_version=1
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  cgroup_version=2
  mount -o remount,rw /sys/fs/cgroup 2>/dev/null \
    || { umount /sys/fs/cgroup && mount -t cgroup2 cgroup2 /sys/fs/cgroup; } \
    || say "cannot mount /sys/fs/cgroup read-write"
  # cgroup v2 nesting as Docker's own dind entrypoint does it (github.com/moby/moby, hack/dind,
  # "cgroup v2: enable nesting"): move every process of the root group into /init, otherwise
  # writing subtree_control fails with EBUSY, then enable every controller for the children.
  # It loops because a process started meanwhile (a 'docker exec') lands in the root group again.
  if mkdir -p /sys/fs/cgroup/init 2>/dev/null; then
    tries=0
    while ! {
      xargs -rn1 < /sys/fs/cgroup/cgroup.procs > /sys/fs/cgroup/init/cgroup.procs 2>/dev/null || :
      sed -e 's/ / +/g' -e 's/^/+/' < /sys/fs/cgroup/cgroup.controllers > /sys/fs/cgroup/cgroup.subtree_control 2>/dev/null
    }; do
      tries=$((tries + 1))
      [ "$tries" -lt 100 ] || { say "cannot enable the cgroup v2 controllers for nesting"; break; }
    done
  fi
else
  # cgroup v1: unmount each hierarchy and mount it again, read-write, with the same options
  # (the controllers, or none,name=systemd for a named hierarchy without controllers)
  while read -r dir superopts; do
    opts=$(tr , '\n' <<<"$superopts" | grep -v -x -e rw -e ro | paste -sd, -) || true
    case ",$opts," in
      *,name=*)
        controllers=$(tr , '\n' <<<"$opts" | grep -v -e '^name=' -e '^none$' -e '^xattr$' -e '^clone_children$') || true
        [ -n "$controllers" ] || opts="none,${opts#none,}" ;;
    esac
    if umount "$dir" && mount -t cgroup -o "$opts" cgroup "$dir"; then
      :
    else
      say "cannot mount the cgroup hierarchy $dir ($opts) read-write"
    fi
  done < <(sed -n 's/^[^ ]* [^ ]* [^ ]* [^ ]* \([^ ]*\) .* - cgroup [^ ]* \([^ ]*\)$/\1 \2/p' /proc/self/mountinfo)
fi

# --- capabilities: what this kernel gives Swarm, published as engine labels ------------------
# Read back with 'docker info' (Labels) or the Swarm API's /nodes (Description.Engine.Labels).
writable=true
if [ "$cgroup_version" = 2 ]; then
  probe_dirs=(/sys/fs/cgroup)
else
  probe_dirs=()
  for d in /sys/fs/cgroup/*/; do probe_dirs+=("${d%/}"); done
fi
for d in "${probe_dirs[@]}"; do
  if mkdir "$d/coreswarm-probe" 2>/dev/null; then
    rmdir "$d/coreswarm-probe"
  else
    writable=false
  fi
done
# IPVS carries a service's virtual IP and the ingress routing mesh; it cannot be loaded from here
ipvs=false
[ -e /proc/net/ip_vs ] && ipvs=true
# VXLAN carries overlay networks between nodes
vxlan=false
if ip link add coreswarm-vx0 type vxlan id 4242 dstport 4789 2>/dev/null; then
  vxlan=true
  ip link delete coreswarm-vx0 || true
fi
capabilities=(
  "io.coreswarm.capability.cgroups=$writable"
  "io.coreswarm.capability.ipvs=$ipvs"
  "io.coreswarm.capability.vxlan=$vxlan"
  "io.coreswarm.cgroup-version=$cgroup_version"
)
say "cgroup v$cgroup_version writable=$writable, ipvs=$ipvs, vxlan=$vxlan"
# the rendered daemon.json holds the spec's labels; these are added to them as JSON data (dockerd
# refuses labels given both as flags and in its config file). Its containers resolve through the
# host's resolvers (NODE_DNS, from the Vagrantfile); with none known, through a loopback address
# that answers nothing, never through the public resolvers dockerd falls back to by itself.
mkdir -p /run/coreswarm
# A cluster registry (plain HTTP) is trusted through insecure-registries, added the same way.
if command -v jq >/dev/null; then
  jq --arg dns "${NODE_DNS:-}" --arg registry "${NODE_REGISTRY:-}" --args '.labels = ((.labels // []) + $ARGS.positional)
      | .dns = ([$dns | split(",")[] | select(length > 0)] | if length > 0 then . else ["127.0.0.1"] end)
      | if $registry != "" then .["insecure-registries"] = ((.["insecure-registries"] // []) + [$registry]) else . end' \
    "${capabilities[@]}" < /coreswarm/daemon.json > /run/coreswarm/daemon.json
else
  say "no jq in this node image (older than its recipe: run scripts/node-image): capabilities not published"
  cp /coreswarm/daemon.json /run/coreswarm/daemon.json
fi

# --- etcd and dockerd ------------------------------------------------------------------------
# With TLS (NODE_TLS, the read-only folder the Vagrantfile mounts: ca.pem, server.pem,
# server-key.pem, issued by the cluster's CA with this node's address in its SANs) etcd serves
# clients and peers over https and wants a certificate of the cluster's CA from both
# (--client-cert-auth, --peer-client-cert-auth); the node certificate is also its peer client
# certificate (serverAuth + clientAuth).
mkdir -p /var/lib/etcd
scheme=http
tls_etcd=()
if [ -n "${NODE_TLS:-}" ]; then
  for f in ca.pem server.pem server-key.pem; do
    [ -r "$NODE_TLS/$f" ] || { say "TLS asked for but $NODE_TLS/$f is not readable"; exit 1; }
  done
  scheme=https
  tls_etcd=(
    --client-cert-auth --trusted-ca-file "$NODE_TLS/ca.pem"
    --cert-file "$NODE_TLS/server.pem" --key-file "$NODE_TLS/server-key.pem"
    --peer-client-cert-auth --peer-trusted-ca-file "$NODE_TLS/ca.pem"
    --peer-cert-file "$NODE_TLS/server.pem" --peer-key-file "$NODE_TLS/server-key.pem"
  )
fi
etcd_args=(
  --name "$NODE_NAME" --data-dir /var/lib/etcd/data
  --listen-peer-urls "$scheme://$NODE_IP:2380" --initial-advertise-peer-urls "$scheme://$NODE_IP:2380"
  --listen-client-urls "$scheme://0.0.0.0:2379" --advertise-client-urls "$scheme://$NODE_IP:2379"
  "${tls_etcd[@]}"
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

# --- the cluster's registry, on the node whose address it names (core-01) ---------------------
# Debian's docker-registry (distribution 2.8); the package's own config wants htpasswd files, so
# it gets this one. Its images live in the node container (kept over halt and resume).
if [ -n "${NODE_REGISTRY:-}" ] && [ "${NODE_REGISTRY%:*}" = "$NODE_IP" ]; then
  cat > /run/coreswarm/registry.yml <<'EOF'
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: /var/lib/docker-registry
  delete:
    enabled: true
http:
  addr: :5000
EOF
  mkdir -p /var/lib/docker-registry
  REGISTRY_HTTP_ADDR="$NODE_REGISTRY" docker-registry serve /run/coreswarm/registry.yml 2>&1 | sed -u 's/^/registry: /' &
  say "registry started on $NODE_REGISTRY"
fi

# With TLS: --tlsverify on DOCKER_PORT (2376 by default), the cluster's CA the only one whose
# client certificates it accepts, as docker-machine runs it. daemon.json sets neither hosts nor
# tls* (dockerd refuses a directive given both ways). Without ("tls": false): plain TCP as in the
# seed; saying --tls=false explicitly spares dockerd's deliberate 15 s start-up delay for an
# unauthenticated port.
# DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1: a Swarm task uses the node's own copy of its image rather
# than trying a registry first (moby daemon/cluster/executor/container/controller.go; Docker's own
# integration tests start their daemons so); images reach nodes without a registry here.
# That setting skips a task's pull altogether, even when the node lacks the image, so a node could
# never run an image that lives only in the cluster's registry. With a registry the node's dockerd
# runs without it: it pulls each task's image first and uses its own copy when the pull fails. Its
# proxy is a loopback port where nothing listens, and only the cluster's registry and network are
# exempt (NO_PROXY): any other pull fails at once ("proxyconnect ... connection refused"), without
# a DNS lookup or a packet leaving the node.
dockerd_env=(DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1)
if [ -n "${NODE_REGISTRY:-}" ]; then
  node_networks=$(ip -o -4 addr show scope global | awk '{print $4}' | paste -sd, -) || true
  dockerd_env=(HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9
    NO_PROXY="$NODE_REGISTRY${node_networks:+,$node_networks}")
fi
if [ -n "${NODE_TLS:-}" ]; then
  tls_dockerd=(--tlsverify --tlscacert "$NODE_TLS/ca.pem" --tlscert "$NODE_TLS/server.pem" --tlskey "$NODE_TLS/server-key.pem")
else
  tls_dockerd=(--tls=false)
fi
env "${dockerd_env[@]}" dockerd --config-file /run/coreswarm/daemon.json "${tls_dockerd[@]}" \
  -H unix:///var/run/docker.sock -H "tcp://0.0.0.0:$DOCKER_PORT" 2>&1 | sed -u 's/^/dockerd: /' &

# --- the probe image: busybox, imported from the rootfs the node image carries ---------------
# A tiny image on every node without a registry (WorkloadCheck and the docs' examples run it).
# On a restart the node's /var/lib/docker volume has it already.
for _ in $(seq 600); do
  docker version >/dev/null 2>&1 && break
  sleep 0.1
done
say "dockerd answers"
if ! docker image inspect coreswarm/probe:latest >/dev/null 2>&1; then
  if tar -C /usr/local/share/coreswarm/probe -c . \
      | docker import --change 'CMD ["httpd", "-f", "-p", "80", "-h", "/www"]' \
          --message 'coreswarm probe: busybox' - coreswarm/probe:latest >/dev/null; then
    say "coreswarm/probe:latest imported"
  else
    say "cannot import coreswarm/probe:latest"
  fi
fi

# the node lives while both do: when either exits the container stops, and Vagrant shows it
wait -n
