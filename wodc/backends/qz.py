"""QZ (qdomyos-zwift) treadmill programs: `-f qz`, written as NAME.qz.xml.

What QZ reads (src/trainprogram.cpp, trainprogram::loadXML, and its scheduler): `<rows>` of
`<row>` elements whose `duration` is read with QTime's "hh:mm:ss" (so zero-padded, at most
23:59:59), `speed` in km/h, `inclination` in percent, `forcespeed="1"` to set the belt speed
rather than only suggest it, `zonehr` (0: QZ's heart-rate speed control off for the row; a row
without it keeps the zone QZ last saved), `lapbutton="1"` and `hrabove`/`hrbelow` (the row
waits for the lap button or a heart rate), and `<textevent timeoffset message>` children.

This writer emits steady rows only, one per console segment (see treadmill.py): QZ splits a
`speedfrom`/`speedto` ramp into steps whose times do not add up to the row and drops the ramp
row's text events, so a ramp is written as the steady segments the console card lists.
Repeats are flattened (QZ reads one level of `<repeat>`, and older versions none), distance
steps run as the time they take at the segment's speed, so the rows add up to the workout's
time. A step's messages (its note, its cadence, and on the first row the workout's notes)
are one text event at offset 0 of its first row, since QZ shows one message per row and
offset.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from .. import ir
from ..profile import Profile
from ..units import KPH_PER_MPS, format_number
from . import Options, Result, treadmill
from .treadmill import Program, build, cues

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

SPORTS = treadmill.SPORTS  # runs only: see backends.applies

LONGEST_ROW = 23 * 3600 + 59 * 60 + 59  # QTime's hh:mm:ss ends at 23:59:59
MESSAGE_JOIN = "; "


@functools.cache
def _not_xml() -> re.Pattern:
    """Characters XML 1.0 does not allow; a note could carry them. (Compiled when a file is
    first written, not on import: 0.45 ms, and a check writes none.)"""
    return re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def suffix(options: Options) -> str:
    return ".qz.xml"


def compile(workout, profile: Profile, options: Options) -> Result:
    program, problems = build(workout, profile)
    if program is None:
        return Result(None, problems)
    return Result(b"" if options.dry_run else render(program), problems)


def render(program: Program) -> bytes:
    import xml.etree.ElementTree as ET  # (here: a check, which renders nothing, need not)

    root = ET.Element("rows", device="treadmill")
    for segment in program.segments:
        messages = cues(segment.step) if segment.first_of_step else []
        if segment.number == 1:
            messages = list(program.workout.notes) + messages
        for index, seconds in enumerate(_row_seconds(segment.seconds)):
            row = ET.SubElement(root, "row", duration=_clock(seconds),
                                speed=_kph(segment.speed),
                                inclination=_incline(segment.incline), forcespeed="1",
                                zonehr="0")
            _end_condition(row, segment.step.duration)
            if messages and index == 0:
                # QZ shows one message per row and time offset (trainprogram.cpp keys them
                # "row:timeoffset"), so a row's messages travel as one.
                ET.SubElement(row, "textevent", timeoffset="0",
                              message=_xml_text(MESSAGE_JOIN.join(messages)))
    ET.indent(root, space="  ")
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n{ET.tostring(root, encoding="unicode")}\n'
            .encode("utf-8"))


def _end_condition(row: ET.Element, duration: ir.Duration) -> None:
    """A step that ends on the lap button or on heart rate waits for it in QZ (the row's
    duration then only sizes QZ's charts); a console card runs the profile's open_duration."""
    if isinstance(duration, ir.OpenDuration):
        row.set("lapbutton", "1")
    elif isinstance(duration, ir.HeartRateDuration):
        row.set("hrabove" if duration.above else "hrbelow", format_number(duration.bpm, 0))


def _row_seconds(seconds: int) -> list[int]:
    """One row, or rows of at most 23:59:59 (QTime's hh:mm:ss ends there)."""
    rows = []
    while seconds > 0:
        rows.append(min(seconds, LONGEST_ROW))
        seconds -= LONGEST_ROW
    return rows


def _clock(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    return f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


def _kph(speed: float) -> str:
    """km/h with four decimals at most: the console's own step survives the conversion
    (6.0 mph is 9.6561 km/h) within 0.0001 km/h."""
    return format_number(speed * KPH_PER_MPS, 4)


def _incline(percent: float) -> str:
    """Percent with four decimals at most, like the speed: any console's incline step
    (0.125% is one) is written as the card shows it."""
    return format_number(percent, 4)


def _xml_text(text: str) -> str:
    return _not_xml().sub(" ", text)
