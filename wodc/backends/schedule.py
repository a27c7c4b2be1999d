"""A plan as a FIT schedules file: Garmin watches read it from the NewFiles folder beside the
workout files it points at, and put each workout on its day in the watch's calendar.

The layout is FIT's (FIT File Types Description, D00001309, "Schedules File"): a file_id of
type 7, then one `schedule` message per session naming the workout file by the identity in
its file_id (manufacturer, product, serial_number, time_created) and the day, as a FIT
local_date_time at midnight. The identity is the one fit.plan gives the session's workout
file, so the schedule points at the very file written beside it.
"""

from __future__ import annotations

import calendar
import datetime

from . import fit, fit_wire
from .fit import content_digest

# Garmin documents no number; watches hold a limited calendar, and plan tools warn at about a
# month of sessions. Above this, wodc warns (the file is still written).
WATCH_SESSIONS = 30


def suffix() -> str:
    return ".schedule.fit"


def identity(entry, created: int | None) -> tuple[int, int] | None:
    """(serial_number, time_created) of the session's FIT workout file, or None when it has
    no FIT file (its FIT compile failed)."""
    fit_workout, problems = fit.plan(entry.workout, entry.profile, created)
    if fit_workout is None or any(p.is_error for p in problems):
        return None
    return fit_workout.serial_number, fit_workout.time_created


def schedule(scheduled, identities: list[tuple[int, int]], created: int | None) -> bytes:
    """The schedules file of a pipeline.ScheduledPlan, given each session's file identity."""
    days = [midnight(date) for date, _, _ in scheduled.sessions]
    entries = [(serial, time_created, day)
               for (serial, time_created), day in zip(identities, days)]
    serial, created = fit.identity(content_digest(scheduled.plan.name, entries), created)
    return fit_wire.encode_schedule(serial, created, entries)


def midnight(date: datetime.date) -> int:
    """A day as FIT's local_date_time counts it (from 1989-12-31 local), in unix-like seconds:
    its midnight as if it were UTC, since a local time has no zone."""
    return calendar.timegm(date.timetuple())
