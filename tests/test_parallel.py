"""`wodc check` of a big tree runs on every core and prints exactly what a serial run prints."""

import os
import random
import re
import signal
import subprocess
import sys
import threading
import time

import pytest
from click.testing import CliRunner

import wodc.parallel
from wodc.cli import main


def tree(root, count: int, repeat: int = 1) -> None:
    """`count` workouts, each its body `repeat` times (a longer check, the same messages)."""
    (root / ".git").mkdir()
    (root / "wodc.toml").write_text("vdot = 50\nftp = 250\nmax_hr = 190\nftpp = 1\n")
    for index in range(count):
        body = ["run 10min @E", "3x(400m @R, rec 200m)", "run 10min @HMP2", "10min @Z2HR",
                "sport bike\n20min @90%FTP", "run 5min @E cadence 90rpm"][index % 6]
        # Workout 7 and workout 41 share a name: in different chunks of a parallel run.
        name = "Same" if index in (7, 41) else f"W{index}"
        (root / f"w{index:03d}.wod").write_text(f'workout "{name}"\n' + f"{body}\n" * repeat)


def check(root, monkeypatch, parallel_from: int):
    monkeypatch.setattr(wodc.parallel, "PARALLEL_FROM", parallel_from)
    monkeypatch.setattr(wodc.parallel, "workers", lambda: 2)
    result = CliRunner().invoke(main, ["check", str(root)])
    return result.exit_code, result.stdout, result.stderr


def test_a_parallel_check_reports_what_a_serial_one_does(tmp_path, monkeypatch):
    tree(tmp_path, 60)
    serial = check(tmp_path, monkeypatch, 10**9)
    spawned = []
    real = wodc.parallel.check_parallel
    monkeypatch.setattr(wodc.parallel, "check_parallel",
                        lambda *a, **k: spawned.append(1) or real(*a, **k))
    parallel = check(tmp_path, monkeypatch, 10)
    assert spawned  # the parallel path was taken
    assert parallel == serial
    code, _, stderr = serial
    assert code == 1
    # The cross-chunk clash, the unknown pace, the profile's unknown key: each said once.
    assert stderr.count("a workout named 'Same' already exists") == 1
    assert stderr.count("unknown pace or target 'HMP2'") == 10
    assert stderr.count("unknown profile key 'ftpp'") == 1
    # 12 errors: 10 HMP2, the clash, ftpp. 39 warnings: 10 heart-rate steps warn for ZWO and
    # for the treadmill (20), 10 runs with an rpm cadence warn for it and for ZWO (20), but
    # the second "Same" (w041, a cadence one) is not compiled, so not for ZWO.
    assert stderr.endswith("checked 60 workouts in 60 files: 12 errors, 39 warnings\n")


def test_a_tree_with_a_plan_is_checked_in_one_piece(tmp_path, monkeypatch):
    tree(tmp_path, 30)
    (tmp_path / "plan.wod").write_text('plan "P" starts 2026-12-07\nweek 1\n  mon "W0"\n')
    serial = check(tmp_path, monkeypatch, 10**9)
    parallel = check(tmp_path, monkeypatch, 10)
    assert parallel == serial and "and 1 plan" in serial[2]


def compile_tree(root, monkeypatch, parallel_from: int, out: str):
    monkeypatch.setattr(wodc.parallel, "PARALLEL_FROM", parallel_from)
    monkeypatch.setattr(wodc.parallel, "workers", lambda: 2)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    target = str(root.parent / out)
    result = CliRunner().invoke(main, ["compile", str(root), "-o", target])
    files = {p.name: p.read_bytes() for p in (root.parent / out).iterdir()}
    return (result.exit_code, result.stdout.replace(target, "OUT"),
            result.stderr.replace(target, "OUT"), files)


