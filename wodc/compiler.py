"""Compiling a loaded run to files: every backend for every workout, all or nothing per workout."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from . import describe, timing
from .backends import Options, backend
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
                strict: bool = False) -> Outcome:
    outcome = Outcome(problems=list(run.problems))
    directory = Path(output_dir)
    for entry in run.entries:
        problems = list(entry.problems)
        outputs: list[tuple[Path, bytes]] = []
        if entry.ok:
            for name in formats:
                module = backend(name)
                result = module.compile(entry.workout, entry.profile, options)
                # Backends that share a stage (qz and card) find the same problems: say each once.
                problems.extend(p for p in result.problems if p not in problems)
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
        outcome.summary.append(f"{name}: {describe.total_text(totals)} -> {files}")
    return outcome
