"""From paths on the command line to checked, resolved workouts: the part of the pipeline that
every command shares (check, compile, show, plot)."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import ir
from .checks import check_names, check_workout
from .errors import Diagnostic, file_error, has_errors
from .parse import decode, parse
from .profile import Profile, Settings, find_config, load_file, merge
from .resolve import resolve

STDIN = "-"


@dataclass
class Entry:
    """One workout of the run, resolved for its athlete, with the problems found in it."""

    workout: ir.Workout
    profile: Profile
    problems: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


@dataclass
class Run:
    entries: list[Entry] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)  # not tied to one workout
    files: int = 0

    def all_problems(self) -> list[Diagnostic]:
        return self.problems + [p for e in self.entries for p in e.problems]


def expand_paths(paths: list[str]) -> tuple[list[str], list[Diagnostic]]:
    """Files as given; directories searched for *.wod; `-` is standard input."""
    found, problems = [], []
    for raw in paths:
        if raw == STDIN:
            found.append(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(str(p) for p in path.rglob("*.wod") if p.is_file())
            if not files:
                problems.append(file_error(raw, "no .wod files in this directory"))
            found.extend(files)
        elif path.exists():
            found.append(raw)
        else:
            problems.append(file_error(raw, "no such file or directory"))
    return found, problems


class ProfileSource:
    """Profiles per input file: command-line settings over the explicit or discovered file.
    Each profile file is read once, and its problems are reported once."""

    def __init__(self, cli: Settings | None = None, explicit: Path | None = None):
        self.cli = cli or Settings("command line")
        self.explicit = explicit
        self.problems: list[Diagnostic] = []
        self._files: dict[tuple, Settings | None] = {}

    def _file(self, path: Path, section: tuple[str, ...]) -> Settings | None:
        key = (path.resolve(), section)
        if key not in self._files:
            settings, problems = load_file(path, section)
            self._files[key] = settings
            self.problems.extend(problems)
        return self._files[key]

    def for_input(self, input_path: str) -> Profile:
        if self.explicit is not None:
            found = (self.explicit, ())
        else:
            start = Path.cwd() if input_path == STDIN else Path(input_path).resolve()
            found = find_config(start)
        file_settings = self._file(*found) if found else None
        return merge(*(s for s in (file_settings, self.cli) if s is not None))


def _read(path: str) -> tuple[str | None, Diagnostic | None]:
    try:
        data = sys.stdin.buffer.read() if path == STDIN else Path(path).read_bytes()
    except OSError as error:
        return None, file_error(path, f"cannot read: {error.strerror or error}")
    return decode(data, path)


def _belongs(problem: Diagnostic, workout: ir.Workout) -> bool:
    return workout.span.line <= problem.line <= workout.span.end_line


def load(paths: list[str], profiles: ProfileSource, *, stdin_name: str = "stdin") -> Run:
    """Read, parse, check and resolve every workout under `paths`."""
    run = Run()
    files, run.problems = expand_paths(paths)
    for path in files:
        run.files += 1
        text, problem = _read(path)
        if problem is not None:
            run.problems.append(problem)
            continue
        shown = "<stdin>" if path == STDIN else path
        result = parse(text, shown, name=stdin_name if path == STDIN else None)
        leftover = list(result.diagnostics)
        if not result.workouts:
            run.problems.extend(leftover)
            continue
        profile = profiles.for_input(path)
        for workout in result.workouts:
            mine = [p for p in leftover if _belongs(p, workout)]
            leftover = [p for p in leftover if p not in mine]
            problems = mine + check_workout(workout)
            if not has_errors(problems):
                workout = resolve(workout, profile)
            run.entries.append(Entry(workout, profile, problems))
        run.problems.extend(leftover)
    run.problems.extend(profiles.problems)
    names = check_names(e.workout for e in run.entries)
    for problem in names:
        for entry in run.entries:
            if entry.workout.source.path == problem.path and _belongs(problem, entry.workout):
                entry.problems.append(problem)
    return run
