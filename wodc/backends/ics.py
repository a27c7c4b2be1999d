"""A plan as an iCalendar file (RFC 5545), written with the `icalendar` library: one event per
session, named after its workout, as long as the workout (or all day), with the workout's table of steps as
`wodc show` prints it in the description so a phone shows the paces.

Each event's UID comes from the plan's name and where the session is in the plan (week and
day, or the written date, and its place in the day), not from its date or workout: importing
the calendar again after editing the plan, or with another start date, updates the events
instead of adding a second copy. DTSTAMP is SOURCE_DATE_EPOCH when set, else a fixed date,
so a rebuild is byte-identical.
"""

from __future__ import annotations

import datetime
from .. import timing

# Without SOURCE_DATE_EPOCH, every DTSTAMP is this instant (as FIT files' default creation).
DEFAULT_STAMP = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
DEFAULT_LENGTH = datetime.timedelta(hours=1)  # a workout whose length is open (a lap step)


def suffix() -> str:
    return ".ics"


def calendar(scheduled, options) -> bytes:
    """The .ics bytes of a pipeline.ScheduledPlan; `options` (backends.Options) says whether
    events are all day, else at what local time they start."""
    import icalendar  # imported here: only a run with a plan needs it

    from ..show import summary

    plan = scheduled.plan
    stamp = (datetime.datetime.fromtimestamp(options.created, datetime.timezone.utc)
             if options.created is not None else DEFAULT_STAMP)
    cal = icalendar.Calendar()
    cal.add("prodid", "-//wodc//wodc training plans//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", plan.name)
    for date, session, entry in scheduled.sessions:
        event = icalendar.Event()
        event.add("uid", plan.uid(session))
        event.add("dtstamp", stamp)
        event.add("summary", entry.workout.name)
        if options.all_day:
            event.add("dtstart", date)
            event.add("dtend", date + datetime.timedelta(days=1))
        else:
            start = datetime.datetime.combine(date, options.at)  # floating local time
            event.add("dtstart", start)
            event.add("duration", length(entry))
        event.add("description", summary(entry.workout, entry.profile))
        event.add("categories", [plan.name])
        cal.add_component(event)
    return cal.to_ical()


def length(entry) -> datetime.timedelta:
    """The workout's time, to the minute above; an hour when a step is open-ended."""
    totals = timing.totals(entry.workout, timing.fallback_speed(entry.workout, entry.profile))
    if totals.seconds is None:
        return DEFAULT_LENGTH
    minutes = -(-int(round(totals.seconds)) // 60)
    return datetime.timedelta(minutes=max(1, minutes))
