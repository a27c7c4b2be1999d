"""A workout as a treadmill program: the console segments that QZ files and console cards show.

`build(workout, profile)` turns each step into a segment the treadmill can run: a whole number
of seconds, a speed on the console's step (a ramp: both ends on it), an incline on its step.
Repeats are expanded (a console and QZ both run a flat list) and remembered as `RepeatSpan`s so
that a card can say which segments repeat. The program is built once; qz.py and card.py only
render it.

Rules (each approximation is a warning naming the step, each impossibility an error):
- a distance step runs for distance / speed at the console's speed (400 m at 10.0 mph: 1:29);
- a ramp runs as steady segments, one per console speed step between its ends, of equal time
  (a console segment, and a QZ row, holds one speed);
- an open step (`lap`, `until HR<130`) runs the profile's open_duration on a card (QZ waits
  for the lap button or the heart rate, see qz.py);
- speeds round to the console's step; a warning when that moves the pace more than 2 s/km;
- inclines round to the console's step; a warning whenever that changes them;
- a speed or incline outside the treadmill's range is an error naming the limit;
- segment boundaries are the exact running clock rounded to the second, so the segments add
  up to the workout's time to the second however many there are.
"""

from __future__ import annotations

import math

from .. import describe, ir
from ..errors import Diagnostic, Severity, at, has_errors
from ..frozen import frozen
from ..profile import Profile, TreadmillProfile
from ..units import METRES_PER_KM, format_clock, format_pace
from .treadmill_speed import REST_WHY, WALK_WHY, NoSpeed, choose

PACE_SHIFT_REPORTED = 2.0  # s/km: a rounding that moves a pace more than this is reported
_EPSILON = 1e-9


@frozen
class Segment:
    """One console segment: one speed, one incline. `start` and `seconds` are whole seconds;
    `speed` in m/s on the console's step; `incline` in percent on its step. `why` says how the
    speed was chosen when the step's target is not a speed.

    A ramp is several segments, one per console speed step from its start to its end speed:
    part `ramp_part` (1-based) of `ramp_parts`; `ramp` is (start, end) speed. A console (and
    QZ, see qz.py) runs a steady speed per row, so the program says each change itself."""

    number: int  # 1-based, in the order the treadmill runs them
    start: int
    seconds: int
    speed: float
    incline: float
    step: ir.Step
    why: str | None
    ramp_part: int = 0
    ramp_parts: int = 0
    ramp: tuple[float, float] | None = None

    @property
    def first_of_step(self) -> bool:
        """Whether this segment starts its step (where the step's notes belong)."""
        return self.ramp_part <= 1

    @property
    def metres(self) -> float:
        return self.seconds * self.speed


@frozen
class RepeatSpan:
    """A repeat as console segments: one pass is segments `first`..`last`, run `count` times
    (so the repeat ends at segment first + count * (last - first + 1) - 1)."""

    first: int
    last: int
    count: int

    @property
    def through(self) -> int:
        return self.first + self.count * (self.last - self.first + 1) - 1


@frozen
class Program:
    workout: ir.Workout
    treadmill: TreadmillProfile
    segments: tuple[Segment, ...]
    repeats: tuple[RepeatSpan, ...]

    @property
    def seconds(self) -> int:
        return sum(s.seconds for s in self.segments)

    @property
    def metres(self) -> float:
        return sum(s.metres for s in self.segments)


@frozen
class _Plan:
    """What one step becomes, before the clock places it: exact seconds, rounded settings."""

    seconds: float
    speed: float
    end_speed: float | None
    incline: float
    why: str | None


# The sports a treadmill program can be written for; qz and card export it as SPORTS.
SPORTS = frozenset({ir.Sport.RUN})


def build(workout: ir.Workout, profile: Profile) -> tuple[Program | None, list[Diagnostic]]:
    """The treadmill program, or None and the errors that prevent it (with any warnings).

    qz and card both ask for the same workout's program in turn; the last one is kept (by
    identity: the IR is immutable) so that it is built once."""
    last = _last_build
    if last and last[0] is workout and last[1] is profile:
        return last[2], list(last[3])
    program, problems = _build(workout, profile)
    _last_build[:] = [workout, profile, program, tuple(problems)]
    return program, problems


_last_build: list = []


def _build(workout: ir.Workout, profile: Profile) -> tuple[Program | None, list[Diagnostic]]:
    if workout.sport is ir.Sport.BIKE:
        return None, [at(workout.source, workout.span,
                          f"workout {workout.name!r} is a bike workout; treadmill programs "
                          "(qz, card) are for runs",
                          hint="compile it to fit or zwo, or make it `sport run`")]
    problems: list[Diagnostic] = []
    plans: dict[int, _Plan] = {}
    for node in ir.walk(workout.steps):
        if isinstance(node, ir.Step):
            plan = _plan(node, workout, profile, problems)
            if plan is not None:
                plans[id(node)] = plan
    problems = list(dict.fromkeys(problems))  # an `incline` header warns once, not per step
    if has_errors(problems):
        return None, problems
    segments, repeats = _expand(workout.steps, plans, profile.treadmill)
    return Program(workout, profile.treadmill, segments, repeats), problems


