"""What a Zwift block aims at: a step's target as ZWO's `Power` (and `pace` on a run).

On a bike, Power is a fraction of FTP (1.0 = FTP). On a run, `pace` picks one of the athlete's
race paces (0 mile, 1 5K, 2 10K, 3 half marathon, 4 marathon) and Power is a fraction of that
pace's *speed*. Zwift keeps those race paces itself, so race-pace targets stay symbolic: `@5K`
is pace 1, Power 1.0, with no profile needed. Any other pace (E, T, an absolute pace, a 3K)
is written against the nearest reference pace, with the ratio computed from the profile.
"""

from __future__ import annotations

import math

from .. import ir
from ..errors import at
from ..frozen import frozen
from ..paces import RACES
from ..profile import Profile
from ..resolve import NEEDS_FITNESS, POWER_ZONES, NeedsProfile, need_band
from ..units import mean_pace_speed

# Zwift's run pace references: pace attribute -> the race name whose pace it is.
ZWIFT_PACES = {0: "mile", 1: "5K", 2: "10K", 3: "HM", 4: "M"}
PACE_OF_RACE = {name: pace for pace, name in ZWIFT_PACES.items()}


@frozen
class Level:
    """Where a block starts (`start`) and, for a ramp, ends (`end`): fractions of FTP on a
    bike, fractions of the `pace` reference's speed on a run (`pace` is None on a bike).
    `symbolic` when the target was written as that race pace (@5K, @105%5K): Zwift applies
    the athlete's own pace, so it must stay against that reference."""

    start: float
    end: float | None = None
    pace: int | None = None
    symbolic: bool = False


# A run step without a target (`rec 60s`) is an easy jog: 70% of 5K speed, at or a little
# below the slow end of Daniels' E pace (70-74% of 5K speed from VDOT 70 down to 30),
# so it needs no profile. A `rest` step without a target has nothing to aim at: a FreeRide.
EASY_JOG = Level(0.70, None, PACE_OF_RACE["5K"])


# @max. ZWO's MaxEffort block is dropped, its time with it, by the readers we checked:
# GoldenCheetah (src/Train/ZwoParser.cpp:71 knows Warmup, SteadyState, Cooldown, Ramp,
# FreeRide; :103 IntervalsT), QZ (src/zwiftworkout.cpp) and zwiftworkout.com. So all out is
# a steady block: on a run at the fastest pace Zwift has, mile pace; on a ride at 150% FTP,
# where Coggan's zone 7 (neuromuscular) begins.
ALL_OUT_RUN = Level(1.0, None, PACE_OF_RACE["mile"], symbolic=True)
ALL_OUT_BIKE = Level(1.5)


class CannotCarry(Exception):
    """The target measures something ZWO has no field for (heart rate, RPE, ...)."""


def level(step: ir.Step, workout: ir.Workout, profile: Profile) -> Level | None:
    """The level of a step with a time or distance; None when it has nothing to aim at (a
    FreeRide). Raises CannotCarry for a target ZWO has no field for, NeedsProfile for one
    that needs a value the profile lacks."""
    target = step.target
    if target is None:
        if workout.sport is ir.Sport.RUN and step.kind is ir.StepKind.WALK:
            return _walk(profile)
        running = workout.sport is ir.Sport.RUN and step.kind is not ir.StepKind.REST
        return EASY_JOG if running else None
    if isinstance(target.start, ir.MaxEffort):
        return ALL_OUT_BIKE if workout.sport is ir.Sport.BIKE else ALL_OUT_RUN
    wanted = ir.Channel.POWER if workout.sport is ir.Sport.BIKE else ir.Channel.SPEED
    if target.start.channel is not wanted:
        what = target.start.channel.value
        raise CannotCarry(f"{'an' if what[0] in 'aeiou' else 'a'} {what} target on a "
                          f"{workout.sport.value} workout")
    if workout.sport is ir.Sport.BIKE:
        return _power(step, workout, profile)
    return _pace(step, workout, profile)


# ---- bike: fractions of FTP -----------------------------------------------------------------

