"""vnotify import: describe a service's oslo.versionedobjects notification payloads as JSON.

vnotify runs this script with the Python interpreter the user names, as `python - MODULE...` with the
script on standard input, and reads one JSON document from standard output. The script only reads:
it imports the modules it is given (and the submodules of packages), looks at the classes, at their
source (`inspect.getsource`) and at the service's code for EventType(...) calls, and decides nothing
a person has to decide; vnotify writes the YAML and the TODOs.

What it reports per payload class: VERSION, the wire namespace, the nearest payload base, the fields
in the order obj_to_primitive writes them (the class's `fields` dict after oslo's
_make_class_properties: the class's own fields first, then each base's that it does not declare),
each with its oslo type tree, nullable, default and enum values, whether the class declares it
(own, redeclared, inherited), whether __init__ always sets it; obj_relationships; and the history
from the `# Version x.y: text` comments above VERSION.
"""
import ast
import functools
import importlib
import inspect
import json
import os
import pkgutil
import re
import sys
import textwrap

from oslo_versionedobjects import base as ovo_base
from oslo_versionedobjects import fields as ovo_fields

VERSION_LINE = re.compile(r'^\s*#\s*(?:Version\s+)?(\d+\.\d+)\s*[:,\-]?\s*(.*)$')
COMMENT_LINE = re.compile(r'^\s*#\s?(.*)$')
OVO_FIELDS_MODULE = ovo_fields.__name__


def load_modules(names):
    """The named modules, and every submodule of those that are packages, in a stable order."""
    modules = {}
    for name in names:
        module = importlib.import_module(name)
        modules[module.__name__] = module
        for info in pkgutil.walk_packages(getattr(module, '__path__', []), module.__name__ + '.'):
            if '.tests' in info.name:
                continue
            modules[info.name] = importlib.import_module(info.name)
    return [modules[name] for name in sorted(modules)]


def versioned_classes(modules):
    """Every VersionedObject class defined (not imported) in the modules, in source order."""
    found = []
    for module in modules:
        classes = [c for c in vars(module).values()
                   if inspect.isclass(c) and issubclass(c, ovo_base.VersionedObject) and c.__module__ == module.__name__]
        classes.sort(key=lambda c: inspect.getsourcelines(c)[1])
        found.extend(classes)
    return found


def ovo_classes(field_type):
    """The oslo.versionedobjects classes a field type is or derives from, nearest first (String for nova's SensitiveString)."""
    return [klass.__name__ for klass in type(field_type).__mro__ if klass.__module__ == OVO_FIELDS_MODULE]


def describe_type(field_type):
    described = {'class': type(field_type).__name__, 'module': type(field_type).__module__, 'ovo': ovo_classes(field_type)}
    if isinstance(field_type, ovo_fields.Object):
        described['object'] = field_type._obj_name
    element = getattr(field_type, '_element_type', None)
    if element is not None:
        described['element'] = describe_type(element._type)
        described['element_nullable'] = bool(element.nullable)
    if isinstance(field_type, ovo_fields.Enum):
        described['valid_values'] = [str(v) for v in field_type._valid_values]
    return described


def describe_default(default):
    """None when the field has no default; else the kind (value, callable, unrepresentable) and its text."""
    if default is ovo_fields.UnspecifiedDefault:
        return None
    if callable(default):
        return {'kind': 'callable', 'text': getattr(default, '__qualname__', repr(default))}
    if isinstance(default, (tuple, set, frozenset)):
        default = list(default)
    try:
        return {'kind': 'value', 'text': json.dumps(default, allow_nan=False)}
    except (TypeError, ValueError):
        return {'kind': 'unrepresentable', 'text': repr(default)}


def history(cls):
    """The `# Version x.y: text` lines above VERSION (with their continuation lines), as written."""
    entries = []
    lines, start = inspect.getsourcelines(cls)
    for offset, line in enumerate(lines):
        if re.match(r'^\s*VERSION\s*=', line):
            break
        version = VERSION_LINE.match(line)
        comment = COMMENT_LINE.match(line)
        if version:
            entries.append({'version': version.group(1), 'text': version.group(2).strip(), 'line': start + offset})
        elif comment and entries and comment.group(1).strip():
            entries[-1]['text'] = (entries[-1]['text'] + ' ' + comment.group(1).strip()).strip()
        elif entries and not comment and line.strip():
            entries = []
    return entries


def is_notification(cls):
    payload = cls.fields.get('payload')
    return isinstance(payload, ovo_fields.ObjectField) and 'event_type' in cls.fields


