#!/usr/bin/python3
"""Receives notifications over AMQP 1.0 with Debian's python3-qpid-proton, on the address oslo.messaging's
amqp1 driver listens on, and decodes each with oslo's own unmarshal_request.

Prints "READY <address>" once the receiver is attached, then one JSON line per message:
  {"address": <to>, "durable": ..., "id": ..., "body_type": ..., "request": <the notification oslo reads>, "context": ...}
accepting each, and "DONE <n>" after --count messages.

  /usr/bin/python3 proton_receive.py --url amqp://guest:guest@127.0.0.1:5672/ --exchange glance --topic notifications --count 3
"""
import json

from proton.utils import BlockingConnection
from oslo_messaging._drivers.impl_amqp1 import unmarshal_request

import proton_peer


def main():
    parser = proton_peer.arguments("Receive notifications as oslo's amqp1 listener reads them.")
    parser.add_argument("--count", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args()
    connection = BlockingConnection(args.url, timeout=args.timeout, allowed_mechs="PLAIN ANONYMOUS")
    address = proton_peer.notification_address(args, connection.conn.remote_properties)
    receiver = connection.create_receiver(address, credit=args.count)
    print("READY %s" % address, flush=True)
    for _ in range(args.count):
        message = receiver.receive(timeout=args.timeout)
        request, context, _ = unmarshal_request(message)
        print(json.dumps({
            "address": message.address,
            "durable": message.durable,
            "id": message.id,
            "body_type": type(message.body).__name__,
            "body": message.body if isinstance(message.body, str) else None,
            "request": request,
            "context": context,
        }), flush=True)
        receiver.accept()
    connection.close()
    print("DONE %d" % args.count, flush=True)


if __name__ == "__main__":
    main()
