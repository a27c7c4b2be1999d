"""What an editor shows for a workout file as it is typed: the problems `wodc check FILE`
reports, what a target means for the athlete, totals, completions, an outline, fixes.

Positions are wodc's: 1-based lines and columns counted in characters. wodc/lsp.py speaks
the Language Server Protocol over this module and converts positions at that edge.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import field

from . import describe, ir, timing
from .errors import Diagnostic, Span
from .frozen import frozen, mutable
from .profile import Profile
from .units import KPH_PER_MPS, MPH_PER_MPS, format_pace


@mutable
class Analysis:
    """One file checked as `wodc check FILE` checks it, and what hovers and completions need."""

    path: str
    text: str
    problems: list[Diagnostic] = field(default_factory=list)
    workouts: list[ir.Workout] = field(default_factory=list)  # resolved, for this file
    profile: Profile = field(default_factory=Profile)
    plan: object | None = None                                # plan.Plan, if the file has one
    profiles_used: list[str] = field(default_factory=list)


def analyse(path: str, text: str) -> Analysis:
    """`wodc check FILE` on `text` as the file's contents, with the profile the command
    line would find for `path` (wodc.toml or pyproject.toml upward from it)."""
    from .errors import Source
    from .parallel import check_run
    from .pipeline import ProfileSource, load
    from .plan import is_plan, split

    profiles = ProfileSource()
    run = load([path], profiles, texts={path: text})
    checked = check_run(run, None)
    workouts = {id(e.workout): e.workout for e in run.entries  # a plan's sessions share one
                if e.workout.source.path == path}
    analysis = Analysis(path, text, checked.problems, list(workouts.values()),
                        profiles.for_input(path), profiles_used=list(run.profiles_used))
    if is_plan(text):
        analysis.plan = split(Source(path, text.replace("\r\n", "\n")))[0]
    return analysis


# ---- hover ------------------------------------------------------------------------------------

@frozen
class Hover:
    text: str   # Markdown
    span: Span  # what it is about


_TARGET = re.compile(r'@[^\s,;()#"]*')
_REPEAT = re.compile(r"\d+[ \t]*[x×]", re.I)


def hover(analysis: Analysis, line: int, column: int) -> Hover | None:
    """What the thing under (line, column) means for this athlete: a target's paces, speeds,
    heart rates or watts; a repeat's total time and distance; a workout's totals and load."""
    text = _line(analysis.text, line)
    for match in _TARGET.finditer(text):
        if match.start() < column <= match.end():
            step = _step_with_target(analysis.workouts, line, match.start() + 1)
            span = Span(line, match.start() + 1, line, match.end() + 1)
            if step is not None:
                return Hover(_target_text(step, analysis.profile), span)
            return None
    for workout in analysis.workouts:
        if workout.span.line == line and re.match(r"\s*workout\b", text, re.I):
            return Hover(_workout_text(workout, analysis.profile),
                         Span(line, 1, line, len(text) + 1))
        for node in ir.walk(workout.steps):
            if isinstance(node, ir.Repeat) and node.span.line == line:
                match = _REPEAT.match(text, node.span.column - 1)
                if match and node.span.column <= column <= match.end():
                    return Hover(_repeat_text(node, workout, analysis.profile),
                                 Span(line, node.span.column, line, match.end() + 1))
    return None


def _line(text: str, line: int) -> str:
    lines = text.replace("\r\n", "\n").split("\n")
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _step_with_target(workouts, line: int, column: int) -> ir.Step | None:
    for workout in workouts:
        for node in ir.walk(workout.steps):
            if (isinstance(node, ir.Step) and node.target is not None
                    and node.target.span.line == line and node.target.span.column == column):
                return node
    return None


def band_text(band: ir.Band, profile: Profile) -> str:
    """`4:16-4:21/km · 14.1 km/h · 8.8 mph`, `145-155 bpm · 76-82% of max`, `243-257 W ·
    97-103% FTP`."""
    shown = describe.band(band, profile.units)
    if band.channel is ir.Channel.SPEED and band.limit is None:
        other = "mi" if profile.units == "km" else "km"
        fast, slow = format_pace(band.high, other), format_pace(band.low, other)
        second = fast if fast == slow else f"{fast.split('/')[0]}-{slow}"
        return (f"{shown} · {second} · {band.nominal * KPH_PER_MPS:.1f} km/h · "
                f"{band.nominal * MPH_PER_MPS:.1f} mph")
    if band.channel is ir.Channel.HEART_RATE and profile.max_hr and band.limit is None:
        return f"{shown} · {band.low / profile.max_hr:.0%}-{band.high / profile.max_hr:.0%} " \
               f"of max HR"
    if band.channel is ir.Channel.POWER and profile.ftp and band.limit is None:
        return f"{shown} · {band.low / profile.ftp:.0%}-{band.high / profile.ftp:.0%} FTP"
    return shown


def _target_text(step: ir.Step, profile: Profile) -> str:
    head = f"**@{step.target.text}**"
    resolved = step.resolved
    if isinstance(resolved, ir.ResolvedTarget):
        text = band_text(resolved.band, profile)
        if resolved.ramp_end is not None:
            text = f"from {text}  \nto {band_text(resolved.ramp_end, profile)}"
        return f"{head}: {text}"
    if isinstance(resolved, ir.Unresolved):
        problem = resolved.problem
        hint = f" ({problem.hint})" if getattr(problem, "hint", None) else ""
        return f"{head}: {problem.message}{hint}"
    return head


def _totals_text(workout: ir.Workout, profile: Profile) -> str:
    return describe.total_text(timing.totals(workout, timing.fallback_speed(workout, profile)))


def _repeat_text(repeat: ir.Repeat, workout: ir.Workout, profile: Profile) -> str:
    alone = dataclasses.replace(workout, steps=(repeat,))
    return f"**{repeat.count}x**: {_totals_text(alone, profile)} in all " \
           f"({ir.flat_count(repeat.children)} steps a round)"


def _workout_text(workout: ir.Workout, profile: Profile) -> str:
    from .load import load

    text = f"**{workout.name}** ({workout.sport.value}): {_totals_text(workout, profile)}"
    figure = load(workout, profile)
    if figure is not None:
        text += f"  \nload {figure.score:.0f} {figure.kind} (IF {figure.intensity_factor:.2f})"
    return text


# ---- completion ---------------------------------------------------------------------------------

@frozen
class Completion:
    label: str
    kind: str          # "keyword", "value", "unit", "reference" (a workout's name)
    detail: str = ""
    insert: str | None = None  # what to insert, when not the label


KINDS = ("warmup", "cooldown", "run", "interval", "rec", "rest", "walk", "jog", "strides")
HEADERS = ("workout", "sport", "note", "tags", "author", "incline")
MODIFIERS = ("incline", "cadence", "between", "until")
TIME_UNITS = ("s", "min", "h")
DISTANCE_UNITS = ("m", "km", "mi", "yd")
TARGET_FORMS = (("max", "all out"), ("walk", "your walking speed"), ("RPE7", "perceived effort"),
                ("Z2", "zone 2 (heart rate in a run, power in a ride)"),
                ("PZ3", "power zone 3 (Coggan)"), ("95%FTP", "percent of FTP"),
                ("85%HRmax", "percent of max heart rate"), ("150bpm", "heart rate"),
                ("250W", "power"), ("4:30/km", "a pace"), ("12kph", "a speed"))
PACE_NAMES = ("E", "M", "T", "I", "R", "mile", "1500", "3K", "5K", "10K", "15K", "HM")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def completions(analysis: Analysis, line: int, column: int) -> list[Completion]:
    """What may come at (line, column): after `@` a target (pace names with what they mean
    for this athlete), after a number a unit, at the start of a line a kind or header, later
    in a step a modifier; in a plan's day line, the names of the workouts."""
    text = _line(analysis.text, line)[:column - 1]
    if analysis.plan is not None and _in_plan(analysis, line):
        if re.match(r"\s*\S+\s", text):  # after the day (or date): its workouts
            return [Completion(f'"{w.name}"', "reference", "workout")
                    for w in _all_workouts(analysis)]
        return [Completion(d, "keyword") for d in DAYS] + [Completion("week", "keyword"),
                                                          Completion("rest", "keyword")]
    target = re.search(r"@([^\s,;()#\"]*)$", text)
    if target is not None:
        return _target_completions(analysis.profile)
    if re.search(r"(?<![\w.:])\d+(\.\d+)?$", text):
        return [Completion(u, "unit", "time") for u in TIME_UNITS] + \
               [Completion(u, "unit", "distance") for u in DISTANCE_UNITS]
    words = re.findall(r"[^\s,;()]+", re.split(r"[,;(]", text)[-1])
    if not words or (len(words) == 1 and not text.endswith((" ", "\t"))):
        return [Completion(k, "keyword", "step kind") for k in KINDS] + \
               [Completion(h, "keyword", "header") for h in HEADERS]
    return [Completion(m, "keyword", "modifier") for m in MODIFIERS] + \
        [Completion('"note"', "value", "a note", '""')]