def payload_bases(cls, by_name):
    """The base classes, nearest first, that a payload extends: classes of the service with their own VERSION and
    fields, below the payload framework's root (the class that defines populate_schema, NotificationPayloadBase in
    nova and ironic), whose fields every payload has and which no notification carries."""
    bases = []
    for parent in cls.__mro__[1:]:
        if 'populate_schema' in vars(parent):
            break
        if 'VERSION' in vars(parent) and by_name.get(parent.obj_name()) is parent and parent.fields:
            bases.append(parent)
    return bases


def init_function(cls):
    for klass in cls.__mro__:
        init = vars(klass).get('__init__')
        if init is not None:
            return klass, init
    return None, None


class SetFields(object):
    """Which fields an __init__ sets on every path (always), and which only on some (sometimes)."""

    def __init__(self, cls, klass):
        self.cls = cls
        self.klass = klass
        self.always = set()
        self.sometimes = set()
        self.unknown_calls = []

    def statements(self, body):
        done = set()
        for statement in body:
            done |= self.statement(statement)
        return done

    def statement(self, node):
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            done = {t.attr for t in targets if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == 'self'}
            return done | self.calls_in(node.value)
        if isinstance(node, ast.Expr):
            return self.calls_in(node.value)
        if isinstance(node, ast.If):
            body, orelse = self.statements(node.body), self.statements(node.orelse)
            self.sometimes |= body ^ orelse
            return body & orelse
        if isinstance(node, ast.Try):
            body = self.statements(node.body)
            handlers = [self.statements(h.body) for h in node.handlers]
            final = self.statements(node.finalbody)
            self.sometimes |= body
            common = body
            for handled in handlers:
                common = common & handled
            return common | final
        if isinstance(node, ast.With):
            return self.statements(node.body)
        if isinstance(node, (ast.For, ast.While)):
            self.sometimes |= self.statements(node.body) | self.statements(node.orelse)
            return set()
        return set()

    def calls_in(self, node):
        done = set()
        if node is None:
            return done
        for call in [n for n in ast.walk(node) if isinstance(n, ast.Call)]:
            func = call.func
            if isinstance(func, ast.Attribute) and func.attr == 'populate_schema':
                keys = set(getattr(self.cls, 'SCHEMA', {}) or {})
                set_none = [k for k in call.keywords if k.arg == 'set_none']
                if set_none and isinstance(set_none[0].value, ast.Constant) and set_none[0].value.value is False:
                    self.sometimes |= keys
                elif not schema_sets_every_key(self.cls):
                    self.sometimes |= keys
                else:
                    done |= keys
            elif isinstance(func, ast.Attribute) and func.attr == '__init__' and isinstance(func.value, ast.Call) \
                    and isinstance(func.value.func, ast.Name) and func.value.func.id == 'super':
                parent = self.klass.__mro__[1]
                klass, init = init_function(parent)
                if klass is not None and klass.__module__ != ovo_base.__name__:
                    inner = analyse_init(self.cls, klass, init)
                    done |= inner.always
                    self.sometimes |= inner.sometimes
                    self.unknown_calls.extend(inner.unknown_calls)
                done |= {k.arg for k in call.keywords if k.arg in self.cls.fields}
        return done


def schema_sets_every_key(cls):
    """Whether the populate_schema cls inherits sets each SCHEMA key on every path that does not raise.

    nova's and ironic's set a key whose source has no value to None, or raise; masakari's skips it
    (`if source.obj_attr_is_set(field): setattr(...)`), so the key is then absent from the payload. A method
    whose source cannot be read counts as setting every key, as the frameworks we know do.
    """
    return _populate_sets_every_key(getattr(cls, 'populate_schema', None))


@functools.lru_cache(maxsize=None)
def _populate_sets_every_key(method):
    """schema_sets_every_key for one populate_schema method: read once, however many payloads inherit it."""
    try:
        function = ast.parse(textwrap.dedent(inspect.getsource(method))).body[0]
    except (OSError, TypeError, SyntaxError, IndexError):
        return True
    # A parameter that defaults to True (nova's set_none) is taken as passed with its default.
    arguments = function.args
    defaults = dict(zip([a.arg for a in arguments.args][-len(arguments.defaults):], arguments.defaults)) if arguments.defaults else {}
    true_by_default = {name for name, value in defaults.items() if isinstance(value, ast.Constant) and value.value is True}
    loops = [node for node in ast.walk(function) if isinstance(node, ast.For)]
    return all(_always_sets(loop.body, true_by_default) for loop in loops)


def _always_sets(statements, true_by_default):
    """True when every path through the statements calls setattr(self, ...) or raises."""
    return any(_sets(node, true_by_default) for node in statements)


