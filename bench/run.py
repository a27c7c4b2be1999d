"""wodc's benchmark: `make bench` runs this and prints tables.

1. In-process throughput of each stage (parse, check, resolve, each backend) on a generated
   corpus of 1,000 typical workouts, and of a whole compile to every format; and parse's
   speed-up over lark's own lexer and loop and over wodc's parse of the day issue 15 was filed
   (bench/parse_speed.py, in turns in one process).
2. Scaling: one workout of 1,000, 10,000 and 100,000 flattened steps (time per step should
   stay flat: linear growth).
3. Cold command-line wall time of `wodc --version`, `wodc check one.wod`,
   `wodc check examples/`, `wodc compile examples/`.
4. The editor: `wodc lsp`'s time from a keystroke to its diagnostics (bench/editor_latency.py).
5. Big trees: `wodc check` and `wodc compile` of 500 and 5,000 files, on every core and in one
   process.
6. pace2fit, a published peer that writes FIT from a text language, on the same workouts (run
   in its own virtualenv, .venv-peer, when it installs there), as a ratio: in-process, and
   from the command line (300 runs, each tool in its own process).

Times are the best of several rounds, to keep other load on the machine out of the figures.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import corpus, long_workout  # noqa: E402
from parse_speed import compare, package_at  # noqa: E402

from wodc import ir  # noqa: E402
from wodc.backends import FORMATS, Options, backend  # noqa: E402
from wodc.checks import check_workout  # noqa: E402
from wodc.parse import parse  # noqa: E402
from wodc.profile import Settings, merge, parse_race  # noqa: E402
from wodc.resolve import resolve  # noqa: E402
from wodc.units import format_clock  # noqa: E402

PROFILE = merge(Settings("bench", values={"ftp": 250.0, "max_hr": 190.0, "lthr": 170.0},
                         races=[parse_race("5K=20:00")]))
OPTIONS = Options()
ISSUE_15_FILED = "4db2563"  # the commit whose parse issue 15 asks to be 3x faster than
CLI_ROUNDS = 7  # rounds of the command-line comparison with pace2fit
ROUNDS = int(os.environ.get("WODC_BENCH_ROUNDS", "3"))

# The `wodc` command the command-line figures run: wodc as users install it (`pip install .`,
# which `make bench` makes of this checkout in .venv-bench), else the editable .venv, whose
# setuptools import finder adds 20-30 ms to every start that no user's install has.
BENCH_WODC = ROOT / ".venv-bench" / "bin" / "wodc"
WODC = str(BENCH_WODC if BENCH_WODC.exists() else ROOT / ".venv" / "bin" / "wodc")


def best_of(function, rounds: int = ROUNDS) -> float:
    """The fastest of `rounds` runs of `function()`, in seconds."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                       for i, (c, w) in enumerate(zip(r, widths))) for r in [header, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def compile_all(workout: ir.Workout, formats) -> None:
    for name in formats:
        backend(name).compile(workout, PROFILE, OPTIONS)


