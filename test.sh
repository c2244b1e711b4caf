#!/usr/bin/env bash
# Runs every test of the repository on a fresh machine: installs what the tests need, builds the
# solution, runs all test projects, and ends with one line "N passed, N failed".
# Usage: ./test.sh            (the full suite)
#        VN_FUZZ_COUNT=20000 ./test.sh   (a longer fuzz run)
#        VN_FAULT_COUNT=100000 ./test.sh (a longer broker-outage run; 10,000 by default)
#        VN_FAILOVER_COUNT=100000 ./test.sh (longer cluster failover runs; 10,000 by default)
#        VN_QPID_LEAK_COUNT=100000 ./test.sh (a longer AMQP 1.0 memory run; 20,000 round trips by default)
# The RabbitMQ tests run against a throw-away broker and a three-node cluster this script starts on 127.0.0.1
# (state in temp folders, stopped on exit) and against Debian's oslo.messaging; both are installed with apt-get when missing.
set -uo pipefail
cd "$(dirname "$0")"

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

fail() { echo "test.sh: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

command -v dotnet >/dev/null || fail "the .NET SDK (dotnet) is not installed"
command -v node >/dev/null || fail "node is not installed (needed to validate schemas)"

# npm packages for the schema checks (ajv, yaml), pinned by tests/tools/package-lock.json.
if [ -f tests/tools/package-lock.json ]; then
  npm ci --prefix tests/tools --no-audit --no-fund --loglevel=error >/dev/null || fail "npm ci in tests/tools failed"
fi

# Debian packages of the interop tests: a RabbitMQ to start, and oslo.messaging (with py-amqp) as the peer.
missing=()
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
/usr/bin/python3 -c 'import oslo_messaging, amqp' 2>/dev/null || missing+=(python3-oslo.messaging)
# The qpid (AMQP 1.0) driver is managed code (AMQPNetLite, a package reference); its Python peers use Debian's proton binding
# and oslo's amqp1 driver code (which imports pyngus).
/usr/bin/python3 -c 'import proton' 2>/dev/null || missing+=(python3-qpid-proton)
/usr/bin/python3 -c 'import pyngus' 2>/dev/null || missing+=(python3-pyngus)
# vnotify import's tests read ironic 21.4.4's, nova 26.2.2's and masakari 14.0.2's notification classes (tests/VersionedNotifications.Tool.Tests/Import).
/usr/bin/python3 -c 'import ironic.objects' 2>/dev/null || missing+=(python3-ironic)
/usr/bin/python3 -c 'import nova.notifications.objects' 2>/dev/null || missing+=(python3-nova)
/usr/bin/python3 -c 'import masakari.notifications.objects' 2>/dev/null || missing+=(python3-masakari)
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || fail "apt-get is not available to install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >/dev/null 2>&1 \
    || fail "apt-get install ${missing[*]} failed (run as root, or install them first)"
fi

dotnet build Contracts.sln -c Release -nologo -v:q || fail "the build failed"

# Two throw-away RabbitMQs (tests/interop/rabbitmq.sh), stopped by pid however this script ends: one for the
# RabbitMQ tests and one (with the same AMQP 1.0 plugin) for the qpid tests, because the fault tests of each
# restart their broker while the other project's tests run.
broker_dir=$(mktemp -d -t vn-rabbit-XXXXXX)
qpid_broker_dir=$(mktemp -d -t vn-qpid-XXXXXX)
# And a three-node cluster (tests/interop/rabbitmq-cluster.sh) for the RabbitMQ cluster tests (failover, quorum queues).
cluster_dir=$(mktemp -d -t vn-cluster-XXXXXX)
stop_brokers() {
  tests/interop/rabbitmq.sh stop "$broker_dir" >/dev/null 2>&1
  tests/interop/rabbitmq.sh stop "$qpid_broker_dir" >/dev/null 2>&1
  tests/interop/rabbitmq-cluster.sh stop "$cluster_dir" >/dev/null 2>&1
  rm -rf "$broker_dir" "$qpid_broker_dir" "$cluster_dir"
}
trap stop_brokers EXIT
trap 'exit 130' INT TERM
VN_RABBIT_URL=$(tests/interop/rabbitmq.sh start "$broker_dir") || fail "the test RabbitMQ did not start (its log is above)"
VN_QPID_BROKER_URL=$(tests/interop/rabbitmq.sh start "$qpid_broker_dir") || fail "the qpid tests' RabbitMQ did not start (its log is above)"
VN_RABBIT_CLUSTER_URL=$(tests/interop/rabbitmq-cluster.sh start "$cluster_dir") || fail "the test RabbitMQ cluster did not start (its log is above)"
export VN_RABBIT_URL VN_RABBIT_DIR="$broker_dir" VN_QPID_BROKER_URL VN_QPID_BROKER_DIR="$qpid_broker_dir"
export VN_RABBIT_CLUSTER_URL VN_RABBIT_CLUSTER_DIR="$cluster_dir"

dotnet test Contracts.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true
status=$?

python3 - "$results" "$status" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
results, status = sys.argv[1], int(sys.argv[2])
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = 0
files = glob.glob(f"{results}/**/*.trx", recursive=True)
for path in files:
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
if status != 0 and failed == 0:
    failed = 1  # the run failed without a failing test (a crash, a build error): never report green
if not files:
    failed = max(failed, 1)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
