"""`@frozen`: the dataclass of a value that is never changed once made (IR nodes, spans,
diagnostics, device steps). Such values are copied with dataclasses.replace, compared and
hashed by their fields, and never assigned to.

CPython 3.11's frozen dataclasses enforce that at a price paid on every value: __init__ sets
each field through object.__setattr__ (a span, of four: 1.6 µs, 0.55 for a plain one),
and each class execs three more methods at import. A workout makes about 70 values between
its text and its FIT file, so that check cost a sixth of parsing and some 30 ms of every
command's start (issue 15). So the check is made where a mistake shows at no cost to users:
with WODC_FROZEN=1 (the test suite sets it, tests/conftest.py) these are frozen dataclasses
and an assignment raises FrozenInstanceError; otherwise they are the same dataclasses without
that check: the same fields, equality, hash (by field values), repr and replace.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

CHECKED = os.environ.get("WODC_FROZEN") == "1"


def frozen(cls):
    return dataclass(frozen=CHECKED, unsafe_hash=True)(cls)
