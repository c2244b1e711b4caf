#!/usr/bin/python3
"""Prints what oslo.messaging's rabbit driver declares a notification queue with, for the settings given.

Reads JSON lines from standard input, one set of [oslo_messaging_rabbit] settings each:
  {"amqp_durable_queues": false, "rabbit_ha_queues": false, "rabbit_quorum_queue": true,
   "rabbit_quorum_delivery_limit": 0, "rabbit_quroum_max_memory_length": 0, "rabbit_quroum_max_memory_bytes": 0}
and prints one JSON line each: {"durable": ..., "arguments": {...}} from oslo's own code (Connection.durable
and _get_queue_arguments with no TTL, as declare_topic_consumer and _publish_and_creates_default_queue call it),
or {"error": "..."} when oslo refuses the settings.

  /usr/bin/python3 oslo_queue_arguments.py < settings.jsonl
"""
import json
import sys
import types

from oslo_messaging._drivers import impl_rabbit


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        settings = json.loads(line)
        durable = impl_rabbit.Connection.durable.fget(types.SimpleNamespace(
            amqp_durable_queues=settings["amqp_durable_queues"], rabbit_quorum_queue=settings["rabbit_quorum_queue"]))
        quorum = impl_rabbit.QuorumMemConfig(settings["rabbit_quorum_delivery_limit"],
                                             settings["rabbit_quroum_max_memory_length"],
                                             settings["rabbit_quroum_max_memory_bytes"])
        try:
            arguments = impl_rabbit._get_queue_arguments(settings["rabbit_ha_queues"], 0, settings["rabbit_quorum_queue"], quorum)
        except RuntimeError as error:
            print(json.dumps({"error": str(error)}), flush=True)
            continue
        print(json.dumps({"durable": durable, "arguments": arguments}, sort_keys=True), flush=True)


if __name__ == "__main__":
    main()
