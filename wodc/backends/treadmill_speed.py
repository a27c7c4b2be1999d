"""The speed a treadmill runs for one step, before rounding to the console's step.

A treadmill holds a speed, so every step needs one:
- a pace or speed target: its nominal speed (a ramp: both ends);
- no target (a recovery jog, a plain warm-up): the profile's recovery speed, by default the
  slow end of E pace; but a `walk` step walks (walk_speed, 5.0 km/h by default) and a `rest`
  step runs the belt at rest_speed (by default the treadmill's minimum) while the runner
  stands on the side rails: a jog there would be unsafe;
- an effort (@RPE7, @max): the pace a runner associates with that effort (RPE_PACES), with a
  warning, since an effort is not a speed;
- heart rate or power: E pace, with a warning and a note to adjust the speed by hand to hold
  the target.
A step that needs paces the profile does not have is an error naming the step and the option
that gives them.
"""

from __future__ import annotations


from .. import describe, ir, timing
from ..errors import Diagnostic, Severity, at
from ..frozen import frozen
from ..paces import RACES
from ..profile import Profile
from ..resolve import NEEDS_FITNESS, NeedsProfile, need_band
from ..units import mean_pace_speed

# Efforts and the paces runners give for them (RPE 1 = a stroll, 10 = all out). The seed
# articles pair 10K pace with ~85% and 5K pace with ~90% of all-out effort; threshold and
# half-marathon pace sit just below. In-between efforts (@RPE6.5, the middle of @RPE6-7)
# interpolate in speed; RPE 1 runs the recovery speed too.
RPE_PACES = ((2, "recovery"), (4, "E"), (5, "M"), (6, "HM"), (7, "T"), (8, "10K"), (9, "5K"),
             (10, "mile"))

# Why a step runs slower than a jog, said on the card (and in the compile summary).
WALK_WHY = "walk"
REST_WHY = "rest: step onto the side rails"

RECOVERY_HOW = "set recovery_speed in [treadmill] (e.g. \"5.5kph\"), or " + NEEDS_FITNESS


@frozen
class Speed:
    """The speed chosen for a step, in m/s: `speed`, and `end` for a ramp. `why` says how it
    was chosen when the step's target is not a speed (for the card's note)."""

    speed: float
    end: float | None = None
    why: str | None = None


