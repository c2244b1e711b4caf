#!/usr/bin/python3
"""Receives notifications with the real oslo.messaging notification listener and prints them.

Prints "READY" once the listener consumes, then one JSON line per notification:
  {"priority", "event_type", "publisher_id", "payload", "metadata", "context"}
and exits after --count notifications (status 0) or --timeout seconds (status 1).

  /usr/bin/python3 oslo_listen.py --url rabbit://... --exchange ironic --topic ironic_versioned_notifications --count 3
"""
import json
import sys
import threading

import oslo_messaging

import oslo_peer

PRIORITIES = ("audit", "debug", "info", "warn", "error", "critical", "sample")


class Endpoint:
    """Records every notification; one method per oslo priority is added below."""

    def __init__(self, count):
        self.count = count
        self.seen = 0
        self.lock = threading.Lock()
        self.done = threading.Event()

    def _record(self, priority, ctxt, publisher_id, event_type, payload, metadata):
        with self.lock:
            print(json.dumps({"priority": priority, "event_type": event_type, "publisher_id": publisher_id,
                              "payload": payload, "metadata": metadata, "context": ctxt}), flush=True)
            self.seen += 1
            if self.seen >= self.count:
                self.done.set()


def _endpoint_method(priority):
    def method(self, ctxt, publisher_id, event_type, payload, metadata):
        self._record(priority, ctxt, publisher_id, event_type, payload, metadata)
    method.__name__ = priority
    return method


# oslo's dispatcher calls the endpoint method named like the priority, in lower case.
for _priority in PRIORITIES:
    setattr(Endpoint, _priority, _endpoint_method(_priority))


def main():
    parser = oslo_peer.arguments("Receive notifications with oslo.messaging's notification listener.")
    parser.add_argument("--pool", default=None)
    parser.add_argument("--count", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args()
    transport = oslo_peer.transport(args)
    endpoint = Endpoint(args.count)
    targets = [oslo_messaging.Target(topic=topic) for topic in args.topic]
    listener = oslo_messaging.get_notification_listener(transport, targets, [endpoint], executor="threading", pool=args.pool)
    listener.start()
    print("READY", flush=True)
    finished = endpoint.done.wait(args.timeout)
    listener.stop()
    listener.wait()
    transport.cleanup()
    if not finished:
        print("TIMEOUT after %d of %d" % (endpoint.seen, args.count), file=sys.stderr, flush=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
