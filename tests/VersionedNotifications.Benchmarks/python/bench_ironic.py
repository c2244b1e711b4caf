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

    /usr/bin/python3 tests/VersionedNotifications.Benchmarks/python/bench_ironic.py rabbit --url rabbit://guest:guest@127.0.0.1:5672/ [--count N]

Prints one JSON line in the shape of `dotnet run ... -- rabbit`:
  publish_msgs_s     N of that notification sent as ironic sends it: oslo.messaging's Notifier with the
                     messagingv2 driver and ironic's object serializer, over the rabbit driver (which
                     has no publisher confirms), timed until the last send returned;
  consume_msgs_s     the N read back by oslo.messaging's notification listener (threading executor,
                     acknowledged after the endpoint returns) from the queue the notifier declared,
                     timed from the listener's start until the endpoint saw the last.
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


def rabbit(url, count):
    import threading

    import oslo_messaging
    from ironic.common import context as ironic_context
    from ironic.conf import CONF
    from ironic.objects import base as ironic_base

    payload = build_payload()
    exchange = 'vn-bench-' + uuid.uuid4().hex[:8]
    topic = 'bench_notifications'
    CONF.set_override('control_exchange', exchange)
    transport = oslo_messaging.get_notification_transport(CONF, url=url)
    context = ironic_context.get_admin_context()

    def publish(n):
        notifier = oslo_messaging.Notifier(transport, publisher_id='ironic-conductor.hostname01', driver='messagingv2',
                                           topics=[topic], serializer=ironic_base.IronicObjectSerializer())
        start = time.perf_counter()
        for _ in range(n):
            notifier.info(context, 'baremetal.node.power_set.start', payload)
        return time.perf_counter() - start

    class Endpoint(object):
        def __init__(self, n):
            self.n = n
            self.seen = 0
            self.lock = threading.Lock()
            self.done = threading.Event()

        def info(self, ctxt, publisher_id, event_type, payload, metadata):
            with self.lock:
                self.seen += 1
                if self.seen == self.n:
                    self.done.set()

    def consume(n):
        endpoint = Endpoint(n)
        start = time.perf_counter()
        listener = oslo_messaging.get_notification_listener(
            transport, [oslo_messaging.Target(topic=topic)], [endpoint], executor='threading')
        listener.start()
        if not endpoint.done.wait(300):
            raise SystemExit('%d of %d consumed in 5 minutes' % (endpoint.seen, n))
        elapsed = time.perf_counter() - start
        listener.stop()
        listener.wait()
        return elapsed

    warm_up = min(count, 500)
    publish(warm_up)
    consume(warm_up)
    publish_seconds = publish(count)
    consume_seconds = consume(count)
    transport.cleanup()
    delete_topology(url, exchange, topic + '.info')
    print(json.dumps({'count': count, 'publish_msgs_s': round(count / publish_seconds),
                      'consume_msgs_s': round(count / consume_seconds),
                      'publisher_confirms': False, 'consumer_acks': True}))


def delete_topology(url, exchange, queue):
    """Deletes this run's exchange and queue (oslo declares them and never deletes them)."""
    import amqp
    import oslo_messaging
    from ironic.conf import CONF

    host = oslo_messaging.TransportURL.parse(CONF, url).hosts[0]
    connection = amqp.Connection(host='%s:%s' % (host.hostname, host.port or 5672), userid=host.username or 'guest',
                                 password=host.password or 'guest', virtual_host='/')
    connection.connect()
    channel = connection.channel()
    channel.queue_delete(queue)
    channel.exchange_delete(exchange)
    connection.close()


def option(args, name, default):
    return args[args.index(name) + 1] if name in args else default


def main():
    args = sys.argv[1:]
    if args and args[0] == 'throughput':
        throughput(float(option(args, '--seconds', 3.0)))
        return 0
    if args and args[0] == 'rabbit':
        rabbit(option(args, '--url', 'rabbit://guest:guest@127.0.0.1:5672/'), int(option(args, '--count', 5000)))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main())
