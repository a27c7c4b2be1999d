"""Workouts in words: short texts for step names on a watch or a card, and a readable dump of
the IR that golden tests snapshot."""

from __future__ import annotations

from . import ir
from .units import (KPH_PER_MPS, MPH_PER_MPS, format_clock, format_distance, format_number,
                    format_pace)


def duration(d: ir.Duration) -> str:
    """`3:00`, `400m`, `1.5km`, `lap`, `until HR<130`, in the unit it was written in."""
    if isinstance(d, ir.TimeDuration):
        return format_clock(d.seconds)
    if isinstance(d, ir.DistanceDuration):
        if d.unit == "mi":
            return f"{format_number(d.metres / 1609.344, 2)}mi"
        if d.unit == "yd":
            return f"{format_number(d.metres / 0.9144, 1)}yd"
        return format_distance(d.metres)
    if isinstance(d, ir.HeartRateDuration):
        return f"until HR{'>' if d.above else '<'}{d.bpm}"
    if isinstance(d, ir.SameDuration):
        return "same"
    return "lap"


def cadence(c: ir.Cadence) -> str:
    """`cadence 90rpm`, `cadence 170-180spm`."""
    return f"cadence {c.low:g}{'' if c.low == c.high else f'-{c.high:g}'}{c.unit}"


def band(b: ir.Band, units: str = "km") -> str:
    """A resolved target for people: `4:12-4:22/km`, `145-155bpm`, `243-257W`, `RPE7`,
    `<140bpm`, `>150bpm`."""
    if b.limit is not None:
        unit = "bpm" if b.channel is ir.Channel.HEART_RATE else "W"
        return f"<{b.high:.0f}{unit}" if b.limit == "below" else f">{b.low:.0f}{unit}"
    if b.channel is ir.Channel.SPEED:
        # The slow end of a pace range is the larger number; write it second: 4:12-4:22/km.
        fast, slow = format_pace(b.high, units), format_pace(b.low, units)
        if fast == slow:
            return fast
        return f"{fast.split('/')[0]}-{slow}"
    if b.channel is ir.Channel.HEART_RATE:
        return _range(b.low, b.high, "bpm")
    if b.channel is ir.Channel.POWER:
        return _range(b.low, b.high, "W")
    return f"RPE{format_number(b.nominal, 1)}" if b.nominal < 10 else "max"


def _range(low: float, high: float, unit: str) -> str:
    low_text, high_text = f"{low:.0f}", f"{high:.0f}"
    return f"{low_text}{unit}" if low_text == high_text else f"{low_text}-{high_text}{unit}"


def speed(b_speed: float, units: str = "km") -> str:
    """A speed with its pace: `4:17/km 14.0kph`."""
    if units == "mi":
        return f"{format_pace(b_speed, 'mi')} {b_speed * MPH_PER_MPS:.1f}mph"
    return f"{format_pace(b_speed, 'km')} {b_speed * KPH_PER_MPS:.1f}kph"


def resolved(target: ir.ResolvedTarget, units: str = "km") -> str:
    if target.ramp_end is not None:
        return f"{band(target.band, units)} .. {band(target.ramp_end, units)}"
    return band(target.band, units)


def step_label(step: ir.Step, units: str = "km") -> str:
    """A short name for a step, as a watch shows it: `3:00 @HM 4:12-4:22/km`."""
    parts = [duration(step.duration)]
    if step.target is not None:
        parts.append(f"@{step.target.text}")
        if isinstance(step.resolved, ir.ResolvedTarget):
            text = resolved(step.resolved, units)
            if text.lower() != step.target.text.lower():
                parts.append(text)
    return " ".join(parts)


def _step_line(step: ir.Step, workout: ir.Workout, units: str) -> str:
    parts = [step.kind.value, duration(step.duration)]
    if step.target is not None:
        parts.append(f"@{step.target.text}")
    incline = workout.incline_of(step)
    if incline is not None:
        parts.append(f"incline {format_number(incline, 4)}%")
    if step.cadence is not None:
        parts.append(cadence(step.cadence))
    if step.note:
        parts.append(f'"{step.note}"')
    if isinstance(step.resolved, ir.ResolvedTarget):
        parts.append(f"= {resolved(step.resolved, units)}")
    elif isinstance(step.resolved, ir.Unresolved):
        parts.append("= (needs profile)")
    return " ".join(parts)


def dump(workout: ir.Workout, units: str = "km") -> str:
    """The whole workout, one line per node with its source position: for reviews and tests."""
    head = f"workout {workout.name!r} sport={workout.sport.value}"
    if workout.treadmill:
        head += " treadmill"
    elif workout.indoor:
        head += " indoor"
    lines = [head]
    for note in workout.notes:
        lines.append(f"  note {note!r}")
    if workout.tags:
        lines.append(f"  tags {', '.join(workout.tags)}")
    if workout.author:
        lines.append(f"  author {workout.author!r}")

    def walk(nodes, depth):
        for node in nodes:
            where = f"{node.span.line}:{node.span.column}"
            pad = "  " * depth
            if isinstance(node, ir.Repeat):
                lines.append(f"  {where:>6} {pad}{node.count}x")
                walk(node.children, depth + 1)
            else:
                lines.append(f"  {where:>6} {pad}{_step_line(node, workout, units)}")

    walk(workout.steps, 0)
    return "\n".join(lines)


def total_text(totals) -> str:
    """A timing.Totals as `32:00, ~6.14km`: ~ marks a figure that assumed an easy speed for
    steps without a target; the distance is left out where it is unknown (a ride)."""
    if totals.seconds is None:
        return "open-ended"
    text = ("~" if totals.seconds_guessed else "") + format_clock(totals.seconds)
    if totals.metres is not None:
        text += ", " + ("~" if totals.metres_guessed else "") + format_distance(totals.metres)
    return text
