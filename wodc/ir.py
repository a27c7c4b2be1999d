"""The intermediate representation: what a workout file says, independent of any output format.

All nodes are immutable dataclasses with tuple fields (`@frozen`, checked in the tests: see
wodc/frozen.py). Every node that came from text carries the `Span` it came from, so any later
stage can point at it. Units are SI: seconds, metres, metres per second; heart rate in beats
per minute, power in watts, incline in percent grade.

`resolve()` (wodc/resolve.py) returns a copy of a workout in which every step's `resolved`
field holds the concrete band its target means for one athlete.
"""

from __future__ import annotations

import enum
from dataclasses import field
from typing import Iterator, Union

from .errors import Source, Span
from .frozen import frozen


class Sport(enum.Enum):
    RUN = "run"
    BIKE = "bike"


class StepKind(enum.Enum):
    """The kind of step; FIT's intensity of the same name, except WALK (FIT: recovery)."""

    WARMUP = "warmup"
    ACTIVE = "active"
    INTERVAL = "interval"
    RECOVERY = "recovery"
    REST = "rest"
    COOLDOWN = "cooldown"
    WALK = "walk"


class Channel(enum.Enum):
    """What a target measures, and the SI unit of its values."""

    SPEED = "speed"            # m/s
    HEART_RATE = "heart rate"  # bpm
    POWER = "power"            # W
    EFFORT = "effort"          # RPE 1-10


# ---- durations -------------------------------------------------------------------------------

@frozen
class TimeDuration:
    seconds: float


@frozen
class DistanceDuration:
    metres: float
    unit: str  # as written ("m", "km", "mi", "yd"), for showing it back


@frozen
class OpenDuration:
    """Ends when the athlete presses lap."""


@frozen
class SameDuration:
    """`rec same`: as long as the step before it takes this athlete. resolve() makes it a
    TimeDuration; one it cannot time (the step before has no time or pace for this athlete)
    is an error before any backend (pipeline.load)."""


@frozen
class HeartRateDuration:
    """Ends when heart rate goes above (above=True) or below `bpm`."""

    bpm: int
    above: bool


Duration = Union[TimeDuration, DistanceDuration, OpenDuration, HeartRateDuration, SameDuration]


# ---- target values, as written --------------------------------------------------------------

@frozen
class PaceName:
    """A pace from the athlete profile: a race pace (`5K`, `HM`, any `8K`) or a Daniels
    training pace (`E`, `M`, `T`, `I`, `R`), optionally made slower by `offset_seconds` per
    `offset_metres` (None: per the profile's unit), or scaled to `speed_percent` of its speed."""

    name: str
    offset_seconds: float = 0.0
    offset_metres: float | None = None
    speed_percent: float | None = None
    channel = Channel.SPEED


@frozen
class Pace:
    """An absolute pace, e.g. 4:30/km; `per` is the unit it was written in ("km" or "mi")."""

    speed: float
    per: str
    channel = Channel.SPEED


@frozen
class Speed:
    """An absolute speed; `unit` as written ("kph" or "mph")."""

    speed: float
    unit: str
    channel = Channel.SPEED


@frozen
class HeartRate:
    bpm: float
    channel = Channel.HEART_RATE


@frozen
class HeartRateZone:
    zone: int  # 1-5
    channel = Channel.HEART_RATE


@frozen
class Zone:
    """`@Z2` as written: a zone whose meaning follows the sport. parse.py makes it a
    HeartRateZone in a run and a PowerZone (Coggan) in a ride, so no later stage sees it."""

    zone: int
    channel = Channel.HEART_RATE  # until the sport decides


@frozen
class HeartRatePercent:
    percent: float
    of: str  # "max", "lthr" or "reserve" (Karvonen: resting + % of max minus resting)
    channel = Channel.HEART_RATE


@frozen
class Power:
    watts: float
    channel = Channel.POWER


@frozen
class PowerPercent:
    percent: float  # of FTP
    channel = Channel.POWER


@frozen
class PowerZone:
    zone: int  # 1-7, Coggan
    channel = Channel.POWER


@frozen
class Effort:
    rpe: float  # 1-10
    channel = Channel.EFFORT


@frozen
class MaxEffort:
    channel = Channel.EFFORT


@frozen
class RepTime:
    """`800m @3:10`: the time to run the step's distance in. parse.py turns it into the Pace
    it means (here 800 m in 190 s), so no later stage sees it."""

    seconds: float
    channel = Channel.SPEED


