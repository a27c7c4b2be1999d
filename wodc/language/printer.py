"""IR to canonical wod text: the one style `wodc fmt` writes and `wodc import` prints.

The style (docs/language.md, "Canonical style"):
- headers in the order workout, sport, author, tags, incline, notes; then the steps, one a line;
- a step as `[kind] [duration] [@target] [incline N%] [cadence N] [between] ["note"]`, the
  kind left out for a plain run (`20min @E`), an open step written `lap` only when it has no
  kind to stand on (`rest`, `warmup @E`);
- times as `45s`, `3min`, `1min30s`, `1h20min`; distances in the unit they were written in;
- paces as `4:30/km`, ranges with the unit on the right (`4:20-4:30/km`, `90-100%FTP`), ramps
  `@E..T`, `@50%..75%FTP`, a rep's time on its own distance as `800m @3:10`;
- a repeat on one line when it fits in 88 columns and holds no comment, else one child a line,
  indented two spaces, the `)` on its own line.

`parse(print(w))` means what `w` means (wodc.language.meaning.same_meaning); numbers are
written with enough decimals (up to 9, what the parser reads) to come back the same.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import field

from .. import describe, ir
from ..frozen import frozen, mutable
from ..units import KPH_PER_MPS, METRES_PER_MILE, METRES_PER_YARD, MPH_PER_MPS, format_number

LINE_WIDTH = 88
INDENT = "  "
KIND_WORDS = {
    ir.StepKind.WARMUP: "warmup", ir.StepKind.COOLDOWN: "cooldown",
    ir.StepKind.RECOVERY: "rec", ir.StepKind.REST: "rest", ir.StepKind.ACTIVE: "",
    ir.StepKind.INTERVAL: "interval", ir.StepKind.WALK: "walk",
}
COACH_WORDS = {"jog": "jog", "stride": "strides"}  # Step.word -> what is printed
UNIT_METRES = {"m": 1.0, "km": 1000.0, "mi": METRES_PER_MILE, "yd": METRES_PER_YARD}


def number(value: float, places: int = 9) -> str:
    """1.5, 400, 0.25: with up to 9 decimals by default, what the parser reads back."""
    return format_number(value, places)


def clock(seconds: float) -> str:
    """`4:30`, `4:22.5`, `1:05:00`: a pace's or a rep's time."""
    total = round(seconds, 9)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    whole, fraction = divmod(round(secs, 9), 1)
    tail = number(fraction)[1:] if fraction else ""  # ".5"
    if hours:
        return f"{int(hours)}:{int(minutes):02d}:{int(whole):02d}{tail}"
    return f"{int(minutes)}:{int(whole):02d}{tail}"


def time(seconds: float) -> str:
    """`45s`, `90s`, `3min`, `4min30s`, `90min`, `2h`, `2h15min`: seconds below two minutes
    (but whole minutes), minutes below two hours, then hours, as coaches write them."""
    seconds = round(seconds, 9)
    if seconds < 120 and seconds % 60:
        return f"{number(seconds)}s"
    hours, rest = divmod(seconds, 3600) if seconds >= 7200 else (0, seconds)
    minutes, secs = divmod(rest, 60)
    secs = round(secs, 9)
    parts = [f"{int(hours)}h"] if hours else []
    if minutes:
        parts.append(f"{int(minutes)}min")
    if secs:
        parts.append(f"{number(secs)}s")
    return "".join(parts)


def distance(d: ir.DistanceDuration) -> str:
    unit = d.unit if d.unit in UNIT_METRES else "m"
    return f"{number(d.metres / UNIT_METRES[unit])}{unit}"


def duration(d: ir.Duration) -> str:
    if isinstance(d, ir.TimeDuration):
        return time(d.seconds)
    if isinstance(d, ir.DistanceDuration):
        return distance(d)
    if isinstance(d, ir.HeartRateDuration):
        return f"until HR{'>' if d.above else '<'}{d.bpm}"
    if isinstance(d, ir.SameDuration):
        return "same"
    return "lap"


def quoted(text: str) -> str:
    """A note in quotes, `"` and `\\` escaped (a note is one line)."""
    one_line = " ".join(text.splitlines())
    return '"' + one_line.replace("\\", "\\\\").replace('"', '\\"') + '"'


# ---- targets ----------------------------------------------------------------------------------

def _per_metres(per: str) -> float | None:
    """Metres of a pace's `per` ("km", "mi", "400m", "0.25mi"), None if unreadable."""
    if per in ("km", "mi"):
        return UNIT_METRES[per]
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(m|km|k|mi|yd)", per.lower())
    if not match:
        return None
    return float(match.group(1)) * {"k": 1000.0, **UNIT_METRES}[match.group(2)]


