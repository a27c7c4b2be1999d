"""How long and how far: a step's time and distance from its duration and its target speed.

A time step's distance and a distance step's time depend on the speed the athlete runs, so
they are only known for steps with a resolved speed target (or a fallback speed the caller
chooses, such as the treadmill's recovery speed)."""

from __future__ import annotations


from . import ir
from .frozen import frozen
from .units import mean_pace_speed


def nominal_speed(step: ir.Step) -> float | None:
    """The speed (m/s) the athlete aims at, or None for a step without a resolved speed target.
    A ramp's speed is the one that covers the step in the same time as the ramp does."""
    resolved = step.resolved
    if not isinstance(resolved, ir.ResolvedTarget) or resolved.band.channel is not ir.Channel.SPEED:
        return None
    if resolved.ramp_end is None:
        return resolved.band.nominal
    return mean_pace_speed(resolved.band.nominal, resolved.ramp_end.nominal)


def seconds(step: ir.Step, speed: float | None = None) -> float | None:
    """The step's time; a distance step needs `speed` (default: its own target speed)."""
    d = step.duration
    if isinstance(d, ir.TimeDuration):
        return d.seconds
    speed = speed if speed is not None else nominal_speed(step)
    if isinstance(d, ir.DistanceDuration) and speed:
        return d.metres / speed
    return None


def metres(step: ir.Step, speed: float | None = None) -> float | None:
    """The step's distance; a time step needs `speed` (default: its own target speed)."""
    d = step.duration
    if isinstance(d, ir.DistanceDuration):
        return d.metres
    speed = speed if speed is not None else nominal_speed(step)
    if isinstance(d, ir.TimeDuration) and speed:
        return d.seconds * speed
    return None


@frozen
class Fallback:
    """The speeds assumed for steps without a target: `jog` for running steps (a jog between
    reps), `walk` for walk steps; None where unknown."""

    jog: float | None
    walk: float | None = None

    def for_step(self, step: ir.Step) -> float | None:
        return self.walk if step.kind is ir.StepKind.WALK else self.jog


def fallback_speed(workout: ir.Workout, profile) -> Fallback:
    """A jog is the treadmill's recovery speed if the profile sets one, else the slow end of
    E pace; a walk is the profile's walk speed. Nothing for rides."""
    if workout.sport is not ir.Sport.RUN:
        return Fallback(None)
    if profile.treadmill.recovery_speed is not None:
        jog = profile.treadmill.recovery_speed
    else:
        jog = profile.training.easy[0] if profile.training is not None else None
    return Fallback(jog, profile.treadmill.walking)


def speed_of(step: ir.Step, fallback: Fallback | None = None) -> tuple[float | None, bool]:
    """The speed a step is run at, and whether it is a guess: its own speed target, else (for a
    step without any target) the `fallback` for its kind."""
    own = nominal_speed(step)
    if own is not None:
        return own, False
    speed = fallback.for_step(step) if fallback is not None else None
    if step.target is None and speed is not None:
        return speed, True
    return None, False


@frozen
class Totals:
    seconds: float | None   # None: some step is open-ended
    metres: float | None    # None: some step's distance is unknown
    seconds_guessed: bool   # some step's time came from a fallback speed
    metres_guessed: bool


def totals(workout: ir.Workout, fallback: Fallback | None = None) -> Totals:
    """The whole workout's time and distance (see speed_of for `fallback`)."""
    total_seconds: float | None = 0.0
    total_metres: float | None = 0.0
    seconds_guessed = metres_guessed = False
    for step, times in _counted(workout.steps, 1):
        speed, guessed = speed_of(step, fallback)
        step_seconds, step_metres = seconds(step, speed), metres(step, speed)
        if step_seconds is None or total_seconds is None:
            total_seconds = None
        else:
            total_seconds += step_seconds * times
        if step_metres is None or total_metres is None:
            total_metres = None
        else:
            total_metres += step_metres * times
        seconds_guessed |= guessed and not isinstance(step.duration, ir.TimeDuration)
        metres_guessed |= guessed and not isinstance(step.duration, ir.DistanceDuration)
    return Totals(total_seconds, total_metres, seconds_guessed, metres_guessed)


def _counted(nodes, times):
    """Each distinct step with how many times it runs: linear in the source, not the expansion."""
    for node in nodes:
        if isinstance(node, ir.Repeat):
            yield from _counted(node.children, times * node.count)
        else:
            yield node, times