def _plan(step: ir.Step, workout: ir.Workout, profile: Profile,
          problems: list[Diagnostic]) -> _Plan | None:
    treadmill = profile.treadmill
    try:
        chosen, found = choose(step, workout, profile)
    except NoSpeed as missing:
        problems.append(missing.diagnostic)
        return None
    problems.extend(found)
    speed = _console_speed(chosen.speed, step, workout, profile, problems)
    end = (_console_speed(chosen.end, step, workout, profile, problems)
           if chosen.end is not None else None)
    incline = _incline(step, workout, treadmill, problems)
    if speed is None or incline is None or (chosen.end is not None and end is None):
        return None
    if end is not None and abs(end - speed) < _EPSILON:
        end = None  # both ends of the ramp round to one setting: a steady segment
    mean = speed if end is None else (speed + end) / 2
    seconds = _seconds(step, workout, mean, treadmill, problems)
    if seconds is None:
        return None
    return _Plan(seconds, speed, end, incline, chosen.why)


def _console_speed(speed: float, step: ir.Step, workout: ir.Workout, profile: Profile,
                   problems: list[Diagnostic]) -> float | None:
    """`speed` on the console's step, or None (and an error) outside the treadmill's range."""
    treadmill = profile.treadmill
    rounded = treadmill.round_speed(speed)
    low, high = treadmill.speed_limits
    unit = treadmill.unit_label
    where = step.target.span if step.target is not None else step.span
    if rounded > high + _EPSILON or rounded < low - _EPSILON:
        faster = rounded > high
        limit = high if faster else low
        problems.append(at(
            workout.source, where,
            f"{step_label(step)} runs at {treadmill.speed_text(rounded)} {unit} "
            f"({format_pace(speed, profile.units)}), "
            f"{'above' if faster else 'below'} this treadmill's "
            f"{'maximum' if faster else 'minimum'} of {treadmill.speed_text(limit)} {unit}",
            hint=f"if your treadmill goes {'faster' if faster else 'slower'}, set "
                 f"{'max' if faster else 'min'}_speed in [treadmill] or --treadmill "
                 f"{'max' if faster else 'min'}_speed=..."))
        return None
    # Compared as shown (to 0.1 s), so that a reported shift never reads "2.0 s/km".
    shift = round(abs(METRES_PER_KM / rounded - METRES_PER_KM / speed), 1)
    if (step.target is not None and step.target.start.channel is ir.Channel.SPEED
            and shift > PACE_SHIFT_REPORTED):
        problems.append(at(
            workout.source, where,
            f"the console's speed step of {treadmill.speed_step:g} {unit} rounds "
            f"@{step.target.text} ({format_pace(speed, profile.units)}) to "
            f"{treadmill.speed_text(rounded)} {unit} "
            f"({format_pace(rounded, profile.units)}), {shift:.1f} s/km "
            f"{'faster' if rounded > speed else 'slower'}", severity=Severity.WARNING))
    return rounded


def _incline(step: ir.Step, workout: ir.Workout, treadmill: TreadmillProfile,
             problems: list[Diagnostic]) -> float | None:
    """The step's incline, else the workout's `incline` line, else the profile's default."""
    given = step.incline or workout.incline
    percent = given.percent if given is not None else treadmill.default_incline
    where = given.span if given is not None else step.span
    rounded = treadmill.round_incline(percent)
    if not treadmill.min_incline - _EPSILON <= rounded <= treadmill.max_incline + _EPSILON:
        steeper = rounded > treadmill.max_incline
        limit = treadmill.max_incline if steeper else treadmill.min_incline
        key = "max_incline" if steeper else "min_incline"
        problems.append(at(workout.source, where,
                           f"an incline of {percent:g}% is {'above' if steeper else 'below'} "
                           f"this treadmill's {'maximum' if steeper else 'minimum'} of "
                           f"{limit:g}%",
                           hint=f"if your treadmill goes there, set {key} in [treadmill] or "
                                f"--treadmill {key}=..."))
        return None
    if abs(rounded - percent) > _EPSILON:
        problems.append(at(workout.source, where,
                           f"the console's incline step of {treadmill.incline_step:g}% sets "
                           f"{percent:g}% to {treadmill.incline_text(percent)}%",
                           severity=Severity.WARNING))
    return rounded