def _sets(node, true_by_default):
    if isinstance(node, ast.Raise):
        return True
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        call = node.value
        return isinstance(call.func, ast.Name) and call.func.id == 'setattr' and call.args \
            and isinstance(call.args[0], ast.Name) and call.args[0].id == 'self'
    if isinstance(node, ast.If):
        if isinstance(node.test, ast.Name) and node.test.id in true_by_default:
            return _always_sets(node.body, true_by_default)
        return _always_sets(node.body, true_by_default) and _always_sets(node.orelse, true_by_default)
    if isinstance(node, ast.Try):
        handled = all(_always_sets(handler.body, true_by_default) for handler in node.handlers)
        return (_always_sets(node.body, true_by_default) and handled) or _always_sets(node.finalbody, true_by_default)
    if isinstance(node, ast.With):
        # oslo's excutils.save_and_reraise_exception() raises again whatever its body does.
        reraises = any(isinstance(item.context_expr, ast.Call) and getattr(item.context_expr.func, 'attr', getattr(item.context_expr.func, 'id', None)) == 'save_and_reraise_exception'
                       for item in node.items)
        return reraises or _always_sets(node.body, true_by_default)
    return False


def analyse_init(cls, klass, init):
    analysis = SetFields(cls, klass)
    try:
        source = textwrap.dedent(inspect.getsource(init))
        tree = ast.parse(source)
    except (OSError, TypeError, SyntaxError):
        analysis.unknown_calls.append('%s.__init__ has no readable source' % klass.__name__)
        return analysis
    function = tree.body[0]
    analysis.always = analysis.statements(function.body)
    return analysis


def describe_class(cls, by_name):
    bases = payload_bases(cls, by_name)
    base = bases[0] if bases else None
    own = vars(cls).get('fields', {})
    klass, init = init_function(cls)
    if klass is None or klass.__module__ == ovo_base.__name__:
        init_note = 'the class takes its fields as keyword arguments (oslo\'s VersionedObject.__init__)'
        analysis = None
    else:
        init_note = None
        analysis = analyse_init(cls, klass, init)
    fields = []
    for name, field in cls.fields.items():
        if base is None or name not in base.fields:
            declared = 'own'
        elif base.fields[name] is field:
            declared = 'inherited'
        else:
            declared = 'redeclared'
        if analysis is None:
            setting = 'unknown'
        elif name in analysis.always:
            setting = 'always'
        elif name in analysis.sometimes:
            setting = 'sometimes'
        else:
            setting = 'unknown'
        fields.append({
            'name': name,
            'declared': declared,
            'field_class': type(field).__name__,
            'type': describe_type(field._type),
            'nullable': bool(field.nullable),
            'default': describe_default(field.default),
            'set_by_init': setting,
        })
    relationships = {name: [[a, b] for a, b in steps] for name, steps in (getattr(cls, 'obj_relationships', {}) or {}).items()}
    source_file = inspect.getsourcefile(cls)
    return {
        'name': cls.obj_name(),
        'class': cls.__name__,
        'module': cls.__module__,
        'file': source_file,
        'line': inspect.getsourcelines(cls)[1],
        'version': cls.VERSION,
        'project_namespace': getattr(cls, 'OBJ_PROJECT_NAMESPACE', None),
        'serial_namespace': getattr(cls, 'OBJ_SERIAL_NAMESPACE', None),
        'base': base.obj_name() if base is not None else None,
        'own_order': list(own) if isinstance(own, dict) else [],
        'fields': fields,
        'obj_relationships': relationships,
        'history': history(cls),
        'init': init_note or ('%s.__init__' % klass.__name__),
        'init_problems': analysis.unknown_calls if analysis else [],
        'schema': sorted(getattr(cls, 'SCHEMA', {}) or {}),
    }


