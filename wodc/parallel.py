"""`wodc check` and `wodc compile` of a big tree on every core: the files are split into
contiguous chunks, a process on each core takes the next chunk whenever it is free and loads
and dry-runs (or compiles) it (the same pipeline.load and compiler code as a serial run), and
the parent merges what they found, so the report is the one a serial run prints (reports are
sorted by file and position; repeats a chunk cannot know of, such as one profile problem seen
by every chunk, are said once).

What crosses files is done by the parent: two workouts of one name in different chunks. A
run with a plan (whose sessions name workouts in other files) or a small run stays serial, and
so does a compile whose files might share a workout name (`names_clash`): a chunk that does
not know of the other workout would write both.
"""

from __future__ import annotations

import os
import re
import signal
from dataclasses import field
from pathlib import Path

from .checks import name_clash
from .errors import Diagnostic, Source
from .frozen import mutable

# Below this many files, starting processes costs more than it saves.
PARALLEL_FROM = 200


@mutable
class Checked:
    """What checking some files found: everything `wodc check` prints."""

    problems: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    workouts: int = 0
    plans: int = 0
    profiles_used: list[str] = field(default_factory=list)
    # (slug, name, path, line, span, what compiling it added), a workout each
    names: list[tuple] = field(default_factory=list)


def workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else \
        (os.cpu_count() or 1)


def check_files(files: list[str], cli, explicit: Path | None, formats, *,
                follow_symlinks: bool, dates) -> Checked:
    """Load and dry-run `files` (paths already expanded) in this process."""
    from .pipeline import ProfileSource, load

    run = load(files, ProfileSource(cli, explicit), follow_symlinks=follow_symlinks,
               dates=dates)
    return check_run(run, formats)


def check_run(run, formats) -> Checked:
    """What `wodc check` reports of a loaded run: its problems and each workout's, compiled
    in memory to `formats` (None: every format that fits)."""
    from .compiler import checked_entry
    from .naming import slug

    unique = list({id(e.workout): e for e in run.entries}.values())
    problems, names = list(run.problems), []
    for entry in unique:  # (a plan's sessions are their workouts: each once is enough)
        workout = entry.workout
        found = checked_entry(entry, formats)
        problems += found
        # What compiling it added to its own problems: dropped by the parent if it turns out
        # to clash with a workout of another chunk (a serial run does not compile it).
        # (A set: one workout of 10,000 problems made this quadratic.)
        known = set(entry.problems)
        added = [p for p in found if p not in known]
        names.append((slug(workout.name), workout.name, workout.source.path, workout.span.line,
                      workout.span, added))
    return Checked(list(dict.fromkeys(problems)), run.files, len(unique), len(run.plans),
                   list(run.profiles_used), names)


def _map(function, items: list, processes: int) -> list:
    """[function(item) for item in items] on `processes` forked processes, each item handed
    to whichever worker is free, so that a core slowed by other work does not hold back the
    end (a fixed share each left one worker idle 35-50 ms of a 450 ms compile). Each worker
    has a pipe of its own, both ways: no lock is shared, so a worker that dies (a SIGTERM to
    the process group, the OOM killer) cannot leave the parent waiting on a lock it held, as
    multiprocessing.Pool can (its terminate() then hung). Workers have the items by fork;
    the pipes carry indices one way and results the other."""
    import multiprocessing
    from multiprocessing.connection import wait

    context = multiprocessing.get_context("fork" if "fork" in
                                          multiprocessing.get_all_start_methods() else None)
    # Ctrl-C and SIGTERM wait while the workers are made: one that came between two forks
    # would otherwise end the parent before it knew every worker to end. Workers start with
    # them blocked too, until _worker has set what they do.
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS) if _MASKS else None
    workers = []
    try:
        try:
            for _ in range(min(processes, len(items))):
                ours, theirs = context.Pipe()
                worker = context.Process(target=_worker, args=(function, items, theirs),
                                         daemon=True)
                worker.start()
                theirs.close()  # (the worker's copy is the only one: its end is EOF here)
                workers.append((worker, ours))
        finally:
            if held is not None:  # a signal that came meanwhile is raised here
                signal.pthread_sigmask(signal.SIG_SETMASK, held)
        results: dict = {}
        pending = iter(range(len(items)))
        readers = []
        for _, pipe in workers:  # an item each to begin with
            pipe.send(next(pending))
            readers.append(pipe)
        while readers:
            for reader in wait(readers):
                try:
                    index, failed, value = reader.recv()
                except EOFError:
                    readers.remove(reader)
                    continue
                if failed:
                    raise value
                results[index] = value
                try:
                    reader.send(next(pending, None))  # the next item, or None: no more
                except OSError:  # it died since: its EOF comes next
                    pass
        if len(results) != len(items):
            raise RuntimeError("a worker process ended before its work was done")
        for worker, _ in workers:
            worker.join()
        return [results[i] for i in range(len(items))]
    except BaseException:
        for worker, _ in workers:  # Ctrl-C, SIGTERM or a failure: end every worker now
            worker.kill()
            worker.join()
        raise


_MASKS = hasattr(signal, "pthread_sigmask")  # (not on Windows, which has no fork either)
_SIGNALS = {signal.SIGINT, signal.SIGTERM}