def _seconds(step: ir.Step, workout: ir.Workout, speed: float, treadmill: TreadmillProfile,
             problems: list[Diagnostic]) -> float | None:
    """How long the step runs at `speed` (m/s, the console's)."""
    duration = step.duration
    where = step.duration_span or step.span
    if isinstance(duration, ir.TimeDuration):
        seconds = duration.seconds
    elif isinstance(duration, ir.DistanceDuration):
        seconds = duration.metres / speed
    else:
        heart_rate = isinstance(duration, ir.HeartRateDuration)
        why = ("a console segment cannot end on heart rate" if heart_rate
               else "a console segment needs a length, and this step ends when you press lap")
        waits = "the heart rate" if heart_rate else "the lap button"
        problems.append(at(workout.source, where,
                           f"{why}: the card runs it {format_clock(treadmill.open_duration)} "
                           f"(QZ waits for {waits})",
                           hint="give the step a time or a distance, or set open_duration in "
                                "[treadmill]", severity=Severity.WARNING))
        seconds = treadmill.open_duration
    if seconds < 1:
        problems.append(at(workout.source, where,
                           f"this step lasts {seconds:.2f} s on the treadmill; a console "
                           "segment needs at least a second"))
        return None
    return seconds


def _expand(nodes: tuple[ir.Node, ...], plans: dict[int, _Plan], treadmill: TreadmillProfile):
    """Segments in running order, each placed on the clock, and the repeats' first passes."""
    segments: list[Segment] = []
    repeats: list[RepeatSpan] = []
    seen: set[int] = set()
    clock = 0.0  # exact seconds since the start

    def place(step: ir.Step) -> None:
        nonlocal clock
        plan = plans[id(step)]
        start = _whole(clock)
        clock += plan.seconds
        seconds = _whole(clock) - start
        if plan.end_speed is None:
            segments.append(Segment(len(segments) + 1, start, seconds, plan.speed,
                                    plan.incline, step, plan.why))
            return
        speeds = _ramp_speeds(plan.speed, plan.end_speed, seconds, treadmill)
        bounds = [start + _whole(seconds * i / len(speeds)) for i in range(len(speeds) + 1)]
        for part, speed in enumerate(speeds, 1):
            segments.append(Segment(len(segments) + 1, bounds[part - 1],
                                    bounds[part] - bounds[part - 1], speed, plan.incline, step,
                                    plan.why, part, len(speeds), (plan.speed, plan.end_speed)))

    def walk(children: tuple[ir.Node, ...]) -> None:
        for node in children:
            if isinstance(node, ir.Step):
                place(node)
                continue
            first = len(segments) + 1
            for count in range(node.count):
                walk(node.children)
                if count == 0 and id(node) not in seen:
                    seen.add(id(node))
                    repeats.append(RepeatSpan(first, len(segments), node.count))

    walk(nodes)
    ordered = sorted(repeats, key=lambda r: (r.first, -r.last))
    return tuple(segments), tuple(r for r in ordered if r.count > 1)


def _ramp_speeds(start: float, end: float, seconds: int,
                 treadmill: TreadmillProfile) -> list[float]:
    """The steady speeds a ramp runs, one per console speed step from `start` to `end` (both
    on the step), each for an equal share of the time; at most one a second. Evenly spaced,
    so their average is the ramp's (start + end) / 2, which timed a distance ramp."""
    step = treadmill.speed_step / treadmill.unit_per_mps
    levels = min(round(abs(end - start) / step) + 1, seconds)
    if levels <= 1:
        return [treadmill.round_speed((start + end) / 2)]
    return [treadmill.round_speed(start + (end - start) * i / (levels - 1))
            for i in range(levels)]


def _whole(seconds: float) -> int:
    """Halves round up, so that every step of at least a second keeps at least a second."""
    return math.floor(seconds + 0.5)


def slow_steps(program: Program) -> str | None:
    """Which steps were given walking or resting speed rather than a jog (for the compile
    summary): `walk 3.1 mph: lines 2, 5; rest 0.5 mph: line 7`."""
    lines: dict[str, dict[int, None]] = {WALK_WHY: {}, REST_WHY: {}}
    speeds = {}
    for segment in program.segments:
        if segment.why in lines:
            lines[segment.why][segment.step.span.line] = None
            speeds[segment.why] = segment.speed
    said = []
    for why, label in ((WALK_WHY, "walk"), (REST_WHY, "rest")):
        if lines[why]:
            numbers = ", ".join(str(n) for n in lines[why])
            said.append(f"{label} {program.treadmill.speed_text(speeds[why])} "
                        f"{program.treadmill.unit_label}: line{'s' if len(lines[why]) > 1 else ''}"
                        f" {numbers}")
    return "; ".join(said) or None


def cues(step: ir.Step) -> list[str]:
    """What the runner is told besides speed and incline: the step's note and its cadence
    (a treadmill cannot set cadence, so it is said, not dropped)."""
    said = [step.note] if step.note else []
    if step.cadence is not None:
        said.append(describe.cadence(step.cadence))
    return said


def step_label(step: ir.Step) -> str:
    """How a card names a step: `warmup @E`, `400m @R`, `rec`, `lap @E`."""
    parts = [] if step.kind is ir.StepKind.ACTIVE else [step.kind.value]
    if not isinstance(step.duration, ir.TimeDuration):
        parts.append(describe.duration(step.duration))
    if step.target is not None:
        parts.append(f"@{step.target.text}")
    return " ".join(parts) or "run"

