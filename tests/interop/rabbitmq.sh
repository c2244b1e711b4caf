#!/usr/bin/env bash
# A throw-away RabbitMQ on 127.0.0.1 with all its state in one folder, for the tests.
#
#   tests/interop/rabbitmq.sh start DIR     starts epmd and the broker, waits until AMQP answers, prints the URL
#   tests/interop/rabbitmq.sh restart DIR   stops the broker and starts it again on the same ports and state
#   tests/interop/rabbitmq.sh down DIR      stops the broker only (epmd and the state stay), as an outage does
#   tests/interop/rabbitmq.sh up DIR        starts it again after down
#   tests/interop/rabbitmq.sh stop DIR      stops the broker and its epmd (by pid) and leaves DIR
#
# The broker is Debian's rabbitmq-server started directly (/usr/lib/rabbitmq/bin/rabbitmq-server), never
# the system service: its mnesia, logs, config, cookie and pid files live in DIR, it listens on 127.0.0.1
# only, on 5672 when that is free and on a free port otherwise, with its own epmd on a free port.
# The rabbitmq_amqp1_0 plugin is enabled: AMQP 1.0 clients (the qpid driver's tests) use the same port,
# recorded as AMQP1_PORT in DIR/ports (amqp://guest:guest@127.0.0.1:PORT/).
set -euo pipefail

server=/usr/lib/rabbitmq/bin/rabbitmq-server
command=${1:?usage: rabbitmq.sh start|restart|down|up|stop DIR}
dir=$(realpath -m "${2:?usage: rabbitmq.sh start|restart|down|up|stop DIR}")

free_port() {
  python3 -c 'import socket,sys
s = socket.socket()
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])' "${1:-0}"
}

# Waits until the broker answers an AMQP 0-9-1 protocol header with connection.start (a method frame).
wait_ready() {
  python3 - "$1" "$2" <<'PY'
import socket, sys, time
port, pid = int(sys.argv[1]), int(sys.argv[2])
deadline = time.time() + 90
while time.time() < deadline:
    try:
        import os
        os.kill(pid, 0)
    except OSError:
        sys.exit("the broker exited while starting")
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
            s.sendall(b"AMQP\x00\x00\x09\x01")
            if s.recv(1) == b"\x01":
                sys.exit(0)
    except OSError:
        pass
    time.sleep(0.25)
sys.exit("the broker did not answer on 127.0.0.1:%d within 90 s" % port)
PY
}

start_server() {
  # shellcheck source=/dev/null
  . "$dir/ports"
  (
    export HOME="$dir/home"
    export RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log"
    export RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf" RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config"
    export RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf" RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
    export RABBITMQ_PID_FILE="$dir/rabbitmq.pid" RABBITMQ_NODENAME="vn$AMQP_PORT@localhost"
    export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$AMQP_PORT" RABBITMQ_DIST_PORT="$DIST_PORT"
    export ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT="$EPMD_PORT"
    exec setsid "$server" >>"$dir/log/server.out" 2>&1 </dev/null
  ) &
  echo $! >"$dir/server.pid"
  if ! wait_ready "$AMQP_PORT" "$(cat "$dir/server.pid")"; then
    tail -n 30 "$dir/log/server.out" >&2 || true
    exit 1
  fi
}

stop_pid() {
  local file=$1 pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 120); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.25
    done
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

case "$command" in
  start)
    [ -x "$server" ] || { echo "rabbitmq.sh: $server is missing: apt-get install rabbitmq-server (./test.sh does)" >&2; exit 1; }
    mkdir -p "$dir/home" "$dir/mnesia" "$dir/log"
    amqp=$(free_port 5672)
    dist=$(free_port)
    epmd=$(free_port)
    printf 'AMQP_PORT=%s\nAMQP1_PORT=%s\nDIST_PORT=%s\nEPMD_PORT=%s\n' "$amqp" "$amqp" "$dist" "$epmd" >"$dir/ports"
    cat >"$dir/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$amqp
disk_free_limit.absolute = 1MB
log.console = false
log.file.level = warning
CONF
    echo '[rabbitmq_amqp1_0].' >"$dir/enabled_plugins"
    : >"$dir/rabbitmq-env.conf"
    echo '[].' >"$dir/advanced.config"
    (exec setsid env ERL_EPMD_ADDRESS=127.0.0.1 epmd -port "$epmd" </dev/null >>"$dir/log/epmd.out" 2>&1) &
    echo $! >"$dir/epmd.pid"
    start_server
    echo "rabbit://guest:guest@127.0.0.1:$amqp/"
    ;;
  restart)
    stop_pid "$dir/server.pid"
    start_server
    ;;
  down)
    stop_pid "$dir/server.pid"
    ;;
  up)
    start_server
    ;;
  stop)
    stop_pid "$dir/server.pid"
    stop_pid "$dir/epmd.pid"
    ;;
  *)
    echo "usage: rabbitmq.sh start|restart|down|up|stop DIR" >&2
    exit 2
    ;;
esac
