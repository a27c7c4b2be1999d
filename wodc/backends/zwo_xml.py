"""The ZWO document: blocks as Zwift plays them, and the XML that carries them.

Numbers are written the same way every time: lengths as whole numbers, powers to 3 decimals
(1.0, 1.05, 0.913), attributes in a fixed order, so the same workout gives the same bytes.
"""

from __future__ import annotations

import functools
import re

from .. import ir
from ..frozen import frozen


@frozen
class Block:
    """One ZWO block. `duration` is whole seconds, or whole metres in a distance workout;
    powers are fractions (see zwo_levels.Level)."""

    tag: str
    duration: int
    power: float | None = None        # SteadyState
    power_low: float | None = None    # Warmup/Cooldown/Ramp: the start
    power_high: float | None = None   # ... and the end
    pace: int | None = None           # run: the pace reference
    symbolic: bool = False            # run: written as that race pace (see zwo_levels.Level)
    cadence: tuple[int, int] | None = None  # rpm, low and high (equal for one value)
    message: str | None = None        # shown as the block starts


@frozen
class Intervals:
    """IntervalsT: `repeat` times `on` then `off`, both SteadyState blocks."""

    repeat: int
    on: Block
    off: Block


# Characters XML 1.0 cannot hold at all (a form feed can reach a note); each becomes a space.
# (The complement of XML's Char production, written as the few it leaves out: the negated
# class took 5 ms to compile, a tenth of a check's start-up. Even so it takes 0.65 ms, so it is
# compiled when a file is first written: a check writes none.)
@functools.cache
def _not_xml() -> re.Pattern:
    return re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _text(value: str) -> str:
    return _not_xml().sub(" ", value)


def fraction(value: float) -> str:
    """A power fraction to 3 decimals, without trailing zeros past the first: 1.0, 1.05,
    0.913."""
    text = f"{value:.3f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def _attributes(block: Block) -> dict[str, str]:
    attributes = {"Duration": str(block.duration)}
    if block.power is not None:
        attributes["Power"] = fraction(block.power)
    if block.power_low is not None:
        attributes["PowerLow"] = fraction(block.power_low)
        attributes["PowerHigh"] = fraction(block.power_high)
    if block.pace is not None:
        attributes["pace"] = str(block.pace)
    if block.cadence is not None:
        low, high = block.cadence
        if low == high:
            attributes["Cadence"] = str(low)
        else:
            attributes["CadenceLow"], attributes["CadenceHigh"] = str(low), str(high)
    return attributes


def _intervals_attributes(pair: Intervals) -> dict[str, str]:
    attributes = {"Repeat": str(pair.repeat),
                  "OnDuration": str(pair.on.duration), "OffDuration": str(pair.off.duration),
                  "OnPower": fraction(pair.on.power), "OffPower": fraction(pair.off.power)}
    if pair.on.pace is not None:
        attributes["pace"] = str(pair.on.pace)
    if pair.on.cadence is not None:
        attributes["Cadence"] = str(pair.on.cadence[0])
    if pair.off.cadence is not None:
        attributes["CadenceResting"] = str(pair.off.cadence[0])
    return attributes


def _messages(item: Block | Intervals) -> list[tuple[int, str]]:
    """(offset into the block, message): an IntervalsT shows each half's message every time
    that half starts."""
    if isinstance(item, Block):
        return [(0, item.message)] if item.message else []
    period = item.on.duration + item.off.duration
    return [(rep * period + start, half.message)
            for rep in range(item.repeat)
            for start, half in ((0, item.on), (item.on.duration, item.off))
            if half.message]


def to_xml(workout: ir.Workout, author: str, distance: bool,
           blocks: list[Block | Intervals]) -> bytes:
    import xml.etree.ElementTree as ET  # (only when a file is written, not for a check)

    root = ET.Element("workout_file")
    for tag, text in (("author", author), ("name", workout.name),
                      ("description", "\n".join(workout.notes)),
                      ("sportType", workout.sport.value),
                      ("durationType", "distance" if distance else "time")):
        ET.SubElement(root, tag).text = _text(text)
    tags = ET.SubElement(root, "tags")
    for name in workout.tags:
        ET.SubElement(tags, "tag", {"name": _text(name)})
    body = ET.SubElement(root, "workout")
    offset_name = "distoffset" if distance else "timeoffset"
    for item in blocks:
        if isinstance(item, Intervals):
            element = ET.SubElement(body, "IntervalsT", _intervals_attributes(item))
        else:
            element = ET.SubElement(body, item.tag, _attributes(item))
        for offset, message in _messages(item):
            ET.SubElement(element, "textevent",
                          {offset_name: str(offset), "message": _text(message)})
    ET.indent(root, "  ")
    text = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n").encode("utf-8")
