"""fakesvc: a made-up service for the tests of vnotify import (ImportWhatTheCodeDoesNotSayTests).

One payload class with each thing the import cannot decide (a default computed at run time, a list default the
definitions cannot write, a field type they have no type for, an event type built at run time) beside what it
can read (a named enum with a value that needs a C# name, a field set only on some paths, a set, a history with
a gap, an event family declared with constants). The test copies this file into a package `fakesvc`; the line
numbers of the EventType calls are in the test.
"""
from oslo_versionedobjects import base
from oslo_versionedobjects import fields


class FakeObject(base.VersionedObject):
    OBJ_SERIAL_NAMESPACE = 'fakesvc_object'
    OBJ_PROJECT_NAMESPACE = 'fakesvc'


class Colour(fields.Enum):
    ALL = ('red', 'green', '1.2')

    def __init__(self):
        super().__init__(valid_values=Colour.ALL)


class ColourField(fields.BaseEnumField):
    AUTO_TYPE = Colour()


class Opaque(fields.FieldType):
    pass


class OpaqueField(fields.AutoTypedField):
    AUTO_TYPE = Opaque()


def stamp_now():
    return 'now'


@base.VersionedObjectRegistry.register_if(False)
class EventType(FakeObject):
    VERSION = '1.0'
    fields = {
        'object': fields.StringField(),
        'action': fields.StringField(),
        'phase': fields.StringField(nullable=True),
    }


@base.VersionedObjectRegistry.register_if(False)
class PayloadBase(FakeObject):
    def populate_schema(self, **kwargs):
        pass


@base.VersionedObjectRegistry.register_if(False)
class WidgetPayload(PayloadBase):
    # Version 1.0: Initial version
    # 1.1, Add colour
    # Version 1.3: Add tags
    VERSION = '1.3'
    fields = {
        'name': fields.StringField(),
        'colour': ColourField(nullable=True),
        'stamp': fields.StringField(default=stamp_now),
        'blob': OpaqueField(),
        'tags': fields.SetOfIntegersField(),
        'sizes': fields.ListOfIntegersField(default=[1, 2]),
    }

    def __init__(self, name):
        super().__init__()
        self.name = name
        if name:
            self.colour = 'red'
        self.stamp = stamp_now()
        self.blob = None
        self.tags = set()
        self.sizes = []


@base.VersionedObjectRegistry.register_if(False)
class WidgetNotification(FakeObject):
    VERSION = '1.0'
    fields = {
        'priority': fields.StringField(),
        'event_type': fields.ObjectField('EventType'),
        'payload': fields.ObjectField('WidgetPayload'),
    }


def spin(name, action):
    WidgetNotification(priority='info', payload=WidgetPayload(name),
                       event_type=EventType(object='widget', action='spin', phase='start'))
    WidgetNotification(priority='info', payload=WidgetPayload(name),
                       event_type=EventType(object='widget', action='spin', phase='end'))
    WidgetNotification(priority='info', payload=WidgetPayload(name),
                       event_type=EventType(object='widget', action=action, phase='end'))
