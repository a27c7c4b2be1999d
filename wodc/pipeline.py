"""From paths on the command line to checked, resolved workouts: the part of the pipeline that
every command shares (check, compile, show, plot)."""

from __future__ import annotations

import bisect
import dataclasses
import datetime
import os
import stat
from dataclasses import field
from pathlib import Path

from . import ir
from .checks import check_names, check_workout
from .errors import Diagnostic, Severity, Source, at, closest, file_error, has_errors
from .frozen import frozen, mutable
from .limits import MAX_SOURCE_BYTES
from .naming import slug
from .parse import decode, parse
from .plan import Plan, Session, is_plan, split
from .reading import ReadError, read_bounded
from .profile import Profile, Settings, find_config, load_file, merge
from .resolve import resolve

STDIN = "-"


@mutable
class Entry:
    """One workout of the run, resolved for its athlete, with the problems found in it. A
    session of a plan also has its `date`, which its files are named by."""

    workout: ir.Workout
    profile: Profile
    problems: list[Diagnostic] = field(default_factory=list)
    date: datetime.date | None = None

    @property
    def stem(self) -> str:
        """Its files' name before the suffix: `tempo`, or `2026-12-07-tempo` for a session."""
        name = slug(self.workout.name)
        return f"{self.date.isoformat()}-{name}" if self.date is not None else name

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


@mutable
class ScheduledPlan:
    """A plan with its dates worked out: (date, session, the session's entry), by date."""

    plan: Plan
    profile: Profile
    start: datetime.date
    sessions: list[tuple[datetime.date, Session, Entry]] = field(default_factory=list)


@mutable
class Run:
    entries: list[Entry] = field(default_factory=list)
    plans: list[ScheduledPlan] = field(default_factory=list)
    unscheduled: list[str] = field(default_factory=list)  # plans with errors, by name
    problems: list[Diagnostic] = field(default_factory=list)  # not tied to one workout
    files: int = 0
    profiles_used: list[str] = field(default_factory=list)  # profile files, in order
    profile_errors: bool = False  # a profile file was wrong: nothing is written

    def profile_lines(self) -> list[str]:
        """"profile: PATH" for each profile file used, as summaries print it."""
        return [f"profile: {path}" for path in self.profiles_used]

    def all_problems(self) -> list[Diagnostic]:
        return self.problems + [p for e in self.entries for p in e.problems]