def throughput() -> None:
    texts = corpus()
    parsed = [parse(t, "bench.wod").workouts[0] for t in texts]
    resolved = [resolve(w, PROFILE) for w in parsed]
    runs = [w for w in resolved if w.sport is ir.Sport.RUN]
    stages = [
        ("parse", len(texts), lambda: [parse(t, "bench.wod") for t in texts]),
        ("check", len(parsed), lambda: [check_workout(w) for w in parsed]),
        ("resolve", len(parsed), lambda: [resolve(w, PROFILE) for w in parsed]),
    ]
    for name in FORMATS:
        module = backend(name)
        # Treadmill programs are for runs; every other format takes every workout.
        subjects = runs if name in ("qz", "card") else resolved
        stages.append((f"backend {name}", len(subjects),
                       lambda m=module, s=subjects: [m.compile(w, PROFILE, OPTIONS) for w in s]))
    run_texts = [t for t, w in zip(texts, resolved) if w.sport is ir.Sport.RUN]

    def whole():
        for text in run_texts:
            workout = parse(text, "bench.wod").workouts[0]
            check_workout(workout)
            compile_all(resolve(workout, PROFILE), FORMATS)

    stages.append((f"all of it: parse..{','.join(FORMATS)}", len(run_texts), whole))
    rows = []
    for name, count, function in stages:
        seconds = best_of(function)
        rows.append([name, count, f"{count / seconds:,.0f}", f"{seconds / count * 1e6:,.0f}"])
    print("In-process throughput, corpus of 1,000 typical workouts (80% runs, 20% rides)")
    print(table(["stage", "workouts", "workouts/s", "us/workout"], rows))
    try:  # the parse of the day issue 15 was filed, from git (a checkout with its history)
        against = (ISSUE_15_FILED, package_at(ISSUE_15_FILED))
    except (OSError, subprocess.CalledProcessError):  # no git, or not this revision
        against = None
    times = compare(texts, max(ROUNDS, 7), against)
    lark, fast = times["lark's lexer and loop"], times["wodc/lalr.py"]
    print(f"parse is {lark / fast:.2f}x faster than with lark's own lexer and parser loop "
          f"({fast:,.0f} vs {lark:,.0f} us/workout, measured in turns in this process)")
    if against is None:
        print(f"parse at {ISSUE_15_FILED} (issue 15's day): not in this checkout's history")
    else:
        then = times["parse.py at " + ISSUE_15_FILED]
        print(f"parse is {then / fast:.2f}x faster than at {ISSUE_15_FILED}, the day issue 15 "
              f"was filed ({fast:,.0f} vs {then:,.0f} us/workout, in turns)")


def scaling() -> None:
    rows = []
    for steps in (1_000, 10_000, 100_000):
        text = long_workout(steps)
        result = parse(text, "long.wod")
        assert not result.diagnostics, result.diagnostics[:1]
        workout = result.workouts[0]
        flat = ir.flat_count(workout.steps)
        timings = [("parse", best_of(lambda: parse(text, "long.wod"))),
                   ("resolve", best_of(lambda: resolve(workout, PROFILE)))]
        resolved = resolve(workout, PROFILE)
        for name in FORMATS:
            module = backend(name)
            timings.append((name, best_of(
                lambda m=module: m.compile(resolved, PROFILE, OPTIONS))))
        rows.append([f"{flat:,}"] + [f"{t * 1000:,.1f} ms ({t / flat * 1e6:.1f} us/step)"
                                     for _, t in timings])
        header = ["flattened steps"] + [name for name, _ in timings]
    print("Scaling: one workout (written out up to 10,000 steps, then repeats of that block)")
    print(table(header, rows))


def hostile() -> None:
    """How fast bad input is turned away (parse + checks, in-process)."""
    from wodc.parse import decode

    cases = [
        ("a 10 MB file", (b"10min @E\n" * 1_200_000)),
        ("a line of 1 MB", b"10min, " * 150_000),
        ("900 KB of steps: 1s, 1s, 1s, ...", b"1s, " * 225_000),
        ("repeats nested 1,000 deep", b"2x(" * 1000 + b"1min" + b")" * 1000),
        ("1000000x(...)", b"1000000x(400m @R, rec 200m)\n"),
        ("1000x(1000x(1s))", b"1000x(1000x(1s))\n"),
        ("not UTF-8", b"10min @E\n" * 1000 + b"\xff"),
        ("a count of 5,000 digits", b"9" * 5000 + b"x(1min @E)\n"),
    ]
    rows = []
    for label, data in cases:
        def reject():
            text, problem = decode(data, "hostile.wod")
            if problem is not None:
                return [problem]
            result = parse(text, "hostile.wod")
            return result.diagnostics + [p for w in result.workouts for p in check_workout(w)]
        seconds = best_of(reject, 1)
        problems = reject()
        assert problems, label
        rows.append([label, f"{seconds * 1000:,.1f} ms", problems[0].message[:60]])
    print("Hostile input: time to the first error")
    print(table(["input", "time", "error"], rows))
    print()
    many_problems()
    print()
    huge_files()


