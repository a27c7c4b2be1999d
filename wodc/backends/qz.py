"""QZ (qdomyos-zwift) treadmill programs: `-f qz`, written as NAME.qz.xml.

What QZ reads (its trainprogram::loadXML): `<rows>` of `<row>` elements whose `duration` is
read with QTime's "hh:mm:ss" (so zero-padded, at most 23:59:59), `speed` in km/h,
`inclination` in percent, `forcespeed="1"` to set the belt speed rather than only suggest it,
and `speedfrom`/`speedto` (with a duration) for a ramp, which QZ runs as 0.1 km/h steps.

This writer emits one row per console segment (see treadmill.py): repeats flattened (QZ reads
only one level of `<repeat>`, and versions before it read none), distance steps as the time
they take at the segment's speed, so that the rows add up to the workout's time. A step's note
becomes a `<textevent timeoffset="0" message="..."/>` inside its row; the workout's notes go
on the first row.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..profile import Profile
from ..units import KPH_PER_MPS, format_number
from . import Options, Result, treadmill
from .treadmill import Program, Segment, build, cues

SPORTS = treadmill.SPORTS  # runs only: see backends.applies

LONGEST_ROW = 23 * 3600 + 59 * 60 + 59  # QTime's hh:mm:ss ends at 23:59:59
# QZ divides a ramp into int(|speedto - speedfrom| / 0.1) steps and divides the duration by
# that count; with less than one 0.1 km/h step (or a one-second ramp) it would divide by zero.
SMALLEST_RAMP_KPH = 0.15
# Characters XML 1.0 does not allow; a note could carry them.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def suffix(options: Options) -> str:
    return ".qz.xml"


def compile(workout, profile: Profile, options: Options) -> Result:
    program, problems = build(workout, profile)
    if program is None:
        return Result(None, problems)
    return Result(render(program), problems)


def render(program: Program) -> bytes:
    root = ET.Element("rows", device="treadmill")
    for segment in program.segments:
        notes = cues(segment.step)
        if segment.number == 1:
            notes = list(program.workout.notes) + notes
        for index, (seconds, speeds) in enumerate(_rows(segment)):
            row = ET.SubElement(root, "row", duration=_clock(seconds))
            if len(speeds) == 2:
                row.set("speedfrom", _kph(speeds[0]))
                row.set("speedto", _kph(speeds[1]))
            else:
                row.set("speed", _kph(speeds[0]))
            row.set("inclination", format_number(segment.incline, 2))
            row.set("forcespeed", "1")
            for note in notes if index == 0 else ():
                ET.SubElement(row, "textevent", timeoffset="0", message=_xml_text(note))
    ET.indent(root, space="  ")
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n{ET.tostring(root, encoding="unicode")}\n'
            .encode("utf-8"))


def _rows(segment: Segment) -> list[tuple[int, tuple[float, ...]]]:
    """(seconds, speeds) of the rows one segment becomes: one row, or rows of at most
    23:59:59. A ramp QZ cannot divide (too small, too short) or that would not fit one row
    becomes two steady halves, at its start and at its end speed."""
    speeds: tuple[float, ...] = (segment.speed,)
    if segment.end_speed is not None:
        speeds = (segment.speed, segment.end_speed)
        too_small = abs(segment.end_speed - segment.speed) * KPH_PER_MPS < SMALLEST_RAMP_KPH
        if too_small or not 2 <= segment.seconds <= LONGEST_ROW:
            first = segment.seconds // 2
            halves = [(first, (segment.speed,)), (segment.seconds - first, (segment.end_speed,))]
            return [(s, v) for s, v in halves if s > 0]
    rows = []
    left = segment.seconds
    while left > 0:
        rows.append((min(left, LONGEST_ROW), speeds))
        left -= LONGEST_ROW
    return rows


def _clock(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    return f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


def _kph(speed: float) -> str:
    """km/h with four decimals at most: the console's own step survives the conversion
    (6.0 mph is 9.6561 km/h) within 0.0001 km/h."""
    return format_number(speed * KPH_PER_MPS, 4)


def _xml_text(text: str) -> str:
    return _NOT_XML.sub(" ", text)
