"""Training load and intensity mix of a workout, for `wodc show` and plans.

Load is Coggan's training stress score, one formula for every sport:

    load = hours x IF^2 x 100,   IF = (sum of t x L^4 / sum of t) ^ (1/4)

where L is each step's intensity as a fraction of threshold (intensity.blocks): power / FTP
for rides (TSS, "Training and Racing with a Power Meter", Allen and Coggan), speed / T-pace
speed for runs (rTSS: TrainingPeaks' normalized graded pace over threshold pace, with Daniels'
T pace as the threshold pace and no grade adjustment for a treadmill's incline), heart rate /
LTHR where a workout holds only heart-rate targets (an hrTSS-like figure; TrainingPeaks'
hrTSS weights time by zone, which a plan's steps do not carry). The 4th-power mean is the one
Normalized Power uses, applied to whole steps instead of 30-second rolling averages: a
structured workout's steps are steady. An hour at threshold is 100. Steps without a target
count at the intensity intensity.UNTARGETED assumes for their kind.
"""

from __future__ import annotations


from . import ir, timing
from .frozen import frozen
from .intensity import blocks
from .profile import Profile
from .resolve import POWER_ZONES

RUN_CLASSES = ("easy", "marathon", "threshold", "interval", "repetition")


@frozen
class Load:
    score: float            # TSS, rTSS or hrTSS
    kind: str               # "TSS", "rTSS" or "hrTSS"
    intensity_factor: float


def _channel(workout: ir.Workout) -> ir.Channel | None:
    """The channel the workout's load is scored on: power for rides, speed for runs, heart
    rate when that is the only target it has; None when it has none of them."""
    channels = {s.band.channel for s in ir.flatten(workout.steps) if s.band is not None}
    preferred = ir.Channel.POWER if workout.sport is ir.Sport.BIKE else ir.Channel.SPEED
    for channel in (preferred, ir.Channel.HEART_RATE):
        if channel in channels:
            return channel
    return preferred if not channels else None


def _has_threshold(channel: ir.Channel, profile: Profile) -> bool:
    if channel is ir.Channel.POWER:
        return bool(profile.ftp)
    if channel is ir.Channel.SPEED:
        return profile.training is not None
    return bool(profile.lthr or profile.max_hr)


def _fourth_power_mean(start: float, end: float) -> float:
    """The mean of L^4 over a linear ramp from `start` to `end`."""
    if abs(end - start) < 1e-12:
        return start ** 4
    return (end ** 5 - start ** 5) / (5 * (end - start))


def load(workout: ir.Workout, profile: Profile) -> Load | None:
    """The workout's load, or None when the profile lacks its threshold (FTP, race times,
    LTHR) or the workout mixes in a channel scored on no threshold."""
    channel = _channel(workout)
    if channel is None or not _has_threshold(channel, profile):
        return None
    drawn = blocks(workout, profile, timing.fallback_speed(workout, profile))
    scored = [b for b in drawn if b.step.band is None or b.step.band.channel is channel]
    if len(scored) != len(drawn):
        return None  # a ride with heart-rate steps, say: no common threshold
    seconds = sum(b.seconds for b in scored)
    if seconds <= 0:
        return None
    mean = sum(b.seconds * _fourth_power_mean(b.start_level, b.end_level) for b in scored)
    factor = (mean / seconds) ** 0.25
    kind = {ir.Channel.POWER: "TSS", ir.Channel.SPEED: "rTSS"}.get(channel, "hrTSS")
    return Load(seconds / 3600 * factor ** 2 * 100, kind, factor)


def intensity_mix(workout: ir.Workout, profile: Profile) -> dict[str, float]:
    """Seconds in each class: for runs easy / marathon / threshold / interval / repetition
    (split halfway between the athlete's training paces), for rides the power zones PZ1-PZ7.
    Empty when the profile cannot say (no race times, no FTP)."""
    drawn = blocks(workout, profile, timing.fallback_speed(workout, profile))
    mix: dict[str, float] = {}
    if workout.sport is ir.Sport.BIKE:
        if not profile.ftp:
            return {}
        tops = [(f"PZ{zone}", high / 100) for zone, (_, high) in sorted(POWER_ZONES.items())]
    else:
        paces = profile.training
        if paces is None:
            return {}
        threshold = paces.threshold
        speeds = [paces.easy[1], paces.marathon, paces.threshold, paces.interval,
                  paces.repetition]
        tops = [(name, (low + high) / 2 / threshold)
                for name, low, high in zip(RUN_CLASSES, speeds, speeds[1:])]
        tops.append(("repetition", float("inf")))
    classed = ir.Channel.POWER if workout.sport is ir.Sport.BIKE else ir.Channel.SPEED
    for block in drawn:
        if block.step.band is not None and block.step.band.channel is not classed:
            continue  # heart rate or effort: no pace or power to class it by
        level = (block.start_level + block.end_level) / 2
        name = next((n for n, top in tops if level < top), tops[-1][0])
        mix[name] = mix.get(name, 0.0) + block.seconds
    return mix
