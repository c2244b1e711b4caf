"""What oslo_notify.py and oslo_listen.py share: the command line of a transport, and the transport made
as an OpenStack service makes it (control exchange, amqp_durable_queues)."""
import argparse

from oslo_config import cfg
import oslo_messaging


def arguments(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--url", required=True)
    parser.add_argument("--exchange", default="openstack")
    parser.add_argument("--topic", action="append", required=True)
    parser.add_argument("--durable", action="store_true")
    return parser


def transport(args):
    conf = cfg.ConfigOpts()
    conf([], project="vn-interop")
    oslo_messaging.set_transport_defaults(args.exchange)
    notification_transport = oslo_messaging.get_notification_transport(conf, url=args.url)
    if args.durable:
        conf.set_override("amqp_durable_queues", True, group="oslo_messaging_rabbit")
    return notification_transport
