"""Compiling loaded workouts: every backend for every workout, in memory (`compile_entry`,
which `wodc check` also uses as a dry run), then to files, all or nothing per workout."""

from __future__ import annotations

from dataclasses import field, replace
from pathlib import Path

from . import describe, timing
from .backends import FORMATS, Options, applies, backend
from .errors import Diagnostic, Severity, as_error, at, file_error, has_errors
from .frozen import mutable
from .naming import slug
from .output import current, write_group, written_by_wodc
from .pipeline import Entry, Run


@mutable
class Compiled:
    """One workout compiled in memory: the files of the formats that could be made (name ->
    bytes), the formats that could not (`failed`), those left out (`skipped`, format ->
    why), and every problem found."""

    outputs: dict[str, bytes] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


# A treadmill program is an extra for a run outdoors: without -f, one the treadmill cannot run
# (an incline of 18%) is left out with a note, not an error that would also block the FIT.
TREADMILL_FORMATS = ("qz", "card")


def compile_entry(entry: Entry, formats: list[str], options: Options, *, strict: bool = False,
                  applicable_only: bool = False) -> Compiled:
    """Run each backend on one workout; each format stands alone, so one that cannot be made
    never blocks another. Its errors name it (`qz, card: ...`) unless every format met them.
    With `applicable_only` (no formats asked for by name) a format that does not fit the
    workout's sport is skipped, and so is a treadmill program of a workout that is not
    `sport treadmill` when the treadmill cannot run it. `strict` makes warnings errors."""
    compiled = Compiled(problems=list(entry.problems))
    if not entry.ok:
        return compiled
    workout = entry.workout
    found: dict[Diagnostic, list[str]] = {}  # each problem once, with the formats that met it
    for name in formats:
        if applicable_only and not applies(name, workout):
            compiled.skipped[name] = f"not for a {workout.sport.value} workout"
            continue
        module = backend(name)
        result = module.compile(workout, entry.profile, options)
        if strict and result.data is not None and result.problems:
            result.data = None  # a warning is an error under --strict: nothing is written
        if (result.data is None and applicable_only and name in TREADMILL_FORMATS
                and not workout.treadmill):
            first = next(p for p in result.problems if p.is_error or strict)
            compiled.skipped[name] = f"the treadmill cannot run it: line {first.line}: " \
                                     f"{first.message}"
            continue
        for problem in result.problems:
            found.setdefault(problem, []).append(name)
        if result.data is None:
            compiled.failed.append(name)
        else:
            compiled.outputs[entry.stem + module.suffix(options)] = result.data
    tried = [name for name in formats if name not in compiled.skipped]
    for problem, names in found.items():
        if strict:
            problem = as_error(problem)
        # Name the formats a problem stops (an error of every format needs no names), and,
        # for a run that is not `sport treadmill`, the treadmill programs' warnings, so an
        # outdoor runner sees they are about the treadmill program, not the run.
        treadmill_note = set(names) <= set(TREADMILL_FORMATS) and not workout.treadmill
        if names != tried and (problem.is_error or treadmill_note):
            problem = replace(problem, message=f"{', '.join(names)}: {problem.message}")
        compiled.problems.append(problem)
    if strict:
        compiled.problems = [as_error(p) for p in compiled.problems]
    return compiled


def dry_run(run: Run, formats: list[str] | None = None) -> list[Diagnostic]:
    """What `wodc compile` would report, without writing: for `wodc check`, every error and
    warning, for `formats` (None: every format that fits each workout, as compile without
    -f). Only workouts with a profile are compiled (without one, symbolic targets are fine)."""
    problems = list(run.problems)
    for entry in run.entries:
        problems.extend(checked_entry(entry, formats))
    return list(dict.fromkeys(problems))  # a workout a plan runs twice: its problems once


def checked_entry(entry: Entry, formats: list[str] | None = None) -> list[Diagnostic]:
    """One workout's problems as `wodc check` reports them (see dry_run)."""
    if not entry.profile.has_any:
        return list(entry.problems)
    return compile_entry(entry, formats or list(FORMATS), Options(dry_run=True),
                         applicable_only=formats is None).problems


@mutable
class Outcome:
    problems: list[Diagnostic] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)   # one line per workout, for people
    written: list[Path] = field(default_factory=list)


