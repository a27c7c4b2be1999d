"""`wodc show plan.wod`: a plan week by week (sessions, time, distance, time in each
intensity, load), then each session on its day."""

from __future__ import annotations

from . import describe, timing
from .load import RUN_CLASSES, intensity_mix, load
from .plan import DAY_NAMES
from .text_table import text_table
from .units import format_clock


def _clock(seconds: float) -> str:
    return format_clock(seconds) if seconds else "-"


def render_plan(scheduled) -> str:
    """The text of a pipeline.ScheduledPlan."""
    plan, sessions = scheduled.plan, scheduled.sessions
    first, last = sessions[0][0], sessions[-1][0]
    lines = [f"{plan.name}: {len(sessions)} sessions, {first} to {last}", ""]
    figures = []  # per session: (week, date, entry, seconds, metres, mix, load)
    for date, _, entry in sessions:
        totals = timing.totals(entry.workout, timing.fallback_speed(entry.workout,
                                                                    entry.profile))
        figures.append(((date - scheduled.start).days // 7 + 1, date, entry, totals,
                        intensity_mix(entry.workout, entry.profile),
                        load(entry.workout, entry.profile)))
    classes = [c for c in (*RUN_CLASSES, *(f"PZ{z}" for z in range(1, 8)))
               if any(c in f[4] for f in figures)]
    kinds = sorted({f[5].kind for f in figures if f[5] is not None})
    load_header = f"load ({', '.join(kinds)})" if kinds else "load"
    rows = []
    for week in sorted({f[0] for f in figures}):
        mine = [f for f in figures if f[0] == week]
        seconds = sum(f[3].seconds or 0 for f in mine)
        metres = sum(f[3].metres or 0 for f in mine)
        loads = [f[5].score for f in mine if f[5] is not None]
        rows.append([str(week), f"{mine[0][1]} to {mine[-1][1]}", str(len(mine)),
                     _clock(seconds), f"{metres / 1000:.1f}km" if metres else "-",
                     *(_clock(sum(f[4].get(c, 0) for f in mine)) for c in classes),
                     f"{sum(loads):.0f}" if loads else "-"])
    header = ["week", "days", "sessions", "time", "distance", *classes, load_header]
    lines += text_table(header, rows, right=frozenset({2, 3, 4, *range(5, len(header))}))
    lines += ["", "session"]
    session_rows = []
    for week, date, entry, totals, _, figure in figures:
        session_rows.append([str(date), DAY_NAMES[date.weekday()], str(week),
                             entry.workout.name, describe.total_text(totals),
                             f"{figure.score:.0f} {figure.kind} (IF {figure.intensity_factor:.2f})"
                             if figure is not None else "-"])
    lines += text_table(["date", "day", "week", "workout", "time, distance", "load"],
                        session_rows)
    return "\n".join(lines) + "\n"