def _value(value: ir.Value, sport: ir.Sport, rep: str | None) -> tuple[str, str]:
    """A value as (number part, unit part): ("4:30", "/km"), ("150", "bpm"), ("HM", "")."""
    if isinstance(value, ir.PaceName):
        if value.speed_percent is not None:
            return number(value.speed_percent), f"%{value.name}"
        if value.offset_seconds:
            sign = "+" if value.offset_seconds > 0 else "-"
            per = {None: "", 1000.0: "/km", METRES_PER_MILE: "/mi"}.get(value.offset_metres, "")
            return "", f"{value.name}{sign}{number(abs(value.offset_seconds))}s{per}"
        return "", value.name
    if isinstance(value, ir.Pace):
        metres = _per_metres(value.per)
        if rep is not None and value.per == rep and metres is not None:
            return clock(metres / value.speed), ""  # 800m @3:10
        if value.per in ("km", "mi") or metres is None:
            per = value.per if value.per in ("km", "mi") else "km"
            return clock(UNIT_METRES[per] / value.speed), f"/{per}"
        return clock(metres / value.speed), f"/{value.per}"
    if isinstance(value, ir.Speed):
        if value.unit == "mph":
            return number(value.speed * MPH_PER_MPS), "mph"
        return number(value.speed * KPH_PER_MPS), "kph"
    if isinstance(value, ir.HeartRate):
        return number(value.bpm), "bpm"
    if isinstance(value, ir.HeartRateZone):
        return "", f"Z{value.zone}" if sport is ir.Sport.RUN else f"Z{value.zone}HR"
    if isinstance(value, ir.HeartRatePercent):
        return number(value.percent), {"max": "%HRmax", "lthr": "%LTHR",
                                       "reserve": "%HRR"}[value.of]
    if isinstance(value, ir.Power):
        return number(value.watts), "W"
    if isinstance(value, ir.PowerPercent):
        return number(value.percent), "%FTP"
    if isinstance(value, ir.PowerZone):
        return "", f"PZ{value.zone}"
    if isinstance(value, ir.Effort):
        return "RPE", number(value.rpe)
    if isinstance(value, ir.MaxEffort):
        return "", "max"
    if isinstance(value, ir.WalkSpeed):
        return "", "walk"
    if isinstance(value, ir.Zone):  # parse.py decides it by sport; here as written
        return "", f"Z{value.zone}"
    raise TypeError(f"no text for {value!r}")


def _pair(start: ir.Value, end: ir.Value, joiner: str, sport: ir.Sport,
          rep: str | None) -> str:
    """`4:20-4:30/km`, `90-100%FTP`, `RPE6-7`, `E..T`: the unit written once, on the right,
    where both ends share it (the parser gives a bare left end the right end's unit)."""
    (a, a_unit), (b, b_unit) = (_value(v, sport, rep) for v in (start, end))
    if a == "RPE" and b == "RPE":
        return f"RPE{a_unit}{joiner}{b_unit}"
    if a and b and a_unit == b_unit:
        if joiner == ".." and a_unit.startswith("%"):
            a += "%"  # a ramp of percentages as the docs write it: 50%..75%FTP
        return f"{a}{joiner}{b}{b_unit}"
    return f"{a}{a_unit}{joiner}{b}{b_unit}"


