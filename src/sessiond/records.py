"""`NamedTuple`, the class syntax of sessiond's records, without importing typing.

The records (settings, events, sessions, rows) are named tuples: a dataclass costs start-up
time to create. typing.NamedTuple costs some too: importing typing (with contextlib) is a
tenth of `sessiond status`, and each class it makes compiles every string annotation into
a ForwardRef. This one makes the same class, a collections.namedtuple with the class
body's defaults, methods and properties, and leaves the annotations as they are written.
Type checkers see typing.NamedTuple itself.
"""

from __future__ import annotations

import collections

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    # What a class body holds besides its fields and its own attributes; `__slots__`
    # and `__new__` would undo the named tuple (typing refuses them too).
    _MADE = frozenset({"__module__", "__qualname__", "__annotations__", "__orig_bases__"})
    _REFUSED = frozenset({"__slots__", "__new__", "__init__", "__getnewargs__", "_make",
                          "_fields", "_field_defaults", "_replace", "_asdict", "_source"})

    class _RecordMeta(type):
        def __new__(mcs, name: str, bases: tuple[type, ...], body: dict[str, object]):
            if body.get("__module__") == __name__:  # NamedTuple itself
                return super().__new__(mcs, name, bases, body)
            fields = list(body.get("__annotations__", {}))
            defaults = [body[f] for f in fields if f in body]
            if any(f not in body for f in fields[len(fields) - len(defaults):]):
                raise TypeError(f"{name}: a field without a default follows one with")
            if _REFUSED & body.keys():
                raise AttributeError(f"{name}: cannot set {sorted(_REFUSED & body.keys())}")
            record = collections.namedtuple(name, fields, defaults=defaults,
                                            module=body["__module__"])
            record.__annotations__ = body.get("__annotations__", {})
            record.__qualname__ = body.get("__qualname__", name)
            for key, value in body.items():
                if key not in _MADE and key not in fields:
                    setattr(record, key, value)
            return record

    class NamedTuple(metaclass=_RecordMeta):
        """Subclass it as typing.NamedTuple: fields as annotations, defaults after them."""
