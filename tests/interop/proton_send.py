#!/usr/bin/python3
"""Sends notifications over AMQP 1.0 with Debian's python3-qpid-proton as oslo.messaging's amqp1 driver does:
the message made by oslo's own marshal_request (messagingv2 envelope), to the address oslo's addresser
gives, waiting for each to be settled (BlockingSender.send raises unless the peer accepts).

Reads one v1 envelope per line on standard input (the fixtures' form: message_id, publisher_id,
event_type, priority, payload, timestamp), then prints "SENT <n>".

  /usr/bin/python3 proton_send.py --url amqp://guest:guest@127.0.0.1:5672/ --exchange glance --topic notifications < envelopes.jsonl
"""
import json
import sys
import uuid

from proton.utils import BlockingConnection
from oslo_messaging._drivers.impl_amqp1 import marshal_request

import proton_peer


def main():
    parser = proton_peer.arguments("Send notifications as oslo's amqp1 driver does.")
    parser.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args()
    connection = BlockingConnection(args.url, timeout=args.timeout, allowed_mechs="PLAIN ANONYMOUS")
    senders = {}
    sent = 0
    for line in sys.stdin:
        if not line.strip():
            continue
        envelope = json.loads(line)
        envelope["_unique_id"] = uuid.uuid4().hex
        args.priority = envelope["priority"].lower()
        address = proton_peer.notification_address(args, connection.conn.remote_properties)
        if address not in senders:
            senders[address] = connection.create_sender(address)
        message = marshal_request(envelope, {"user": "peer-user", "project_id": "peer-project"}, envelope=True)
        message.address = address
        senders[address].send(message)
        sent += 1
    connection.close()
    print("SENT %d" % sent, flush=True)


if __name__ == "__main__":
    main()
