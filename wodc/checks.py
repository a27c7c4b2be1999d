"""Semantic checks: plain functions from a workout to a list of problems.

Every check runs on every workout, so a run reports all problems at once. Checks see the
workout as written (before resolve); `check_names` looks across all workouts of a run.
"""

from __future__ import annotations

from typing import Callable, Iterable

from . import ir
from .errors import Diagnostic, Severity, Source, Span, at
from .limits import MAX_FLAT_STEPS, MAX_REPEAT_COUNT, MAX_STEP_METRES, MAX_STEP_SECONDS

MAX_CADENCE = 250  # rpm or spm: above any person's (elite sprinters run ~220 spm)
from .naming import slug

Check = Callable[[ir.Workout], list[Diagnostic]]


def _steps(workout: ir.Workout) -> Iterable[ir.Step]:
    return (n for n in ir.walk(workout.steps) if isinstance(n, ir.Step))


def check_repeats(workout: ir.Workout) -> list[Diagnostic]:
    problems = []
    for node in ir.walk(workout.steps):
        if not isinstance(node, ir.Repeat):
            continue
        if node.count < 1:
            problems.append(at(workout.source, node.span, "a repeat count must be at least 1"))
        elif node.count > MAX_REPEAT_COUNT:
            problems.append(at(workout.source, node.span,
                               f"{node.count} repeats is more than the limit of "
                               f"{MAX_REPEAT_COUNT:,}"))
        if not node.children:
            problems.append(at(workout.source, node.span, "this repeat has no steps in it",
                               hint="write 3x(400m @R, rec 200m)"))
    return problems


def check_size(workout: ir.Workout) -> list[Diagnostic]:
    """Bounded work for every later stage: the expanded workout must stay small."""
    if any(isinstance(n, ir.Repeat) and n.count > MAX_REPEAT_COUNT for n in ir.walk(workout.steps)):
        return []  # already reported by check_repeats, and the count could be astronomic
    count = ir.flat_count(workout.steps)
    if count > MAX_FLAT_STEPS:
        return [at(workout.source, workout.span,
                   f"workout {workout.name!r} expands to {count:,} steps, more than the limit of "
                   f"{MAX_FLAT_STEPS:,} steps")]
    return []


def check_same(workout: ir.Workout) -> list[Diagnostic]:
    """`rec same` lasts as long as the step just before it, in the same repeat."""
    problems = []

    def walk(nodes):
        for index, node in enumerate(nodes):
            if isinstance(node, ir.Repeat):
                walk(node.children)
            elif isinstance(node.duration, ir.SameDuration) and (
                    index == 0 or not isinstance(nodes[index - 1], ir.Step)):
                problems.append(at(workout.source, node.duration_span or node.span,
                                   "`same` lasts as long as the step just before it, and this "
                                   "step has none", hint="write 4x(800m @3:10, rec same)"))
    walk(workout.steps)
    return problems


def check_durations(workout: ir.Workout) -> list[Diagnostic]:
    problems = []
    for step in _steps(workout):
        span = step.duration_span or step.span
        d = step.duration
        if isinstance(d, ir.TimeDuration) and not 0 < d.seconds <= MAX_STEP_SECONDS:
            problems.append(at(workout.source, span, "a step must last more than 0 seconds and "
                                                     "at most 24 hours"))
        elif isinstance(d, ir.DistanceDuration) and not 0 < d.metres <= MAX_STEP_METRES:
            problems.append(at(workout.source, span, "a step must be longer than 0 m and at most "
                                                     "1000 km"))
        elif isinstance(d, ir.HeartRateDuration) and not 30 <= d.bpm <= 250:
            problems.append(at(workout.source, span, f"{d.bpm} bpm is not a heart rate a person "
                                                     "has; use 30-250"))
    return problems


