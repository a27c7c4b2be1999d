"""`wodc check` and `wodc compile` of a big tree on every core: the files are split into
contiguous chunks that shrink as the files left do (_chunks: the last are small, so the
processes finish together), a process on each core takes the next chunk whenever it is free
and loads and dry-runs (or compiles) it (the same pipeline.load and compiler code as a
serial run), and the parent merges what they found, so the report is the one a serial run
prints (reports are sorted by file and position; repeats a chunk cannot know of, such as one
profile problem seen by every chunk, are said once).

The processes are forked by os.fork and talk over os.pipe (_map), not by multiprocessing,
whose import alone took 14-24 ms of the parent's time before any worker started; without
os.fork (Windows) every run is serial.

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
    """How many processes a parallel run uses: one a core this process may run on, or 1,
    so a serial run, where there is no os.fork (Windows) to start them with."""
    if not hasattr(os, "fork"):
        return 1
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
    has two pipes of its own, one each way: no lock is shared, so a worker that dies (a
    SIGTERM to the process group, the OOM killer) cannot leave the parent waiting on a lock
    it held, as multiprocessing.Pool can (its terminate() then hung): its pipe ends, and the
    parent raises RuntimeError. Workers have the items by fork; the pipes carry indices one
    way and results the other, as length-prefixed pickles. An item's exception is raised
    here. On any failure (that, Ctrl-C, SIGTERM) every worker is killed, and at the end
    every worker is reaped. Needs os.fork: without it (Windows) workers() is 1, so every run
    is serial."""
    import select  # (not selectors: 0.3-0.5 ms to import against 1.2-1.7)

    # Ctrl-C and SIGTERM wait while the workers are made: one that came between two forks
    # would otherwise end the parent before it knew every worker to end. Workers start with
    # them blocked too, until _worker has set what they do.
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    workers: dict[int, tuple[int, int]] = {}  # our ends: result pipe -> (pid, task pipe)
    try:
        try:
            for _ in range(min(processes, len(items))):
                _fork(function, items, workers)
        finally:  # a signal that came meanwhile is raised here
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        results: dict = {}
        pending = iter(range(len(workers), len(items)))  # (each worker has begun on one)
        busy = list(workers)  # the workers that owe a result
        waiting = select.poll()  # (not select.select: it takes no descriptor above 1023)
        for reader in busy:
            waiting.register(reader, select.POLLIN)
        while busy:
            for reader, _ in waiting.poll():
                message = _receive(reader)
                if message is None:  # it ended with an item not done: killed, or crashed
                    raise RuntimeError("a worker process ended before its work was done")
                index, failed, value = message
                if failed:
                    raise value
                results[index] = value
                following = next(pending, None)
                if following is None:  # (it ends on None: reaped below)
                    busy.remove(reader)
                    waiting.unregister(reader)
                try:
                    _send(workers[reader][1], following)
                except BrokenPipeError:  # it died since: its EOF comes next, or it was done
                    pass
        _end(workers, kill=False)
        return [results[i] for i in range(len(items))]
    except BaseException:
        _end(workers, kill=True)
        raise


_SIGNALS = {signal.SIGINT, signal.SIGTERM}


def _fork(function, items: list, workers: dict) -> None:
    """Start a worker on the next item (the first worker on item 0, and so on: known by
    fork, not sent, so it need not wait for the parent) and add it to `workers`. It never
    returns: os._exit ends it whatever happens, so it cannot go on to run the parent's code
    (the rest of the command) nor flush the output buffers it inherited (the parent's to
    write)."""
    task_out, task_in = os.pipe()
    result_out, result_in = os.pipe()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            # Only its own two ends stay open: a copy of another's end would keep that pipe
            # from ending when the process at its other end is gone.
            for reader, (_, tasks) in workers.items():
                os.close(reader)
                os.close(tasks)
            os.close(task_in)
            os.close(result_out)
            _worker(function, items, len(workers), task_out, result_in)
            code = 0
        finally:
            os._exit(code)
    os.close(task_out)
    os.close(result_in)
    workers[result_out] = (pid, task_in)


def _end(workers: dict, *, kill: bool) -> None:
    """Close our ends of the workers' pipes and reap every worker (no zombie is left), all
    killed first if `kill`. Each is forgotten once reaped, so a second call does nothing."""
    if kill:
        for pid, _ in workers.values():
            os.kill(pid, signal.SIGKILL)
    for reader in list(workers):
        pid, tasks = workers.pop(reader)
        os.close(reader)
        os.close(tasks)
        os.waitpid(pid, 0)


