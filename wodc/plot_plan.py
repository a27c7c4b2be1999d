"""`wodc plot plan.wod`: a plan's weekly load as bars, each bar split by the week's intensity
mix (the share of its time in each class), as an SVG picture."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .load import RUN_CLASSES, intensity_mix, load
from .plot import _n

WIDTH, HEIGHT = 960, 320
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 48, 56
# Each class in the colour of the matching intensity band of a workout's plot.
COLOURS = {"easy": "#338cff", "marathon": "#59bf59", "threshold": "#ffcc3f",
           "interval": "#ff6639", "repetition": "#e3231b",
           "PZ1": "#7f7f7f", "PZ2": "#338cff", "PZ3": "#59bf59", "PZ4": "#ffcc3f",
           "PZ5": "#ff6639", "PZ6": "#e3231b", "PZ7": "#8b0000"}
ORDER = (*RUN_CLASSES, *(f"PZ{z}" for z in range(1, 8)))


def weeks(scheduled) -> list[tuple[int, float, dict[str, float]]]:
    """(week, load, seconds per class) for each week of a pipeline.ScheduledPlan."""
    result: dict[int, tuple[float, dict[str, float]]] = {}
    for date, _, entry in scheduled.sessions:
        week = (date - scheduled.start).days // 7 + 1
        score, mix = result.get(week, (0.0, {}))
        figure = load(entry.workout, entry.profile)
        for name, seconds in intensity_mix(entry.workout, entry.profile).items():
            mix[name] = mix.get(name, 0.0) + seconds
        result[week] = (score + (figure.score if figure else 0.0), mix)
    return [(week, score, mix) for week, (score, mix) in sorted(result.items())]


def plan_svg(scheduled) -> bytes:
    rows = weeks(scheduled)
    top = max([score for _, score, _ in rows] + [1.0]) * 1.15
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(rows)
    root = ET.Element("svg", xmlns="http://www.w3.org/2000/svg", width=str(WIDTH),
                      height=str(HEIGHT), viewBox=f"0 0 {WIDTH} {HEIGHT}",
                      style="font-family: sans-serif; font-size: 12px")
    ET.SubElement(root, "title").text = scheduled.plan.name
    ET.SubElement(root, "rect", x="0", y="0", width=str(WIDTH), height=str(HEIGHT),
                  fill="#ffffff")
    heading = ET.SubElement(root, "text", x=str(LEFT), y="24", style="font-size: 16px")
    heading.text = f"{scheduled.plan.name}: weekly load"
    base = TOP + plot_h
    for index, (week, score, mix) in enumerate(rows):
        x = LEFT + index * slot + slot * 0.15
        width = slot * 0.7
        total_time = sum(mix.values())
        height = plot_h * score / top
        y = base
        group = ET.SubElement(root, "g", **{"class": "week", "data-week": str(week),
                                           "data-load": _n(score)})
        for name in ORDER:  # the easiest at the bottom
            if not mix.get(name) or not total_time:
                continue
            part = height * mix[name] / total_time
            y -= part
            bar = ET.SubElement(group, "rect", x=_n(x), y=_n(y), width=_n(width),
                                height=_n(part), fill=COLOURS[name],
                                **{"data-class": name, "data-seconds": _n(mix[name])})
            ET.SubElement(bar, "title").text = f"week {week}: {name} {mix[name] / 60:.0f} min"
        label = ET.SubElement(root, "text", x=_n(x + width / 2), y=_n(base - height - 6),
                              **{"text-anchor": "middle"})
        label.text = f"{score:.0f}"
        under = ET.SubElement(root, "text", x=_n(x + width / 2), y=_n(base + 18),
                              **{"text-anchor": "middle"})
        under.text = f"week {week}"
    ET.SubElement(root, "line", x1=str(LEFT), x2=str(WIDTH - RIGHT), y1=_n(base), y2=_n(base),
                  stroke="#000000")
    present = [n for n in ORDER if any(n in mix for _, _, mix in rows)]
    for index, name in enumerate(present):
        x = LEFT + index * 110
        ET.SubElement(root, "rect", x=_n(x), y=str(HEIGHT - 24), width="12", height="12",
                      fill=COLOURS[name])
        text = ET.SubElement(root, "text", x=_n(x + 16), y=str(HEIGHT - 14))
        text.text = name
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
