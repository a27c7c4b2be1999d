"""Whether two workouts mean the same: the IR compared without where things were written
(spans, a target's text, the coach word of a kind) and with numbers equal to 1e-9, the
precision the printer writes. `wodc fmt` checks every file it formats with this."""

from __future__ import annotations

import dataclasses
import enum
import math

from ..errors import Source, Span

# Fields that say how or where something was written, not what it means.
WRITTEN = frozenset({"span", "duration_span", "text", "source", "word"})


def same_meaning(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return (isinstance(a, (int, float)) and isinstance(b, (int, float))
                and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9))
    if type(a) is not type(b):
        return False
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(same_meaning(x, y) for x, y in zip(a, b))
    if dataclasses.is_dataclass(a) and not isinstance(a, (Span, Source)):
        return all(same_meaning(getattr(a, f.name), getattr(b, f.name))
                   for f in dataclasses.fields(a) if f.name not in WRITTEN)
    if isinstance(a, (Span, Source)):
        return True
    if isinstance(a, enum.Enum):
        return a is b
    return a == b
