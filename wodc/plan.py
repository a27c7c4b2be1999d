"""Training plans: a `plan` block at the top of a file lays workouts on days.

    plan "4-Week Treadmill Mile" starts 2026-12-07
    week 1
      mon "Speed: Hill Sprints and 200s"
      tue "Easy 30min", "Strides"      # two sessions on one day
      wed rest
    week 2
      ...
    2026-12-25 "Christmas Run"         # a session on a date

The block runs from the `plan` line to the first `workout` line; the workouts after it (and
those of other files in the same run) are what its quoted names refer to. Week 1 begins on
the start date and each week is the seven days from there, so `mon` is the Monday of that
week whatever day the plan starts on. A dated line is a date of the plan as written: a
different start (--start, --race-day) moves it with the rest.

This module reads the block (line by line: it is a list, not a language of its own) and
works out dates; the pipeline matches names to workouts, the backends write the calendar.
"""

from __future__ import annotations

import datetime
import re

from .errors import Diagnostic, Source, Span, at
from .frozen import frozen

DAYS = {"mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "wednesday": 2,
        "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4, "sat": 5,
        "saturday": 5, "sun": 6, "sunday": 6}
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# The lines of a plan block. Patterns, not compiled ones: re compiles each when a plan first
# needs it, as it does the inline ones below (compiled on import, they took 0.7-1.3 ms of the
# start-up of every check, and most checks read no plan).
_QUOTED = r'"(?:[^"\\\n]|\\.)*"'
_PLAN = rf'(?i)plan\s+({_QUOTED})(?:\s+starts\s+(\S+))?'
_WEEK = r"(?i)week\s+(\S+)"
_ENTRY = rf"(?i)(\S+)\s+(rest|{_QUOTED}(?:\s*,\s*{_QUOTED})*)"
_DATE = r"\d{4}-\d{2}-\d{2}"
_COMMENT = rf"({_QUOTED}|[^\"#])*"  # a line up to its comment


@frozen
class Session:
    """One workout on one day: `week` and `weekday` (0 = Monday), or `offset` days from the
    written start for a dated line; `index` orders sessions of one day."""

    name: str
    span: Span
    week: int | None = None
    weekday: int | None = None
    offset: int | None = None
    index: int = 0

    def key(self) -> str:
        """What the session is in the plan, not when: for calendar UIDs that survive a new
        start date or a different workout on that day."""
        where = f"w{self.week}-{self.weekday}" if self.week is not None else f"d{self.offset}"
        return f"{where}-{self.index}"


@frozen
class Plan:
    name: str
    start: datetime.date | None
    sessions: tuple[Session, ...]
    source: Source
    span: Span
    bad_start: bool = False  # `starts` was written but is not a date (already an error)

    def day_of(self, session: Session, start: datetime.date) -> datetime.date:
        if session.offset is not None:
            return start + datetime.timedelta(days=session.offset)
        window = start + datetime.timedelta(days=7 * (session.week - 1))
        return window + datetime.timedelta(days=(session.weekday - window.weekday()) % 7)

    def start_for_race_day(self, race_day: datetime.date
                           ) -> tuple[datetime.date | None, str | None]:
        """The start date that puts the plan's last session on `race_day`, or an error."""
        if not self.sessions:
            return None, "the plan has no sessions"
        written = self.start or race_day
        last = max(self.sessions, key=lambda s: self.day_of(s, written))
        if last.offset is not None:
            return race_day - datetime.timedelta(days=last.offset), None
        if race_day.weekday() != last.weekday:
            return None, (f"the plan's last session is on a {DAY_NAMES[last.weekday]} "
                          f"(week {last.week}); {race_day.isoformat()} is a "
                          f"{DAY_NAMES[race_day.weekday()]}")
        # Keep the written start's weekday (Monday when none is written).
        first_weekday = (self.start or datetime.date(2024, 1, 1)).weekday()
        days = 7 * (last.week - 1) + (last.weekday - first_weekday) % 7
        return race_day - datetime.timedelta(days=days), None

    def uid(self, session: Session) -> str:
        import hashlib

        digest = hashlib.sha256(f"{self.name}\0{session.key()}".encode("utf-8")).hexdigest()
        return f"{digest[:32]}@wodc"


def parse_date(text: str) -> datetime.date | None:
    if not re.fullmatch(_DATE, text):
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text[1:-1])


def is_plan(text: str) -> bool:
    """Whether the file starts (after blank and comment lines) with a `plan` line."""
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            return re.match(r"plan\b", stripped, re.I) is not None
    return False