def _worker(function, items: list, index: int | None, tasks: int, results: int) -> None:
    """A worker leaves Ctrl-C to the parent (the terminal sends it to every process of the
    group) and dies at once on SIGTERM (wodc's CLI makes SIGTERM a SystemExit, and fork
    would give a worker that handler). Then, for `index` and each index the parent sends
    until None (or the pipe's end: the parent is gone), it sends back (index, failed,
    result)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _SIGNALS)
    while index is not None:
        try:
            message = _frame((index, False, function(items[index])))
        except Exception as error:  # (an unpicklable result too) the parent raises it
            _write(results, _failure(index, error))
            break
        _write(results, message)
        index = _receive(tasks)


def _failure(index: int, error: Exception) -> bytes:
    """(index, True, error), framed; an error the parent could not have (unpicklable, or
    not remade by unpickling: an __init__ that takes other arguments) as a RuntimeError
    saying what it was, since the parent needs something to raise."""
    import pickle

    try:
        message = _frame((index, True, error))
        pickle.loads(message[_HEADER:])
    except Exception:  # noqa: BLE001 - whatever unpickling it raises
        message = _frame((index, True, RuntimeError(f"a worker failed: {error!r}")))
    return message


_HEADER = 8  # bytes: the length of the pickle after them, little-endian


def _frame(value) -> bytes:
    import pickle

    data = pickle.dumps(value)
    return len(data).to_bytes(_HEADER, "little") + data


def _send(pipe: int, value) -> None:
    _write(pipe, _frame(value))


def _write(pipe: int, data: bytes) -> None:
    view = memoryview(data)
    while view:  # os.write may take only part (a pipe holds 64 KB)
        view = view[os.write(pipe, view):]


def _receive(pipe: int):
    """The next value sent down `pipe`, or None at its end (even within a message: the
    writer is gone)."""
    import pickle

    header = _read(pipe, _HEADER)
    data = header and _read(pipe, int.from_bytes(header, "little"))
    return pickle.loads(data) if data else None


def _read(pipe: int, size: int) -> bytes:
    """`size` bytes from `pipe` (os.read may return fewer), or b"" if it ends first."""
    parts = []
    while size:
        part = os.read(pipe, size)
        if not part:
            return b""
        parts.append(part)
        size -= len(part)
    return b"".join(parts)


# The smallest chunk. Each chunk costs 0.2-0.3 ms more than its files (a pipeline.load with
# profile discovery, a round trip); the last ones being small is what evens the finish: of a
# 300-file compile, the workers ended 2-3 ms apart with 4 (about 6 ms of work), 5 with 8,
# 13-20 with chunks of a quarter of a worker's share (medians and means of 60 runs).
SMALLEST_CHUNK = 4


def _chunks(files: list[str], processes: int) -> list[list[str]]:
    """`files` in contiguous chunks, in order (the merge goes by chunk), that shrink as the
    files left do (guided scheduling): each takes the files left over twice `processes`, and
    no fewer than SMALLEST_CHUNK. The first are big, so there are few; the last are small,
    so the workers, each taking the next when free, finish close together."""
    chunks, start = [], 0
    while start < len(files):
        size = max(SMALLEST_CHUNK, -(-(len(files) - start) // (processes * 2)))
        chunks.append(files[start:start + size])
        start += size
    return chunks


def _chunk(pair):
    files, args = pair
    return check_files(files, *args[:3], follow_symlinks=args[3], dates=args[4])


def check_parallel(files: list[str], cli, explicit: Path | None, formats, *,
                   follow_symlinks: bool, dates, processes: int | None = None) -> Checked:
    """check_files over every core, with the report a serial run gives."""
    count = processes or workers()
    args = (cli, explicit, formats, follow_symlinks, dates)
    parts = _map(_chunk, [(chunk, args) for chunk in _chunks(files, count)], count)
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
    parts = _map(_compile_chunk, [(chunk, args) for chunk in _chunks(files, count)], count)
    merged, profiles = Outcome(), []
    for outcome, profile_lines, _ in parts:
        profiles += [line for line in profile_lines if line not in profiles]
        merged.problems += outcome.problems
        merged.summary += [line for line in outcome.summary if line not in profile_lines]
        merged.written += outcome.written
    merged.summary = profiles + merged.summary
    merged.problems = list(dict.fromkeys(merged.problems))
    return merged
