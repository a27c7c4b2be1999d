"""MRC files (.mrc): the segments of erg.py as % of FTP (`MINUTES PERCENT`), so that each
rider's trainer scales them to their own FTP. Needs the athlete's FTP only where a step is
written in watts (@200W) or has no target."""

from __future__ import annotations

from .. import ir
from ..errors import at
from ..naming import slug
from ..profile import Profile
from . import Options, Result
from .erg import SPORTS, number, plan, render

__all__ = ["SPORTS", "compile", "suffix"]


def suffix(options: Options) -> str:
    return ".mrc"


def compile(workout: ir.Workout, profile: Profile, options: Options) -> Result:
    segments, cues, problems = plan(workout, profile)
    if any(p.is_error for p in problems):
        return Result(None, problems)
    if not profile.ftp:  # every power target resolved to watts needs it to become a percent
        return Result(None, problems + [at(workout.source, workout.span,
                                           "an MRC file gives power as % of FTP, and this "
                                           "workout needs your FTP to say it",
                                           hint="give --ftp 250")])
    if options.dry_run:
        return Result(b"", problems)
    data = render(workout, segments, cues, unit="PERCENT",
                  values=lambda watts: number(watts / profile.ftp * 100, 2),
                  file_name=slug(workout.name) + suffix(options), ftp=None)
    return Result(data, problems)