def test_a_parallel_compile_writes_what_a_serial_one_does(tmp_path, monkeypatch):
    root = tmp_path / "tree"
    root.mkdir()
    tree(root, 60)
    (root / "w041.wod").write_text('workout "W41"\nrun 5min @E cadence 90rpm\n')  # no clash
    (root / "wodc.toml").write_text("vdot = 50\nftp = 250\nmax_hr = 190\n")
    spawned = []
    real = wodc.parallel.compile_parallel
    monkeypatch.setattr(wodc.parallel, "compile_parallel",
                        lambda *a, **k: spawned.append(1) or real(*a, **k))
    serial = compile_tree(root, monkeypatch, 10**9, "out-one")
    parallel = compile_tree(root, monkeypatch, 10, "out-two")
    assert spawned and parallel == serial
    assert serial[0] == 1 and len(serial[3]) > 100  # the HMP2 workouts are not written


def test_a_compile_that_may_clash_across_files_stays_serial(tmp_path, monkeypatch):
    root = tmp_path / "tree"
    root.mkdir()
    tree(root, 60)  # "Same" twice, in w007 and w041
    (root / "wodc.toml").write_text("vdot = 50\nftp = 250\nmax_hr = 190\n")
    monkeypatch.setattr(wodc.parallel, "compile_parallel",
                        lambda *a, **k: (_ for _ in ()).throw(AssertionError("parallel")))
    code, _, stderr, files = compile_tree(root, monkeypatch, 10, "out")
    assert code == 1 and "a workout named 'Same' already exists" in stderr
    assert "same.fit" in files  # the first is written, the second is not


