"""`@frozen` and `@mutable`: wodc's dataclasses, made without compiling code at every start.

`@frozen` is the dataclass of a value that is never changed once made (IR nodes, spans,
diagnostics, device steps): copied with dataclasses.replace, compared and hashed by its
fields, never assigned to. `@mutable` is a plain dataclass (results being gathered).

Two costs of the standard library's dataclasses are left out of a user's run (issue 15):
- A frozen dataclass sets each field through object.__setattr__ (a span, of four: 1.6 µs,
  0.55 for a plain one), and a workout makes about 70 values between its text and its FIT
  file. So values are frozen where a mistake shows at no cost to users: with WODC_FROZEN=1
  (the test suite sets it, tests/conftest.py) `@frozen` makes a frozen dataclass, and an
  assignment raises FrozenInstanceError; otherwise the same dataclass without that check.
- dataclasses writes the source of __init__, __repr__, __eq__ and __hash__ for each class
  and compiles it when the class is made: for the 70 classes a check makes, 54-62 ms of its
  start, more than click (3-5 ms now). wodc/dataclass_methods.py holds those methods already written
  (by wodc/dataclass_codegen.py, `make tables`), so they load compiled, as any module's code.
  A class is made with them only if its fields are still those they were written for (its
  `_shape`); a class added or changed since is made by dataclasses as before (the same
  class, slower to make), and tests/test_frozen.py fails until `make tables` is run.
"""

from __future__ import annotations

import os
from dataclasses import MISSING, Field, dataclass

CHECKED = os.environ.get("WODC_FROZEN") == "1"
METHODS = ("__init__", "__repr__", "__eq__", "__hash__")

MADE: list[tuple[type, bool, str]] = []  # every class made here: hashable?, its _shape
STALE: list[type] = []  # those made by dataclasses: their methods not (or no longer) written


def frozen(cls):
    shape = _shape(cls, hashable=True)
    MADE.append((cls, True, shape))
    if CHECKED:
        return dataclass(frozen=True, unsafe_hash=True)(cls)
    return _made(cls, True, shape)


def mutable(cls):
    shape = _shape(cls, hashable=False)
    MADE.append((cls, False, shape))
    return _made(cls, False, shape)


def _made(cls, hashable: bool, shape: str):
    """`cls` as dataclass(unsafe_hash=hashable) makes it, with the methods written for it."""
    from .dataclass_methods import WRITTEN

    written = WRITTEN.get(f"{cls.__module__}.{cls.__qualname__}")
    if (written is None or written[0] != shape
            or any("__dataclass_fields__" in base.__dict__ for base in cls.__mro__[1:])):
        STALE.append(cls)
        return dataclass(unsafe_hash=hashable)(cls)
    if cls.__doc__ is None:  # else dataclasses would write one from inspect.signature (slow)
        cls.__doc__ = f"{cls.__name__}({', '.join(cls.__dict__.get('__annotations__', ()))})"
    dataclass(init=False, repr=False, eq=False)(cls)  # the fields, and no code compiled
    for method in written[1](cls.__dataclass_fields__):
        method.__qualname__ = f"{cls.__qualname__}.{method.__name__}"
        setattr(cls, method.__name__, method)
    if not hashable:  # as dataclasses does for a mutable class that has __eq__
        cls.__hash__ = None
    return cls


def _shape(cls, hashable: bool) -> str:
    """What the written methods depend on, from the class as its body left it: each field's
    name, annotation and default (a value, or a field() and its options); its bases, and the
    methods it writes itself. If any of that changes, the written methods no longer fit."""
    parts = [("hashable" if hashable else "mutable"),
             ",".join(f"{b.__module__}.{b.__qualname__}" for b in cls.__bases__),
             ",".join(m for m in METHODS if m in cls.__dict__)]
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():
        value = cls.__dict__.get(name, MISSING)
        if isinstance(value, Field):
            default = (f"field(default={value.default is not MISSING}, "
                       f"factory={value.default_factory is not MISSING}, init={value.init}, "
                       f"repr={value.repr}, compare={value.compare}, hash={value.hash}, "
                       f"kw_only={value.kw_only is True})")
        else:
            default = "" if value is MISSING else "value"
        parts.append(f"{name}: {annotation} = {default}")
    return "; ".join(parts)
