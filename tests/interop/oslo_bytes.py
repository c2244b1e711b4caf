#!/usr/bin/python3
"""What oslo.messaging publishes for values given from outside: the peer of the C# byte-for-byte property test.

One process answers many requests, one JSON line in and one JSON line out each, so that thousands of cases cost
one import of nova and ironic:

  {"schema": [["nova", "FlavorPayload"], ...]}
      -> {"schema": {"nova:FlavorPayload": {"version": "1.4", "fields": [{"name": ..., "type": ..., "values": ...}]}}}
     the newest real class of that namespace and name (nova 26.2.2's notification payloads, ironic 21.4.4's): its
     fields in the order obj_to_primitive writes them, each with its oslo type as text (String, List(Set(Integer)),
     Object(FlavorPayload), FlexibleDict, ...) and an enum's valid values; null for a class it does not have.
  {"case": N, "envelope": {...}, "payload": VALUE}
      -> {"case": N, "v1": "<body>", "v2": "<body>"} or {"case": N, "error": "<why oslo refused>"}

A VALUE is tagged so that nothing is lost on the way in (lone surrogates, the bits of a float):
null, true, false; {"i": "<decimal>"}; {"f": "<16 hex digits: the IEEE bits>"}; {"s": "<hex of the UTF-16
code units>"}; {"dt": [y, m, d, H, M, S, microsecond]} (UTC); {"list": [VALUE...]}; {"set": [VALUE...]}; {"dict": [[{"s": "<hex>"},
VALUE]...]}; {"obj": "nova:FlavorPayload", "version": "1.4", "fields": [["name", VALUE]...]}: a real nova
(or ironic) object of that class and version, its fields set one by one (a field left out stays unset).

The envelope: message_id, publisher_id and event_type ({"s": ...}), priority (oslo's method name: info, warn,
error, ...), timestamp ([y, m, d, H, M, S, microsecond]), unique_id and context ([[{"s": "<hex key>"}, VALUE]...]).

Each case goes through the code a nova or ironic service runs: the payload object's obj_to_primitive() (their
emit), oslo.messaging's Notifier with their JsonPayloadSerializer (jsonutils.to_primitive) and the `test` driver,
which keeps the message the Notifier made (message_id from uuid.uuid4(), timestamp str(timeutils.utcnow()),
both given by the case); then what oslo's AMQP driver does to it (amqpdriver._send: _add_unique_id with the
case's id, pack_context, and for messagingv2 common.serialize_msg), and kombu's json serializer, as
tests/fixtures/openstack/fixture_cli.py WireBodies.take does. `v1` is null when kombu cannot write the message.

  /usr/bin/python3 tests/interop/oslo_bytes.py
"""
import copy
import datetime
import importlib
import json
import pkgutil
import struct
import sys
import traceback
import warnings


class FixedUUID(object):
    """A stand-in for a module's `uuid`: uuid4() gives the id the case asks for."""

    def __init__(self):
        self.next = None

    def uuid4(self):
        return self

    @property
    def hex(self):
        return self.next

    def __str__(self):
        return self.next


IRONIC_MODULES = ['allocation', 'chassis', 'deploy_template', 'node', 'port', 'portgroup', 'volume_connector', 'volume_target']


def load_payload_classes():
    """The payload classes of nova 26 and ironic 21.4, by (namespace, name, version)."""
    from oslo_config import cfg
    from oslo_versionedobjects import base as ovo_base
    import nova.notifications.objects as notification_objects
    from nova.objects.base import NovaObjectRegistry

    for module in pkgutil.iter_modules(notification_objects.__path__):
        importlib.import_module('nova.notifications.objects.' + module.name)
    classes = {('nova', cls.obj_name(), cls.VERSION): cls for cls in NovaObjectRegistry.notification_classes}
    # nova and ironic register options of the same names on oslo.config's global CONF, which refuses the second; ironic's
    # modules are imported with a CONF of their own (their classes do not read it).
    nova_conf = cfg.CONF
    cfg.CONF = cfg.ConfigOpts()
    try:
        for module in IRONIC_MODULES:
            importlib.import_module('ironic.objects.' + module)
    finally:
        cfg.CONF = nova_conf
    for name, versions in ovo_base.VersionedObjectRegistry.obj_classes().items():
        for cls in versions:
            if cls.OBJ_PROJECT_NAMESPACE == 'ironic':
                classes[('ironic', name, cls.VERSION)] = cls
    return classes


def describe_type(field_type):
    from oslo_versionedobjects import fields

    if isinstance(field_type, fields.Object):
        return 'Object(%s)' % field_type._obj_name
    element = getattr(field_type, '_element_type', None)
    if element is not None:
        kind = 'List' if isinstance(field_type, fields.List) else 'Set' if isinstance(field_type, fields.Set) else \
            'Dict' if isinstance(field_type, fields.Dict) else type(field_type).__name__
        return '%s(%s)' % (kind, describe_type(element._type))
    return type(field_type).__name__


def enum_values(field_type):
    from oslo_versionedobjects import fields

    while getattr(field_type, '_element_type', None) is not None:
        field_type = field_type._element_type._type
    return list(field_type._valid_values) if isinstance(field_type, fields.Enum) else None