@pytest.mark.parametrize("count", [1, 5, 200, 300, 5000])
def test_chunks_keep_the_files_in_order_and_shrink_to_the_smallest(count):
    """Chunks are merged in order, so they must be the files in order; they shrink with the
    work left (the first a quarter of it, on 2 workers), down to SMALLEST_CHUNK at the end."""
    files = [f"w{index:04d}.wod" for index in range(count)]
    chunks = wodc.parallel._chunks(files, 2)
    assert [file for chunk in chunks for file in chunk] == files
    sizes = [len(chunk) for chunk in chunks]
    assert sizes == sorted(sizes, reverse=True)
    smallest = wodc.parallel.SMALLEST_CHUNK
    assert sizes[0] == min(count, max(smallest, -(-count // 4)))
    assert all(size >= smallest for size in sizes[:-1])
    if count >= 200:
        assert sizes[-2] == smallest


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _children(pid: int) -> list[str]:
    path = f"/proc/{pid}/task/{pid}/children"
    return open(path).read().split() if os.path.exists(path) else []


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="needs Linux /proc")
@pytest.mark.parametrize("signum, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
@pytest.mark.parametrize("after", [0, 0.3])  # as the workers start (the race), or at work
def test_a_signal_during_a_parallel_check_ends_every_process_quietly(tmp_path, signum, code,
                                                                      after):
    # Far above PARALLEL_FROM, a pool of workers, and work enough to be signalled while at it
    # (the check takes about 1.6 s on 2 cores here; the workers are seen within 0.2 s).
    tree(tmp_path, 1500, repeat=25)
    # The signal goes to the whole process group, as a terminal's Ctrl-C does. The check
    # starts with SIGINT's default action, as from a terminal: a runner that ignores SIGINT
    # (mutmut's workers do) would pass that on, and the check would rightly run to its end.
    process = subprocess.Popen([sys.executable, "-m", "wodc", "check", str(tmp_path)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True, preexec_fn=_default_sigint)
    deadline = time.monotonic() + 60
    while not _children(process.pid) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(after)
    workers = _children(process.pid)
    try:
        assert workers, "the check ended or never started its workers"
        os.killpg(process.pid, signum)
        _, stderr = process.communicate(timeout=60)
    finally:  # (reaped whatever happened: a later test looks for children left)
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    assert process.returncode == code
    assert b"Traceback" not in stderr, stderr.decode()
    for pid in workers:  # no worker left behind
        assert not os.path.exists(f"/proc/{pid}") or \
            open(f"/proc/{pid}/stat").read().split()[2] == "Z"


def _sleep_then_say_who(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked")
def test_workers_whose_pipes_are_past_descriptor_1023(deadline):
    """A process with many files open (an editor, a build tool calling wodc as a library):
    the pipes get descriptors above 1023, which select.select refuses."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < 1200:
        if hard != resource.RLIM_INFINITY and hard < 1200:
            pytest.skip(f"this process may open only {hard} files")
        resource.setrlimit(resource.RLIMIT_NOFILE, (1200, hard))
    held = [os.open(os.devnull, os.O_RDONLY) for _ in range(1100)]
    try:
        assert wodc.parallel._map(abs, [-1, -2, -3, -4, -5], 2) == [1, 2, 3, 4, 5]
    finally:
        for handle in held:
            os.close(handle)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_a_free_worker_takes_the_next_item():
    """A slow item keeps one worker busy while the other does the rest: with a fixed share
    each, the slow one's worker would also have had every other item."""
    items = [1.0] + [0.02] * 8
    pids = wodc.parallel._map(_sleep_then_say_who, items, 2)
    assert len(pids) == 9 and os.getpid() not in pids
    assert pids[0] not in pids[1:] and len(set(pids[1:])) == 1


def test_a_failing_item_raises_its_error_in_the_parent():
    with pytest.raises(ZeroDivisionError):
        wodc.parallel._map(lambda n: 1 / n, [1, 2, 0, 4, 5], 2)


@pytest.fixture
def deadline():
    """A _map that hangs fails the test after 20 s, instead of hanging the suite."""
    def expired(signum, frame):
        raise TimeoutError("_map hung")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _no_child_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)  # (returns, and reaps one, only if one is left)
    except ChildProcessError:
        return True
    return False


def _die_on_zero(seconds: float) -> float:
    if not seconds:
        os._exit(1)  # as a kill or a crash would: no result, no exception, the pipe ends
    time.sleep(seconds)
    return seconds


def test_a_worker_that_dies_ends_the_run_at_once_and_leaves_no_process(deadline):
    """The other worker would take 2 s over every other item: the run ends long before."""
    start = time.monotonic()
    with pytest.raises(RuntimeError, match="a worker process ended before its work was done"):
        wodc.parallel._map(_die_on_zero, [0] + [0.05] * 40, 2)
    assert time.monotonic() - start < 1
    assert _no_child_left()


def test_a_worker_never_goes_on_into_the_callers_code(deadline):
    """SystemExit is no Exception: the worker's loop does not catch it, and a worker that
    let it out of _map would go on running the caller (here, pytest) in a second process."""
    parent = os.getpid()

    def leave(item):
        raise SystemExit(0)

    with pytest.raises(RuntimeError, match="ended before its work was done"):
        wodc.parallel._map(leave, [1, 2, 3], 2)
    assert os.getpid() == parent and _no_child_left()


class _TwoArguments(Exception):
    def __init__(self, what, why):  # unpickling calls _TwoArguments(what): a TypeError
        super().__init__(what)


def _raise(error: Exception):
    raise error


@pytest.mark.parametrize("function, raised, says", [
    (lambda n: _raise(ValueError(threading.Lock())), RuntimeError,
     "a worker failed: ValueError(<unlocked _thread.lock"),  # unpicklable
    (lambda n: _raise(_TwoArguments("what", "why")), RuntimeError,
     "a worker failed: _TwoArguments('what')"),  # cannot be remade by unpickling
    (lambda n: threading.Lock(), TypeError, "cannot pickle '_thread.lock' object"),  # a result
])
def test_what_cannot_cross_a_pipe_is_still_raised_in_the_parent(deadline, function, raised,
                                                                 says):
    with pytest.raises(raised, match=re.escape(says)):
        wodc.parallel._map(function, [1, 2, 3], 2)
    assert _no_child_left()


def test_results_of_megabytes_cross_the_pipes_whole(deadline):
    """A pipe holds 64 KB: each result is read and written in many pieces."""
    def noise(seed: int) -> bytes:
        return random.Random(seed).randbytes(3_000_000 + seed)

    assert wodc.parallel._map(noise, list(range(5)), 2) == [noise(n) for n in range(5)]
    assert _no_child_left()