def expand_paths(paths: list[str], follow_symlinks: bool = False
                 ) -> tuple[list[str], list[Diagnostic]]:
    """Files as given; directories searched for *.wod; `-` is standard input. In a directory,
    a link (to a file or a folder) that leads outside it is not followed unless
    `follow_symlinks`: a warning names it (a link to ~/.ssh/id_rsa named x.wod would
    otherwise be read, and its first line echoed into CI logs)."""
    found, problems = [], []
    for raw in paths:
        if raw == STDIN:
            found.append(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            files = []
            # *.wod in any case (*.WOD too). A folder that cannot be read, or a *.wod that is
            # not a regular file (a FIFO, a broken link), is reported, not skipped: a silent
            # skip would be a false green in CI.
            unreadable = lambda error: problems.append(  # noqa: E731
                file_error(error.filename or raw, f"cannot read: {error.strerror or error}"))
            root = path.resolve()

            def leaves(link: Path) -> bool:
                if follow_symlinks or not link.is_symlink():
                    return False
                if link.resolve().is_relative_to(root):
                    return False
                problems.append(dataclasses.replace(
                    file_error(str(link), f"not read: a link to {link.resolve()}, outside "
                                          f"{raw}", hint="--follow-symlinks reads it"),
                    severity=Severity.WARNING))
                return True

            visited: set[str] = set()  # followed links can loop back: each real folder once
            for folder, subfolders, names in walk(str(path), unreadable, follow_symlinks):
                # (Only then: without links a folder comes once, and realpath costs a call
                # per level, which made a tree 1,500 deep take a minute.)
                if follow_symlinks:
                    real = os.path.realpath(folder)
                    if real in visited:
                        subfolders[:] = []
                        continue
                    visited.add(real)
                subfolders.sort()
                for name in subfolders:
                    leaves(Path(folder) / name)  # os.walk does not go into linked folders
                for name in sorted(names):
                    candidate = Path(folder) / name
                    if candidate.suffix.lower() != ".wod" or leaves(candidate):
                        continue
                    if candidate.is_file():
                        files.append(str(candidate))
                    else:
                        problems.append(file_error(str(candidate), "not a regular file (a "
                                                                   "FIFO, device or broken link)"))
            if not files and not any(p.is_error for p in problems):
                problems.append(file_error(raw, "no .wod files in this directory"))
            found.extend(sorted(files))  # by path, as people list them
        elif path.exists():
            found.append(raw)
        else:
            problems.append(file_error(raw, "no such file or directory"))
    return found, problems


def walk(top: str, onerror, followlinks: bool):
    """os.walk, top-down, without recursion: Python 3.11's os.walk recurses once per level
    and a tree 1,500 folders deep ends in RecursionError. Sorting or emptying `subfolders`
    steers the walk, as with os.walk."""
    pending = [top]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError as error:
            onerror(error)
            continue
        subfolders, names, linked = [], [], set()
        for entry in listed:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            (subfolders if is_dir else names).append(entry.name)
            if is_dir and entry.is_symlink():
                linked.add(entry.name)
        yield folder, subfolders, names
        pending.extend(os.path.join(folder, name) for name in reversed(subfolders)
                       if followlinks or name not in linked)


class ProfileSource:
    """Profiles per input file: command-line settings over the explicit or discovered file.
    Each profile file is read once, and its problems are reported once."""

    def __init__(self, cli: Settings | None = None, explicit: Path | None = None):
        self.cli = cli or Settings("command line")
        self.explicit = explicit
        self.problems: list[Diagnostic] = []
        self._files: dict[tuple, Settings | None] = {}
        self.used: dict[str, None] = {}       # profile files used, in order, for the summary
        self._skipped: set[Path] = set()
        self._found: dict[Path, tuple] = {}       # folder -> (its profile file, skipped files)
        self._resolved: dict[str, Path] = {}      # a folder as inputs name it -> its real path
        self._profiles: dict[tuple | None, Profile] = {}

    def _file(self, path: Path, section: tuple[str, ...]) -> Settings | None:
        key = (path.resolve(), section)
        if key not in self._files:
            settings, problems = load_file(path, section, _shown(path))
            self._files[key] = settings
            self.problems.extend(problems)
        return self._files[key]

    def _folder(self, input_path: str) -> Path:
        """The real folder an input's profile is searched from: the resolved folder of the
        file, or of the file a link leads to. A folder named as the files of a tree name it
        is resolved once for them all (resolving each file took a tenth of a load)."""
        if input_path == STDIN:
            return Path.cwd()
        try:
            plain_file = stat.S_ISREG(os.lstat(input_path).st_mode)
        except OSError:
            plain_file = False
        if not plain_file:  # a link, a folder, or a file not there
            start = Path(input_path).resolve()
            return start if start.is_dir() else start.parent
        parent = os.path.dirname(input_path)
        if parent not in self._resolved:
            self._resolved[parent] = Path(parent or ".").resolve()
        return self._resolved[parent]

    def for_input(self, input_path: str) -> Profile:
        if self.explicit is not None:
            found = (self.explicit, ())
        else:
            folder = self._folder(input_path)
            if folder not in self._found:  # the files of one folder share their search
                skipped: list[Path] = []
                self._found[folder] = find_config(folder, skipped), skipped
            found, skipped = self._found[folder]
            for path in skipped:
                if path not in self._skipped:
                    self._skipped.add(path)
                    self.problems.append(dataclasses.replace(
                        file_error(str(path), "not used as your profile: another user owns it"),
                        severity=Severity.WARNING,
                        hint="use --profile FILE if you mean it, or move it into your project"))
        if found:
            self.used[_shown(found[0])] = None
        if found not in self._profiles:  # one Profile per profile file, shared by its inputs
            file_settings = self._file(*found) if found else None
            self._profiles[found] = merge(*(s for s in (file_settings, self.cli)
                                            if s is not None))
        return self._profiles[found]


def _shown(path: Path) -> str:
    """A path as people read it: relative to where wodc runs when it is below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def read_text(path: str) -> tuple[str | None, Diagnostic | None]:
    try:
        data = read_bounded(path, MAX_SOURCE_BYTES, stdin=path == STDIN)
    except ReadError as error:
        message = str(error).replace("the limit is", "the limit for a workout file is")
        return None, file_error(path, message)
    return decode(data, path)


class _ByLine:
    """Which of a file's workouts holds a line, by bisection: loading stays linear however
    many workouts and problems a file has (a list scan per problem was quadratic)."""

    def __init__(self, items: list, span_of):
        self.items = items
        self.starts = [span_of(item).line for item in items]
        self.ends = [span_of(item).end_line for item in items]

    def find(self, line: int):
        index = bisect.bisect_right(self.starts, line) - 1
        if index >= 0 and line <= self.ends[index]:
            return self.items[index]
        return None


def _untimed_same(workout: ir.Workout) -> list[Diagnostic]:
    """`rec same` after a step resolve() could not time for this athlete: an error here, so
    no backend ever meets a step without a length."""
    seen: set[int] = set()
    problems = []
    for step in ir.flatten(workout.steps):
        if isinstance(step.duration, ir.SameDuration) and id(step) not in seen:
            seen.add(id(step))
            problems.append(at(workout.source, step.duration_span or step.span,
                               "`same` needs the time of the step before it, and that step "
                               "has no time or pace for this athlete",
                               hint="give it a time, or a pace with a race time (--race "
                                    "5K=20:00)"))
    return problems


@frozen
class PlanDates:
    """A start date for every plan of the run (--start), or the race day its last session
    falls on (--race-day), over the plans' own `starts`."""

    start: datetime.date | None = None
    race_day: datetime.date | None = None


def load(paths: list[str], profiles: ProfileSource, *, stdin_name: str = "stdin",
         follow_symlinks: bool = False, dates: PlanDates = PlanDates(),
         texts: dict[str, str] | None = None) -> Run:
    """Read, parse, check and resolve every workout under `paths`, and lay out the plans.
    `texts`: what some of the paths hold, instead of what is on disk (an editor's buffers)."""
    run = Run()
    texts = texts or {}
    if texts and all(path in texts for path in paths):
        files, run.problems = list(paths), []
    else:
        files, run.problems = expand_paths(paths, follow_symlinks)
    plans: list[tuple[Plan, Profile, bool]] = []
    for path in files:
        run.files += 1
        text, problem = (texts[path], None) if path in texts else read_text(path)
        if problem is not None:
            run.problems.append(problem)
            continue
        shown = "<stdin>" if path == STDIN else path
        if is_plan(text):
            found, plan_problems, text = split(Source(shown, text.replace("\r\n", "\n")))
            run.problems.extend(plan_problems)
            if found is not None:  # (one with errors is checked, but nothing of it written)
                plans.append((found, profiles.for_input(path), has_errors(plan_problems)))
            if not has_statements(text):
                continue
        result = parse(text, shown, name=stdin_name if path == STDIN else None)
        leftover = list(result.diagnostics)
        if not result.workouts:
            run.problems.extend(leftover)
            continue
        profile = profiles.for_input(path)
        workouts = _ByLine(result.workouts, lambda w: w.span)
        mine: dict[int, list[Diagnostic]] = {}
        for problem in leftover:
            owner = workouts.find(problem.line)
            if owner is None:
                run.problems.append(problem)
            else:
                mine.setdefault(id(owner), []).append(problem)
        for workout in result.workouts:
            problems = mine.get(id(workout), []) + check_workout(workout)
            if not has_errors(problems):
                workout = resolve(workout, profile)
                problems += _untimed_same(workout)
            run.entries.append(Entry(workout, profile, problems))
    run.problems.extend(profiles.problems)
    run.profiles_used = list(profiles.used)
    run.profile_errors = has_errors(profiles.problems)
    by_path: dict[str, list[Entry]] = {}
    for entry in run.entries:
        by_path.setdefault(entry.workout.source.path, []).append(entry)
    finders = {path: _ByLine(entries, lambda e: e.workout.span)
               for path, entries in by_path.items()}
    for problem in check_names(e.workout for e in run.entries):
        finder = finders.get(problem.path)
        entry = finder.find(problem.line) if finder is not None else None
        if entry is not None:
            entry.problems.append(problem)
    _schedule(run, plans, dates)
    return run


def _match(plan: Plan, by_name: dict[str, Entry], names: list[str],
           problems: list[Diagnostic]) -> list[tuple[Session, Entry]]:
    """Each session with the entry of the workout it names; an error for each name no
    workout has."""
    matched = []
    for session in plan.sessions:
        entry = by_name.get(session.name.casefold())
        if entry is not None:
            matched.append((session, entry))
            continue
        close = closest(session.name, names)
        problems.append(at(plan.source, session.span, f"no workout named {session.name!r}",
                           hint=f"did you mean {close!r}?" if close else
                           "define it in this file after the plan, or give the file that "
                           "has it on the command line"))
    return matched


def has_statements(text: str) -> bool:
    return any(line.strip() and not line.strip().startswith("#") for line in text.split("\n"))


def _schedule(run: Run, plans: list[tuple[Plan, Profile, bool]], dates: PlanDates) -> None:
    """Each plan's sessions matched to the run's workouts by name and dated. A workout a plan
    uses is written as its sessions (named by date) instead of on its own."""
    by_name: dict[str, Entry] = {}
    for entry in run.entries:
        by_name.setdefault(entry.workout.name.casefold(), entry)
    names = sorted({e.workout.name for e in run.entries})
    used: set[int] = set()
    seen_plans: dict[str, Plan] = {}
    for plan, profile, broken in plans:
        if broken:
            _match(plan, by_name, names, run.problems)
            run.unscheduled.append(plan.name)
            continue
        earlier = seen_plans.setdefault(plan.name.casefold(), plan)
        if earlier is not plan:
            run.problems.append(at(plan.source, plan.span, f"a plan named {plan.name!r} is "
                                   f"already in {earlier.source.path}:{earlier.span.line}",
                                   hint="give each plan its own name"))
            continue
        start, why = plan.start, None
        if dates.race_day is not None:
            start, why = plan.start_for_race_day(dates.race_day)
        elif dates.start is not None:
            start = dates.start
        if why is not None:
            run.problems.append(at(plan.source, plan.span, why,
                                   hint="give a race day on that weekday, or --start"))
            run.unscheduled.append(plan.name)
            continue
        if start is None:
            if not plan.bad_start:  # a `starts` that is not a date is reported already
                run.problems.append(at(plan.source, plan.span, f"plan {plan.name!r} has no "
                                       f"start date", hint="write starts 2027-03-01 on the plan "
                                       "line, or give --start 2027-03-01 or --race-day "
                                       "2027-05-02"))
            run.unscheduled.append(plan.name)
            continue
        matched = _match(plan, by_name, names, run.problems)
        if len(matched) < len(plan.sessions):  # a plan with a hole in it is not written
            run.unscheduled.append(plan.name)
            continue
        scheduled = ScheduledPlan(plan, profile, start)
        for session, entry in matched:
            used.add(id(entry))
            scheduled.sessions.append((plan.day_of(session, start), session, entry))
        scheduled.sessions.sort(key=lambda item: (item[0], item[1].index))
        run.plans.append(scheduled)
    # Each session is its workout, dated; a workout used twice has its problems twice, and
    # the reports say each once (compiler.dry_run and compile_run drop repeats).
    sessions = []
    for scheduled in run.plans:
        for index, (date, session, entry) in enumerate(scheduled.sessions):
            dated = dataclasses.replace(entry, date=date)
            scheduled.sessions[index] = (date, session, dated)
            sessions.append(dated)
    run.entries = [e for e in run.entries if id(e) not in used] + sessions