def _power_range(value: ir.Value, step: ir.Step, workout: ir.Workout,
                 profile: Profile) -> tuple[float, float]:
    """(low, high) as fractions of FTP. %FTP and power zones need no profile; watts need
    the FTP to become a fraction of it."""
    if isinstance(value, ir.PowerPercent):
        return value.percent / 100, value.percent / 100
    if isinstance(value, ir.PowerZone):
        low, high = POWER_ZONES[value.zone]
        return low / 100, high / 100
    if profile.ftp is None:
        raise NeedsProfile(at(workout.source, step.target.span,
                              f"@{step.target.text} needs your FTP: Zwift sets power as a "
                              "fraction of FTP", hint="give --ftp 250, or ftp in wodc.toml"))
    return value.watts / profile.ftp, value.watts / profile.ftp


def _power(step: ir.Step, workout: ir.Workout, profile: Profile) -> Level:
    target = step.target
    ranges = [_power_range(v, step, workout, profile) for v in target.values]
    mids = [(low + high) / 2 for low, high in ranges]
    if target.ramp:
        return Level(mids[0], mids[1])
    # A range (or a zone) becomes its midpoint: ERG mode holds one power.
    low = min(r[0] for r in ranges)
    high = max(r[1] for r in ranges)
    return Level((low + high) / 2)


# ---- run: fractions of a reference pace's speed ----------------------------------------------

def _symbolic(value: ir.Value) -> tuple[int, float] | None:
    """(pace reference, speed fraction) for a race pace Zwift knows, like @HM or @105%5K."""
    if (isinstance(value, ir.PaceName) and value.name in PACE_OF_RACE
            and not value.offset_seconds):
        return PACE_OF_RACE[value.name], (value.speed_percent or 100.0) / 100
    return None


def reference_speeds(profile: Profile) -> dict[int, float] | None:
    """m/s of each Zwift pace reference for this athlete, or None without race times/VDOT."""
    speeds = {}
    for pace, name in ZWIFT_PACES.items():
        seconds = profile.race_seconds(RACES[name])
        if seconds is None:
            return None
        speeds[pace] = RACES[name] / seconds
    return speeds


def nearest_pace(speed: float, references: dict[int, float]) -> int:
    """The reference whose speed is closest to `speed` as a ratio (ties: the lower number)."""
    return min(references, key=lambda pace: (abs(math.log(speed / references[pace])), pace))


def _walk(profile: Profile) -> Level | None:
    """A walk step: the profile's walking speed as a fraction of the nearest reference pace,
    or (without race paces to set it against) a FreeRide rather than Zwift's easy jog."""
    references = reference_speeds(profile)
    if references is None:
        return None
    speed = profile.treadmill.walking
    pace = nearest_pace(speed, references)
    return Level(speed / references[pace], None, pace)


def _pace(step: ir.Step, workout: ir.Workout, profile: Profile) -> Level:
    target = step.target
    symbolic = [_symbolic(v) for v in target.values]
    if all(symbolic) and len({pace for pace, _ in symbolic}) == 1:
        pace = symbolic[0][0]
        fractions = [fraction for _, fraction in symbolic]
        if target.ramp:
            return Level(fractions[0], fractions[1], pace, symbolic=True)
        if target.is_range:
            return Level(mean_pace_speed(*fractions), None, pace, symbolic=True)
        return Level(fractions[0], None, pace, symbolic=True)
    resolved = need_band(step)
    references = reference_speeds(profile)
    if references is None:
        raise NeedsProfile(at(workout.source, target.span,
                              f"@{target.text} needs your race paces: Zwift sets a run pace "
                              "as a fraction of your mile, 5K, 10K, half or marathon pace",
                              hint=NEEDS_FITNESS))
    start = resolved.band.nominal
    end = resolved.ramp_end.nominal if resolved.ramp_end is not None else None
    pace = nearest_pace(start if end is None else mean_pace_speed(start, end), references)
    reference = references[pace]
    return Level(start / reference, None if end is None else end / reference, pace)