def _joined(value: ir.Value, sport: ir.Sport, rep: str | None) -> str:
    left, unit = _value(value, sport, rep)
    return left + unit


def target(t: ir.Target, sport: ir.Sport, rep: str | None = None) -> str:
    """The target with its `@`. `rep`: the step's distance as a rep's time is per it
    (`800m @3:10` is a pace per "800m"), for writing that pace as the rep's time."""
    if t.limit is not None:
        return f"@{'<' if t.limit == 'below' else '>'}{_joined(t.start, sport, None)}"
    if t.end is None:
        return "@" + _joined(t.start, sport, rep)
    return "@" + _pair(t.start, t.end, ".." if t.ramp else "-", sport, rep)


# ---- steps and repeats ------------------------------------------------------------------------

def step(s: ir.Step, sport: ir.Sport, between: bool = True) -> str:
    kind = COACH_WORDS.get(s.word or "", KIND_WORDS[s.kind])
    parts = [kind] if kind else []
    if not isinstance(s.duration, ir.OpenDuration) or not kind:
        parts.append(duration(s.duration))
    implied_r = (s.word == "stride" and s.target is not None and s.target.end is None
                 and s.target.start == ir.PaceName("R"))
    if s.target is not None and not implied_r:
        rep = (describe.duration(s.duration) if isinstance(s.duration, ir.DistanceDuration)
               else None)
        parts.append(target(s.target, sport, rep))
    if s.incline is not None:
        parts.append(f"incline {number(s.incline.percent)}%")
    if s.cadence is not None:
        c = s.cadence
        width = "" if c.low == c.high else f"-{number(c.high)}"
        parts.append(f"cadence {number(c.low)}{width}{c.unit}")
    if s.between and between:
        parts.append("between")
    if s.note is not None:
        parts.append(quoted(s.note))
    return " ".join(parts)


def _between_repeat(r: ir.Repeat) -> ir.Repeat | None:
    """The repeat as written when `r` is how the parser writes out `Nx(..., x between)`:
    1x((N-1)x(all), the last round without its between steps). Else None."""
    if r.count != 1 or not r.children or not isinstance(r.children[0], ir.Repeat):
        return None
    inner = r.children[0]
    kept = tuple(n for n in inner.children if not (isinstance(n, ir.Step) and n.between))
    if len(kept) == len(inner.children) or kept != r.children[1:]:
        return None
    return ir.Repeat(inner.count + 1, inner.children, r.span)


STEPPED_UNITS = {ir.Power: "W", ir.PowerPercent: "%"}


def _stepped(r: ir.Repeat, sport: ir.Sport) -> str | None:
    """`steps @100..400W by 20W every 1min` when `r` is one round of equal-length steps at
    evenly spaced powers or speeds, as the parser writes that line out. Else None."""
    steps = r.children
    if r.count != 1 or len(steps) < 2 or not all(isinstance(s, ir.Step) for s in steps):
        return None
    first = steps[0]
    if not isinstance(first.duration, ir.TimeDuration):
        return None
    values = []
    for s in steps:
        if (s.kind is not ir.StepKind.ACTIVE or s.duration != first.duration or s.word
                or s.target is None or s.target.end is not None or s.target.limit
                or s.incline or s.cadence or s.note or s.between):
            return None
        values.append(s.target.start)
    kind = type(values[0])
    if not all(type(v) is kind for v in values):
        return None
    if kind is ir.Power:
        numbers, unit = [v.watts for v in values], "W"
    elif kind is ir.PowerPercent:
        numbers, unit = [v.percent for v in values], "%"
    elif kind is ir.Speed and len({v.unit for v in values}) == 1:
        per = MPH_PER_MPS if values[0].unit == "mph" else KPH_PER_MPS
        numbers, unit = [v.speed * per for v in values], values[0].unit
    else:
        return None
    step_size = round(abs(numbers[1] - numbers[0]), 6)
    sign = 1 if numbers[1] >= numbers[0] else -1
    expected = [round(numbers[0] + sign * step_size * k, 6) for k in range(len(numbers))]
    if step_size <= 0 or any(not math.isclose(a, b, abs_tol=1e-6)
                             for a, b in zip(expected, numbers)):
        return None
    ramp = _pair(values[0], values[-1], "..", sport, None)
    return f"steps @{ramp} by {number(step_size, 6)}{unit} every {time(first.duration.seconds)}"


