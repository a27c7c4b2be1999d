"""Console cards: `-f card`, a treadmill program a person keys in or follows, written as text
(`--card-format txt`, the default), Markdown (`md`) or CSV (`csv`).

The card lists every console segment (see treadmill.py) in running order: its number, the
clock when it starts, how long it runs, the speed in the console's unit at its step, the
incline, the pace that speed means (min/km and min/mi), the step it came from and its note;
then the totals, the repeats (`segments 2-5: repeat x3`) and how to key it in. A console holds
a limited number of segments: when the program has more, the card still shows all of it,
splits it into programs of at most that many segments, and warns. A console segment holds one
speed, so a ramp is listed as steady segments, one per speed step (each noted `ramp up 6.0
to 7.0, part 2 of 11`), exactly as the QZ file runs it, and warns.

CSV carries the segment table only (one header row, one row per segment, times as h:mm:ss so
that spreadsheets read them as durations); the totals are its sums.
"""

from __future__ import annotations

import io

from ..errors import Diagnostic, Severity, at
from ..profile import Profile
from ..units import METRES_PER_KM, METRES_PER_MILE, format_clock, format_pace
from ..text_table import text_table
from . import Options, Result, treadmill
from .treadmill import Program, Segment, build, cues, step_label

SPORTS = treadmill.SPORTS  # runs only: see backends.applies

NUMBER_COLUMNS = 7  # #, start, time, speed, incline, min/km, min/mi: right-aligned in text


def suffix(options: Options) -> str:
    # `.card.txt`, not `.txt`: a workout named "Requirements" must not become requirements.txt.
    return f".card.{options.card_format}"


def compile(workout, profile: Profile, options: Options) -> Result:
    program, problems = build(workout, profile)
    if program is None:
        return Result(None, problems)
    render = {"txt": text, "md": markdown, "csv": comma_separated}[options.card_format]
    data = b"" if options.dry_run else render(program).encode("utf-8")
    return Result(data, problems + warnings(program))


def warnings(program: Program) -> list[Diagnostic]:
    """What a console cannot do, that the card asks the runner to do instead."""
    workout, treadmill = program.workout, program.treadmill
    found = []
    if len(program.segments) > treadmill.max_segments:
        found.append(at(workout.source, workout.span,
                        f"workout {workout.name!r} has {len(program.segments)} treadmill "
                        f"segments, more than the {treadmill.max_segments} a console holds; the "
                        f"card splits it into {len(_programs(program))} programs",
                        hint="set max_segments in [treadmill] if your console holds more",
                        severity=Severity.WARNING))
    for segment in program.segments:
        if segment.ramp_part != 1:
            continue
        step, (start, end) = segment.step, segment.ramp
        found.append(at(workout.source, step.target.span if step.target else step.span,
                        f"a console segment holds one speed: the ramp from "
                        f"{treadmill.speed_text(start)} to {treadmill.speed_text(end)} "
                        f"{treadmill.unit_label} runs as {segment.ramp_parts} steady segments "
                        f"(segments {segment.number}-{segment.number + segment.ramp_parts - 1})",
                        severity=Severity.WARNING))
    return found


# ---- one segment's cells -------------------------------------------------------------------

def _pace(segment: Segment, per: str) -> str:
    return format_pace(segment.speed, per).split("/")[0]


def _note(program: Program, segment: Segment) -> str:
    parts = [*cues(segment.step), segment.why] if segment.first_of_step else []
    if segment.ramp_part:
        start, end = (program.treadmill.speed_text(v) for v in segment.ramp)
        direction = "up" if segment.ramp[1] > segment.ramp[0] else "down"
        parts.append(f"ramp {direction} {start} to {end}, part {segment.ramp_part} of "
                     f"{segment.ramp_parts}")
    return "; ".join(p for p in parts if p)


def _cells(program: Program, segment: Segment, clock=format_clock) -> list[str]:
    return [str(segment.number), clock(segment.start), clock(segment.seconds),
            program.treadmill.speed_text(segment.speed),
            program.treadmill.incline_text(segment.incline),
            _pace(segment, "km"), _pace(segment, "mi"), step_label(segment.step),
            _note(program, segment)]


def _header(program: Program) -> list[str]:
    return ["#", "start", "time", program.treadmill.unit_label, "incline %", "min/km", "min/mi",
            "step", "note"]


