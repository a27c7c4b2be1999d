"""ERG files (.erg): a ride as power over time, for trainers in ERG mode (GoldenCheetah,
TrainerRoad, Wahoo, intervals.icu and the rest read them). mrc.py writes the same segments
as % of FTP.

The layout is the one GoldenCheetah's reader accepts (src/Train/ErgFile.cpp,
ErgFile::parseComputrainer): a [COURSE HEADER] of `KEY = value` lines and the `MINUTES WATTS`
(or `MINUTES PERCENT`) line, a [COURSE DATA] of `minutes<TAB>value` rows, and a [COURSE TEXT]
of `seconds<TAB>message<TAB>duration` cues; the file is valid only when its last section is
closed ([END COURSE DATA] or [END COURSE TEXT]).

Each step is two rows, at its start and at its end: the same value for a steady step, the
ramp's two ends for a ramp (readers draw straight lines between rows). Repeats are written
out. Minutes carry 10 decimals, so a reader's minutes x 60,000 lands on the millisecond a
step starts (20 s is 0.3333333333 min, 19,999.99999 ms): a known fault of other writers is
20 s read back as 19.8 s. Watts are whole (GoldenCheetah rounds them); an ERG file also says
the FTP its watts were written for, which GoldenCheetah uses to scale them to its rider's.

What a trainer in ERG mode cannot do is an error naming the step: a heart-rate or effort
target (it holds a power), a distance (it knows no speed), a step that waits for lap or a
heart rate. A step without a target is written at the power its kind suggests (a recovery
spin at 50% of FTP: intensity.UNTARGETED), and @max at 150% of FTP, each with a warning.
"""

from __future__ import annotations

import math

from .. import ir
from ..errors import Diagnostic, Severity, at
from ..frozen import frozen
from ..intensity import UNTARGETED
from ..naming import slug
from ..profile import Profile
from . import Options, Result

SPORTS = frozenset({ir.Sport.BIKE})  # ERG and MRC are ride formats: see backends.applies
MAX_EFFORT_FTP = 1.5  # @max, as ZWO writes it
CUE_SECONDS = 10      # how long a text cue shows


@frozen
class Segment:
    """One step as the trainer holds it: from `start` s for `seconds`, power from `first` to
    `last` watts (equal unless it is a ramp)."""

    start: float
    seconds: float
    first: float
    last: float


@frozen
class Cue:
    start: float
    text: str


def suffix(options: Options) -> str:
    return ".erg"


def plan(workout: ir.Workout, profile: Profile
         ) -> tuple[list[Segment], list[Cue], list[Diagnostic]]:
    """The workout as segments in watts and cues; problems for what cannot be held."""
    problems: list[Diagnostic] = []
    segments: list[Segment] = []
    cues = [Cue(0.0, note) for note in workout.notes]
    if workout.sport is not ir.Sport.BIKE:
        return [], [], [at(workout.source, workout.span,
                           f"workout {workout.name!r} is a run; ERG and MRC files are for "
                           "rides on a trainer", hint="compile it to fit, zwo, qz or card")]
    clock = 0.0
    for step in ir.flatten(workout.steps):
        seconds = _seconds(step, workout, problems)
        watts = _watts(step, workout, profile, problems)
        if seconds is None or watts is None:
            continue
        if step.note:
            cues.append(Cue(clock, step.note))
        segments.append(Segment(clock, seconds, *watts))
        clock += seconds
    return segments, cues, list(dict.fromkeys(problems))  # a repeated step's problem once


def _seconds(step: ir.Step, workout: ir.Workout, problems: list[Diagnostic]) -> float | None:
    duration = step.duration
    if isinstance(duration, ir.TimeDuration):
        return duration.seconds
    where = step.duration_span or step.span
    if isinstance(duration, ir.DistanceDuration):
        problems.append(at(workout.source, where, "an ERG or MRC file is timed, and a trainer "
                                                  "knows no speed for this distance",
                           hint="give the step a time, like 10min"))
    else:
        problems.append(at(workout.source, where, "an ERG or MRC file has no step that waits "
                                                  "for lap or a heart rate",
                           hint="give the step a time, like 10min"))
    return None


