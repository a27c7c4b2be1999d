"""What commands do once their options are read, without click: plain values in, output
printed, an exit code returned. cli.py reads options with click and calls these; entry.py
calls `check` and `compile` itself when plain.py can read their command line, which then
starts without importing click (issue 15: click is 15-20 ms of a start).

`check` and `compile` live here, with the report of problems they share and the reading of
the option values they take (a bad value is an OptionError, which cli.py makes click's usage
error): what a start without click needs.
"""

from __future__ import annotations

import os

from .process import EXIT_OK, EXIT_PROBLEMS, echo


class OptionError(ValueError):
    """A bad option value: click reports it as a usage error (exit 2) naming `option`."""

    def __init__(self, message: str, option: str):
        super().__init__(message)
        self.option = option


def athlete(race=(), vdot=None, ftp=None, max_hr=None, lthr=None, units=None,
            resting_hr=None, treadmill=()):
    """The profile settings the athlete options give (a Settings)."""
    from .profile import ProfileError, Settings, parse_race

    settings = Settings("command line")
    for text in race:
        try:
            settings.races.append(parse_race(text))
        except ProfileError as error:
            raise OptionError(str(error), "--race") from None
    for key, value in (("vdot", vdot), ("ftp", ftp), ("max_hr", max_hr), ("lthr", lthr),
                       ("units", units), ("resting_hr", resting_hr)):
        if value is not None:
            settings.values[key] = value
    settings.treadmill.update(_treadmill_settings(treadmill))
    return settings


def _treadmill_settings(pairs) -> dict:
    """`--treadmill speed_unit=mph --treadmill max_speed=12mph` -> TreadmillProfile fields."""
    from .profile import SPEED_KEYS, read_mapping

    table: dict = {}
    for pair in pairs:
        key, equals, value = (part.strip() for part in pair.partition("="))
        if not equals or not key:
            raise OptionError(f"{pair!r}: write KEY=VALUE, like speed_unit=mph", "--treadmill")
        try:
            table[key] = float(value)
        except ValueError:
            table[key] = value
    for key in SPEED_KEYS:
        # A bare number is in the file's or the console's unit, which this table may not
        # know: it would be read in km/h and could be silently wrong.
        if isinstance(table.get(key), float) and "speed_unit" not in table:
            raise OptionError(f"{key}={table[key]:g}: say the unit, like {key}="
                              f"{table[key]:g}mph or {key}={table[key]:g}kph", "--treadmill")
    settings, problems = read_mapping({"treadmill": table}, "--treadmill")
    if problems:
        hint = f" ({problems[0].hint})" if problems[0].hint else ""
        raise OptionError(problems[0].message + hint, "--treadmill")
    return settings.treadmill


def profiles(settings, profile_file: str | None = None):
    """Where each input's profile comes from: `settings` over --profile's file or the
    wodc.toml found upward (a pipeline.ProfileSource)."""
    from pathlib import Path

    from .pipeline import ProfileSource

    return ProfileSource(settings, Path(profile_file) if profile_file else None)


def format_names(text: str) -> list[str]:
    """-f's formats, `fit,zwo`, as names."""
    from .backends import parse_formats

    names, error = parse_formats(text)
    if error:
        raise OptionError(error, "-f/--format")
    return names


def clock(text: str):
    """--at's time of day, `07:00`, as a datetime.time."""
    import datetime
    import re

    match = re.fullmatch(r"([01]?[0-9]|2[0-3]):([0-5][0-9])", text.strip())
    if not match:
        raise OptionError(f"{text!r} is not a time of day like 07:00", "--at")
    return datetime.time(int(match.group(1)), int(match.group(2)))


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


def compile(paths: list[str], formats: list[str] | None = None, output_dir: str = ".",
            card_format: str = "txt", author: str | None = None, stdin_name: str = "stdin",
            strict: bool = False, fmt: str = "text", force: bool = False,
            follow_symlinks: bool = False, all_day: bool = False, at=None, dates=None,
            profiles=None) -> int:
    """`wodc compile`: write each workout of `paths` to `formats` (None: each that fits) in
    `output_dir`, print the problems and a line per workout; the exit code. `at` is the
    calendar's time of day (a datetime.time; None: 07:00), `dates` and `profiles` as check's."""
    import datetime

    from .backends import FORMATS, Options, created_time
    from .compiler import compile_run
    from .parallel import compile_parallel, names_clash
    from .pipeline import PlanDates, ProfileSource, expand_paths, load

    try:
        created_time()
    except ValueError as error:
        echo(f"wodc: {error}", err=True)
        return EXIT_PROBLEMS
    profiles = ProfileSource() if profiles is None else profiles
    dates = PlanDates() if dates is None else dates
    names = list(FORMATS) if formats is None else formats
    options = Options(card_format=card_format, author=author, all_day=all_day,
                      at=datetime.time(7, 0) if at is None else at)
    files, problems = expand_paths(list(paths), follow_symlinks)
    if parallel(files) and not names_clash(files):  # a big tree: every core, the same report
        outcome = compile_parallel(files, (
            profiles.cli, profiles.explicit, names, output_dir, options, strict,
            formats is None, force, follow_symlinks, dates))
        outcome.problems = problems + outcome.problems
    else:
        run = load(list(paths), profiles, stdin_name=stdin_name,
                   follow_symlinks=follow_symlinks, dates=dates)
        outcome = compile_run(run, names, output_dir, options, strict=strict,
                              applicable_only=formats is None, force=force)
    code = report(outcome.problems, fmt, strict)
    for line in outcome.summary:  # beside JSON on stdout, it goes to stderr: stdout stays JSON
        echo(line, err=(fmt == "json"))
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
