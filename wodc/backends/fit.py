"""Garmin FIT workout files.

A workout becomes `file_id`, `workout` and one `workout_step` per step, in that order. The
backend works in two stages: `plan` turns the resolved IR into a `FitWorkout` (what the file
says, in SI units and FIT's vocabulary), and an encoder writes its bytes, converting units and
adding FIT's offsets at that edge only: `fit_wire`. The tests prove its bytes identical to
fit-tool's (tests/fit_reference.py) for every file they write.

What FIT carries as written and what it approximates:
- time, distance, lap (open) and until-HR durations; repeats as FIT repeat steps, nested too;
- heart-rate zones, % of max HR, % of FTP and power zones stay symbolic, so the watch applies
  its own settings; every other target becomes a custom range (m/s, bpm, W) from the profile;
- cadence is the secondary target when a step has a primary one, else the primary;
- RPE and @max are an open target, with the effort in the step name and notes;
- a ramp becomes a staircase of steps, one a minute, with a warning saying so;
- more than 50 steps is a warning: many watches hold no more.
"""

from __future__ import annotations

from dataclasses import replace

from .. import describe, ir, timing
from ..errors import Diagnostic, Severity, at
from ..frozen import frozen
from ..profile import Profile
from ..resolve import NeedsProfile, need_band
from ..units import format_number
from . import Options, Result, fit_wire

# Garmin watches commonly hold at most 50 steps in a workout (repeat steps count).
MAX_DEVICE_STEPS = 50
# workout_step.message_index is a uint16 (and 0xFFFF its invalid value).
MAX_FIT_STEPS = 65_535
# A FIT string field is at most 255 bytes, its terminating NUL included.
MAX_STRING_BYTES = 254
# A ramp becomes steps of about a minute each (at least 30 s), and at most this many.
RAMP_STEP_SECONDS = 60.0
RAMP_MAX_STEPS = 20
RAMP_STEP_METRES = 400.0  # for a distance ramp whose speed is unknown (power on a bike)
# % of max HR either side of a single %HRmax target when the profile has no max HR to convert
# its bpm tolerance with (±3% is about ±5 bpm for a max HR of 170-190).
HR_PERCENT_TOLERANCE = 3.0
# The highest % of max HR a FIT heart-rate value can mean (100 is FIT's bpm offset).
MAX_FIT_HR_PERCENT = 99.0
# A FIT date_time below 0x10000000 means "seconds since the device powered up", not a date.
MIN_FIT_DATE = fit_wire.FIT_EPOCH + 0x10000000
# Without SOURCE_DATE_EPOCH, time_created is 2024-01-01T00:00:00Z plus a content-derived
# number of seconds within a year: deterministic, and different for different content.
DEFAULT_CREATED = 1704067200
CREATED_SPREAD = 365 * 24 * 3600
MAX_FIT_DATE = fit_wire.FIT_EPOCH + 0xFFFFFFFE


def suffix(options: Options) -> str:
    return ".fit"


# ---- the plan: what each FIT step means --------------------------------------------------------

@frozen
class FitTarget:
    """A step's target as FIT sees it.

    `kind` is "open", "speed", "heart_rate", "power" or "cadence". A `zone` (1-5 heart rate,
    1-7 power) is resolved by the watch with its own settings. Otherwise `low`..`high` is a
    custom range: m/s; bpm, or % of max HR when `percent`; W, or % of FTP when `percent`; and
    cadence in FIT's unit, revolutions (for running: strides, one foot) per minute."""

    kind: str
    low: float = 0.0
    high: float = 0.0
    zone: int = 0
    percent: bool = False


OPEN = FitTarget("open")


@frozen
class FitDuration:
    """`kind` is "time" (value in s), "distance" (m), "open", "hr_less_than" or
    "hr_greater_than" (bpm)."""

    kind: str
    value: float | None = None


@frozen
class FitStep:
    """One workout_step. A repeat step (`repeat_count` set) loops back to the step at index
    `repeat_from` until its steps have run `repeat_count` times in all."""

    name: str = ""
    notes: str = ""
    intensity: ir.StepKind | None = None
    duration: FitDuration = FitDuration("open")
    target: FitTarget = OPEN
    secondary: FitTarget | None = None
    repeat_from: int | None = None
    repeat_count: int | None = None


@frozen
class FitWorkout:
    """Everything a FIT workout file says. Texts already fit FIT's fields."""

    name: str
    description: str
    sport: str            # "running" or "cycling"
    sub_sport: str        # "generic", "treadmill" or "indoor_cycling"
    serial_number: int
    time_created: int     # unix seconds, within what FIT's date_time holds
    steps: tuple[FitStep, ...]


