# A 3-member etcd of real processes on loopback, for trying and measuring the multi-host layout on
# one machine (scripts/up-replicas, benchmarks/store-rw, benchmarks/monitor-takeover). Source it
# (. scripts/lib/etcd-local.sh), then:
#   etcd_local_start DIR CLIENT_BASE PEER_BASE   members m1..m3 with data in DIR/mN, logs DIR/mN.log,
#                                                pids DIR/mN.pid, clients on 127.0.0.1:CLIENT_BASE+N,
#                                                peers on PEER_BASE+N; a member already running is kept,
#                                                one with data restarts on it; returns once all are healthy
#                                                and sets ETCD_LOCAL_ENDPOINTS (comma-separated client URLs)
#   etcd_local_stop DIR                          SIGTERM to each member, then waits for it
# shellcheck shell=bash
etcd_local_start() {
  local dir=$1 cb=$2 pb=$3 initial="" m i pid
  command -v etcd >/dev/null && command -v etcdctl >/dev/null \
    || { echo "etcd and etcdctl are missing: scripts/host-prereqs installs them (etcd-server, etcd-client)" >&2; return 1; }
  mkdir -p -m 700 "$dir"
  ETCD_LOCAL_ENDPOINTS=""
  for i in 1 2 3; do
    initial+="${initial:+,}m$i=http://127.0.0.1:$((pb + i))"
    ETCD_LOCAL_ENDPOINTS+="${ETCD_LOCAL_ENDPOINTS:+,}http://127.0.0.1:$((cb + i))"
  done
  for i in 1 2 3; do
    m=m$i
    if [ -f "$dir/$m.pid" ] && kill -0 "$(cat "$dir/$m.pid")" 2>/dev/null; then continue; fi
    # the --initial-* flags matter only for an empty data folder
    nohup etcd --name "$m" --data-dir "$dir/$m" \
      --listen-client-urls "http://127.0.0.1:$((cb + i))" --advertise-client-urls "http://127.0.0.1:$((cb + i))" \
      --listen-peer-urls "http://127.0.0.1:$((pb + i))" --initial-advertise-peer-urls "http://127.0.0.1:$((pb + i))" \
      --initial-cluster "$initial" --initial-cluster-state new --initial-cluster-token coreswarm-local \
      >>"$dir/$m.log" 2>&1 &
    pid=$!
    echo "$pid" >"$dir/$m.pid"
  done
  for _ in $(seq 1 60); do
    ETCDCTL_API=3 etcdctl --endpoints "$ETCD_LOCAL_ENDPOINTS" --command-timeout=2s endpoint health >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "etcd did not become healthy at $ETCD_LOCAL_ENDPOINTS; see $dir/m*.log" >&2
  return 1
}

etcd_local_stop() {
  local dir=$1 f p
  for f in "$dir"/m*.pid; do
    [ -f "$f" ] || continue
    p=$(cat "$f")
    if kill "$p" 2>/dev/null; then
      for _ in $(seq 1 40); do kill -0 "$p" 2>/dev/null || break; sleep 0.25; done
    fi
    rm -f "$f"
  done
}
