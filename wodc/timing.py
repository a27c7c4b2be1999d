"""How long and how far: a step's time and distance from its duration and its target speed.

A time step's distance and a distance step's time depend on the speed the athlete runs, so
they are only known for steps with a resolved speed target (or a fallback speed the caller
chooses, such as the treadmill's recovery speed)."""

from __future__ import annotations

from . import ir


def nominal_speed(step: ir.Step) -> float | None:
    """The speed (m/s) the athlete aims at, or None for a step without a resolved speed target.
    A ramp's speed is the one that covers the step in the same time as the ramp does."""
    resolved = step.resolved
    if not isinstance(resolved, ir.ResolvedTarget) or resolved.band.channel is not ir.Channel.SPEED:
        return None
    if resolved.ramp_end is None:
        return resolved.band.nominal
    start, end = resolved.band.nominal, resolved.ramp_end.nominal
    return 2 / (1 / start + 1 / end)


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


def totals(workout: ir.Workout) -> tuple[float | None, float | None]:
    """(seconds, metres) of the whole workout, or None where a step's share is unknown."""
    total_seconds: float | None = 0.0
    total_metres: float | None = 0.0
    for node, times in _counted(workout.steps, 1):
        s, m = seconds(node), metres(node)
        total_seconds = None if s is None or total_seconds is None else total_seconds + s * times
        total_metres = None if m is None or total_metres is None else total_metres + m * times
    return total_seconds, total_metres


def _counted(nodes, times):
    """Each distinct step with how many times it runs: linear in the source, not the expansion."""
    for node in nodes:
        if isinstance(node, ir.Repeat):
            yield from _counted(node.children, times * node.count)
        else:
            yield node, times
