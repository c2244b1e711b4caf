#!/usr/bin/python3
"""The Python side of the benchmarks: the real OpenStack stack on the same message as the .NET side.

Run with Debian's python on a machine with python3-ironic installed, from the repository root:

    /usr/bin/python3 tests/VersionedNotifications.Benchmarks/python/bench_ironic.py throughput [--seconds S]

Prints one JSON line in the shape of `dotnet run ... -- throughput`:
  serialize_ops_s    a NodeSetPowerStatePayload built from a real ironic Node (the fully populated
                     baremetal.node.power_set.start message of tests/fixtures/openstack) turned into
                     an oslo v2 body: obj_to_primitive, the envelope dict oslo's notifier builds
                     (uuid4 message id, str(utcnow()) timestamp, _unique_id), jsonutils.dumps of the
                     envelope and of the body, as the messagingv2 driver does;
  deserialize_ops_s  the body decoded to plain dicts with json.loads (outer body, then the envelope
                     string), which is all a Python consumer does before it reads keys by hand.
"""
import datetime
import json
import os
import shutil
import sys
import tempfile
import time
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'fixtures', 'openstack'))
import make_ironic_fixtures as fixtures  # noqa: E402  (the fixture script builds the real ironic objects)


def build_payload():
    from ironic.common import context as ironic_context
    from ironic.common import states
    from ironic.objects import node as node_objects

    conf_dir = tempfile.mkdtemp(prefix='ironic-conf-')
    try:
        fixtures.configure(conf_dir)
    finally:
        shutil.rmtree(conf_dir)
    context = ironic_context.get_admin_context()
    node = fixtures.make_node(context)
    return node_objects.NodeSetPowerStatePayload(node, states.POWER_ON)


def serializer():
    from oslo_serialization import jsonutils
    from oslo_utils import timeutils

    def serialize(payload):
        message = {
            'message_id': str(uuid.uuid4()),
            'publisher_id': 'ironic-conductor.hostname01',
            'event_type': 'baremetal.node.power_set.start',
            'priority': 'INFO',
            'payload': payload.obj_to_primitive(),
            'timestamp': str(timeutils.utcnow()),
            '_unique_id': uuid.uuid4().hex,
        }
        return jsonutils.dumps({'oslo.version': '2.0', 'oslo.message': jsonutils.dumps(message)}).encode('utf-8')

    return serialize


def rate(seconds, operation):
    deadline = time.perf_counter() + seconds / 5
    while time.perf_counter() < deadline:
        operation()
    count = 0
    start = time.perf_counter()
    while True:
        for _ in range(64):
            operation()
        count += 64
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return count / elapsed


def throughput(seconds):
    payload = build_payload()
    serialize = serializer()
    body = serialize(payload)

    def deserialize():
        outer = json.loads(body)
        return json.loads(outer['oslo.message'])

    result = {
        'bytes': len(body),
        'serialize_ops_s': round(rate(seconds, lambda: serialize(payload))),
        'deserialize_ops_s': round(rate(seconds, deserialize)),
    }
    print(json.dumps(result))


def main():
    args = sys.argv[1:]
    if not args or args[0] != 'throughput':
        print(__doc__, file=sys.stderr)
        return 2
    seconds = float(args[args.index('--seconds') + 1]) if '--seconds' in args else 3.0
    throughput(seconds)
    return 0


if __name__ == '__main__':
    sys.exit(main())