@frozen
class WalkSpeed:
    """`@walk`: the athlete's walking speed (the profile's walk_speed)."""

    channel = Channel.SPEED


Value = Union[PaceName, Pace, Speed, HeartRate, HeartRateZone, HeartRatePercent, Power,
              PowerPercent, PowerZone, Effort, MaxEffort, WalkSpeed, Zone, RepTime]


@frozen
class Target:
    """A step's target as written after `@`.

    `start` alone is a single value. With `end`, it is a range `start-end` or, when `ramp` is
    true, a ramp from `start` to `end` across the step (`@E..T`)."""

    start: Value
    end: Value | None
    ramp: bool
    text: str  # without the @
    span: Span
    limit: str | None = None  # "below" (@<140bpm, a cap) or "above" (@>150bpm, a floor)

    @property
    def is_range(self) -> bool:
        return self.end is not None and not self.ramp

    @property
    def values(self) -> tuple[Value, ...]:
        return (self.start,) if self.end is None else (self.start, self.end)


# ---- resolved targets -----------------------------------------------------------------------

@frozen
class Band:
    """A concrete target for one athlete: `low`..`high` in the channel's SI unit (for speed,
    low is the slower end) and the `nominal` value the athlete aims at."""

    channel: Channel
    low: float
    high: float
    nominal: float
    limit: str | None = None  # a one-sided target: "below" `high` or "above" `low`


@frozen
class ResolvedTarget:
    """`band` is the target; for a ramp it is where the step starts and `ramp_end` where it ends."""

    band: Band
    ramp_end: Band | None = None


@frozen
class Unresolved:
    """The profile lacks what the target needs; `problem` says what and which option gives it.
    A backend that keeps the target symbolic may ignore it; one that needs a value reports it."""

    problem: object  # a wodc.errors.Diagnostic


# ---- structure ------------------------------------------------------------------------------

@frozen
class Incline:
    percent: float
    span: Span


@frozen
class Cadence:
    low: float   # per minute
    high: float
    unit: str    # "rpm" (bike) or "spm" (run)
    span: Span


@frozen
class Step:
    kind: StepKind
    duration: Duration
    target: Target | None
    incline: Incline | None
    cadence: Cadence | None
    note: str | None
    span: Span
    duration_span: Span | None = None
    resolved: ResolvedTarget | Unresolved | None = None  # set by resolve()
    # `rec 200m between`: run between a repeat's repetitions only. parse.py writes the
    # repeat out so (Nx(a, b between) is (N-1)x(a, b) then a); later stages need not look.
    between: bool = False
    # The coach word the step was written with where its kind has another name (`jog` is a
    # recovery, `strides` an interval at R pace), so the printer writes it back as written.
    word: str | None = field(default=None, compare=False)

    @property
    def band(self) -> Band | None:
        """The concrete target, when resolve() could give one."""
        return self.resolved.band if isinstance(self.resolved, ResolvedTarget) else None


@frozen
class Repeat:
    count: int
    children: tuple["Node", ...]
    span: Span


Node = Union[Step, Repeat]


@frozen
class Workout:
    name: str
    sport: Sport
    treadmill: bool       # sport treadmill: run on a treadmill
    indoor: bool          # indoors (treadmill, trainer)
    notes: tuple[str, ...]
    tags: tuple[str, ...]
    author: str | None
    incline: Incline | None  # the `incline` header: every step's incline unless it sets one
    steps: tuple[Node, ...]
    span: Span
    source: Source = field(repr=False, compare=False)

    @property
    def default_incline(self) -> float | None:
        """Percent grade for steps that give none: the header, else 1% on a treadmill."""
        if self.incline is not None:
            return self.incline.percent
        return 1.0 if self.treadmill else None

    def incline_of(self, step: Step) -> float | None:
        return step.incline.percent if step.incline is not None else self.default_incline


def flatten(nodes: tuple[Node, ...]) -> Iterator[Step]:
    """Every step in the order the athlete runs it, repeats expanded."""
    for node in nodes:
        if isinstance(node, Repeat):
            for _ in range(node.count):
                yield from flatten(node.children)
        else:
            yield node


def walk(nodes: tuple[Node, ...]) -> Iterator[Node]:
    """Every node once, in source order, repeats before their children."""
    for node in nodes:
        yield node
        if isinstance(node, Repeat):
            yield from walk(node.children)


def flat_count(nodes: tuple[Node, ...]) -> int:
    """How many steps `flatten` yields, without expanding."""
    return sum(node.count * flat_count(node.children) if isinstance(node, Repeat) else 1
               for node in nodes)
