"""Zwift workout files (.zwo), for bike and run workouts.

A workout becomes a list of ZWO blocks: SteadyState for a steady target, Warmup/Cooldown/Ramp
for a ramp (PowerLow is where it starts), IntervalsT for a repeat of exactly one on/off pair,
FreeRide for a step without a target ZWO can carry, a steady block for @max (readers drop
MaxEffort: see zwo_levels). Other repeats are
unrolled. What the blocks aim at comes from zwo_levels; this module decides the blocks, their
lengths and their messages; zwo_xml writes them.

ZWO has whole seconds (or whole metres when every step of a run is a distance), no open steps,
no heart-rate targets and no incline: each approximation is a warning naming the step.
"""

from __future__ import annotations

import math
from dataclasses import replace

from .. import describe, ir
from ..errors import Diagnostic, Severity, at, has_errors
from ..profile import Profile
from ..resolve import NEEDS_FITNESS, NeedsProfile
from ..units import format_clock, format_pace, mean_pace_speed
from . import Options, Result
from .zwo_levels import (CannotCarry, Level, level,
                         reference_speeds)
from .zwo_xml import Block, Intervals, to_xml

DEFAULT_AUTHOR = "wodc"
# ZWO has no step that ends when the athlete presses lap; an open step gets this long.
OPEN_STEP_SECONDS = 300

RAMP_TAGS = {ir.StepKind.WARMUP: "Warmup", ir.StepKind.COOLDOWN: "Cooldown"}
# Blocks that take a cadence range as CadenceLow/CadenceHigh (others take one Cadence).
CADENCE_RANGE_TAGS = ("SteadyState", "Warmup", "Cooldown")


def suffix(options: Options) -> str:
    return ".zwo"


def compile(workout: ir.Workout, profile: Profile, options: Options) -> Result:
    writer = _Writer(workout, profile)
    blocks = writer.nodes(workout.steps)
    writer.report_incline()
    if has_errors(writer.problems):
        return Result(None, writer.problems)
    if options.dry_run:
        return Result(b"", writer.problems)
    author = options.author or workout.author or profile.author or DEFAULT_AUTHOR
    return Result(to_xml(workout, author, writer.distance, blocks), writer.problems)


def _whole(value: float) -> int:
    """Round half up (Python's round() rounds half to even)."""
    return math.floor(value + 0.5)


