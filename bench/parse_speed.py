"""Parse speed in one process: wodc's parse (lark's tables run by wodc/lalr.py) against the
same parse run by lark's own contextual lexer and LALR loop (`parse(..., fast=False)`, what
wodc did before issue 15), on bench/corpus.py's 1,000 workouts. bench/run.py prints the ratio.

    .venv/bin/python bench/parse_speed.py [--against REV]

`--against REV` also times wodc/parse.py as it was at git revision REV (its whole package,
loaded under another name), so that builder changes count too: today's parse against that.
"""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import corpus  # noqa: E402

from wodc.parse import parse  # noqa: E402


def per_workout(function, texts: list[str], rounds: int) -> float:
    """Microseconds per workout of `function(text)`, the best of `rounds` passes."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for text in texts:
            function(text)
        best = min(best, time.perf_counter() - start)
    return best / len(texts) * 1e6


def package_at(revision: str):
    """wodc as it was at `revision`, imported as the package `wodc_<revision>`."""
    name = "wodc_" + "".join(c if c.isalnum() else "_" for c in revision)
    archive = subprocess.run(["git", "-C", str(HERE.parent), "archive", revision, "wodc"],
                             check=True, capture_output=True).stdout
    folder = Path(tempfile.mkdtemp(prefix="wodc-rev-"))
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    (folder / "wodc").rename(folder / name)
    sys.path.insert(0, str(folder))
    return importlib.import_module(f"{name}.parse")


def compare(texts: list[str], rounds: int, against=None) -> dict[str, float]:
    """us/workout of each way to parse, measured in turns so that load on the machine falls
    on all of them alike."""
    ways = {"lark's lexer and loop": lambda t: parse(t, "bench.wod", fast=False),
            "wodc/lalr.py": lambda t: parse(t, "bench.wod")}
    if against is not None:
        ways = {"parse.py at " + against[0]: lambda t: against[1].parse(t, "bench.wod"), **ways}
    for function in ways.values():
        function(texts[0])  # build the parser (and its tables) before timing
    best = {name: float("inf") for name in ways}
    for _ in range(rounds):
        for name, function in ways.items():
            best[name] = min(best[name], per_workout(function, texts, 1))
    return best


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--against", metavar="REV", help="also time wodc at this git revision")
    options.add_argument("--rounds", type=int, default=7)
    args = options.parse_args()
    against = (args.against, package_at(args.against)) if args.against else None
    texts = corpus()
    times = compare(texts, args.rounds, against)
    fast = times["wodc/lalr.py"]
    for name, micros in times.items():
        print(f"{name:28s} {micros:7.1f} us/workout  {micros / fast:4.2f}x wodc/lalr.py's time")


if __name__ == "__main__":
    main()