@mutable
class Comments:
    """A file's comments and blank lines by source line, for fmt to put back: `own` comments
    stand on a line of their own, `trailing` ones end a line of code."""

    own: dict[int, str] = field(default_factory=dict)
    trailing: dict[int, str] = field(default_factory=dict)
    blank: set[int] = field(default_factory=set)
    _sorted: tuple | None = field(default=None, repr=False, compare=False)

    def inside(self, first: int, last: int) -> bool:
        """Whether a comment stands on lines first..last-1 or on its own up to `last`."""
        if self._sorted is None:  # bisection keeps a file of many repeats and comments linear
            self._sorted = (sorted(self.own), sorted(self.trailing))
        own, trailing = self._sorted
        return (bisect.bisect_right(own, last) > bisect.bisect_left(own, first)
                or bisect.bisect_left(trailing, last) > bisect.bisect_left(trailing, first))


class _Writer:
    """Lines of output, each with the source line whose trailing comment may follow it."""

    def __init__(self, comments: Comments | None, done: int = 0):
        self.comments = comments or Comments()
        self.lines: list[tuple[str, int | None]] = []
        self._done = done  # source lines up to here have had their comments and blanks written

    def emit(self, text: str, source_line: int | None) -> None:
        self.lines.append((text, source_line))

    def before(self, line: int, indent: str, closing: bool = False) -> None:
        """The comments and blank lines of the source above `line` not yet written; a run of
        blank lines is one, and none opens a block or (`closing`) ends one."""
        blank_pending = False
        for number in range(self._done + 1, line):
            if number in self.comments.own:
                if blank_pending:
                    self._blank()
                blank_pending = False
                self.emit(indent + self.comments.own[number], number)
            elif number in self.comments.blank:
                blank_pending = True
        if blank_pending and not closing:
            self._blank()
        self._done = max(self._done, line - 1)

    def _blank(self) -> None:
        if self.lines and self.lines[-1][0].strip() and not self.lines[-1][0].endswith("("):
            self.emit("", None)

    def passed(self, line: int) -> None:
        self._done = max(self._done, line)

    def text(self, first: int, last: int) -> str:
        """The lines, with the trailing comments of source lines first..last: each after the
        last line printed from its source line, or if none was, after the last printed from
        above it (a comment is never dropped)."""
        lines = [text for text, _ in self.lines]
        sources = [source for _, source in self.lines]
        last_from = {source: i for i, source in enumerate(sources) if source is not None}
        leading = []
        for line, comment in sorted(self.comments.trailing.items()):
            if not first <= line <= last:
                continue
            at = last_from.get(line)
            if at is None:  # rare: scan for the last line printed from above it
                at = max((i for i, s in enumerate(sources) if s is not None and s < line),
                         default=None)
            if at is None:
                leading.append(comment)
            else:
                lines[at] = f"{lines[at]}  {comment}" if lines[at].strip() else comment
        return "\n".join(text.rstrip() for text in leading + lines) + "\n"


