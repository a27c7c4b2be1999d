"""How hard each step is, as a fraction of threshold (1.0 = threshold), and the colour band it
falls in: what `wodc show` and `wodc plot` draw, like the workout charts in Zwift and Garmin
Connect."""

from __future__ import annotations


from . import ir, timing
from .frozen import frozen
from .profile import Profile

# Zwift's colour bands by fraction of threshold: (upper bound, name, SVG colour).
BANDS = (
    (0.60, "recovery", "#7f7f7f"),
    (0.76, "endurance", "#338cff"),
    (0.90, "tempo", "#59bf59"),
    (1.05, "threshold", "#ffcc3f"),
    (1.18, "vo2max", "#ff6639"),
    (float("inf"), "anaerobic", "#e3231b"),
)
# Steps without a target: how hard they are assumed to be.
UNTARGETED = {ir.StepKind.REST: 0.3, ir.StepKind.RECOVERY: 0.5, ir.StepKind.WARMUP: 0.6,
              ir.StepKind.COOLDOWN: 0.55, ir.StepKind.ACTIVE: 0.65, ir.StepKind.INTERVAL: 0.9,
              ir.StepKind.WALK: 0.35}
OPEN_STEP_SECONDS = 60.0  # how long an open or heart-rate step is drawn


@frozen
class Block:
    """One flattened step as drawn: it starts at `start` seconds, lasts `seconds`, and goes
    from intensity `start_level` to `end_level` (equal unless it is a ramp)."""

    step: ir.Step
    start: float
    seconds: float
    start_level: float
    end_level: float
    estimated: bool  # the length is a guess (open step, or a distance without a speed)


def band_of(level: float) -> tuple[str, str]:
    return next((name, colour) for bound, name, colour in BANDS if level < bound)


def _threshold(channel: ir.Channel, profile: Profile, workout_max: float) -> float:
    """The value that counts as 1.0 in a channel: T pace, FTP, LTHR; else the workout's max."""
    if channel is ir.Channel.SPEED and profile.training is not None:
        return profile.training.threshold
    if channel is ir.Channel.POWER and profile.ftp:
        return profile.ftp
    if channel is ir.Channel.HEART_RATE and (profile.lthr or profile.max_hr):
        return profile.lthr or 0.9 * profile.max_hr
    if channel is ir.Channel.EFFORT:
        return 8.0  # RPE 8 is about threshold effort
    return workout_max or 1.0


def blocks(workout: ir.Workout, profile: Profile,
           fallback: timing.Fallback | None = None) -> list[Block]:
    """The flattened workout as blocks, in order. `fallback` times distance steps that have
    no speed target."""
    steps = list(ir.flatten(workout.steps))
    maxima: dict[ir.Channel, float] = {}
    for step in steps:
        if step.band is not None:
            maxima[step.band.channel] = max(maxima.get(step.band.channel, 0), step.band.nominal)
    result, clock = [], 0.0
    for step in steps:
        seconds = timing.seconds(step) or timing.seconds(
            step, fallback.for_step(step) if fallback is not None else None)
        estimated = seconds is None or not isinstance(step.duration, ir.TimeDuration)
        seconds = seconds if seconds is not None else OPEN_STEP_SECONDS
        if step.band is None:
            start = end = UNTARGETED[step.kind]
        else:
            scale = _threshold(step.band.channel, profile, maxima[step.band.channel])
            start = step.band.nominal / scale
            ramp_end = step.resolved.ramp_end
            end = ramp_end.nominal / scale if ramp_end is not None else start
        result.append(Block(step, clock, seconds, start, end, estimated))
        clock += seconds
    return result
