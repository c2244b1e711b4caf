#!/usr/bin/python3
"""Sends notifications with the real oslo.messaging Notifier (driver messagingv2 by default).

Reads JSON lines from standard input, one notification each:
  {"event_type": "...", "priority": "info", "payload": {...}, "context": {...}, "publisher_id": "..."}
and sends each with Notifier.<priority>(context, event_type, payload), then prints "SENT <n>".

  /usr/bin/python3 oslo_notify.py --url rabbit://guest:guest@127.0.0.1:5672/ --exchange ironic \
      --topic ironic_versioned_notifications [--driver messagingv2] [--durable] < messages.jsonl
"""
import json
import sys

import oslo_messaging

import oslo_peer


def main():
    parser = oslo_peer.arguments("Send notifications with oslo.messaging's Notifier.")
    parser.add_argument("--driver", default="messagingv2")
    parser.add_argument("--publisher-id", default="oslo-peer.localhost")
    args = parser.parse_args()
    transport = oslo_peer.transport(args)
    notifier = oslo_messaging.Notifier(transport, publisher_id=args.publisher_id, driver=args.driver, topics=args.topic, retry=3)

    sent = 0
    for line in sys.stdin:
        if not line.strip():
            continue
        message = json.loads(line)
        target = notifier.prepare(publisher_id=message["publisher_id"]) if "publisher_id" in message else notifier
        getattr(target, message["priority"].lower())(message.get("context", {}), message["event_type"], message["payload"])
        sent += 1
    transport.cleanup()
    print("SENT %d" % sent, flush=True)


if __name__ == "__main__":
    main()