def compile_run(run: Run, formats: list[str], output_dir: str, options: Options,
                strict: bool = False, applicable_only: bool = False,
                force: bool = False) -> Outcome:
    """Compile every workout of `run` to `formats` and write, for each workout, the files of
    the formats that could be made, as a group (all or none of them); a format with errors
    writes nothing and leaves its earlier file alone. A file wodc did not write is never
    replaced unless `force`; a profile with errors stops every output."""
    outcome = Outcome(problems=list(run.problems))
    outcome.summary += run.profile_lines()
    directory = Path(output_dir)
    written: dict[int, list[str]] = {}  # id(entry) -> the file names written for it
    made = False  # whether the output folder is known to be there (made once, not per file)
    for entry in run.entries:
        name = entry.workout.name if entry.date is None else f"{entry.date} {entry.workout.name}"
        if run.profile_errors:  # defaults in place of a broken profile would be wrong files
            outcome.summary.append(f"{name}: not written (profile errors above)")
            continue
        compiled = compile_entry(entry, formats, options, strict=strict,
                                 applicable_only=applicable_only)
        outcome.problems.extend(compiled.problems)
        if not compiled.outputs:
            outcome.summary.append(f"{name}: not written (errors above)")
            continue
        paths = [directory / filename for filename in compiled.outputs]
        foreign, changed = _in_the_way(dict(zip(paths, compiled.outputs.values())), force)
        if foreign:
            outcome.problems.extend(
                file_error(str(p), "exists and was not written by wodc: not replaced",
                           hint="rename the workout, write elsewhere with -o, or --force")
                for p in foreign)
            outcome.summary.append(f"{name}: not written (would replace files wodc did not "
                                   f"write)")
            continue
        try:
            if not made:
                directory.mkdir(parents=True, exist_ok=True)
                made = True
            write_group(changed)
        except OSError as error:
            outcome.problems.append(file_error(str(error.filename or directory),
                                               f"cannot write: {error.strerror or error}"))
            outcome.summary.append(f"{name}: not written (cannot write to {directory})")
            continue
        outcome.written.extend(paths)
        written[id(entry)] = list(compiled.outputs)
        totals = timing.totals(entry.workout, timing.fallback_speed(entry.workout, entry.profile))
        line = f"{name}: {describe.total_text(totals)} -> {', '.join(compiled.outputs)}"
        if set(TREADMILL_FORMATS) & (set(formats) - set(compiled.skipped) - set(compiled.failed)):
            line += _treadmill_note(entry)
        if compiled.failed:
            line += f"; not written: {', '.join(compiled.failed)} (errors above)"
        for reason, names in _grouped(compiled.skipped).items():
            line += f" ({', '.join(names)}: {reason})"
        outcome.summary.append(line)
    outcome.summary += [f"plan {name}: not written (errors above)" for name in run.unscheduled]
    for scheduled in run.plans:
        if not run.profile_errors:
            outcome.summary.append(_write_plan(scheduled, written, formats, directory, options,
                                               force, outcome))
    outcome.problems = list(dict.fromkeys(outcome.problems))  # a workout run twice: once
    return outcome


def _write_plan(scheduled, written: dict[int, list[str]], formats: list[str], directory: Path,
                options: Options, force: bool, outcome: Outcome) -> str:
    """A plan's calendar (.ics) and, with FIT among the formats, its FIT schedule, once every
    session was written: a calendar of workouts that are not there would mislead."""
    from .backends import ics, schedule

    plan = scheduled.plan
    missing = [e for _, _, e in scheduled.sessions if id(e) not in written]
    if missing:
        return f"plan {plan.name}: calendar not written ({len(missing)} of its sessions " \
               f"were not written)"
    files = {slug(plan.name) + ics.suffix(): ics.calendar(scheduled, options)}
    if "fit" in formats:
        identities = [schedule.identity(e, options.created) for _, _, e in scheduled.sessions]
        files[slug(plan.name) + schedule.suffix()] = schedule.schedule(
            scheduled, identities, options.created)
        if len(scheduled.sessions) > schedule.WATCH_SESSIONS:
            outcome.problems.append(at(plan.source, plan.span,
                                       f"plan {plan.name!r} has {len(scheduled.sessions)} "
                                       f"sessions; a watch may keep only about "
                                       f"{schedule.WATCH_SESSIONS} scheduled workouts",
                                       severity=Severity.WARNING,
                                       hint="send it in parts, a few weeks at a time"))
    paths = {directory / name: data for name, data in files.items()}
    foreign, changed = _in_the_way(paths, force)
    if foreign:
        outcome.problems.extend(file_error(str(p), "exists and was not written by wodc: not "
                                                   "replaced", hint="--force replaces it")
                                for p in foreign)
        return f"plan {plan.name}: calendar not written (would replace files wodc did not write)"
    try:
        write_group(changed)
    except OSError as error:
        outcome.problems.append(file_error(str(error.filename or directory),
                                           f"cannot write: {error.strerror or error}"))
        return f"plan {plan.name}: calendar not written (cannot write to {directory})"
    outcome.written.extend(paths)
    first, last = scheduled.sessions[0][0], scheduled.sessions[-1][0]
    return (f"plan {plan.name}: {len(scheduled.sessions)} sessions, {first} to {last} -> "
            f"{', '.join(files)}")


def _in_the_way(files: dict[Path, bytes], force: bool) -> tuple[list[Path], dict[Path, bytes]]:
    """Of a group of files to write: those in the way (there, and not written by wodc; none
    with `force`), and those to write. A file that already holds exactly its bytes is left
    as it is, its time too: a rebuild rewrites only what changed, and a folder that is synced
    to a watch or watched by a build sees no change."""
    there = {path: current(path, len(data)) for path, data in files.items()}
    foreign = [path for path, head in there.items()
               if head is not None and not force and not written_by_wodc(head)]
    return foreign, {path: data for path, data in files.items() if there[path] != data}


def _grouped(skipped: dict[str, str]) -> dict[str, list[str]]:
    """format -> why, as why -> formats, so qz and card skipped for one reason say it once."""
    grouped: dict[str, list[str]] = {}
    for name, reason in skipped.items():
        grouped.setdefault(reason, []).append(name)
    return grouped


def _treadmill_note(entry: Entry) -> str:
    """` (treadmill: walk 3.1 mph: line 4)`: steps a treadmill program walks or rests, so
    nobody is surprised by a slow belt; empty when there are none."""
    from .backends import treadmill

    program, _ = treadmill.build(entry.workout, entry.profile)  # cached: built once
    slow = treadmill.slow_steps(program) if program is not None else None
    return f" (treadmill: {slow})" if slow else ""
