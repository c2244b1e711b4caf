#!/usr/bin/env bash
# A throw-away three-node RabbitMQ cluster on 127.0.0.1 with all its state in one folder, for the cluster tests.
#
#   tests/interop/rabbitmq-cluster.sh start DIR    starts epmd and three nodes, joins the second and third to the
#                                                  first (rabbitmqctl join_cluster), prints the multi-host URL
#   tests/interop/rabbitmq-cluster.sh down DIR N   stops node N (1, 2 or 3) only, as a node failure does
#   tests/interop/rabbitmq-cluster.sh up DIR N     starts node N again after down; it rejoins the cluster
#   tests/interop/rabbitmq-cluster.sh stop DIR     stops the three nodes and epmd (by pid) and leaves DIR
#
# Each node is a broker of tests/interop/rabbitmq.sh (Debian's rabbitmq-server started directly, never the
# system service) in DIR/nodeN, on its own free AMQP and distribution ports; the three share one epmd on a free
# port and one Erlang cookie, as cluster nodes must. The URL is rabbit://guest:guest@127.0.0.1:P1,...:P3/.
set -euo pipefail

server=/usr/lib/rabbitmq/bin/rabbitmq-server
ctl=/usr/lib/rabbitmq/bin/rabbitmqctl
single="$(dirname "$0")/rabbitmq.sh"
command=${1:?usage: rabbitmq-cluster.sh start|down|up|stop DIR [N]}
dir=$(realpath -m "${2:?usage: rabbitmq-cluster.sh start|down|up|stop DIR [N]}")

free_port() {
  python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

node_dir() {
  case "${1:-}" in
    1|2|3) echo "$dir/node$1" ;;
    *) echo "rabbitmq-cluster.sh: the node is 1, 2 or 3 (got '${1:-}')" >&2; exit 2 ;;
  esac
}

# rabbitmqctl talking to the node of folder $1 with that node's cookie and the cluster's epmd.
ctl_on() {
  local node=$1
  shift
  # shellcheck source=/dev/null
  . "$node/ports"
  HOME="$node/home" RABBITMQ_CONF_ENV_FILE="$node/rabbitmq-env.conf" ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT="$EPMD_PORT" \
    "$ctl" -n "vn$AMQP_PORT@localhost" "$@" >>"$node/log/ctl.out" 2>&1 \
    || { echo "rabbitmq-cluster.sh: rabbitmqctl $* on $node failed:" >&2; tail -n 20 "$node/log/ctl.out" >&2; exit 1; }
}

case "$command" in
  start)
    [ -x "$server" ] || { echo "rabbitmq-cluster.sh: $server is missing: apt-get install rabbitmq-server (./test.sh does)" >&2; exit 1; }
    epmd=$(free_port)
    cookie=$(python3 -c 'import secrets, string; print("".join(secrets.choice(string.ascii_uppercase) for _ in range(20)))')
    mkdir -p "$dir"
    (exec setsid env ERL_EPMD_ADDRESS=127.0.0.1 epmd -port "$epmd" </dev/null >>"$dir/epmd.out" 2>&1) &
    echo $! >"$dir/epmd.pid"
    urls=()
    for n in 1 2 3; do
      node="$dir/node$n"
      mkdir -p "$node/home" "$node/mnesia" "$node/log"
      amqp=$(free_port)
      printf 'AMQP_PORT=%s\nAMQP1_PORT=%s\nDIST_PORT=%s\nEPMD_PORT=%s\n' "$amqp" "$amqp" "$(free_port)" "$epmd" >"$node/ports"
      cat >"$node/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$amqp
disk_free_limit.absolute = 1MB
log.console = false
log.file.level = warning
CONF
      echo '[].' >"$node/enabled_plugins"
      : >"$node/rabbitmq-env.conf"
      echo '[].' >"$node/advanced.config"
      printf '%s' "$cookie" >"$node/home/.erlang.cookie"
      chmod 400 "$node/home/.erlang.cookie"
      urls+=("guest:guest@127.0.0.1:$amqp")
    done
    # The three boot at once (each waits until AMQP answers); then the second and third join the first.
    pids=()
    for n in 1 2 3; do
      "$single" up "$dir/node$n" &
      pids+=($!)
    done
    for pid in "${pids[@]}"; do
      wait "$pid" || { echo "rabbitmq-cluster.sh: a node did not start" >&2; exit 1; }
    done
    # shellcheck source=/dev/null
    first="vn$(. "$dir/node1/ports"; echo "$AMQP_PORT")@localhost"
    for n in 2 3; do
      ctl_on "$dir/node$n" stop_app
      ctl_on "$dir/node$n" join_cluster "$first"
      ctl_on "$dir/node$n" start_app
    done
    echo "rabbit://$(IFS=,; echo "${urls[*]}")/"
    ;;
  down)
    "$single" down "$(node_dir "${3:-}")"
    ;;
  up)
    "$single" up "$(node_dir "${3:-}")"
    ;;
  stop)
    for n in 1 2 3; do
      [ -d "$dir/node$n" ] && "$single" stop "$dir/node$n"
    done
    if [ -f "$dir/epmd.pid" ]; then
      pid=$(cat "$dir/epmd.pid")
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
      rm -f "$dir/epmd.pid"
    fi
    ;;
  *)
    echo "usage: rabbitmq-cluster.sh start|down|up|stop DIR [N]" >&2
    exit 2
    ;;
esac