def many_problems() -> None:
    """`wodc check` on files of 10,000 and 20,000 problems (loading, checking and reporting,
    as a subprocess): linear, where list scans made it quadratic (22 s and 97 s)."""
    wodc = WODC
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for count in (10_000, 20_000):
            path = Path(folder) / f"bad-{count}.wod"
            path.write_bytes(b"1s @XX\n" * count)
            start = time.perf_counter()
            subprocess.run([wodc, "check", str(path)], capture_output=True)
            seconds = time.perf_counter() - start
            rows.append([f"{count:,} problems in one file", f"{seconds:.2f} s",
                         f"{seconds / count * 1e6:,.0f} us/problem"])
    print("Many problems: wodc check, whole command")
    print(table(["input", "time", "per problem"], rows))


def huge_files() -> None:
    """`wodc check` on a sparse 2 GB file and on `yes` through standard input: refused by
    size, read to the limit at most. Peak memory is the child's maximum resident set."""
    import resource

    wodc = WODC
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        sparse = Path(folder) / "sparse.wod"
        with open(sparse, "wb") as file:
            file.truncate(2 * 1024**3)
        for label, command, stdin in (
                ("a sparse 2 GB file", [wodc, "check", str(sparse)], None),
                ("yes | wodc check -", [wodc, "check", "-"], "yes")):
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            start = time.perf_counter()
            if stdin:
                feeder = subprocess.Popen([stdin], stdout=subprocess.PIPE)
                subprocess.run(command, stdin=feeder.stdout, capture_output=True)
                feeder.kill()
                feeder.wait()
            else:
                subprocess.run(command, capture_output=True)
            seconds = time.perf_counter() - start
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB, the max so far
            rows.append([label, f"{seconds:.2f} s",
                         f"{peak / 1024:,.0f} MB" if peak > before else "(below an earlier run)"])
    print("Huge inputs: wodc check, whole command")
    print(table(["input", "time", "peak memory"], rows))


def cold_cli() -> None:
    wodc = WODC
    # pip compiles an installed package's bytecode; the editable checkout has none where
    # PYTHONDONTWRITEBYTECODE is set (as on CI machines), and every run would compile wodc's
    # source again, which is no user's start-up.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "wodc")], check=True)
    with tempfile.TemporaryDirectory() as out:
        commands = [
            ("wodc --version", [wodc, "--version"]),
            ("wodc check one.wod", [wodc, "check", "examples/track-400s.wod"]),
            ("wodc check examples/", [wodc, "check", "examples"]),
            ("wodc compile examples/", [wodc, "compile", "examples", "-o", out]),
        ]
        rows = []
        for label, command in commands:
            times = []
            for _ in range(7):
                start = time.perf_counter()
                subprocess.run(command, cwd=ROOT, capture_output=True, check=False)
                times.append(time.perf_counter() - start)
            rows.append([label, f"{statistics.median(times) * 1000:.0f} ms",
                         f"{min(times) * 1000:.0f} ms"])
    print("Cold command line (new process each time, 7 runs, bytecode compiled as pip does)")
    print(table(["command", "median", "best"], rows))


def pace2fit_text(workout: ir.Workout) -> str:
    """The same run in pace2fit's language: absolute paces per km (resolved), repeats as
    Nx(a+b)."""
    def step(s: ir.Step) -> str:
        d = s.duration
        if isinstance(d, ir.DistanceDuration):
            text = f"{d.metres:.0f}m"
        elif isinstance(d, ir.TimeDuration):
            text = f"{d.seconds:.0f}s"
        else:
            text = "open"
        band = s.band
        if band is not None and band.channel is ir.Channel.SPEED:
            fast, slow = format_clock(1000 / band.high), format_clock(1000 / band.low)
            text += f"@{fast}" if fast == slow else f"@{fast}-{slow}"
        return text

    parts = []
    for node in workout.steps:
        if isinstance(node, ir.Repeat):
            parts.append(f"{node.count}x(" + "+".join(step(c) for c in node.children) + ")")
        else:
            parts.append(step(node))
    return ",".join(parts)


