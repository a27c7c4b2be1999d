"""What commands do once their options are read, without click: plain values in, output
printed, an exit code returned. cli.py reads options with click and calls these; entry.py
calls `check` itself for a plain `wodc check PATH...` (paths, no option), which then starts
without importing click (issue 15: click is 30-50 ms of a start).

So far `check` and the report of problems it shares with compile live here: they are what a
start without click needs.
"""

from __future__ import annotations

import os

from .process import EXIT_OK, EXIT_PROBLEMS, echo


def report(problems, fmt: str = "text", strict: bool = False) -> int:
    """Print problems; the exit code they mean."""
    from .errors import Severity, as_error, render

    if strict:
        problems = [as_error(p) for p in problems]
    if problems or fmt == "json":  # JSON is always a list, `[]` when clean
        shown, notes = capped(problems) if fmt == "text" else (problems, [])
        echo("\n".join([render(shown, fmt), *notes]), err=(fmt == "text"))
    errors = sum(p.severity is Severity.ERROR for p in problems)
    return EXIT_PROBLEMS if errors else EXIT_OK


# Problems printed per file for people; the rest are counted ("and 19,900 more"), so a file of
# 20,000 mistakes stays readable (json and github formats list all of them).
PRINTED_PER_FILE = 100


def capped(problems) -> tuple[list, list[str]]:
    """The first PRINTED_PER_FILE problems of each file, and a line for each file's rest."""
    from .errors import sort_key

    shown, hidden = [], {}
    counts: dict[str, int] = {}
    for problem in sorted(problems, key=sort_key):
        counts[problem.path] = counts.get(problem.path, 0) + 1
        if counts[problem.path] <= PRINTED_PER_FILE:
            shown.append(problem)
        else:
            hidden[problem.path] = hidden.get(problem.path, 0) + 1
    notes = [f"{path}: and {count:,} more problems (the first {PRINTED_PER_FILE} of this file "
             f"are shown; --format json lists all)" for path, count in hidden.items()]
    return shown, notes


def _counts(problems) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    parts = [f"{errors} error{'s' * (errors != 1)}", f"{warnings} warning{'s' * (warnings != 1)}"]
    return ", ".join(parts)


def check(paths: list[str], fmt: str = "text", strict: bool = False, formats=None,
          follow_symlinks: bool = False, verbose: bool = False, dates=None,
          profiles=None) -> int:
    """`wodc check`: print what checking `paths` finds; the exit code. `formats`: names of
    output formats (None: each that fits), `dates` a pipeline.PlanDates (None: as the plans
    say), `profiles` a pipeline.ProfileSource (None: no athlete option, wodc.toml found upward
    or none)."""
    from .errors import as_error
    from .pipeline import PlanDates, ProfileSource

    checked = _checked(paths, ProfileSource() if profiles is None else profiles, formats,
                       follow_symlinks, PlanDates() if dates is None else dates)
    problems = checked.problems
    if strict:
        problems = [as_error(p) for p in problems]
    code = report(problems, fmt)
    if fmt == "text":
        workouts, plans = checked.workouts, checked.plans
        plans = f" and {plans} plan{'s' * (plans != 1)}" if plans else ""
        summary = (f"checked {workouts} workout{'s' * (workouts != 1)}{plans} in "
                   f"{checked.files} file{'s' * (checked.files != 1)}: ")
        summary += _counts(problems) if problems else "no problems"
        if verbose:
            for line in [f"profile: {p}" for p in checked.profiles_used] or [
                    "profile: no file (command-line settings and defaults)"]:
                echo(line, err=True)
        echo(summary, err=True)
    return code


def parallel(files: list[str]) -> bool:
    """Whether to use every core: a big tree (PARALLEL_FROM files or more), not standard
    input, more than one core, and not WODC_SERIAL=1 (for measuring, and debugging)."""
    from .parallel import PARALLEL_FROM, workers
    from .pipeline import STDIN

    return (len(files) >= PARALLEL_FROM and STDIN not in files and workers() > 1
            and os.environ.get("WODC_SERIAL") != "1")


def _checked(paths, profiles, formats, follow_symlinks, dates):
    """What checking `paths` finds: in this process, or for a big tree (PARALLEL_FROM files
    or more, no plan among them) on every core, with the same report."""
    from .parallel import check_files, check_parallel
    from .pipeline import expand_paths

    files, problems = expand_paths(paths, follow_symlinks)
    if parallel(files):
        checked = check_parallel(files, profiles.cli, profiles.explicit, formats,
                                 follow_symlinks=follow_symlinks, dates=dates)
        if not checked.plans:  # a plan names workouts across chunks: check it in one piece
            checked.problems = problems + checked.problems
            return checked
    return check_files(paths, profiles.cli, profiles.explicit, formats,
                       follow_symlinks=follow_symlinks, dates=dates)
