"""Backends: one module per output format, each with

    suffix(options) -> str                        the file name ending, e.g. ".fit"
    compile(workout, profile, options) -> Result  the file's bytes and the problems found
    SPORTS (optional)                             the sports it writes; default: all

A backend receives a resolved workout (see wodc/resolve.py). What it cannot express exactly it
approximates and reports as a warning naming the step (`--strict` makes those errors); what it
cannot express at all is an error, and then `data` is None. A backend never writes files.
"""

from __future__ import annotations

import datetime
import importlib
import os
from dataclasses import field

from ..errors import Diagnostic, closest, quoted
from ..frozen import frozen, mutable


def created_time() -> int | None:
    """SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/), or None:
    then each FIT file takes a creation time derived from its content (see backends/fit.py)."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not value:
        return None
    # ASCII digits only, and a number FIT can hold at all (a 5,000-digit one is no date). The
    # spec asks a build to stop on a malformed value rather than go on with another date.
    if not (value.isascii() and value.isdigit() and len(value) <= 12):
        raise ValueError(f"SOURCE_DATE_EPOCH={quoted(value)} is not a number of seconds "
                         f"since 1970-01-01 (unset it, or set it like SOURCE_DATE_EPOCH="
                         f"1767225600)")
    return int(value)


@frozen
class Options:
    card_format: str = "txt"            # txt | md | csv
    created: int | None = field(default_factory=created_time)  # unix s, FIT time_created
    author: str | None = None           # ZWO author, over the profile's
    all_day: bool = False               # plan calendars: all-day events, else timed ones
    at: datetime.time = datetime.time(7, 0)  # ... starting at this local ("floating") time
    # `wodc check` and the editor want the problems only: a backend then returns b"" for a
    # file it could write, without rendering it.
    dry_run: bool = False


@mutable
class Result:
    data: bytes | None
    problems: list[Diagnostic] = field(default_factory=list)


# format name -> module; modules are imported only when used.
FORMATS: dict[str, str] = {
    "fit": "wodc.backends.fit",
    "zwo": "wodc.backends.zwo",
    "qz": "wodc.backends.qz",
    "card": "wodc.backends.card",
    "erg": "wodc.backends.erg",
    "mrc": "wodc.backends.mrc",
}


def backend(name: str):
    return importlib.import_module(FORMATS[name])


def applies(name: str, workout) -> bool:
    """Whether format `name` is written for this workout's sport (a treadmill program is not
    written for a ride)."""
    sports = getattr(backend(name), "SPORTS", None)
    return sports is None or workout.sport in sports


def parse_formats(text: str) -> tuple[list[str], str | None]:
    """`fit,zwo` -> (["fit", "zwo"], None), or ([], an error with a "did you mean")."""
    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    for name in names:
        if name not in FORMATS:
            close = closest(name, FORMATS)
            hint = f"; did you mean {close!r}?" if close else ""
            return [], f"unknown format {name!r}{hint} (formats: {', '.join(FORMATS)})"
    if not names:
        return [], f"name at least one format: {', '.join(FORMATS)}"
    return list(dict.fromkeys(names)), None
