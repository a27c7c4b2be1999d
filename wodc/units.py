"""Units at the edges: reading durations, distances and clocks written by people, and writing
times, paces and speeds back for people. Everything inside wodc is SI: seconds, metres, m/s."""

from __future__ import annotations

import re

from .errors import quoted

METRES_PER_KM = 1000.0
METRES_PER_MILE = 1609.344
METRES_PER_YARD = 0.9144
KPH_PER_MPS = 3.6
MPH_PER_MPS = 3600 / METRES_PER_MILE

# Per-unit metres for the distance words the grammar accepts (lower case).
DISTANCE_UNITS = {
    "m": 1.0, "meter": 1.0, "meters": 1.0, "metre": 1.0, "metres": 1.0,
    "km": METRES_PER_KM, "kilometer": METRES_PER_KM, "kilometers": METRES_PER_KM,
    "kilometre": METRES_PER_KM, "kilometres": METRES_PER_KM,
    "mi": METRES_PER_MILE, "mile": METRES_PER_MILE, "miles": METRES_PER_MILE,
    "yd": METRES_PER_YARD, "yds": METRES_PER_YARD, "yard": METRES_PER_YARD,
    "yards": METRES_PER_YARD,
}
TIME_UNITS = {
    "h": 3600.0, "hr": 3600.0, "hrs": 3600.0, "hour": 3600.0, "hours": 3600.0,
    "min": 60.0, "mins": 60.0, "minute": 60.0, "minutes": 60.0,
    "s": 1.0, "sec": 1.0, "secs": 1.0, "second": 1.0, "seconds": 1.0,
    "'": 60.0, '"': 1.0,  # coach shorthand: 10' is ten minutes, 30" thirty seconds
}
# Units per "per km" / "per mile" suffix.
PER_DISTANCE = {"km": METRES_PER_KM, "mi": METRES_PER_MILE, "mile": METRES_PER_MILE}

# Digits 0-9 only (Python's \d reads ١٠ as 10), and few enough to be a number of this world.
_NUMBER = r"[0-9]{1,9}(?:\.[0-9]{1,9})?"
_NUMBER_UNIT = re.compile(rf"({_NUMBER})\s*([a-z]+|'|\")", re.I)
_NUMBERS_WITH_UNITS = re.compile(rf"\s*(?:{_NUMBER}\s*(?:[a-z]+|'|\")\s*)+", re.I)


class UnitError(ValueError):
    """A value that has the right shape but cannot be (e.g. 1:75)."""


_CLOCK = re.compile(r"[0-9]{1,6}(:[0-9][0-9]?){1,2}(\.[0-9]{1,9})?")



def parse_clock(text: str) -> float:
    """`m:ss` or `h:mm:ss`, the seconds perhaps with a decimal (`4:22.5`), to seconds. Raises
    UnitError when a part is out of range."""
    text = text.strip()
    if not _CLOCK.fullmatch(text):
        raise UnitError(f"{quoted(text)} is not a time like 1:30 or 1:05:00")
    parts = text.split(":")
    numbers = [float(p) for p in parts]
    if any(n >= 60 for n in numbers[1:]):
        raise UnitError(f"{text} has more than 59 in its minutes or seconds")
    seconds = 0.0
    for n in numbers:
        seconds = seconds * 60 + n
    return seconds


def parse_time(text: str) -> float:
    """`90s`, `3min`, `1h30min`, `1:30`, `1:05:00` to seconds."""
    if ":" in text:
        return parse_clock(text)
    if not _NUMBERS_WITH_UNITS.fullmatch(text):
        raise UnitError(f"{quoted(text)} is not a time like 3min or 1:30")
    pieces = _NUMBER_UNIT.findall(text)
    seconds = 0.0
    for number, unit in pieces:
        factor = TIME_UNITS.get(unit.lower())
        if factor is None:
            raise UnitError(f"unknown time unit {unit!r}")
        seconds += float(number) * factor
    return seconds


def parse_distance(text: str) -> float:
    """`400m`, `1.5km`, `0.25mi`, `300yd` to metres."""
    match = _NUMBER_UNIT.fullmatch(text.strip())
    if not match or match.group(2).lower() not in DISTANCE_UNITS:
        raise UnitError(f"{quoted(text)} is not a distance like 400m or 1.5km")
    return float(match.group(1)) * DISTANCE_UNITS[match.group(2).lower()]


def format_clock(seconds: float) -> str:
    """Seconds as `m:ss`, or `h:mm:ss` from an hour up; rounded to the second."""
    total = int(round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def format_race_time(seconds: float) -> str:
    """Race times the way results list them: 5:31, 19:57, 1:31:35, 3:10:49."""
    return format_clock(seconds)


def pace_seconds(speed_mps: float, per: str = "km") -> float:
    """Seconds per km or per mile at a speed in m/s."""
    return PER_DISTANCE[per] / speed_mps


def mean_pace_speed(a: float, b: float) -> float:
    """The speed whose pace is halfway between the paces of speeds `a` and `b` (the middle of
    a pace range, as runners mean it: 4:20-4:30/km has 4:25/km in the middle)."""
    return 2 / (1 / a + 1 / b)


def format_pace(speed_mps: float, per: str = "km") -> str:
    """A speed as a pace: `4:15/km` or `6:50/mi`."""
    if speed_mps <= 0:
        return "-"
    suffix = "mi" if per in ("mi", "mile") else "km"
    return f"{format_clock(pace_seconds(speed_mps, per))}/{suffix}"


def format_number(value: float, places: int = 2) -> str:
    """A number without trailing zeros: 1.5, 400, 0.25."""
    text = f"{value:.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def format_distance(metres: float) -> str:
    """Metres for people: 400m, 612m, 1.5km, 6.14km (km from 1000 m up, to 10 m)."""
    if round(metres) >= METRES_PER_KM:
        return f"{format_number(metres / METRES_PER_KM, 2)}km"
    return f"{format_number(metres, 0)}m"
