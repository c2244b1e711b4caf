#!/usr/bin/python3
"""Takes the next COUNT messages from one queue with py-amqp (the AMQP client under oslo's kombu) and prints one JSON
line per message, in queue order: exchange, routing key, every AMQP property the message carries as py-amqp decodes
it (a property sent with its default value, such as priority 0 or an empty header table, is there too), and the body
as hex, byte for byte.

  /usr/bin/python3 amqp_tap.py --url rabbit://guest:guest@127.0.0.1:5672/ --count 2 QUEUE
"""
import argparse
import json
import time
import urllib.parse

import amqp


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--count", type=int, default=1)
    parser.add_argument("queue")
    args = parser.parse_args()
    url = urllib.parse.urlparse(args.url)
    connection = amqp.Connection("%s:%d" % (url.hostname, url.port or 5672), userid=url.username or "guest",
                                 password=url.password or "guest", virtual_host=urllib.parse.unquote(url.path[1:]) or "/")
    connection.connect()
    channel = connection.channel()
    for _ in range(args.count):
        deadline = time.time() + 30
        message = channel.basic_get(args.queue, no_ack=True)
        while message is None and time.time() < deadline:
            time.sleep(0.05)
            message = channel.basic_get(args.queue, no_ack=True)
        if message is None:
            raise SystemExit("no message in " + args.queue)
        body = message.body if isinstance(message.body, bytes) else message.body.encode("utf-8")
        print(json.dumps({"exchange": message.delivery_info["exchange"], "routing_key": message.delivery_info["routing_key"],
                          "properties": dict(message.properties), "body": body.hex()}, sort_keys=True, default=repr), flush=True)
    connection.close()


if __name__ == "__main__":
    main()