def constant_of(node, module):
    """The value of a literal or of a dotted name resolvable in the module (fields.NotificationAction.CREATE)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (str, type(None))):
        return True, node.value
    parts = []
    while isinstance(node, ast.Attribute):
        parts.insert(0, node.attr)
        node = node.value
    if isinstance(node, ast.Name) and module is not None:
        parts.insert(0, node.id)
        value = vars(module)
        try:
            value = value[parts[0]]
            for part in parts[1:]:
                value = getattr(value, part)
        except (KeyError, AttributeError):
            return False, None
        if isinstance(value, str):
            return True, value
    return False, None


def call_name(func):
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def argument(call, position, names):
    for keyword in call.keywords:
        if keyword.arg in names:
            return keyword.value
    if len(call.args) > position and not any(isinstance(a, ast.Starred) for a in call.args[:position + 1]):
        return call.args[position]
    return None


def event_types(roots, notifications):
    """EventType(object, action, phase|status) calls in the service's code, resolved where they are constants."""
    found, unresolved = [], []
    for root in roots:
        top = importlib.import_module(root)
        folder = os.path.dirname(top.__file__)
        for directory, subfolders, files in os.walk(folder):
            subfolders[:] = sorted(d for d in subfolders if d not in ('tests', '__pycache__'))
            for file_name in sorted(files):
                if not file_name.endswith('.py'):
                    continue
                path = os.path.join(directory, file_name)
                with open(path, encoding='utf-8') as handle:
                    text = handle.read()
                if 'EventType(' not in text:
                    continue
                try:
                    tree = ast.parse(text)
                except SyntaxError:
                    continue
                module_name = root + '.' + os.path.relpath(path, folder)[:-3].replace(os.sep, '.')
                module_name = module_name[:-len('.__init__')] if module_name.endswith('.__init__') else module_name
                module = sys.modules.get(module_name)
                if module is None:
                    try:
                        module = importlib.import_module(module_name)
                    except Exception:
                        module = None
                parents = {}
                for node in ast.walk(tree):
                    for child in ast.iter_child_nodes(node):
                        parents[child] = node
                for node in ast.walk(tree):
                    if not (isinstance(node, ast.Call) and call_name(node.func) == 'EventType'):
                        continue
                    place = {'file': path, 'line': node.lineno}
                    ok_object, object_name = constant_of(argument(node, 0, ('object',)), module)
                    ok_action, action = constant_of(argument(node, 1, ('action',)), module)
                    phase_node = argument(node, 2, ('phase', 'status'))
                    ok_phase, phase = (True, None) if phase_node is None else constant_of(phase_node, module)
                    payload, priority = None, None
                    parent = parents.get(node)
                    if isinstance(parent, ast.keyword):
                        parent = parents.get(parent)
                    if isinstance(parent, ast.Call):
                        notification = notifications.get(call_name(parent.func))
                        if notification is not None:
                            payload = notification.fields['payload']._type._obj_name
                        priority_node = argument(parent, 99, ('priority', 'level'))
                        if priority_node is not None:
                            ok_priority, priority = constant_of(priority_node, module)
                            priority = priority if ok_priority else None
                    if ok_object and ok_action and object_name and action:
                        found.append(dict(place, object=object_name, action=action,
                                          phase=phase if ok_phase else None, phase_known=ok_phase,
                                          payload=payload, priority=priority))
                    else:
                        unresolved.append(dict(place, text=ast.get_source_segment(text, node)))
    return found, unresolved


def main(names):
    modules = load_modules(names)
    classes = versioned_classes(modules)
    by_name = {}
    for cls in classes:
        by_name.setdefault(cls.obj_name(), cls)
    for registered in ovo_base.VersionedObjectRegistry.obj_classes().values():
        for cls in registered:
            by_name.setdefault(cls.obj_name(), cls)
    notifications = {cls.__name__: cls for cls in classes if is_notification(cls)}

    wanted, queue, missing = [], [n.fields['payload']._type._obj_name for n in notifications.values()], []
    while queue:
        name = queue.pop(0)
        if name in wanted:
            continue
        cls = by_name.get(name)
        if cls is None:
            missing.append(name)
            continue
        wanted.append(name)
        queue.extend(b.obj_name() for b in payload_bases(cls, by_name))
        for field in cls.fields.values():
            field_type = field._type
            while getattr(field_type, '_element_type', None) is not None:
                field_type = field_type._element_type._type
            if isinstance(field_type, ovo_fields.Object):
                queue.append(field_type._obj_name)

    order = {cls.obj_name(): index for index, cls in enumerate(classes)}
    described = [describe_class(by_name[name], by_name) for name in sorted(wanted, key=lambda n: (order.get(n, len(order)), n))]
    roots = sorted({name.split('.')[0] for name in names})
    found, unresolved = event_types(roots, notifications)
    json.dump({
        'python': sys.version.split()[0],
        'modules': [m.__name__ for m in modules],
        'notifications': sorted(notifications),
        'objects': described,
        'missing_objects': sorted(set(missing)),
        'event_types': found,
        'unresolved_event_types': unresolved,
    }, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write('\n')


if __name__ == '__main__':
    if len(sys.argv) < 2:
        sys.stderr.write('usage: python - MODULE...\n')
        sys.exit(2)
    main(sys.argv[1:])