def peer() -> None:
    python = ROOT / ".venv-peer" / "bin" / "python"
    if not python.exists():
        print("pace2fit: not installed in .venv-peer (make bench installs it where it can); "
              "no comparison")
        return
    texts = [t for t in corpus()]
    workouts = [resolve(parse(t, "bench.wod").workouts[0], PROFILE) for t in texts]
    runs = [(t, w) for t, w in zip(texts, workouts) if w.sport is ir.Sport.RUN]
    peer_texts = [pace2fit_text(w) for _, w in runs]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(peer_texts, handle)
    result = subprocess.run([str(python), str(HERE / "peer_pace2fit.py"), handle.name],
                            capture_output=True, text=True, check=False)
    os.unlink(handle.name)
    if result.returncode != 0:
        print(f"pace2fit: failed to run: {result.stderr.strip()[-300:]}")
        return
    peer_seconds = json.loads(result.stdout)["seconds"]
    fit = backend("fit") if "fit" in FORMATS else None
    if fit is None:
        print("pace2fit: wodc has no fit backend to compare")
        return

    def ours():
        for text, _ in runs:
            workout = parse(text, "bench.wod").workouts[0]
            check_workout(workout)
            fit.compile(resolve(workout, PROFILE), PROFILE, OPTIONS)

    our_seconds = best_of(ours)
    count = len(runs)
    print(f"pace2fit 0.1.3 vs wodc, text to FIT bytes in-process, the same {count} runs")
    print(table(["tool", "us/workout", "workouts/s"], [
        ["pace2fit (parse + encode)", f"{peer_seconds / count * 1e6:,.0f}",
         f"{count / peer_seconds:,.0f}"],
        ["wodc (parse + check + resolve + fit)", f"{our_seconds / count * 1e6:,.0f}",
         f"{count / our_seconds:,.0f}"],
    ]))
    print(f"wodc is {peer_seconds / our_seconds:.1f}x faster per workout")


def peer_cli() -> None:
    """Issue 15's measure: the same 300 runs, text to FIT, each tool as a command in its own
    process (imports and start-up included): `wodc compile DIR -f fit` against pace2fit's
    parse+encode loop over the same workouts."""
    python = ROOT / ".venv-peer" / "bin" / "python"
    if not python.exists():
        print("pace2fit: not installed in .venv-peer; no command-line comparison")
        return
    texts = corpus()
    runs = [t for t in texts if parse(t, "bench.wod").workouts[0].sport is ir.Sport.RUN][:300]
    peer_texts = [pace2fit_text(resolve(parse(t, "bench.wod").workouts[0], PROFILE))
                  for t in runs]
    wodc = WODC
    # The project goes where a user's is, under the checkout (build/, ignored by git), not in
    # /tmp, where the test suite makes and deletes thousands of files: there, creating each
    # output file cost 0.1-0.3 ms of kernel time (perf: ext4's find_inode_bit, skipping inodes
    # freed of late) and wodc's 300 new files took 0.23-0.29 s instead of 0.16-0.19 s.
    # pace2fit's loop creates no file, so it is the same in either place.
    (ROOT / "build").mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=ROOT / "build") as folder:
        folder = Path(folder)
        (folder / ".git").mkdir()
        (folder / "wods").mkdir()
        for index, text in enumerate(runs):
            (folder / "wods" / f"w{index:03d}.wod").write_text(
                text.replace('workout "', f'workout "{index:03d} ', 1))
        (folder / "peer.json").write_text(json.dumps(peer_texts))
        peer = [str(python), str(HERE / "peer_pace2fit.py"), "peer.json", "--once"]

        def ours(out: str) -> list[str]:
            return [str(wodc), "compile", "wods", "-f", "fit", "-o", out, "--race", "5K=20:00",
                    "--ftp", "250", "--max-hr", "190", "--lthr", "170"]

        def wall(command) -> float:
            start = time.perf_counter()
            subprocess.run(command, cwd=folder, capture_output=True, check=True)
            return time.perf_counter() - start
        # In turns, so that a busy spell of the shared machine falls on all three: wodc into a
        # folder of its own each round (300 new files), then again over the first round's
        # files (a rebuild: each file read and, holding the bytes it would get, left alone).
        peer_times, new_times, over_times = [], [], []
        for turn in range(CLI_ROUNDS):
            peer_times.append(wall(peer))
            new_times.append(wall(ours(f"new-{turn}")))
            over_times.append(wall(ours("new-0")))
        files = len(list((folder / "new-0").glob("*.fit")))
    print(f"Text to FIT from the command line, {len(runs)} runs, {CLI_ROUNDS} rounds in turns, "
          f"medians, {os.cpu_count()} CPUs")
    rows = [["pace2fit 0.1.3 (its parse + encode loop, own process)", peer_times],
            [f"wodc compile wods -f fit -o NEW ({files} files written)", new_times],
            ["wodc compile wods -f fit -o OLD (a rebuild: the same files, left alone)",
             over_times]]
    print(table(["command", "time", "per workout"], [
        [label, f"{statistics.median(times):.2f} s",
         f"{statistics.median(times) / len(runs) * 1e3:.1f} ms"] for label, times in rows]))
    for label, times in (("into a new folder", new_times), ("over its own files", over_times)):
        ratios = sorted(p / o for p, o in zip(peer_times, times))
        print(f"wodc is {statistics.median(ratios):.1f}x faster from the command line, {label} "
              f"(median of the rounds' ratios; {ratios[0]:.1f}-{ratios[-1]:.1f}x)")