def check_target_kinds(workout: ir.Workout) -> list[Diagnostic]:
    """Both ends of a range or ramp measure the same thing; ramps need a known length."""
    problems = []
    for step in _steps(workout):
        t = step.target
        if t is None or t.end is None:
            continue
        if t.start.channel is not t.end.channel:
            what = "ramp" if t.ramp else "range"
            problems.append(at(workout.source, t.span,
                               f"the two ends of this {what} are different kinds of target "
                               f"({t.start.channel.value} and {t.end.channel.value})"))
        if t.ramp and isinstance(step.duration, (ir.OpenDuration, ir.HeartRateDuration)):
            problems.append(at(workout.source, t.span, "a ramp needs a step with a time or "
                                                       "distance to ramp across"))
    return problems


def _ordered_value(value: ir.Value) -> float | None:
    """The number as written, for checking that a range is written low to high."""
    if isinstance(value, ir.Pace):
        return 1 / value.speed  # pace: the smaller number (faster) first
    for attribute in ("speed", "bpm", "watts", "percent", "rpe", "zone"):
        if hasattr(value, attribute):
            return getattr(value, attribute)
    return None


def check_ranges_ordered(workout: ir.Workout) -> list[Diagnostic]:
    problems = []
    for step in _steps(workout):
        t = step.target
        if t is None or not t.is_range or t.start.channel is not t.end.channel:
            continue
        low, high = _ordered_value(t.start), _ordered_value(t.end)
        if low is None or high is None or type(t.start) is not type(t.end):
            continue
        if low > high:
            problems.append(at(workout.source, t.span,
                               f"the range @{t.text} runs from high to low",
                               hint="write the smaller number first"))
        elif low == high:
            problems.append(at(workout.source, t.span, f"both ends of @{t.text} are the same",
                               hint="write a single value", severity=Severity.WARNING))
    return problems


# What a percentage of each heart rate may be, and what it is called in messages.
HR_PERCENT_RANGE = {"max": (30, 100), "lthr": (30, 120), "reserve": (10, 100)}
HR_PERCENT_OF = {"max": "max HR", "lthr": "LTHR", "reserve": "heart-rate reserve"}


HUMAN_SPEEDS = (0.5, 12.5)  # m/s: a pace of about 33:00/km to 1:20/km


def check_values(workout: ir.Workout) -> list[Diagnostic]:
    """Numbers no athlete means: 400 bpm, 120% of max heart rate, 0 W."""
    problems = []
    for step in _steps(workout):
        if step.target is None:
            continue
        for value in step.target.values:
            message = None
            if isinstance(value, ir.HeartRate) and not 30 <= value.bpm <= 250:
                message = f"{value.bpm:g} bpm is not a heart rate a person has; use 30-250"
            elif isinstance(value, ir.HeartRatePercent) and not (
                    HR_PERCENT_RANGE[value.of][0] <= value.percent
                    <= HR_PERCENT_RANGE[value.of][1]):
                low, high = HR_PERCENT_RANGE[value.of]
                message = f"{value.percent:g}% of {HR_PERCENT_OF[value.of]} is out of range; " \
                          f"use {low}-{high}%"
            elif isinstance(value, ir.Power) and not 0 < value.watts <= 3000:
                message = f"{value.watts:g} W is out of range; use 1-3000 W"
            elif isinstance(value, ir.PowerPercent) and not 0 < value.percent <= 300:
                message = f"{value.percent:g}% of FTP is out of range; use 1-300%"
            elif isinstance(value, ir.PaceName) and value.speed_percent is not None and not (
                    50 <= value.speed_percent <= 150):
                message = f"{value.speed_percent:g}% of {value.name} pace is out of range; use 50-150%"
            elif isinstance(value, (ir.Pace, ir.Speed)) and not (
                    HUMAN_SPEEDS[0] <= value.speed <= HUMAN_SPEEDS[1]):
                message = "this pace or speed is out of human range (about 33:00/km to 1:20/km)"
            if message:
                problems.append(at(workout.source, step.target.span, message))
    return problems


