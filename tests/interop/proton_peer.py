"""What proton_send.py and proton_receive.py share: oslo.messaging's own AMQP 1.0 addressing, computed by
oslo's AddresserFactory from its [oslo_messaging_amqp] options and the peer's open properties, as
oslo_messaging/_drivers/amqp1_driver/controller.py does once connected."""
import argparse

from oslo_config import cfg
from oslo_messaging._drivers.amqp1_driver import opts
from oslo_messaging._drivers.amqp1_driver.addressing import SERVICE_NOTIFY, AddresserFactory
from oslo_messaging.target import Target


def arguments(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--url", required=True, help="amqp://user:pass@host:port/")
    parser.add_argument("--exchange", default="openstack", help="oslo's control_exchange")
    parser.add_argument("--topic", default="notifications")
    parser.add_argument("--priority", default="info")
    parser.add_argument("--vhost", default=None, help="the transport URL's virtual host (oslo's pseudo_vhost)")
    parser.add_argument("--addressing-mode", default="legacy",
                        help="oslo's addressing_mode; RabbitMQ refuses routable addresses, so an oslo service on it runs legacy")
    return parser


def notification_address(args, remote_properties):
    conf = cfg.ConfigOpts()
    conf.register_opts(opts.amqp1_opts, group="oslo_messaging_amqp")
    conf([])
    conf.set_override("addressing_mode", args.addressing_mode, group="oslo_messaging_amqp")
    o = conf.oslo_messaging_amqp
    factory = AddresserFactory(args.exchange, o.addressing_mode,
                               legacy_server_prefix=o.server_request_prefix,
                               legacy_broadcast_prefix=o.broadcast_prefix,
                               legacy_group_prefix=o.group_request_prefix,
                               rpc_prefix=o.rpc_address_prefix,
                               notify_prefix=o.notify_address_prefix,
                               multicast=o.multicast_address,
                               unicast=o.unicast_address,
                               anycast=o.anycast_address,
                               notify_exchange=o.default_notification_exchange,
                               rpc_exchange=o.default_rpc_exchange)
    addresser = factory(remote_properties or {}, args.vhost if o.pseudo_vhost else None)
    # oslo's notifier and listener both target "<topic>.<priority>" and leave the exchange to the default.
    return addresser.anycast_address(Target(topic="%s.%s" % (args.topic, args.priority)), SERVICE_NOTIFY)