class _Planner:
    """Walks the IR once, appending FIT steps and problems."""

    def __init__(self, workout: ir.Workout, profile: Profile):
        self.workout, self.profile = workout, profile
        self.steps: list[FitStep] = []
        self.problems: list[Diagnostic] = []
        self._warned: set[Diagnostic] = set()

    def warn(self, span, message: str) -> None:
        warning = at(self.workout.source, span, message, severity=Severity.WARNING)
        if warning not in self._warned:  # once, even for a step written as several
            self._warned.add(warning)
            self.problems.append(warning)

    def nodes(self, nodes: tuple[ir.Node, ...]) -> None:
        for node in nodes:
            if isinstance(node, ir.Step):
                self.step(node)
            elif node.count == 1:
                self.nodes(node.children)  # 1x(...) is just its steps
            else:
                first = len(self.steps)
                self.nodes(node.children)
                self.steps.append(FitStep(repeat_from=first, repeat_count=node.count))

    def step(self, step: ir.Step) -> None:
        try:
            if step.target is not None and step.target.ramp:
                self.ramp(step)
                return
            target = _target(step, self.profile)
        except NeedsProfile as missing:
            self.problems.append(missing.diagnostic)
            return
        parts = [describe.duration(step.duration)]
        if step.target is not None:
            parts.append(step.target.text)
            band = step.band
            if target.kind != "open" and not target.zone and not target.percent and band:
                shown = describe.band(band, self.profile.units)
                if shown.lower() != step.target.text.lower():
                    parts.append(shown)
        self.add(step, " ".join(parts), _duration(step.duration), target)

    def add(self, step: ir.Step, name: str, duration: FitDuration, target: FitTarget,
            extra_note: str = "") -> None:
        cadence = _cadence(step.cadence, self.profile.cadence_tolerance)
        secondary = None
        if cadence is not None:
            if target.kind == "open":
                target = cadence
            else:
                secondary = cadence
        name = self.fit_string(name, step.span, "step's name")
        notes = self.fit_string(_notes(step, self.workout, extra_note), step.span, "step's notes")
        self.steps.append(FitStep(name, notes, step.kind, duration, target, secondary))

    def fit_string(self, text: str, span, what: str) -> str:
        cut = fit_string(text)
        if cut != text:
            self.warn(span, f"the {what} is longer than the {MAX_STRING_BYTES} bytes a FIT text "
                            f"holds and is cut after {cut[-20:]!r}")
        return cut

    def ramp(self, step: ir.Step) -> None:
        """A staircase that climbs (or falls) from one end of the ramp to the other: each
        step aims at the ramp's value at its middle."""
        start, end = _ramp_ends(step, self.profile)
        count = _ramp_count(step)
        total, kind = _length(step.duration)
        bounds = [0.0] + [float(round(total * i / count)) for i in range(1, count)] + [total]
        for i in range(count):
            where = (i + 0.5) / count
            target = _between(start, end, where)
            length = bounds[i + 1] - bounds[i]
            duration = FitDuration(kind, length)
            shown = describe.duration(ir.TimeDuration(length) if kind == "time"
                                      else ir.DistanceDuration(length, "m"))
            text = _effort_text(step.target, where) if target.kind == "open" else \
                _target_text(target, self.profile.units)
            self.add(step, f"{shown} {text}", duration, target,
                     f"ramp @{step.target.text}, step {i + 1} of {count}")
        written = (f"{count} steps, each holding the ramp's value at its middle" if count > 1
                   else "one step holding the ramp's middle value")
        self.warn(step.target.span, f"FIT has no ramps: @{step.target.text} is written as "
                                    f"{written}")


def _length(duration: ir.Duration) -> tuple[float, str]:
    if isinstance(duration, ir.DistanceDuration):
        return duration.metres, "distance"
    if isinstance(duration, ir.TimeDuration):
        return duration.seconds, "time"
    raise AssertionError("checks allow ramps only on time and distance steps")


def _ramp_count(step: ir.Step) -> int:
    seconds = timing.seconds(step)
    if seconds is not None:
        count = round(seconds / RAMP_STEP_SECONDS)
    else:
        count = round(step.duration.metres / RAMP_STEP_METRES)
    return max(1, min(RAMP_MAX_STEPS, count))


def _between(start: FitTarget, end: FitTarget, where: float) -> FitTarget:
    return replace(start, low=start.low + (end.low - start.low) * where,
                   high=start.high + (end.high - start.high) * where)


def _effort_text(target: ir.Target, where: float) -> str:
    def rpe(value):
        return value.rpe if isinstance(value, ir.Effort) else 10.0
    value = rpe(target.start) + (rpe(target.end) - rpe(target.start)) * where
    return f"RPE{format_number(value, 1)}"