def check_cadence(workout: ir.Workout) -> list[Diagnostic]:
    """A cadence a person can have (1-250 rpm or spm), and a range written low to high."""
    problems = []
    for step in _steps(workout):
        cadence = step.cadence
        if cadence is None:
            continue
        if not (1 <= cadence.low <= MAX_CADENCE and 1 <= cadence.high <= MAX_CADENCE):
            problems.append(at(workout.source, cadence.span,
                               f"a cadence of {cadence.low:g}-{cadence.high:g}{cadence.unit} is "
                               f"out of range; use 1-{MAX_CADENCE}{cadence.unit}"
                               if cadence.low != cadence.high else
                               f"a cadence of {cadence.low:g}{cadence.unit} is out of range; "
                               f"use 1-{MAX_CADENCE}{cadence.unit}"))
        elif cadence.low > cadence.high:
            problems.append(at(workout.source, cadence.span,
                               f"the cadence range {cadence.low:g}-{cadence.high:g} runs from "
                               f"high to low", hint="write the smaller number first"))
    return problems


def check_sport(workout: ir.Workout) -> list[Diagnostic]:
    """What does not fit the sport: an incline or a race pace on a bike, rpm on a run."""
    problems = []
    bike = workout.sport is ir.Sport.BIKE
    if bike and workout.incline is not None:
        problems.append(at(workout.source, workout.incline.span,
                           "incline is for treadmills; a bike workout cannot set it"))
    for step in _steps(workout):
        if bike and step.incline is not None:
            problems.append(at(workout.source, step.incline.span,
                               "incline is for treadmills; a bike workout cannot set it"))
        if bike and step.target is not None and any(
                isinstance(v, ir.PaceName) for v in step.target.values):
            problems.append(at(workout.source, step.target.span,
                               f"@{step.target.text} is a running pace, and this is a bike "
                               "workout", hint="use power (@95%FTP, @250W) or heart rate"))
        if step.cadence is not None and (step.cadence.unit == "rpm") != bike:
            expected = "rpm" if bike else "spm"
            problems.append(at(workout.source, step.cadence.span,
                               f"a {workout.sport.value} cadence is in {expected}",
                               hint=f"write cadence {step.cadence.low:g}{expected}",
                               severity=Severity.WARNING))
        if step.incline is not None and not -10 <= step.incline.percent <= 40:
            problems.append(at(workout.source, step.incline.span,
                               f"an incline of {step.incline.percent:g}% is out of range; "
                               "use -10% to 40%"))
    return problems


def check_name(workout: ir.Workout) -> list[Diagnostic]:
    """Output files and watch menus show the name: it cannot be blank."""
    if workout.name.strip():
        return []
    return [at(workout.source, workout.span, "a workout needs a name",
               hint='write workout "Tempo Tuesday"')]


CHECKS: tuple[Check, ...] = (check_name, check_repeats, check_size, check_durations, check_same,
                             check_target_kinds,
                             check_ranges_ordered, check_values, check_cadence, check_sport)


def check_workout(workout: ir.Workout) -> list[Diagnostic]:
    return [problem for check in CHECKS for problem in check(workout)]


def check_names(workouts: Iterable[ir.Workout]) -> list[Diagnostic]:
    """Two workouts in one run may not share a name: their output files would collide."""
    seen: dict[str, ir.Workout] = {}
    problems = []
    for workout in workouts:
        key = slug(workout.name)
        if key in seen:
            first = seen[key]
            problems.append(name_clash(workout.source, workout.span, workout.name,
                                       first.source.path, first.span.line))
        else:
            seen[key] = workout
    return problems


def name_clash(source: Source, span: Span | None, name: str, first_path: str,
               first_line: int) -> Diagnostic:
    """The error for a second workout named like one at `first_path`:`first_line`."""
    where = first_path if first_path != source.path else "above"
    return at(source, span, f"a workout named {name!r} already exists ({where}, line "
                            f"{first_line}); their output files would collide",
              hint="give each workout its own name")
