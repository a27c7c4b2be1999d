"""Symbolic targets to concrete ones for one athlete.

`resolve(workout, profile)` returns a copy of the workout in which every step with a target has
`resolved` set: a `ResolvedTarget` (m/s, bpm, W or RPE bands) or, when the profile lacks a value
the target needs, an `Unresolved` holding the error that names the step and the option that
would supply it. Backends that keep a target symbolic (ZWO run paces, FIT heart-rate zones) may
ignore that error; the others report it through `need_band`.
"""

from __future__ import annotations

import dataclasses

from . import ir
from .errors import Diagnostic, at
from .frozen import frozen
from .paces import race_distance
from .profile import Profile
from . import timing
from .units import PER_DISTANCE, mean_pace_speed

# Coggan's power zones as percent of FTP; the top zone has no upper bound, so it is given one.
# Coggan's power zones, % of FTP. Zone 1 is "below 55%" and zone 7 "above 150%": open ends
# have no middle to aim at (the middle of 0-55% is 27.5%, a soft-pedal no coach means), so
# every format takes zone 1 as 45-55% (50% at its middle) and zone 7 as 151-200%.
POWER_ZONES = {1: (45, 55), 2: (56, 75), 3: (76, 90), 4: (91, 105), 5: (106, 120),
               6: (121, 150), 7: (151, 200)}

NEEDS_FITNESS = "give --race 5K=20:00 (any race time) or --vdot 50, or races in wodc.toml"


class Missing(Exception):
    """A value the profile does not have: `what` it is and `how` to give it."""

    def __init__(self, what: str, how: str):
        super().__init__(what)
        self.what, self.how = what, how


@frozen
class _Value:
    """One resolved value: low..high, and whether it was a single point (gets tolerance)."""

    low: float
    high: float
    nominal: float
    point: bool


def _pace_name(value: ir.PaceName, profile: Profile) -> _Value:
    metres = race_distance(value.name)  # None for E, T, I, R (M is the marathon)
    if metres is not None:
        seconds = profile.race_seconds(metres)
        if seconds is None:
            raise Missing(f"your {value.name} race pace", NEEDS_FITNESS)
        low = high = metres / seconds
    else:
        training = profile.training
        if training is None:
            raise Missing(f"your {value.name} training pace", NEEDS_FITNESS)
        low, high = training.range_of(value.name)
    if value.offset_seconds:
        per = value.offset_metres or PER_DISTANCE[profile.units]
        paces = [1 / v + value.offset_seconds / per for v in (low, high)]  # s per metre
        if min(paces) <= 0:  # an offset of the whole pace, or more
            raise ValueError(f"an offset of {value.offset_seconds:+g}s is faster than any pace")
        low, high = (1 / pace for pace in paces)
    if value.speed_percent is not None:
        low, high = (v * value.speed_percent / 100 for v in (low, high))
        if min(low, high) <= 0:
            raise ValueError(f"{value.speed_percent:g}% of a pace is no pace")
    return _Value(low, high, mean_pace_speed(low, high), low == high)


def _need(value: float | None, what: str, how: str) -> float:
    if value is None:
        raise Missing(what, how)
    return value


def _value(value: ir.Value, profile: Profile) -> _Value:
    """Raises Missing when the profile lacks what the value needs."""
    if isinstance(value, ir.PaceName):
        return _pace_name(value, profile)
    if isinstance(value, (ir.Pace, ir.Speed)):
        if value.speed <= 0:
            raise ValueError("a speed must be more than 0")
        return _Value(value.speed, value.speed, value.speed, True)
    if isinstance(value, ir.HeartRate):
        return _Value(value.bpm, value.bpm, value.bpm, True)
    if isinstance(value, ir.HeartRatePercent):
        if value.of == "max":
            bpm = _need(profile.max_hr, "your maximum heart rate", "give --max-hr 190")
            bpm *= value.percent / 100
        elif value.of == "reserve":  # Karvonen
            top = _need(profile.max_hr, "your maximum heart rate", "give --max-hr 190")
            rest = _need(profile.resting_hr, "your resting heart rate",
                         "give --resting-hr 50, or resting_hr in wodc.toml")
            bpm = rest + value.percent / 100 * (top - rest)
        else:
            bpm = _need(profile.lthr, "your lactate threshold heart rate", "give --lthr 170")
            bpm *= value.percent / 100
        return _Value(bpm, bpm, bpm, True)
    if isinstance(value, ir.HeartRateZone):
        zones = profile.heart_rate_zones()
        if zones is None:
            raise Missing("your heart-rate zones", "give --max-hr 190, or hr_zones in wodc.toml")
        low, high = zones[value.zone - 1], zones[value.zone]
        return _Value(low, high, (low + high) / 2, False)
    if isinstance(value, ir.Power):
        return _Value(value.watts, value.watts, value.watts, True)
    if isinstance(value, ir.PowerPercent):
        watts = _need(profile.ftp, "your FTP", "give --ftp 250") * value.percent / 100
        return _Value(watts, watts, watts, True)
    if isinstance(value, ir.PowerZone):
        ftp = _need(profile.ftp, "your FTP", "give --ftp 250")
        low, high = (ftp * p / 100 for p in POWER_ZONES[value.zone])
        return _Value(low, high, (low + high) / 2, False)
    if isinstance(value, ir.WalkSpeed):
        speed = profile.treadmill.walking
        return _Value(speed, speed, speed, True)
    if isinstance(value, ir.Effort):
        return _Value(value.rpe, value.rpe, value.rpe, True)
    return _Value(10.0, 10.0, 10.0, True)  # MaxEffort