def _target_completions(profile: Profile) -> list[Completion]:
    from .resolve import resolve_target
    from .targets import parse_target

    found = []
    for name in PACE_NAMES:
        try:
            resolved = resolve_target(parse_target(name, Span(0, 0, 0, 0)), profile)
            detail = band_text(resolved.band, profile)
        except Exception:  # noqa: BLE001 - no race time: the name alone
            detail = "needs a race time (wodc.toml [races])"
        found.append(Completion(name, "value", detail))
    return found + [Completion(label, "value", detail) for label, detail in TARGET_FORMS]


def _in_plan(analysis: Analysis, line: int) -> bool:
    lines = analysis.text.replace("\r\n", "\n").split("\n")
    first_workout = next((i + 1 for i, l in enumerate(lines)
                          if re.match(r"\s*workout\b", l, re.I)), len(lines) + 1)
    return line < first_workout


def _all_workouts(analysis: Analysis) -> list[ir.Workout]:
    """This file's workouts and those of the other .wod files beside it (a plan names both)."""
    from pathlib import Path

    from .parse import parse

    found = list(analysis.workouts)
    names = {w.name for w in found}
    folder = Path(analysis.path).parent
    for other in sorted(folder.glob("*.wod")) if folder.is_dir() else ():
        if other.resolve() == Path(analysis.path).resolve():
            continue
        try:
            for workout in parse(other.read_text(encoding="utf-8"), str(other)).workouts:
                if workout.name not in names:
                    names.add(workout.name)
                    found.append(workout)
        except (OSError, UnicodeDecodeError):
            continue
    return found


