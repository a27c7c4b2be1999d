"""Compiling loaded workouts: every backend for every workout, in memory (`compile_entry`,
which `wodc check` also uses as a dry run), then to files, all or nothing per workout."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import describe, timing
from .backends import FORMATS, Options, applies, backend
from .errors import Diagnostic, as_error, file_error, has_errors
from .naming import slug
from .output import write_atomic
from .pipeline import Entry, Run


@dataclass
class Compiled:
    """One workout compiled in memory: its files (name -> bytes) and every problem found."""

    outputs: dict[str, bytes] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # formats that do not fit the sport

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


def compile_entry(entry: Entry, formats: list[str], options: Options, *, strict: bool = False,
                  applicable_only: bool = False) -> Compiled:
    """Run each backend on one workout. With `applicable_only` (no formats asked for by name)
    a format that does not fit the workout's sport is skipped instead of being an error: a
    ride gets fit and zwo, not a treadmill program. `strict` makes warnings errors."""
    compiled = Compiled(problems=list(entry.problems))
    seen = set(compiled.problems)
    compiled.skipped = [n for n in formats if applicable_only and not applies(n, entry.workout)]
    if entry.ok:
        for name in formats:
            if name in compiled.skipped:
                continue
            module = backend(name)
            result = module.compile(entry.workout, entry.profile, options)
            # Backends that share a stage (qz and card) find the same problems: say each once.
            for problem in result.problems:
                if problem not in seen:
                    seen.add(problem)
                    compiled.problems.append(problem)
            if result.data is not None:
                compiled.outputs[slug(entry.workout.name) + module.suffix(options)] = result.data
    if strict:
        compiled.problems = [as_error(p) for p in compiled.problems]
    return compiled


def dry_run(run: Run, strict: bool = False) -> list[Diagnostic]:
    """What `wodc compile` would report, without writing: for `wodc check`. Only workouts
    with a profile are compiled (without one, symbolic targets are fine). Warnings from the
    backends are left out unless `strict`, where they would fail the compile."""
    problems = list(run.problems)
    for entry in run.entries:
        if not entry.profile.has_any:
            problems.extend(entry.problems)
            continue
        compiled = compile_entry(entry, list(FORMATS), Options(), applicable_only=True)
        backend_found = compiled.problems[len(entry.problems):]
        problems.extend(entry.problems)
        problems.extend(p for p in backend_found if strict or p.is_error)
    return problems


@dataclass
class Outcome:
    problems: list[Diagnostic] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)   # one line per workout, for people
    written: list[Path] = field(default_factory=list)


def compile_run(run: Run, formats: list[str], output_dir: str, options: Options,
                strict: bool = False, applicable_only: bool = False) -> Outcome:
    """Compile every workout of `run` to `formats` and write the files of each workout that
    has no errors; a workout with errors writes nothing and leaves earlier files alone."""
    outcome = Outcome(problems=list(run.problems))
    directory = Path(output_dir)
    for entry in run.entries:
        compiled = compile_entry(entry, formats, options, strict=strict,
                                 applicable_only=applicable_only)
        outcome.problems.extend(compiled.problems)
        name = entry.workout.name
        if not compiled.ok:
            outcome.summary.append(f"{name}: not written (errors above)")
            continue
        try:
            directory.mkdir(parents=True, exist_ok=True)
            for filename, data in compiled.outputs.items():
                write_atomic(directory / filename, data)
                outcome.written.append(directory / filename)
        except OSError as error:
            outcome.problems.append(file_error(str(directory), f"cannot write: "
                                                               f"{error.strerror or error}"))
            outcome.summary.append(f"{name}: not written (cannot write to {directory})")
            continue
        totals = timing.totals(entry.workout, timing.fallback_speed(entry.workout, entry.profile))
        line = f"{name}: {describe.total_text(totals)} -> {', '.join(compiled.outputs)}"
        if {"qz", "card"} & set(formats) and "qz" not in compiled.skipped:
            line += _treadmill_note(entry)
        if compiled.skipped:
            line += f" ({', '.join(compiled.skipped)}: not for a {entry.workout.sport.value} workout)"
        outcome.summary.append(line)
    return outcome


def _treadmill_note(entry: Entry) -> str:
    """` (treadmill: walk 3.1 mph: line 4)`: steps a treadmill program walks or rests, so
    nobody is surprised by a slow belt; empty when there are none."""
    from .backends import treadmill

    program, _ = treadmill.build(entry.workout, entry.profile)  # cached: built once
    slow = treadmill.slow_steps(program) if program is not None else None
    return f" (treadmill: {slow})" if slow else ""
