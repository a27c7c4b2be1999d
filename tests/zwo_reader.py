"""Reading a ZWO file back the way Zwift plays it: one segment per block, an IntervalsT
expanded into its on and off halves, text events placed in the segment they fall in.
Written for the tests from FORMATS.md, independently of wodc/backends/zwo.py."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

import daniels

# pace attribute -> the race whose pace it is (FORMATS.md), and their lengths in metres (a
# mile is 1609.344 m, a half marathon 21097.5 m): written out here, not taken from wodc.
PACE_RACES = {0: "mile", 1: "5K", 2: "10K", 3: "HM", 4: "M"}
RACE_METRES = {"mile": 1609.344, "5K": 5000.0, "10K": 10000.0, "HM": 21097.5, "M": 42195.0}


def _pace_text(speed: float, units: str) -> str:
    """m/s as m:ss per km or per mile, rounded to the second."""
    per = 1000.0 if units == "km" else 1609.344
    seconds = round(per / speed)
    return f"{seconds // 60}:{seconds % 60:02d}/{'km' if units == 'km' else 'mi'}"


@dataclass
class Segment:
    tag: str                  # SteadyState, Warmup, Cooldown, Ramp, FreeRide, MaxEffort
    length: int               # seconds, or metres in a distance workout
    start: float | None       # Power, or PowerLow (where a ramp starts)
    end: float | None         # PowerHigh for a ramp, else the same as start
    pace: int | None
    cadence: tuple[int, int] | None
    messages: list[tuple[int, str]] = field(default_factory=list)  # (offset, text)
    from_intervals: bool = False


@dataclass
class ZwoFile:
    author: str
    name: str
    description: str
    sport: str
    duration_type: str
    tags: list[str]
    segments: list[Segment]


def _number(element, name):
    value = element.get(name)
    return None if value is None else float(value)


def _cadence(element, single="Cadence"):
    if element.get(single) is not None:
        value = int(element.get(single))
        return value, value
    if element.get("CadenceLow") is not None:
        return int(element.get("CadenceLow")), int(element.get("CadenceHigh"))
    return None


def _events(element, offset_name):
    return [(int(e.get(offset_name)), e.get("message")) for e in element.findall("textevent")]


def _pace(element):
    return None if element.get("pace") is None else int(element.get("pace"))


def read(data: bytes) -> ZwoFile:
    root = ET.fromstring(data)
    assert root.tag == "workout_file"
    duration_type = root.findtext("durationType")
    offset_name = "distoffset" if duration_type == "distance" else "timeoffset"
    segments = []
    for block in root.find("workout"):
        events = _events(block, offset_name)
        if block.tag == "IntervalsT":
            on, off = int(block.get("OnDuration")), int(block.get("OffDuration"))
            for rep in range(int(block.get("Repeat"))):
                base = rep * (on + off)
                for start, length, power, cadence in (
                        (base, on, _number(block, "OnPower"), _cadence(block)),
                        (base + on, off, _number(block, "OffPower"),
                         _cadence(block, "CadenceResting"))):
                    mine = [(o - start, m) for o, m in events if start <= o < start + length]
                    segments.append(Segment("SteadyState", length, power, power, _pace(block),
                                            cadence, mine, from_intervals=True))
            continue
        length = int(block.get("Duration"))
        if block.tag == "SteadyState":
            start = end = _number(block, "Power")
        else:
            start, end = _number(block, "PowerLow"), _number(block, "PowerHigh")
        segments.append(Segment(block.tag, length, start, end, _pace(block), _cadence(block),
                                events))
    return ZwoFile(root.findtext("author"), root.findtext("name"), root.findtext("description"),
                   root.findtext("sportType"), duration_type,
                   [t.get("name") for t in root.find("tags").findall("tag")], segments)


def reference_speed(profile, pace: int) -> float:
    """m/s of a pace reference for the athlete, from their race times."""
    metres = RACE_METRES[PACE_RACES[pace]]
    return metres / daniels.athlete_race_seconds(profile, metres)


def render(zwo: ZwoFile, profile=None) -> str:
    """The file for people: one line per segment, with watts or paces when a profile gives
    them, so a snapshot shows what the athlete will be asked to do."""
    unit = "m" if zwo.duration_type == "distance" else "s"
    lines = [f"{zwo.name!r} by {zwo.author!r}: {zwo.sport}, {zwo.duration_type}, "
             f"tags {zwo.tags}", f"  description {zwo.description!r}"]
    for s in zwo.segments:
        what = s.tag + (" (of IntervalsT)" if s.from_intervals else "")
        parts = [f"  {what:<26} {s.length:>5}{unit}"]
        if s.start is not None:
            parts.append(f"{s.start:g}" if s.start == s.end else f"{s.start:g}..{s.end:g}")
            if zwo.sport == "bike" and profile is not None and profile.ftp:
                watts = [round(v * profile.ftp) for v in (s.start, s.end)]
                parts.append(f"= {watts[0]}W" if watts[0] == watts[1]
                             else f"= {watts[0]}..{watts[1]}W")
            if s.pace is not None:
                parts.append(f"of {PACE_RACES[s.pace]} pace")
                if profile is not None and profile.fitness_vdot:
                    speeds = [v * reference_speed(profile, s.pace) for v in (s.start, s.end)]
                    paces = [_pace_text(v, profile.units) for v in speeds]
                    parts.append(f"= {paces[0]}" if paces[0] == paces[1]
                                 else f"= {paces[0]}..{paces[1]}")
        if s.cadence:
            low, high = s.cadence
            parts.append(f"cadence {low}" + (f"-{high}" if high != low else "") + "rpm")
        for offset, message in s.messages:
            parts.append(f"[{offset}{unit}: {message!r}]")
        lines.append(" ".join(parts))
    return "\n".join(lines)