# ---- outline, fixes, formatting -------------------------------------------------------------------

@frozen
class Symbol:
    name: str
    kind: str       # "workout", "plan", "week"
    span: Span
    children: tuple["Symbol", ...] = ()


def symbols(analysis: Analysis) -> list[Symbol]:
    found = []
    plan = analysis.plan
    if plan is not None:
        weeks = {}
        for session in plan.sessions:
            if session.week is not None:
                weeks.setdefault(session.week, []).append(session.span)
        children = tuple(Symbol(f"week {week}", "week",
                                Span(spans[0].line, 1, spans[-1].end_line, spans[-1].end_column))
                         for week, spans in sorted(weeks.items()))
        last = max([plan.span] + [s.span for s in plan.sessions], key=lambda s: s.end_line)
        found.append(Symbol(plan.name or "plan", "plan",
                            Span(plan.span.line, plan.span.column, last.end_line,
                                 last.end_column), children))
    for workout in analysis.workouts:
        found.append(Symbol(workout.name, "workout", workout.span))
    return found


@frozen
class Fix:
    title: str
    span: Span
    new_text: str


def fixes(analysis: Analysis, line: int) -> list[Fix]:
    """One-click fixes for the problems on a line whose hint names the fix: "did you mean
    @HM?" replaces what the problem points at."""
    found = []
    for problem in analysis.problems:
        if problem.line != line or not problem.hint or problem.path != analysis.path:
            continue
        match = re.fullmatch(r"did you mean (\S+)\?", problem.hint)
        if not match:
            continue
        suggestion = match.group(1)
        span = Span(problem.line, problem.column, problem.line, problem.column + problem.width)
        if suggestion.startswith("@"):  # a whole target: it replaces the target written
            token = next((m for m in _TARGET.finditer(_line(analysis.text, line))
                          if m.start() < problem.column <= m.end()), None)
            if token is None:
                continue
            span = Span(line, token.start() + 1, line, token.end() + 1)
        found.append(Fix(f"Change to {suggestion}", span, suggestion))
    return found


def formatted(path: str, text: str) -> str | None:
    """The file in the canonical style (wodc fmt), or None if it cannot be formatted."""
    from .language.fmt import format_text

    return format_text(text, path).text