def _flat(node: ir.Node, sport: ir.Sport) -> str:
    """A node on one line."""
    if isinstance(node, ir.Step):
        return step(node, sport)
    written = _between_repeat(node)
    if written is not None:
        node = written
    stepped = _stepped(node, sport)
    if stepped is not None:
        return stepped
    if len(node.children) == 1 and isinstance(node.children[0], ir.Step):
        return f"{node.count}x {step(node.children[0], sport)}"
    return f"{node.count}x(" + ", ".join(_flat(c, sport) for c in node.children) + ")"


def _node(out: _Writer, node: ir.Node, sport: ir.Sport, depth: int) -> None:
    indent = INDENT * depth
    out.before(node.span.line, indent)
    flat = _flat(node, sport)
    multi = (isinstance(node, ir.Repeat) and _stepped(node, sport) is None
             and (len(indent) + len(flat) > LINE_WIDTH
                  or out.comments.inside(node.span.line, node.span.end_line)))
    if not multi:
        out.emit(indent + flat, node.span.end_line)
        out.passed(node.span.end_line)
        return
    written = _between_repeat(node) or node
    out.emit(f"{indent}{written.count}x(", node.span.line)
    out.passed(node.span.line)
    for child in written.children:
        _node(out, child, sport, depth + 1)
    out.before(node.span.end_line, indent + INDENT, closing=True)
    out.emit(f"{indent})", node.span.end_line)
    out.passed(node.span.end_line)


SPORT_WORDS = {(ir.Sport.RUN, False, False): "run", (ir.Sport.RUN, True, True): "treadmill",
               (ir.Sport.BIKE, False, False): "bike", (ir.Sport.BIKE, False, True): "trainer"}


def sport_word(workout: ir.Workout) -> str:
    return SPORT_WORDS.get((workout.sport, workout.treadmill, workout.indoor),
                           "bike" if workout.sport is ir.Sport.BIKE else "run")


@frozen
class HeaderLines:
    """Where each header stood in the source (for their comments); None where it did not."""

    workout: int | None = None
    sport: int | None = None
    author: int | None = None
    tags: int | None = None
    incline: int | None = None
    notes: tuple[int, ...] = ()


def workout_text(workout: ir.Workout, comments: Comments | None = None,
                 headers: HeaderLines | None = None, named: bool = True,
                 region: tuple[int, int] = (1, 0)) -> str:
    """One workout in the canonical style. `named`: write its `workout "NAME"` line (a file
    without one is named after the file, and stays so). `region`: the source lines (first,
    last) whose comments and blank lines go with this workout."""
    first, last = region
    out = _Writer(comments, done=first - 1)
    where = headers or HeaderLines()
    header_lines = [line for line in (where.workout, where.sport, where.author, where.tags,
                                      where.incline, *where.notes) if line is not None]
    if header_lines:
        out.before(min(header_lines), "")
    above = {}  # header line -> the comments standing between it and the header above it
    for previous, line in zip(sorted(header_lines), sorted(header_lines)[1:]):
        above[line] = [out.comments.own[n] for n in range(previous + 1, line)
                       if n in out.comments.own]

    def header(text: str, line: int | None) -> None:
        for comment in above.get(line, ()):
            out.emit(comment, None)
        out.emit(text, line)

    if named:
        header(f"workout {quoted(workout.name)}", where.workout)
    header(f"sport {sport_word(workout)}", where.sport)
    if workout.author is not None:
        header(f"author {quoted(workout.author)}", where.author)
    if workout.tags:
        header("tags " + ", ".join(workout.tags), where.tags)
    if workout.incline is not None:
        header(f"incline {number(workout.incline.percent)}%", where.incline)
    for index, note in enumerate(workout.notes):
        header(f"note {quoted(note)}", where.notes[index] if index < len(where.notes) else None)
    if header_lines:
        out.passed(max(header_lines))
    out.emit("", None)  # headers, a blank line, the steps
    for node in workout.steps:
        _node(out, node, workout.sport, 0)
    out.before(last + 1, "", closing=True)
    return re.sub(r"\n{3,}", "\n\n", out.text(first, last))