def _widen(channel: ir.Channel, v: _Value, profile: Profile) -> ir.Band:
    """A single value becomes a band of the profile's tolerance either side."""
    if not v.point or channel is ir.Channel.EFFORT:
        return ir.Band(channel, v.low, v.high, v.nominal)
    if channel is ir.Channel.SPEED:
        pace = 1 / v.nominal
        tolerance = min(profile.pace_tolerance, pace / 2)  # never a negative pace
        return ir.Band(channel, 1 / (pace + tolerance), 1 / (pace - tolerance), v.nominal)
    if channel is ir.Channel.HEART_RATE:
        tolerance = min(profile.hr_tolerance, v.nominal / 2)  # never a negative heart rate
        return ir.Band(channel, v.nominal - tolerance, v.nominal + tolerance, v.nominal)
    return ir.Band(channel, v.nominal * (1 - profile.power_tolerance),
                   v.nominal * (1 + profile.power_tolerance), v.nominal)


# The open end of a cap or floor: no heart rate below 0 bpm; none above the athlete's max
# (else 240 bpm); no power above 3000 W.
CEILING = {ir.Channel.HEART_RATE: 240.0, ir.Channel.POWER: 3000.0}


def resolve_target(target: ir.Target, profile: Profile) -> ir.ResolvedTarget:
    """Raises Missing, or ValueError for a target that means nothing (a negative pace)."""
    channel = target.start.channel
    start = _value(target.start, profile)
    if target.limit == "below":  # @<140bpm, @<Z2: at most the value (a zone's top)
        return ir.ResolvedTarget(ir.Band(channel, 0.0, start.high, start.high, "below"))
    if target.limit == "above":  # @>150bpm: at least the value (a zone's bottom)
        ceiling = profile.max_hr if channel is ir.Channel.HEART_RATE and profile.max_hr \
            else CEILING[channel]
        return ir.ResolvedTarget(ir.Band(channel, start.low, max(ceiling, start.low),
                                         start.low, "above"))
    if target.end is None:
        return ir.ResolvedTarget(_widen(channel, start, profile))
    end = _value(target.end, profile)
    if target.ramp:
        as_point = lambda v: _Value(v.nominal, v.nominal, v.nominal, True)  # noqa: E731
        return ir.ResolvedTarget(_widen(channel, as_point(start), profile),
                                 _widen(channel, as_point(end), profile))
    low, high = min(start.low, end.low), max(start.high, end.high)
    nominal = mean_pace_speed(low, high) if channel is ir.Channel.SPEED else (low + high) / 2
    return ir.ResolvedTarget(ir.Band(channel, low, high, nominal))


def _resolve_step(step: ir.Step, workout: ir.Workout, profile: Profile) -> ir.Step:
    if step.target is None:
        return step
    try:
        resolved = resolve_target(step.target, profile)
    except Missing as missing:
        problem = at(workout.source, step.target.span,
                     f"@{step.target.text} needs {missing.what}", hint=missing.how)
        return dataclasses.replace(step, resolved=ir.Unresolved(problem))
    except ValueError as error:
        problem = at(workout.source, step.target.span, f"@{step.target.text}: {error}")
        return dataclasses.replace(step, resolved=ir.Unresolved(problem))
    return dataclasses.replace(step, resolved=resolved)


def _resolve_nodes(nodes, workout, profile):
    out = []
    for node in nodes:
        if isinstance(node, ir.Repeat):
            node = dataclasses.replace(node, children=_resolve_nodes(node.children, workout,
                                                                     profile))
        else:
            node = _resolve_step(node, workout, profile)
            if isinstance(node.duration, ir.SameDuration) and out \
                    and isinstance(out[-1], ir.Step):
                node = _same_as(node, out[-1])
        out.append(node)
    return tuple(out)


def _same_as(step: ir.Step, before: ir.Step) -> ir.Step:
    """`rec same` after `800m @3:10` lasts 3:10: the time the step before takes (its own time,
    or its distance at its pace). Left as it is when that time is unknown."""
    seconds = timing.seconds(before)
    if seconds is None:
        return step
    return dataclasses.replace(step, duration=ir.TimeDuration(seconds))


def resolve(workout: ir.Workout, profile: Profile) -> ir.Workout:
    return dataclasses.replace(workout, steps=_resolve_nodes(workout.steps, workout, profile))


class NeedsProfile(Exception):
    """Raised by need_band; carries the diagnostic a backend should report."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def need_band(step: ir.Step) -> ir.ResolvedTarget | None:
    """The resolved target of a step for a backend that needs concrete values: None for a
    step without a target; raises NeedsProfile when the profile could not resolve it."""
    if isinstance(step.resolved, ir.Unresolved):
        raise NeedsProfile(step.resolved.problem)
    return step.resolved