def split(source: Source) -> tuple[Plan | None, list[Diagnostic], str]:
    """The plan block of a file that starts with one, its problems, and the file's text with
    the block's lines blanked (so the workouts after it keep their line numbers)."""
    lines = source.text.split("\n")
    problems: list[Diagnostic] = []
    name, start, plan_span, bad_start = None, None, None, False
    sessions: list[Session] = []
    week, last_week_line, seen_days = None, None, {}
    week_sessions: dict[int, int] = {}
    last_offset = -1
    end = len(lines)

    def problem(number: int, column: int, width: int, message: str, hint: str | None = None):
        problems.append(at(source, Span(number, column, number, column + max(width, 1)),
                           message, hint=hint))

    for number, line in enumerate(lines, 1):
        text = re.match(_COMMENT, line).group().rstrip()
        stripped = text.lstrip()
        column = len(text) - len(stripped) + 1
        if not stripped:
            continue
        if re.match(r"workout\b", stripped, re.I):
            end = number - 1
            break
        if name is None:
            match = re.fullmatch(_PLAN, stripped)
            if not match:  # the block is still the plan's: its lines are not workouts
                problem(number, column, len(stripped), "a plan starts with its name in quotes",
                        'write plan "Spring 10K" starts 2027-03-01')
                name, plan_span = "", Span(number, column, number, column + len(stripped))
                continue
            name = _unquote(match.group(1)).strip()
            plan_span = Span(number, column, number, column + len(stripped))
            if not name:
                problem(number, column, len(stripped), "a plan needs a name",
                        'write plan "Spring 10K" starts 2027-03-01')
            if match.group(2) is not None:
                start = parse_date(match.group(2))
                bad_start = start is None
                if start is None:
                    problem(number, column + match.start(2), len(match.group(2)),
                            f"{match.group(2)!r} is not a date", "write a date as 2027-03-01")
            continue
        if match := re.fullmatch(_WEEK, stripped):
            value = match.group(1)
            expected = 1 if week is None else week + 1
            if not value.isdigit() or not value.isascii():
                problem(number, column + match.start(1), len(value),
                        f"{value!r} is not a week number", f"write week {expected}")
                continue
            if week is not None and week_sessions.get(week, 0) == 0:
                problem(last_week_line, 1, 4, f"week {week} has no workouts",
                        "put at least one workout in each week (a rest week still has an "
                        "easy run), or leave the week out and renumber")
            if int(value) != expected:
                problem(number, column + match.start(1), len(value),
                        f"week {value} comes after "
                        f"{'the plan line' if week is None else f'week {week}'}",
                        f"number the weeks in order: week {expected}")
            week, last_week_line, seen_days = int(value), number, {}
            week_sessions.setdefault(week, 0)
            continue
        match = re.fullmatch(_ENTRY, stripped)
        if not match:
            problem(number, column, len(stripped.split()[0]),
                    "a plan line is `week N`, a day with workouts or a date with workouts",
                    'write mon "Easy 30min", or 2027-03-05 "Long Run"')
            continue
        when, what = match.group(1), match.group(2)
        when_column = column
        names = [] if what.lower() == "rest" else [
            (m.group(), column + match.start(2) + m.start())
            for m in re.finditer(_QUOTED, what)]
        if when.lower() in DAYS:
            if week is None:
                problem(number, when_column, len(when), f"{when} needs a week above it",
                        "write week 1 before the days")
                continue
            weekday = DAYS[when.lower()]
            first = (start or datetime.date(2024, 1, 1)).weekday()  # the week's first day
            order = (weekday - first) % 7
            if weekday in seen_days:
                problem(number, when_column, len(when),
                        f"week {week} already has a line for {DAY_NAMES[weekday]} "
                        f"(line {seen_days[weekday]})",
                        f'put both on one line: {DAY_NAMES[weekday]} "A", "B"')
                continue
            if any((d - first) % 7 > order for d in seen_days):
                problem(number, when_column, len(when),
                        f"{DAY_NAMES[weekday]} comes after a later day of week {week}",
                        "list the days of a week in order")
            seen_days[weekday] = number
            for index, (quoted, at_column) in enumerate(names):
                sessions.append(Session(_unquote(quoted),
                                        Span(number, at_column, number, at_column + len(quoted)),
                                        week=week, weekday=weekday, index=index))
            week_sessions[week] += len(names)
            continue
        if re.fullmatch(_DATE, when) or re.fullmatch(r"[0-9-/.]+", when):
            date = parse_date(when)
            if date is None:
                problem(number, when_column, len(when), f"{when!r} is not a date",
                        "write a date as 2027-03-01")
                continue
            if start is None:
                problem(number, when_column, len(when),
                        "a dated session needs the plan's start date",
                        'write plan "NAME" starts 2027-03-01')
                continue
            offset = (date - start).days
            if offset < 0 or offset <= last_offset:
                problem(number, when_column, len(when),
                        f"{when} is before the plan's start" if offset < 0 else
                        f"{when} is not after the date of an earlier line",
                        "list dated sessions in order, on or after the start, one line a "
                        'day (two sessions: 2027-03-05 "A", "B")')
                continue
            last_offset = offset
            for index, (quoted, at_column) in enumerate(names):
                sessions.append(Session(_unquote(quoted),
                                        Span(number, at_column, number, at_column + len(quoted)),
                                        offset=offset, index=index))
            continue
        problem(number, when_column, len(when), f"{when!r} is not a day or a date",
                "write a day (mon, tue, ...) or a date (2027-03-01)")
    if week is not None and week_sessions.get(week, 0) == 0:
        problem(last_week_line, 1, 4, f"week {week} has no workouts",
                "put at least one workout in each week, or leave the week out")
    blanked = "\n" * end + "\n".join(lines[end:])
    if not name:  # no plan line, or one without a name: no plan
        return None, problems, blanked if name == "" else source.text
    if not sessions and not problems:
        problem(plan_span.line, plan_span.column, 4, f"plan {name!r} has no sessions",
                'add weeks and days: week 1, then mon "Easy 30min"')
    plan = Plan(name, start, tuple(sessions), source, plan_span, bad_start)
    return plan, problems, blanked
