"""`wodc plot`: the workout profile as an SVG picture, one bar per step, coloured by intensity
like the workout charts in Zwift and Garmin Connect."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from . import describe, ir, timing
from .intensity import BANDS, Block, band_of, blocks
from .profile import Profile
from .units import format_clock

WIDTH, HEIGHT = 960, 300
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 40, 36
TOP_LEVEL = 1.5  # intensity (x threshold) at the top of the chart


def _n(value: float) -> str:
    """Numbers with two decimals at most, the same on every machine."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _tick_step(total_seconds: float) -> int:
    for step in (60, 120, 300, 600, 900, 1800, 3600):
        if total_seconds / step <= 12:
            return step
    return 7200


def svg(workout: ir.Workout, profile: Profile) -> bytes:
    block_list = blocks(workout, profile, timing.fallback_speed(workout, profile))
    total = sum(b.seconds for b in block_list) or 1.0
    top = max([TOP_LEVEL] + [max(b.start_level, b.end_level) * 1.05 for b in block_list])
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    x = lambda seconds: LEFT + seconds / total * plot_w  # noqa: E731
    y = lambda level: TOP + plot_h * (1 - min(level, top) / top)  # noqa: E731

    root = ET.Element("svg", xmlns="http://www.w3.org/2000/svg", width=str(WIDTH),
                      height=str(HEIGHT), viewBox=f"0 0 {WIDTH} {HEIGHT}",
                      style="font-family: sans-serif; font-size: 12px")
    ET.SubElement(root, "title").text = workout.name
    ET.SubElement(root, "rect", x="0", y="0", width=str(WIDTH), height=str(HEIGHT), fill="#ffffff")
    heading = ET.SubElement(root, "text", x=str(LEFT), y="24", style="font-size: 16px")
    heading.text = workout.name

    for block in block_list:
        _bar(root, block, x, y, profile.units)

    # Threshold line and time axis.
    ET.SubElement(root, "line", x1=str(LEFT), x2=str(WIDTH - RIGHT), y1=_n(y(1.0)), y2=_n(y(1.0)),
                  stroke="#444444", **{"stroke-dasharray": "4 3", "class": "threshold"})
    label = ET.SubElement(root, "text", x=str(LEFT - 6), y=_n(y(1.0) + 4),
                          **{"text-anchor": "end"})
    label.text = "100%"
    ET.SubElement(root, "line", x1=str(LEFT), x2=str(WIDTH - RIGHT), y1=_n(y(0)), y2=_n(y(0)),
                  stroke="#000000")
    tick = _tick_step(total)
    for seconds in range(0, int(total) + 1, tick):
        mark = ET.SubElement(root, "text", x=_n(x(seconds)), y=str(HEIGHT - BOTTOM + 18),
                             **{"text-anchor": "middle"})
        mark.text = format_clock(seconds)
    for slot, (_, name, colour) in enumerate(reversed(BANDS)):
        text = ET.SubElement(root, "text", x=str(WIDTH - RIGHT - slot * 80), y="24", fill=colour,
                             **{"text-anchor": "end"})
        text.text = name
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _bar(root, block: Block, x, y, units: str) -> None:
    """One step: a rectangle, or a trapezoid for a ramp, filled by its intensity band."""
    left, right = x(block.start), x(block.start + block.seconds)
    base = y(0)
    colour = band_of(max(block.start_level, block.end_level))[1]
    attributes = {"class": "step", "fill": colour, "stroke": "#ffffff", "stroke-width": "0.5"}
    if block.start_level == block.end_level:
        top = y(block.start_level)
        shape = ET.SubElement(root, "rect", x=_n(left), y=_n(top), width=_n(right - left),
                              height=_n(base - top), **attributes)
    else:
        points = [(left, base), (left, y(block.start_level)), (right, y(block.end_level)),
                  (right, base)]
        shape = ET.SubElement(root, "polygon", points=" ".join(f"{_n(a)},{_n(b)}" for a, b in points),
                              **attributes)
    step = block.step
    title = f"{step.kind.value} {describe.step_label(step, units)}"
    if step.note:
        title += f' "{step.note}"'
    if block.estimated:
        title += " (length estimated)"
    ET.SubElement(shape, "title").text = title
