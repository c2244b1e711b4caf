#!/usr/bin/python3
"""Takes one message from each queue named with py-amqp (the AMQP client under oslo's kombu) and prints
one JSON line per message: exchange, routing key, AMQP properties as the client decodes them, and whether
the queue is durable.

  /usr/bin/python3 amqp_peek.py --url rabbit://guest:guest@127.0.0.1:5672/ QUEUE...
"""
import argparse
import json
import time
import urllib.parse

import amqp


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("queues", nargs="+")
    args = parser.parse_args()
    url = urllib.parse.urlparse(args.url)
    connection = amqp.Connection("%s:%d" % (url.hostname, url.port or 5672), userid=url.username or "guest",
                                 password=url.password or "guest", virtual_host=urllib.parse.unquote(url.path[1:]) or "/")
    connection.connect()
    channel = connection.channel()
    for queue in args.queues:
        deadline = time.time() + 30
        message = channel.basic_get(queue, no_ack=True)
        while message is None and time.time() < deadline:
            time.sleep(0.05)
            message = channel.basic_get(queue, no_ack=True)
        if message is None:
            raise SystemExit("no message in " + queue)
        # A passive declare of a queue declared durable with other flags would fail; declaring it again as it is tells durability.
        durable = True
        try:
            check = connection.channel()
            check.queue_declare(queue, durable=False, auto_delete=False, passive=False)
            durable = False
            check.close()
        except amqp.exceptions.PreconditionFailed:
            durable = True
        print(json.dumps({"exchange": message.delivery_info["exchange"], "routing_key": message.delivery_info["routing_key"],
                          "properties": {k: v for k, v in message.properties.items()}, "queue_durable": durable}), flush=True)
    connection.close()


if __name__ == "__main__":
    main()