def big_trees() -> None:
    """`wodc check` and `wodc compile` on folders of 500 and 5,000 workout files, as a
    subprocess: on every core (wodc/parallel.py, from 200 files) and in one process
    (WODC_SERIAL=1), and how time grows from 500 to 5,000 files."""
    wodc = WODC
    texts = list(corpus())
    profile = ["--vdot", "50", "--ftp", "250", "--max-hr", "190"]
    rows, times = [], {}
    with tempfile.TemporaryDirectory() as folder:
        for count in (500, 5000):
            tree = Path(folder) / str(count)
            (tree / ".git").mkdir(parents=True)
            for index in range(count):
                text = texts[index % len(texts)].replace('workout "', f'workout "{index} ', 1)
                (tree / f"w{index:05d}.wod").write_text(text)
            for command in ("check", "compile"):
                for label, env in (("every core", {}), ("one process", {"WODC_SERIAL": "1"})):
                    out = ["-o", str(Path(folder) / f"out-{count}-{len(env)}")]
                    start = time.perf_counter()
                    subprocess.run([wodc, command, str(tree), *profile,
                                    *(out if command == "compile" else [])],
                                   capture_output=True, env={**os.environ, **env}, check=False)
                    seconds = times[command, count, label] = time.perf_counter() - start
                    rows.append([f"wodc {command}", f"{count:,} files", label, f"{seconds:.2f} s",
                                 f"{seconds / count * 1e3:.2f} ms/file"])
    print(f"Big trees: whole command, {os.cpu_count()} CPUs")
    print(table(["command", "tree", "how", "time", "per file"], rows))
    for command in ("check", "compile"):
        print(f"wodc {command}: every core vs one process, 5,000 files: "
              f"{times[command, 5000, 'one process'] / times[command, 5000, 'every core']:.2f}x; "
              f"5,000 files take "
              f"{times[command, 5000, 'every core'] / times[command, 500, 'every core']:.1f}x "
              f"the time of 500")


def editor() -> None:
    import editor_latency

    print("Editor: wodc lsp, a keystroke (didChange) to its diagnostics, over stdio, 15 keys")
    print(table(["file", "median", "best", "worst"], editor_latency.main()))


def main() -> None:
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, best of {ROUNDS} rounds; "
          f"commands run {Path(WODC).relative_to(ROOT)}"
          f"{'' if BENCH_WODC.exists() else ' (editable: each start 20-30 ms slower)'}\n")
    for section in (throughput, scaling, hostile, cold_cli, editor, big_trees, peer, peer_cli):
        section()
        print()


if __name__ == "__main__":
    main()
