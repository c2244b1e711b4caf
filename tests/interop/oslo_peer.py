"""What oslo_notify.py and oslo_listen.py share: the command line of a transport, and the transport made
as an OpenStack service makes it (control exchange, amqp_durable_queues, the quorum and mirrored queue settings)."""
import argparse

from oslo_config import cfg
import oslo_messaging


def arguments(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--url", required=True)
    parser.add_argument("--exchange", default="openstack")
    parser.add_argument("--topic", action="append", required=True)
    parser.add_argument("--durable", action="store_true")
    parser.add_argument("--quorum", action="store_true", help="rabbit_quorum_queue = true")
    parser.add_argument("--delivery-limit", type=int, default=0, help="rabbit_quorum_delivery_limit")
    parser.add_argument("--max-memory-length", type=int, default=0, help="rabbit_quroum_max_memory_length (oslo 14's spelling)")
    parser.add_argument("--max-memory-bytes", type=int, default=0, help="rabbit_quroum_max_memory_bytes (oslo 14's spelling)")
    parser.add_argument("--ha", action="store_true", help="rabbit_ha_queues = true")
    return parser


def transport(args):
    conf = cfg.ConfigOpts()
    conf([], project="vn-interop")
    oslo_messaging.set_transport_defaults(args.exchange)
    notification_transport = oslo_messaging.get_notification_transport(conf, url=args.url)
    rabbit = {
        "amqp_durable_queues": args.durable,
        "rabbit_quorum_queue": args.quorum,
        "rabbit_quorum_delivery_limit": args.delivery_limit,
        "rabbit_quroum_max_memory_length": args.max_memory_length,
        "rabbit_quroum_max_memory_bytes": args.max_memory_bytes,
        "rabbit_ha_queues": args.ha,
    }
    # Only what the command line asks for is set (the defaults are oslo's own): the amqp1 driver, which the
    # AMQP 1.0 peers use, registers no [oslo_messaging_rabbit] group to set it in.
    for name, value in rabbit.items():
        if value:
            conf.set_override(name, value, group="oslo_messaging_rabbit")
    return notification_transport