def _target_text(target: FitTarget, units: str) -> str:
    """A ramp step's own target, for its name: `4:50-5:00/km`, `50-53%FTP`, `150-160bpm`."""
    if target.percent:
        what = "%FTP" if target.kind == "power" else "%HRmax"
        return f"{target.low:.0f}-{target.high:.0f}{what}"
    channel = {"speed": ir.Channel.SPEED, "heart_rate": ir.Channel.HEART_RATE,
               "power": ir.Channel.POWER}[target.kind]
    middle = (target.low + target.high) / 2
    return describe.band(ir.Band(channel, target.low, target.high, middle), units)


def _duration(duration: ir.Duration) -> FitDuration:
    if isinstance(duration, ir.TimeDuration):
        return FitDuration("time", duration.seconds)
    if isinstance(duration, ir.DistanceDuration):
        return FitDuration("distance", duration.metres)
    if isinstance(duration, ir.HeartRateDuration):
        return FitDuration("hr_greater_than" if duration.above else "hr_less_than", duration.bpm)
    return FitDuration("open")


def _symbolic(value: ir.Value, profile: Profile) -> FitTarget | None:
    """The FIT target that keeps a single value symbolic, or None for values that need the
    athlete's numbers."""
    if isinstance(value, ir.HeartRateZone):
        return FitTarget("heart_rate", zone=value.zone)
    if isinstance(value, ir.PowerZone):
        return FitTarget("power", zone=value.zone)
    if isinstance(value, ir.PowerPercent):
        p, tolerance = value.percent, profile.power_tolerance
        return FitTarget("power", p * (1 - tolerance), p * (1 + tolerance), percent=True)
    if isinstance(value, ir.HeartRatePercent) and value.of == "max":
        p = value.percent
        tolerance = min(100 * profile.hr_tolerance / profile.max_hr if profile.max_hr
                        else HR_PERCENT_TOLERANCE, p / 2)  # as in resolve: never below 0
        return _hr_percent(p - tolerance, p + tolerance, profile)
    return None


def _hr_percent(low: float, high: float, profile: Profile) -> FitTarget:
    """A % of max HR range as FIT can say it. FIT's workout_hr reads 0-99 as % of max HR and
    100 and up as bpm + 100 (Garmin's decoder names the value 100 'bpm_offset', 0 bpm), so a
    bound written as 100% or more (99.5% is written 100, as the wire rounds it) is written in
    bpm when the profile knows max HR, else as 99%."""
    if round(high) <= MAX_FIT_HR_PERCENT:  # round as fit_wire does
        return FitTarget("heart_rate", low, high, percent=True)
    if profile.max_hr:
        return FitTarget("heart_rate", low * profile.max_hr / 100, high * profile.max_hr / 100)
    return FitTarget("heart_rate", min(low, MAX_FIT_HR_PERCENT), MAX_FIT_HR_PERCENT,
                     percent=True)


def _symbolic_range(start: ir.Value, end: ir.Value, profile: Profile) -> FitTarget | None:
    if isinstance(start, ir.PowerPercent) and isinstance(end, ir.PowerPercent):
        return FitTarget("power", start.percent, end.percent, percent=True)
    if (isinstance(start, ir.HeartRatePercent) and isinstance(end, ir.HeartRatePercent)
            and start.of == end.of == "max"):
        return _hr_percent(start.percent, end.percent, profile)
    return None


def _custom(band: ir.Band) -> FitTarget:
    kind = {ir.Channel.SPEED: "speed", ir.Channel.HEART_RATE: "heart_rate",
            ir.Channel.POWER: "power"}[band.channel]
    return FitTarget(kind, band.low, band.high)


def _target(step: ir.Step, profile: Profile) -> FitTarget:
    """Raises NeedsProfile when the target needs a value the profile lacks."""
    target = step.target
    if target is None or target.start.channel is ir.Channel.EFFORT:
        return OPEN
    if target.limit is not None:  # one-sided: a range open at one end, in bpm or W
        return _custom(need_band(step).band)
    if target.end is None:
        symbolic = _symbolic(target.start, profile)
    else:
        symbolic = _symbolic_range(target.start, target.end, profile)
    if symbolic is not None:
        return symbolic
    return _custom(need_band(step).band)


def _ramp_ends(step: ir.Step, profile: Profile) -> tuple[FitTarget, FitTarget]:
    target = step.target
    if target.start.channel is ir.Channel.EFFORT:
        return OPEN, OPEN
    start, end = _symbolic(target.start, profile), _symbolic(target.end, profile)
    if (start is not None and end is not None and not start.zone and not end.zone
            and start.percent == end.percent):
        return start, end
    resolved = need_band(step)
    return _custom(resolved.band), _custom(resolved.ramp_end)