def _worker(function, items: list, pipe) -> None:
    """A worker leaves Ctrl-C to the parent (the terminal sends it to every process of the
    group) and dies at once on SIGTERM (wodc's CLI makes SIGTERM a SystemExit, and fork
    would give a worker that handler). Then, for each index the parent sends until None, it
    sends back (index, failed, result)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if _MASKS:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _SIGNALS)
    try:
        while (index := pipe.recv()) is not None:
            try:
                result = (index, False, function(items[index]))
            except Exception as error:  # the parent raises it, as Pool.map would
                pipe.send((index, True, error))
                break
            pipe.send(result)
    except (EOFError, OSError):  # the parent is gone (it ended, or ended us): nothing to say
        pass
    pipe.close()


def _chunk(pair):
    files, args = pair
    return check_files(files, *args[:3], follow_symlinks=args[3], dates=args[4])


def check_parallel(files: list[str], cli, explicit: Path | None, formats, *,
                   follow_symlinks: bool, dates, processes: int | None = None) -> Checked:
    """check_files over every core, with the report a serial run gives."""
    count = processes or workers()
    size = -(-len(files) // (count * 4))  # a few chunks a process, for an even finish
    chunks = [files[i:i + size] for i in range(0, len(files), size)]
    args = (cli, explicit, formats, follow_symlinks, dates)
    parts = _map(_chunk, [(chunk, args) for chunk in chunks], count)
    merged = Checked()
    for part in parts:
        merged.problems += part.problems
        merged.files += part.files
        merged.workouts += part.workouts
        merged.plans += part.plans
        merged.profiles_used += [p for p in part.profiles_used if p not in merged.profiles_used]
    clashes, uncompiled = _names_across(parts)
    merged.problems = [p for p in merged.problems if p not in uncompiled] + clashes
    merged.problems = list(dict.fromkeys(merged.problems))
    return merged


def _names_across(parts: list[Checked]) -> tuple[list[Diagnostic], set[Diagnostic]]:
    """Two workouts of one name in different chunks (each chunk found its own), said as
    checks.check_names says it; and the problems compiling the second one found, which a
    serial run never finds (a workout with an error is not compiled)."""
    seen: dict[str, tuple[int, tuple]] = {}
    problems = []
    uncompiled: set[Diagnostic] = set()
    for index, part in enumerate(parts):
        for entry in part.names:
            key, name, path, line, span, added = entry
            if key not in seen:
                seen[key] = (index, entry)
                continue
            first_index, first = seen[key]
            if first_index == index:
                continue  # the chunk reported it
            text = Path(path).read_text(encoding="utf-8-sig") if os.path.exists(path) else ""
            problems.append(name_clash(Source(path, text.replace("\r\n", "\n")), span, name,
                                       first[2], first[3]))
            uncompiled.update(added)
    return problems, uncompiled


# A workout line as the grammar reads it (WORKOUT STRING, grammar/wod.lark).
_WORKOUT_LINE = re.compile(r'^[ \t]*workout[ \t]+"((?:[^"\\\n]|\\.)*)"', re.I | re.M)


def names_clash(files: list[str]) -> bool:
    """Whether two of `files` may hold workouts of one name (or a file is a plan), by their
    `workout` lines and, for a file without one, its name: a quick look, no parsing."""
    from .naming import slug
    from .plan import is_plan
    from .reading import ReadError, read_bounded

    seen: dict[str, str] = {}
    for path in files:
        try:
            text = read_bounded(path, 2_000_000).decode("utf-8", "replace")
        except (ReadError, OSError):
            continue  # reported by the chunk that reads it
        if is_plan(text):
            return True
        names = [re.sub(r"\\(.)", r"\1", n) for n in _WORKOUT_LINE.findall(text)] or \
            [Path(path).stem]
        for name in names:
            if seen.setdefault(slug(name), path) != path:
                return True
    return False


def _compile_chunk(pair):
    from .compiler import compile_run
    from .pipeline import ProfileSource, load

    files, (cli, explicit, formats, output_dir, options, strict, applicable_only, force,
            follow_symlinks, dates) = pair
    run = load(files, ProfileSource(cli, explicit), follow_symlinks=follow_symlinks,
               dates=dates)
    outcome = compile_run(run, formats, output_dir, options, strict=strict,
                          applicable_only=applicable_only, force=force)
    return outcome, run.profile_lines(), run.files


def compile_parallel(files: list[str], args: tuple, processes: int | None = None):
    """compile_run over every core: (problems, summary lines) as a serial run gives them.
    `args` are _compile_chunk's, after the files."""
    from .compiler import Outcome

    count = processes or workers()
    size = -(-len(files) // (count * 4))
    chunks = [files[i:i + size] for i in range(0, len(files), size)]
    parts = _map(_compile_chunk, [(chunk, args) for chunk in chunks], count)
    merged, profiles = Outcome(), []
    for outcome, profile_lines, _ in parts:
        profiles += [line for line in profile_lines if line not in profiles]
        merged.problems += outcome.problems
        merged.summary += [line for line in outcome.summary if line not in profile_lines]
        merged.written += outcome.written
    merged.summary = profiles + merged.summary
    merged.problems = list(dict.fromkeys(merged.problems))
    return merged