# ---- the lines around the table ------------------------------------------------------------

def _programs(program: Program) -> list[tuple[Segment, Segment]]:
    """(first, last) segments of each console program of at most max_segments."""
    size = program.treadmill.max_segments
    segments = program.segments
    return [(segments[i], segments[min(i + size, len(segments)) - 1])
            for i in range(0, len(segments), size)]


def _totals(program: Program) -> str:
    metres = program.metres
    return (f"Total: {format_clock(program.seconds)}, {metres / METRES_PER_KM:.2f} km "
            f"({metres / METRES_PER_MILE:.2f} mi)")


def _repeats(program: Program) -> list[str]:
    return [f"segments {r.first}-{r.last}: repeat x{r.count} (segments {r.first}-{r.through})"
            if r.last > r.first else
            f"segment {r.first}: repeat x{r.count} (segments {r.first}-{r.through})"
            for r in program.repeats]


def _how_to_key_in(program: Program) -> list[str]:
    count, size = len(program.segments), program.treadmill.max_segments
    if count <= size:
        return [f"Fits a console of {size} segments: key in segments 1-{count}."]
    parts = _programs(program)
    return [f"{count} segments, and the console holds {size}: key it in as {len(parts)} "
            f"programs and start each one when the one before ends:"] + [
        f"  program {n}: {_numbers(first, last)}, from {format_clock(first.start)}"
        for n, (first, last) in enumerate(parts, 1)]


def _numbers(first: Segment, last: Segment) -> str:
    if first is last:
        return f"segment {first.number}"
    return f"segments {first.number}-{last.number}"


def _intro(program: Program) -> str:
    treadmill = program.treadmill
    return (f"Treadmill program: speed in {treadmill.unit_label} (step "
            f"{treadmill.speed_step:g}), incline in % (step {treadmill.incline_step:g}).")


# ---- the three formats ---------------------------------------------------------------------

def text(program: Program) -> str:
    workout = program.workout
    table = text_table(_header(program), [_cells(program, s) for s in program.segments],
                       right=frozenset(range(NUMBER_COLUMNS)))
    out = [workout.name, *workout.notes, "", _intro(program), "", *table]
    out += ["", _totals(program)]
    repeats = _repeats(program)
    if repeats:
        out += ["Repeats:"] + [f"  {line}" for line in repeats]
    out += _how_to_key_in(program)
    return "\n".join(out) + "\n"


def markdown(program: Program) -> str:
    workout = program.workout
    escape = lambda cell: (cell.replace("&", "&amp;").replace("<", "&lt;")  # noqa: E731
                           .replace(">", "&gt;").replace("\\", "\\\\").replace("|", "\\|"))
    row = lambda cells: "| " + " | ".join(escape(c) for c in cells) + " |"  # noqa: E731
    out = [f"# {escape(workout.name)}", ""]
    out += [line for note in workout.notes for line in (escape(note), "")]
    out += [_intro(program), "", row(_header(program)),
            "|" + "|".join("--:" if i < NUMBER_COLUMNS else "---" for i in range(9)) + "|"]
    out += [row(_cells(program, s)) for s in program.segments]
    out += ["", f"**{_totals(program)}**", ""]
    out += [f"- {line}" for line in _repeats(program)]
    how = _how_to_key_in(program)
    out += [f"- {how[0]}"] + [f"  - {line.strip()}" for line in how[1:]]
    return "\n".join(out) + "\n"


def comma_separated(program: Program) -> str:
    import csv  # (here: a check, which writes no card, need not import it)

    unit = "kmh" if program.treadmill.speed_unit == "kph" else "mph"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["segment", "start", "time", f"speed_{unit}", "incline_percent",
                     "pace_per_km", "pace_per_mi", "step", "note"])
    for segment in program.segments:
        cells = _cells(program, segment, clock=_hours)
        writer.writerow(cells[:-2] + [_inert(cell) for cell in cells[-2:]])
    return buffer.getvalue()


def _inert(cell: str) -> str:
    """A text cell a spreadsheet will not run as a formula (OWASP's CSV injection advice):
    one that starts with = + - @ (a step `@R`, a note "=HYPERLINK(...)") gets a leading '."""
    return "'" + cell if cell.startswith(("=", "+", "-", "@")) else cell


def _hours(seconds: int) -> str:
    """h:mm:ss, always with hours: what spreadsheets read as a duration."""
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