def schema(classes, names):
    newest = {}
    for (namespace, name, version), cls in classes.items():
        key = '%s:%s' % (namespace, name)
        if key not in newest or tuple(map(int, version.split('.'))) > tuple(map(int, newest[key].VERSION.split('.'))):
            newest[key] = cls
    result = {}
    for namespace, name in names:
        cls = newest.get('%s:%s' % (namespace, name))
        result['%s:%s' % (namespace, name)] = None if cls is None else {
            'version': cls.VERSION,
            'fields': [{'name': field_name, 'type': describe_type(field._type), 'nullable': field.nullable,
                        'values': enum_values(field._type)} for field_name, field in cls.fields.items()],
        }
    return result


def text(hex_units):
    units = bytes.fromhex(hex_units)
    # UTF-16 code units, big-endian: a pair becomes one character, a lone surrogate stays one (surrogatepass).
    return units.decode('utf-16-be', 'surrogatepass')


def value(tagged, classes):
    if tagged is None or isinstance(tagged, bool):
        return tagged
    if 'i' in tagged:
        return int(tagged['i'])
    if 'f' in tagged:
        return struct.unpack('>d', bytes.fromhex(tagged['f']))[0]
    if 's' in tagged:
        return text(tagged['s'])
    if 'dt' in tagged:
        import iso8601
        return datetime.datetime(*tagged['dt'], tzinfo=iso8601.UTC)
    if 'list' in tagged:
        return [value(item, classes) for item in tagged['list']]
    if 'set' in tagged:
        return set(value(item, classes) for item in tagged['set'])
    if 'dict' in tagged:
        return {text(key['s']): value(item, classes) for key, item in tagged['dict']}
    from oslo_versionedobjects import base as ovo_base

    namespace, name = tagged['obj'].split(':')
    cls = classes[(namespace, name, tagged['version'])]
    # The payload classes' own __init__ takes the nova or ironic objects they copy from; the values come from the case,
    # so the object is made as oslo's VersionedObject.__init__ makes it (no fields set, no changes) and then filled in.
    obj = cls.__new__(cls)
    ovo_base.VersionedObject.__init__(obj)
    for field_name, item in tagged['fields']:
        setattr(obj, field_name, value(item, classes))
    return obj


def bodies(case, classes, notifier, uuids, rpc_uuids):
    from kombu.utils import json as kombu_json
    from oslo_messaging._drivers import amqp as rpc_amqp
    from oslo_messaging._drivers import common as rpc_common
    from oslo_messaging.notify import _impl_test
    from oslo_utils import timeutils

    envelope = case['envelope']
    payload = value(case['payload'], classes)
    if hasattr(payload, 'obj_to_primitive'):
        # nova's and ironic's NotificationBase.emit: the changes are reset, then the payload becomes its primitive.
        payload.obj_reset_changes(recursive=True)
        payload = payload.obj_to_primitive()
    context = {text(key['s']): value(item, classes) for key, item in envelope['context']}

    uuids.next = envelope['message_id']
    timeutils.set_time_override(datetime.datetime(*envelope['timestamp']))
    del _impl_test.NOTIFICATIONS[:]
    target = notifier.prepare(publisher_id=text(envelope['publisher_id']['s']))
    getattr(target, envelope['priority'])(context, text(envelope['event_type']['s']), payload)
    timeutils.clear_time_override()
    (sent_context, message, _, _), = _impl_test.NOTIFICATIONS

    rpc_uuids.next = envelope['unique_id']
    msg = copy.deepcopy(message)
    rpc_amqp._add_unique_id(msg)
    rpc_amqp.pack_context(msg, sent_context)
    try:
        v1 = kombu_json.dumps(msg)
    except TypeError:
        v1 = None
    return v1, kombu_json.dumps(rpc_common.serialize_msg(msg))


def main():
    warnings.simplefilter('ignore')
    from oslo_config import cfg
    import oslo_messaging
    from oslo_messaging._drivers import amqp as rpc_amqp
    from oslo_messaging.notify import notifier as notifier_module
    from oslo_messaging.serializer import JsonPayloadSerializer

    classes = load_payload_classes()
    conf = cfg.ConfigOpts()
    conf([], project='oslo-bytes')
    transport = oslo_messaging.get_notification_transport(conf, url='fake://')
    notifier = oslo_messaging.Notifier(transport, publisher_id='unset', driver='test', topics=['notifications'],
                                       serializer=JsonPayloadSerializer())
    uuids = FixedUUID()
    notifier_module.uuid = uuids
    rpc_uuids = FixedUUID()
    rpc_amqp.uuid = rpc_uuids

    print(json.dumps({'ready': True}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        if 'schema' in request:
            reply = {'schema': schema(classes, request['schema'])}
        else:
            try:
                v1, v2 = bodies(request, classes, notifier, uuids, rpc_uuids)
                reply = {'case': request['case'], 'v1': v1, 'v2': v2}
            except Exception:
                # The values in a traceback may hold lone surrogates, which a JSON reader refuses in a string.
                reply = {'case': request['case'], 'error': traceback.format_exc().encode('ascii', 'backslashreplace').decode('ascii')}
        sys.stdout.write(json.dumps(reply) + '\n')
        sys.stdout.flush()


if __name__ == '__main__':
    main()