class NoSpeed(Exception):
    """The profile lacks what a step's speed needs; carries the diagnostic."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def choose(step: ir.Step, workout: ir.Workout, profile: Profile) -> tuple[Speed, list[Diagnostic]]:
    """Raises NoSpeed when the profile cannot give the step a speed."""
    by_hand = (ir.Channel.HEART_RATE, ir.Channel.POWER)
    if isinstance(step.resolved, ir.Unresolved) and step.target.start.channel in by_hand:
        # The speed does not depend on the number: hold the target as written (@Z4).
        return _by_hand(step, workout, profile, None)
    try:
        resolved = need_band(step)
    except NeedsProfile as missing:
        raise NoSpeed(missing.diagnostic) from None
    recovery = timing.fallback_speed(workout, profile).jog
    if resolved is None:
        if step.kind is ir.StepKind.WALK:
            return Speed(profile.treadmill.walking, why=WALK_WHY), []
        if step.kind is ir.StepKind.REST:
            return Speed(profile.treadmill.resting, why=REST_WHY), []
        return Speed(_need(recovery, workout, step, "a recovery speed", RECOVERY_HOW)), []
    band, end = resolved.band, resolved.ramp_end
    if band.channel is ir.Channel.SPEED:
        return Speed(band.nominal, end.nominal if end else None), []
    if band.channel is ir.Channel.EFFORT:
        return _effort(step, workout, profile, recovery, band, end)
    return _by_hand(step, workout, profile, resolved)


def easy_speed(profile: Profile) -> float | None:
    """The middle of E pace (by pace), else the recovery speed the profile gives."""
    if profile.training is None:
        return profile.treadmill.recovery_speed
    return mean_pace_speed(*profile.training.easy)


def _named(name: str, profile: Profile, recovery: float | None) -> float | None:
    if name == "recovery":
        return recovery
    if name == "E":
        return easy_speed(profile) if profile.training else None
    if name in ("M", "T"):
        return profile.training.range_of(name)[0] if profile.training else None
    seconds = profile.race_seconds(RACES[name])
    return RACES[name] / seconds if seconds else None


def rpe_speed(rpe: float, profile: Profile,
              recovery: float | None) -> tuple[float | None, str]:
    """The speed for an effort, and what it is (`T pace`, `between T pace and 10K pace`);
    `recovery` is the recovery speed (timing.fallback_speed's jog)."""
    rpe = min(max(rpe, RPE_PACES[0][0]), RPE_PACES[-1][0])
    for (low_rpe, low_name), (high_rpe, high_name) in zip(RPE_PACES, RPE_PACES[1:]):
        if low_rpe <= rpe <= high_rpe:
            low, high = _named(low_name, profile, recovery), _named(high_name, profile, recovery)
            if low is None or high is None:
                return None, ""
            if rpe == low_rpe:
                return low, _pace_name(low_name)
            if rpe == high_rpe:
                return high, _pace_name(high_name)
            share = (rpe - low_rpe) / (high_rpe - low_rpe)
            return (low + share * (high - low),
                    f"between {_pace_name(low_name)} and {_pace_name(high_name)}")
    raise AssertionError("RPE_PACES covers 2-10")  # pragma: no cover


def _pace_name(name: str) -> str:
    return "recovery speed" if name == "recovery" else f"{name} pace"


def _effort(step, workout, profile, recovery, band: ir.Band, end: ir.Band | None):
    need = f"your paces to run @{step.target.text}"
    speed, what = rpe_speed(band.nominal, profile, recovery)
    speed = _need(speed, workout, step, need, NEEDS_FITNESS)
    shown = f"{what} ({describe.speed(speed, profile.units)})"
    end_speed = None
    if end is not None:
        end_speed, end_what = rpe_speed(end.nominal, profile, recovery)
        end_speed = _need(end_speed, workout, step, need, NEEDS_FITNESS)
        if end_speed != speed:  # @RPE1..RPE2 is the recovery jog throughout: nothing to add
            # RPE4..RPE2 (a cool-down) eases off: say which way the belt goes.
            way = "falling" if end_speed < speed else "rising"
            what = f"{what}, {way} to {end_what}"
            shown = f"{shown}, {way} to {end_what} ({describe.speed(end_speed, profile.units)})"
    warning = at(workout.source, step.target.span,
                 f"@{step.target.text} is an effort, and a treadmill needs a speed: it runs "
                 f"{shown}",
                 hint="write a pace (like @T or @7:30/mi) to choose the speed yourself",
                 severity=Severity.WARNING)
    return Speed(speed, end_speed, f"@{step.target.text} as {what}"), [warning]


def _by_hand(step, workout, profile, resolved: ir.ResolvedTarget | None):
    """Heart rate or power: start at E pace (the recovery speed without race times) and let
    the runner adjust to hold the target (in numbers where the profile gives them, else as
    written)."""
    speed = _need(easy_speed(profile), workout, step, f"a speed to start @{step.target.text} at",
                  RECOVERY_HOW)
    what = step.target.start.channel.value
    # E pace; without race times, the recovery speed easy_speed falls back to.
    start = "E pace" if profile.training is not None else "your recovery speed"
    target = (describe.resolved(resolved, profile.units) if resolved is not None
              else f"@{step.target.text}")
    warning = at(workout.source, step.target.span,
                 f"@{step.target.text} is a {what} target, and a treadmill holds a speed: it "
                 f"starts at {start} ({describe.speed(speed, profile.units)}); adjust the speed "
                 f"by hand to hold {target}",
                 hint="write a pace (like @E or @8:30/mi) to choose the speed yourself",
                 severity=Severity.WARNING)
    return Speed(speed, None, f"adjust to hold {target}"), [warning]


def _need(speed: float | None, workout: ir.Workout, step: ir.Step, what: str, how: str) -> float:
    if speed is None:
        span = step.target.span if step.target is not None else step.span
        raise NoSpeed(at(workout.source, span, f"on a treadmill this step needs {what}",
                         hint=how))
    return speed
