"""`wodc show`: a resolved workout as a table a person reads, with totals and a terminal
picture of its intensity over time."""

from __future__ import annotations

from . import describe, ir, timing
from .load import load
from .intensity import Block, band_of, blocks
from .profile import Profile
from .text_table import text_table
from .units import KPH_PER_MPS, MPH_PER_MPS, format_clock, format_distance, format_pace

CHART_WIDTH = 72
CHART_HEIGHT = 8
LEVELS = " ▁▂▃▄▅▆▇█"


def _speed_cells(speed: float | None, guessed: bool) -> list[str]:
    if speed is None:
        return ["", "", "", ""]
    mark = "~" if guessed else ""
    return [mark + format_pace(speed, "km"), mark + format_pace(speed, "mi"),
            f"{mark}{speed * KPH_PER_MPS:.1f}", f"{mark}{speed * MPH_PER_MPS:.1f}"]


def _target_cell(step: ir.Step, units: str) -> str:
    if step.target is None:
        return ""
    text = f"@{step.target.text}"
    if isinstance(step.resolved, ir.ResolvedTarget):
        shown = describe.resolved(step.resolved, units)
        if shown.lower() != step.target.text.lower():
            text += f" = {shown}"
    elif isinstance(step.resolved, ir.Unresolved):
        text += " (needs profile)"
    return text


def _step_row(step: ir.Step, workout: ir.Workout, profile: Profile, fallback: timing.Fallback,
              pad: str) -> list[str]:
    speed, guessed = timing.speed_of(step, fallback)
    seconds, metres = timing.seconds(step, speed), timing.metres(step, speed)
    time_cell = describe.duration(step.duration) if seconds is None else format_clock(seconds)
    if seconds is not None and guessed and not isinstance(step.duration, ir.TimeDuration):
        time_cell = "~" + time_cell
    distance_cell = "" if metres is None else format_distance(metres)
    if metres is not None and guessed and not isinstance(step.duration, ir.DistanceDuration):
        distance_cell = "~" + distance_cell
    incline = workout.incline_of(step)
    note = f'"{step.note}"' if step.note else ""
    target = " ".join(t for t in (_target_cell(step, profile.units), note) if t)
    kind = f"{step.kind.value} (between)" if step.between else step.kind.value
    return [f"{pad}{kind}", time_cell, distance_cell, *_speed_cells(speed, guessed),
            f"{incline:g}%" if incline is not None else "", target]


HEADER = ["step", "time", "distance", "pace/km", "pace/mi", "km/h", "mph", "incline", "target"]
RIGHT_ALIGNED = {1, 2, 5, 6, 7}


def table(workout: ir.Workout, profile: Profile) -> str:
    fallback = timing.fallback_speed(workout, profile)
    rows: list[list[str]] = []

    def add(nodes, depth):
        for node in nodes:
            pad = "  " * depth
            if isinstance(node, ir.Repeat) and node.count == 1:
                add(node.children, depth)  # the last set of a repeat with `between` steps
            elif isinstance(node, ir.Repeat):
                rows.append([f"{pad}{node.count}x"] + [""] * (len(HEADER) - 1))
                add(node.children, depth + 1)
            else:
                rows.append(_step_row(node, workout, profile, fallback, pad))

    add(workout.steps, 0)
    # Columns no step fills (paces on a bike ride, inclines off the treadmill) are left out.
    keep = [i for i in range(len(HEADER)) if i == 0 or any(r[i] for r in rows)]
    right = frozenset(n for n, i in enumerate(keep) if i in RIGHT_ALIGNED)
    return "\n".join(text_table([HEADER[i] for i in keep], [[r[i] for i in keep] for r in rows],
                                 right=right, rule=False))


def totals(workout: ir.Workout, profile: Profile) -> str:
    text = "total: " + describe.total_text(
        timing.totals(workout, timing.fallback_speed(workout, profile)))
    figure = load(workout, profile)
    if figure is not None:  # training load: see wodc/load.py for the formula
        text += f"\nload: {figure.score:.0f} {figure.kind} (IF {figure.intensity_factor:.2f})"
    return text


def chart(block_list: list[Block]) -> list[str]:
    """Rows of block characters, top row first: each column a slice of time, its height the
    intensity (full height = 1.25 x threshold). Colours by band where the terminal has them."""
    import click

    total = sum(b.seconds for b in block_list)
    if not block_list or total <= 0:
        return []
    columns = []
    for column in range(CHART_WIDTH):
        t = (column + 0.5) * total / CHART_WIDTH
        block = next(b for b in block_list if t < b.start + b.seconds or b is block_list[-1])
        fraction = min(max((t - block.start) / block.seconds, 0.0), 1.0)
        level = block.start_level + (block.end_level - block.start_level) * fraction
        columns.append(level)
    cells = CHART_HEIGHT * (len(LEVELS) - 1)
    rows = []
    for row in range(CHART_HEIGHT - 1, -1, -1):
        line = []
        for level in columns:
            filled = round(min(level / 1.25, 1.0) * cells) - row * (len(LEVELS) - 1)
            char = LEVELS[max(0, min(filled, len(LEVELS) - 1))]
            line.append(click.style(char, fg=_terminal_colour(level)) if char != " " else char)
        rows.append("".join(line).rstrip())
    rows.append("0" + format_clock(total).rjust(CHART_WIDTH - 1))
    return rows


def _terminal_colour(level: float) -> str:
    name = band_of(level)[0]
    return {"recovery": "white", "endurance": "blue", "tempo": "green", "threshold": "yellow",
            "vo2max": "bright_red", "anaerobic": "red"}[name]


def render(workout: ir.Workout, profile: Profile) -> str:
    parts = [summary(workout, profile), ""]
    parts += chart(blocks(workout, profile, timing.fallback_speed(workout, profile)))
    return "\n".join(parts)


def summary(workout: ir.Workout, profile: Profile) -> str:
    """The workout's name, notes, table of steps and totals: `render` without the picture
    (a calendar event's description)."""
    head = f"{workout.name} ({workout.sport.value}"
    head += ", treadmill)" if workout.treadmill else ", indoor)" if workout.indoor else ")"
    return "\n".join([head, *workout.notes, "", table(workout, profile), "",
                      totals(workout, profile)])