class _Writer:
    """Turns steps into blocks, collecting problems (one per source step, not per repeat)."""

    def __init__(self, workout: ir.Workout, profile: Profile):
        self.workout, self.profile = workout, profile
        self.bike = workout.sport is ir.Sport.BIKE
        steps = [n for n in ir.walk(workout.steps) if isinstance(n, ir.Step)]
        # A run made only of distance steps is written in metres; anything else in seconds.
        self.distance = not self.bike and all(
            isinstance(s.duration, ir.DistanceDuration) for s in steps)
        self.problems: list[Diagnostic] = []

    def warn(self, span, message: str) -> None:
        self.problems.append(at(self.workout.source, span, message, severity=Severity.WARNING))

    def error(self, span, message: str, hint: str | None = None) -> None:
        self.problems.append(at(self.workout.source, span, message, hint=hint))

    # ---- structure ------------------------------------------------------------------------

    def nodes(self, nodes: tuple[ir.Node, ...]) -> list[Block | Intervals]:
        out: list[Block | Intervals] = []
        for node in nodes:
            if isinstance(node, ir.Repeat):
                children = self.nodes(node.children)
                pair = self.intervals(node, children)
                out.extend([pair] if pair is not None else children * node.count)
            else:
                block = self.step(node)
                if block is not None:
                    out.append(block)
        return out

    def step(self, step: ir.Step) -> Block | None:
        cadence = self.cadence(step)
        if isinstance(step.duration, (ir.OpenDuration, ir.HeartRateDuration)):
            return self.open_step(step, cadence)
        try:
            target = level(step, self.workout, self.profile)
        except CannotCarry as reason:
            self.warn(step.span, f"ZWO cannot carry {reason}: @{step.target.text} is shown as a "
                                 "message and the step is written as a FreeRide")
            target = None
            message = _message(step, with_target=True)
        except NeedsProfile as missing:
            self.problems.append(missing.diagnostic)
            return None
        else:
            message = _message(step, with_target=False)
            if step.target is not None and isinstance(step.target.start, ir.MaxEffort):
                message = _message(step, with_target=True)
                where = "mile pace" if target.pace is not None else "150% FTP"
                self.warn(step.target.span, f"ZWO readers drop MaxEffort blocks (GoldenCheetah, "
                                            f"QZ): @max is written as a steady block at {where}")
        duration = self.duration(step, target)
        if duration is None:
            return None
        if target is None:
            return self.with_cadence(Block("FreeRide", duration, message=message), step, cadence)
        if target.end is not None:
            tag = RAMP_TAGS.get(step.kind, "Ramp")
            block = Block(tag, duration, power_low=target.start, power_high=target.end,
                          pace=target.pace, symbolic=target.symbolic, message=message)
        else:
            block = Block("SteadyState", duration, power=target.start, pace=target.pace,
                          symbolic=target.symbolic, message=message)
        return self.with_cadence(block, step, cadence)

    def open_step(self, step: ir.Step, cadence: tuple[int, int] | None) -> Block:
        """ZWO has no lap button and no heart-rate condition: a fixed-length FreeRide."""
        why = ("ends when you press lap" if isinstance(step.duration, ir.OpenDuration)
               else f"ends on heart rate ({describe.duration(step.duration)})")
        condition = ([describe.duration(step.duration)]
                     if isinstance(step.duration, ir.HeartRateDuration) else [])
        said = condition + ([f"@{step.target.text}"] if step.target is not None else [])
        dropped = f", with {' '.join(said)} as a message" if said else ""
        self.warn(step.span, f"ZWO has no step that {why}: written as a "
                             f"{OPEN_STEP_SECONDS // 60}-minute FreeRide{dropped}")
        # The condition stays in the text event, so the athlete still knows when to move on.
        message = " · ".join(condition + ([m] if (m := _message(step, with_target=True)) else []))
        block = Block("FreeRide", OPEN_STEP_SECONDS, message=message or None)
        return self.with_cadence(block, step, cadence)

    def intervals(self, repeat: ir.Repeat,
                  children: list[Block | Intervals]) -> Intervals | None:
        """IntervalsT for a repeat whose body is one on/off pair of steady blocks with at most
        one cadence each (IntervalsT has one power, one pace reference and one cadence per
        half); None when the body must be unrolled."""
        if len(children) != 2 or not all(isinstance(b, Block) and b.tag == "SteadyState"
                                         for b in children):
            return None
        if any(b.cadence is not None and b.cadence[0] != b.cadence[1] for b in children):
            return None
        on, off = children
        if on.pace != off.pace:
            halves = self.on_one_reference(on, off)
            if halves is None:
                return None
            on, off = halves
        return Intervals(repeat.count, on, off)

    def on_one_reference(self, on: Block, off: Block) -> tuple[Block, Block] | None:
        """The pair with one half re-expressed against the other's pace reference, at the same
        speed. Only a half that was not written as a Zwift race pace may move (an easy jog,
        @T, @4:30/km: those came from the profile anyway); two race paces stay unrolled."""
        references = reference_speeds(self.profile)
        if references is None or (on.symbolic and off.symbolic):
            return None

        def moved(block: Block, pace: int) -> Block:
            power = block.power * references[block.pace] / references[pace]
            return replace(block, power=power, pace=pace)

        return (moved(on, off.pace), off) if off.symbolic else (on, moved(off, on.pace))

    # ---- lengths ---------------------------------------------------------------------------

    def duration(self, step: ir.Step, target: Level | None) -> int | None:
        """Whole seconds, or whole metres in a distance workout; None after an error."""
        d = step.duration
        if isinstance(d, ir.TimeDuration):
            return self.rounded(step, d.seconds, "s")
        if self.distance:
            return self.rounded(step, d.metres, "m")
        if self.bike:
            self.error(step.duration_span or step.span, "Zwift bike workouts are timed; this "
                       "step is a distance", hint="give the step a time, like 10min")
            return None
        speed = self.speed(target)
        if speed is None:
            self.error(step.duration_span or step.span,
                       "this workout mixes time and distance steps, so ZWO needs this distance "
                       "as a time, and that needs your race paces", hint=NEEDS_FITNESS)
            return None
        seconds = d.metres / speed
        self.warn(step.duration_span or step.span,
                  f"ZWO cannot mix time and distance steps: {describe.duration(d)} is written as "
                  f"{format_clock(seconds)} at {format_pace(speed, self.profile.units)}")
        return self.rounded(step, seconds, "s")

    def speed(self, target: Level | None) -> float | None:
        """The speed (m/s) a run block asks for, to turn a distance into a time: its pace, an
        easy jog (the treadmill recovery speed, else the slow end of E pace) for a FreeRide.
        None when the profile has no race times or VDOT."""
        references = reference_speeds(self.profile)
        if references is None:
            return None
        if target is None:
            recovery = self.profile.treadmill.recovery_speed
            return recovery if recovery is not None else self.profile.training.easy[0]
        start = target.start if target.end is None else mean_pace_speed(target.start, target.end)
        return start * references[target.pace]

    def rounded(self, step: ir.Step, value: float, unit: str) -> int:
        whole = max(1, _whole(value))
        if abs(whole - value) > 0.5:
            self.warn(step.duration_span or step.span,
                      f"ZWO lengths are whole {'seconds' if unit == 's' else 'metres'}: "
                      f"{value:g}{unit} is written as {whole}{unit}")
        return whole

    # ---- modifiers -------------------------------------------------------------------------

    def cadence(self, step: ir.Step) -> tuple[int, int] | None:
        c = step.cadence
        if c is None:
            return None
        if c.unit != "rpm" or not self.bike:
            self.warn(c.span, "ZWO carries only cycling cadence (rpm); this cadence is left out")
            return None
        return _whole(c.low), _whole(c.high)

    def with_cadence(self, block: Block, step: ir.Step,
                     cadence: tuple[int, int] | None) -> Block:
        if cadence is None:
            return block
        low, high = cadence
        if low != high and block.tag not in CADENCE_RANGE_TAGS:
            middle = _whole((low + high) / 2)
            self.warn(step.cadence.span, f"ZWO's {block.tag} takes one cadence: "
                                         f"{low}-{high}rpm is written as {middle}rpm")
            cadence = (middle, middle)
        return replace(block, cadence=cadence)

    def report_incline(self) -> None:
        """Zwift cannot set a treadmill's incline. Written inclines are reported; the 1%
        default of `sport treadmill` is not, since the athlete did not write it."""
        what = "ZWO cannot set incline: the athlete has to set {}% on the treadmill"
        if self.workout.incline is not None:
            self.warn(self.workout.incline.span,
                      what.format(f"{self.workout.incline.percent:g}"))
        for node in ir.walk(self.workout.steps):
            if isinstance(node, ir.Step) and node.incline is not None:
                self.warn(node.incline.span, what.format(f"{node.incline.percent:g}"))


def _message(step: ir.Step, with_target: bool) -> str | None:
    """The step's note, and its target as written when the block cannot aim at it."""
    parts = [step.note] if step.note else []
    if with_target and step.target is not None:
        parts.append(f"@{step.target.text}")
    return " · ".join(parts) or None
