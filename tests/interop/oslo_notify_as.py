#!/usr/bin/python3
"""Sends notifications with the real oslo.messaging Notifier, as oslo_notify.py does, with the ids and the time given.

Reads JSON lines from standard input, one notification each:
  {"event_type": "...", "priority": "info", "publisher_id": "...", "payload": {...}, "context": {...},
   "message_id": "<uuid>", "timestamp": "2026-12-07 09:59:07.135254", "unique_id": "<32 hex digits>"}
and sends each with Notifier.<priority>(context, event_type, payload) on the real transport, then prints "SENT <n>".

The Notifier makes message_id with uuid.uuid4() and timestamp with str(timeutils.utcnow()); the AMQP driver makes
_unique_id with uuid.uuid4().hex. As the fixture scripts do, the `uuid` of those two modules is swapped for a stand-in
that gives the ids of the line, and oslo.utils' time override gives the timestamp; nothing else is patched, so what
reaches the broker is what oslo publishes for that message.

  /usr/bin/python3 oslo_notify_as.py --url rabbit://guest:guest@127.0.0.1:5672/ --exchange nova \
      --topic versioned_notifications [--driver messagingv2|messaging] < messages.jsonl
"""
import datetime
import json
import sys

import oslo_messaging
from oslo_messaging._drivers import amqp as rpc_amqp
from oslo_messaging.notify import notifier as notifier_module
from oslo_utils import timeutils

import oslo_peer


class GivenUUID(object):
    """A module's `uuid` whose uuid4() is the id given last: str() of it for message_id, .hex for _unique_id."""

    def __init__(self):
        self.value = None

    def uuid4(self):
        return self

    @property
    def hex(self):
        return self.value

    def __str__(self):
        return self.value


def main():
    parser = oslo_peer.arguments("Send notifications with oslo.messaging's Notifier, with the ids and time given.")
    parser.add_argument("--driver", default="messagingv2")
    args = parser.parse_args()
    transport = oslo_peer.transport(args)
    notifier = oslo_messaging.Notifier(transport, publisher_id="oslo-peer.localhost", driver=args.driver, topics=args.topic, retry=3)
    message_ids = GivenUUID()
    unique_ids = GivenUUID()
    notifier_module.uuid = message_ids
    rpc_amqp.uuid = unique_ids

    sent = 0
    for line in sys.stdin:
        if not line.strip():
            continue
        message = json.loads(line)
        message_ids.value = message["message_id"]
        unique_ids.value = message["unique_id"]
        timeutils.set_time_override(datetime.datetime.strptime(message["timestamp"], "%Y-%m-%d %H:%M:%S.%f"))
        target = notifier.prepare(publisher_id=message["publisher_id"])
        getattr(target, message["priority"].lower())(message["context"], message["event_type"], message["payload"])
        timeutils.clear_time_override()
        sent += 1
    transport.cleanup()
    print("SENT %d" % sent, flush=True)


if __name__ == "__main__":
    main()