def _cadence(cadence: ir.Cadence | None, tolerance: float) -> FitTarget | None:
    """A cadence range; a single cadence gets the profile's tolerance either side (in the unit
    written), since a zero-width range is one a watch alarms on at every stride."""
    if cadence is None:
        return None
    low, high = cadence.low, cadence.high
    if low == high:
        low, high = max(0.0, low - tolerance), high + tolerance
    # FIT's cadence is in rpm; a runner's rpm counts one foot, so 180 spm is 90 rpm.
    per_rpm = 2 if cadence.unit == "spm" else 1
    return FitTarget("cadence", low / per_rpm, high / per_rpm)


def _notes(step: ir.Step, workout: ir.Workout, extra: str) -> str:
    """The step's note, then what the watch cannot show otherwise: incline and effort."""
    parts = [step.note] if step.note else []
    incline = workout.incline_of(step)
    if incline is not None:
        parts.append(f"incline {format_number(incline, 4)}%")  # as the card and QZ: 1.125%
    if step.target is not None and step.target.start.channel is ir.Channel.EFFORT:
        parts.append("all out" if isinstance(step.target.start, ir.MaxEffort)
                     and step.target.end is None else f"effort @{step.target.text}")
    if extra:
        parts.append(extra)
    # Each part once: a note "all out" on an @max step would otherwise read "all out; all out".
    said = {}
    for part in parts:
        said.setdefault(part.strip().lower(), part)
    return "; ".join(said.values())


def plan(workout: ir.Workout, profile: Profile, created: int | None,
         identify: bool = True) -> tuple[FitWorkout | None, list[Diagnostic]]:
    """The FIT file of a resolved workout, and the problems met on the way: an error for every
    target the profile cannot give a value for, a warning for every approximation. `created`
    is the file's creation time in unix seconds, None to derive it from the content.
    `identify=False` (a check, which writes no file) leaves serial_number and time_created 0
    instead of hashing the content for them."""
    planner = _Planner(workout, profile)
    name = planner.fit_string(workout.name, workout.span, "workout name")
    description = planner.fit_string("\n".join(workout.notes), workout.span, "workout's notes")
    planner.nodes(workout.steps)
    if len(planner.steps) > MAX_FIT_STEPS:
        return None, planner.problems + [at(workout.source, workout.span,
                                            f"workout {workout.name!r} has {len(planner.steps):,} "
                                            f"FIT steps; a FIT file numbers them in 16 bits, so "
                                            f"it holds at most {MAX_FIT_STEPS:,}",
                                            hint="split it into several workouts")]
    if len(planner.steps) > MAX_DEVICE_STEPS:
        planner.warn(workout.span, f"workout {workout.name!r} has {len(planner.steps)} FIT "
                                   f"steps; many Garmin watches hold at most "
                                   f"{MAX_DEVICE_STEPS}")
    if workout.sport is ir.Sport.BIKE:
        sport, sub_sport = "cycling", "indoor_cycling" if workout.indoor else "generic"
    else:
        sport, sub_sport = "running", "treadmill" if workout.treadmill else "generic"
    steps = tuple(planner.steps)
    serial, created = identity(content_digest(name, description, sport, sub_sport, steps),
                               created) if identify else (0, 0)
    fit_workout = FitWorkout(name, description, sport, sub_sport, serial, created, steps)
    return fit_workout, planner.problems


def identity(digest: bytes, created: int | None) -> tuple[int, int]:
    """A FIT file's serial_number and time_created (unix s) from its content's digest: the
    creation time given, else one derived from the digest; either within FIT's dates."""
    serial = int.from_bytes(digest[:4], "little") or 1  # 0 is FIT's "invalid"
    if created is None:
        created = DEFAULT_CREATED + int.from_bytes(digest[4:8], "little") % CREATED_SPREAD
    return serial, min(max(created, MIN_FIT_DATE), MAX_FIT_DATE)


def content_digest(*content) -> bytes:
    """A hash of everything the file says but its identity. Garmin Connect and watches tell
    workout files apart by serial_number and time_created: deriving both from the content
    keeps a rebuild byte-identical while an edited workout gets a new identity, instead of
    being taken for the file it replaces (a name-only hash did that). The dataclasses' repr is
    deterministic: fields in order, floats as repr."""
    import hashlib  # (not at import: a check, which encodes nothing, need not load it)

    return hashlib.sha256(repr(content).encode("utf-8")).digest()


def fit_string(text: str) -> str:
    """`text` cut to what a FIT string field holds, at a character boundary."""
    return text.encode("utf-8")[:MAX_STRING_BYTES].decode("utf-8", "ignore")


def compile(workout: ir.Workout, profile: Profile, options: Options) -> Result:
    fit_workout, problems = plan(workout, profile, options.created,
                                 identify=not options.dry_run)
    if fit_workout is None or any(p.is_error for p in problems):
        return Result(None, problems)
    return Result(b"" if options.dry_run else fit_wire.encode(fit_workout), problems)