def _watts(step: ir.Step, workout: ir.Workout, profile: Profile,
           problems: list[Diagnostic]) -> tuple[float, float] | None:
    target = step.target
    if target is None or isinstance(target.start, ir.MaxEffort):
        share = MAX_EFFORT_FTP if target is not None else UNTARGETED[step.kind]
        if not profile.ftp:
            problems.append(at(workout.source, target.span if target else step.span,
                               "an ERG or MRC file needs a power for every step, and this one "
                               "needs your FTP to have one", hint="give --ftp 250"))
            return None
        what = "@max" if target is not None else f"a {step.kind.value} step without a target"
        problems.append(at(workout.source, target.span if target else step.span,
                           f"{what} is written as {share:.0%} of FTP "
                           f"({share * profile.ftp:.0f} W)", severity=Severity.WARNING))
        return share * profile.ftp, share * profile.ftp
    if isinstance(step.resolved, ir.Unresolved):
        problems.append(step.resolved.problem)
        return None
    band = step.band
    if band is None or band.channel is not ir.Channel.POWER:
        problems.append(at(workout.source, target.span,
                           f"a trainer in ERG mode holds a power, and @{target.text} is not "
                           "one", hint="give the step a power, like @60%FTP or @150W"))
        return None
    end = step.resolved.ramp_end
    return band.nominal, end.nominal if end is not None else band.nominal


def minutes(seconds: float) -> str:
    """Minutes with the decimals a millisecond needs (see the module docstring)."""
    return f"{seconds / 60:.10f}".rstrip("0").rstrip(".")


def number(value: float, decimals: int) -> str:
    """`value` rounded half up (format() rounds half to even: 132.5 W would be 132)."""
    scaled = math.floor(value * 10 ** decimals + 0.5)
    return f"{scaled / 10 ** decimals:.{decimals}f}".rstrip("0").rstrip(".") if decimals \
        else str(scaled)


def text(value: str) -> str:
    """A text on one line that no reader takes for something else: GoldenCheetah finds a
    section marker anywhere in a line, and a setting ends at `=`."""
    return " ".join(value.replace("[", "(").replace("]", ")").replace("=", "-").split())


def render(workout: ir.Workout, segments: list[Segment], cues: list[Cue], *, unit: str,
           values, file_name: str, ftp: float | None) -> bytes:
    """The file: `unit` is WATTS or PERCENT, `values(watts)` the number written for a power."""
    description = "; ".join([workout.name, *workout.notes])
    # SOURCE (a setting GoldenCheetah reads, ErgFile.cpp:627) also tells wodc its own files
    # from someone else's, which it never replaces (output.written_by_wodc).
    lines = ["[COURSE HEADER]", "VERSION = 2", "UNITS = ENGLISH",
             f"DESCRIPTION = {text(description)}", f"FILE NAME = {file_name}", "SOURCE = wodc"]
    if ftp:
        lines.append(f"FTP = {ftp:.0f}")
    lines += [f"MINUTES {unit}", "[END COURSE HEADER]", "[COURSE DATA]"]
    for segment in segments:
        lines.append(f"{minutes(segment.start)}\t{values(segment.first)}")
        lines.append(f"{minutes(segment.start + segment.seconds)}\t{values(segment.last)}")
    lines.append("[END COURSE DATA]")
    if cues:
        lines.append("[COURSE TEXT]")
        lines += [f"{number(c.start, 3)}\t{text(c.text)}\t{CUE_SECONDS}" for c in cues]
        lines.append("[END COURSE TEXT]")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def compile(workout: ir.Workout, profile: Profile, options: Options) -> Result:
    segments, cues, problems = plan(workout, profile)
    if any(p.is_error for p in problems):
        return Result(None, problems)
    if options.dry_run:
        return Result(b"", problems)
    data = render(workout, segments, cues, unit="WATTS", values=lambda w: number(w, 0),
                  file_name=slug(workout.name) + suffix(options), ftp=profile.ftp)
    return Result(data, problems)
