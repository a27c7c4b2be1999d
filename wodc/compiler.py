"""Compiling a loaded run to files: every backend for every workout, all or nothing per workout."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from . import describe, timing
from .backends import Options, applies, backend
from .errors import Diagnostic, Severity, file_error, has_errors
from .naming import slug
from .output import write_atomic
from .pipeline import Run


@dataclass
class Outcome:
    problems: list[Diagnostic] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)   # one line per workout, for people
    written: list[Path] = field(default_factory=list)


def compile_run(run: Run, formats: list[str], output_dir: str, options: Options,
                strict: bool = False, applicable_only: bool = False) -> Outcome:
    """Compile every workout of `run` to `formats`. With `applicable_only` (no formats asked
    for by name) a format that does not fit a workout's sport is skipped for it instead of
    being an error: a ride gets fit and zwo, not a treadmill program."""
    outcome = Outcome(problems=list(run.problems))
    directory = Path(output_dir)
    for entry in run.entries:
        problems = list(entry.problems)
        seen = set(problems)
        outputs: list[tuple[Path, bytes]] = []
        skipped = [n for n in formats if applicable_only and not applies(n, entry.workout)]
        if entry.ok:
            for name in (n for n in formats if n not in skipped):
                module = backend(name)
                result = module.compile(entry.workout, entry.profile, options)
                # Backends that share a stage (qz and card) find the same problems: say each once.
                for problem in result.problems:
                    if problem not in seen:
                        seen.add(problem)
                        problems.append(problem)
                if result.data is not None:
                    filename = slug(entry.workout.name) + module.suffix(options)
                    outputs.append((directory / filename, result.data))
        if strict:
            problems = [replace(p, severity=Severity.ERROR) for p in problems]
        outcome.problems.extend(problems)
        name = entry.workout.name
        if has_errors(problems):
            outcome.summary.append(f"{name}: not written (errors above)")
            continue
        try:
            directory.mkdir(parents=True, exist_ok=True)
            for path, data in outputs:
                write_atomic(path, data)
                outcome.written.append(path)
        except OSError as error:
            outcome.problems.append(file_error(str(directory), f"cannot write: "
                                                               f"{error.strerror or error}"))
            outcome.summary.append(f"{name}: not written (cannot write to {directory})")
            continue
        files = ", ".join(p.name for p, _ in outputs)
        totals = timing.totals(entry.workout, timing.fallback_speed(entry.workout, entry.profile))
        line = f"{name}: {describe.total_text(totals)} -> {files}"
        if skipped:
            line += f" ({', '.join(skipped)}: not for a {entry.workout.sport.value} workout)"
        outcome.summary.append(line)
    return outcome
