"""The `wodc paces` table: VDOT, predicted race times and training paces, in the forms runners
compare with published tables (time, min/km, min/mi, km/h, mph)."""

from __future__ import annotations

from . import paces
from .profile import Profile
from .text_table import text_table
from .units import KPH_PER_MPS, MPH_PER_MPS, format_clock, format_pace, format_race_time

RACE_LABELS = {"1500": "1500m", "mile": "Mile", "3K": "3K", "5K": "5K", "10K": "10K",
               "15K": "15K", "HM": "Half marathon", "M": "Marathon"}
TRAINING_LABELS = {"E": "E  easy", "M": "M  marathon", "T": "T  threshold", "I": "I  interval",
                   "R": "R  repetition"}


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    """Names on the left, numbers right-aligned."""
    return text_table(header, rows, right=frozenset(range(1, len(header))))


def _pair(fast: float, slow: float, fmt) -> str:
    a, b = fmt(fast), fmt(slow)
    return a if a == b else f"{a}-{b}"


def paces_table(profile: Profile, units: str = "km") -> str:
    vdot = profile.fitness_vdot
    training = profile.training
    given = ", ".join(f"{r.name} {format_race_time(r.seconds)}" for r in profile.races)
    lines = [f"VDOT {vdot:.1f}" + (f" (from {given})" if given and profile.vdot is None else "")]
    lines.append("")

    first, second = ("km", "mi") if units == "km" else ("mi", "km")
    race_rows = []
    for name in paces.RACE_ORDER:
        metres = paces.RACES[name]
        seconds = profile.race_seconds(metres)
        speed = metres / seconds
        race_rows.append([RACE_LABELS[name], format_race_time(seconds),
                          format_pace(speed, first), format_pace(speed, second)])
    lines += _table(["Race", "Time", f"/{first}", f"/{second}"], race_rows)
    lines.append("")

    rows = []
    for name in paces.TRAINING_NAMES:
        slow, fast = training.range_of(name)
        rows.append([
            TRAINING_LABELS[name],
            _pair(fast, slow, lambda v: format_pace(v, first).split("/")[0]),
            _pair(fast, slow, lambda v: format_pace(v, second).split("/")[0]),
            _pair(fast, slow, lambda v: format_clock(400 / v)),
            _pair(slow, fast, lambda v: f"{v * KPH_PER_MPS:.1f}"),
            _pair(slow, fast, lambda v: f"{v * MPH_PER_MPS:.1f}"),
        ])
    lines += _table(["Training", f"/{first}", f"/{second}", "/400m", "km/h", "mph"], rows)
    return "\n".join(lines)
