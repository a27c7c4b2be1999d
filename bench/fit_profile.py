"""Where the time of a FIT compile goes: parse, check and resolve, plan (IR -> FIT steps) and
encode, with wodc's lean encoder (fit_wire, what the backend uses) and with fit-tool (the
reference it is tested against), for the examples and synthetic workouts of 10 to 1,000 steps.

    .venv/bin/python bench/fit_profile.py            # the table
    .venv/bin/python bench/fit_profile.py --profile  # and fit-tool's hottest functions

Each figure is the best of several runs (least disturbed by the machine), in milliseconds.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import subprocess
import sys
import time
from pathlib import Path

from wodc.backends import fit, fit_wire

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import fit_reference  # noqa: E402  (fit-tool, the reference encoder the tests use)

from wodc.checks import check_workout  # noqa: E402
from wodc.parse import parse  # noqa: E402
from wodc.profile import Profile
from wodc.resolve import resolve

ROOT = Path(__file__).resolve().parent.parent
ATHLETE = Profile(vdot=50, ftp=250, max_hr=190, lthr=170)
CREATED = 1704067200


def synthetic(steps: int) -> str:
    """A run workout of `steps` distinct steps with pace, heart-rate and cadence targets."""
    targets = ("@T", "@150bpm", "@4:30/km cadence 176spm", "@Z2", "@HM")
    lines = [f"{i % 5 + 1}min {targets[i % len(targets)]}" for i in range(steps)]
    return f'workout "Synthetic {steps}"\n' + "\n".join(lines)


def best(function, repeat: int) -> tuple[float, object]:
    times, value = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        value = function()
        times.append(time.perf_counter() - start)
    return min(times) * 1000, value


def stages(name: str, text: str, repeat: int) -> list[str]:
    parse_ms, parsed = best(lambda: parse(text, name), repeat)
    workout = parsed.workouts[0]
    resolve_ms, workout = best(lambda: (check_workout(workout), resolve(workout, ATHLETE))[1],
                               repeat)
    plan_ms, (planned, _) = best(lambda: fit.plan(workout, ATHLETE, CREATED), repeat)
    wire_ms, data = best(lambda: fit_wire.encode(planned), repeat)
    tool_ms, reference = best(lambda: fit_reference.encode(planned), repeat)
    assert data == reference
    total = parse_ms + resolve_ms + plan_ms + wire_ms
    return [name, str(len(planned.steps)), f"{parse_ms:.2f}", f"{resolve_ms:.2f}",
            f"{plan_ms:.2f}", f"{wire_ms:.2f}", f"{100 * wire_ms / total:.0f}%",
            f"{tool_ms:.2f}", f"{tool_ms / wire_ms:.0f}x", str(len(data))]


def import_ms() -> float:
    """fit-tool's import, in a fresh interpreter: what a compile would pay once if it used
    fit-tool (it does not: only the tests and this benchmark import it)."""
    code = ("import time; t = time.perf_counter(); import fit_tool.fit_file_builder, "
            "fit_tool.profile.messages.file_id_message, fit_tool.profile.messages.workout_message, "
            "fit_tool.profile.messages.workout_step_message; "
            "print((time.perf_counter() - t) * 1000)")
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True).stdout) for _ in range(3)]
    return min(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", action="store_true", help="cProfile fit-tool's encode")
    args = parser.parse_args()

    rows = [["workout", "FIT steps", "parse", "resolve", "plan", "encode", "encode share",
             "fit-tool", "fit-tool/encode", "bytes"]]
    for path in sorted((ROOT / "examples").glob("*.wod")):
        rows.append(stages(path.name, path.read_text(), repeat=20))
    for count in (10, 100, 1000):
        rows.append(stages(f"synthetic {count}", synthetic(count), repeat=20 if count < 1000
                           else 5))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.rjust(width) for cell, width in zip(row, widths)))
    print(f"\nimporting fit-tool: {import_ms():.0f} ms (a compile does not; the reference does)")

    print("times in ms; encode is fit_wire, what `wodc compile` uses; fit-tool is the reference")

    if args.profile:
        workout = resolve(parse(synthetic(1000), "synthetic").workouts[0], ATHLETE)
        planned, _ = fit.plan(workout, ATHLETE, CREATED)
        for encoder in (fit_wire.encode, fit_reference.encode):
            profiler = cProfile.Profile()
            profiler.runcall(encoder, planned)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(12)


if __name__ == "__main__":
    main()
