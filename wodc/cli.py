"""The command line: a thin click layer over the library. Exit codes, and what an
unexpected exception becomes, are in process.py; what `check` does once its options are read is
in commands.py (a plain `wodc check PATH...` runs it without click: entry.py).

Heavy modules are imported inside commands so that every command starts fast.
"""

from __future__ import annotations

import functools
import math
import sys

import click

from . import __version__
from . import commands
from .commands import report
from .process import EXIT_OK, EXIT_PROBLEMS, failed, prepare


class WodcGroup(click.Group):
    """Turns an unexpected exception into a short message and exit code 3, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except (KeyboardInterrupt, Exception) as error:  # noqa: BLE001 - the last line of defence
            ctx.exit(failed(error))


class Finite(click.FloatRange):
    """A number in a range, and a number at all: click's FloatRange lets nan through (every
    comparison with nan is false), and --ftp nan would write Power="nan"."""

    def convert(self, value, param, ctx):
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a number", param, ctx)
        return number


@click.group(cls=WodcGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="wodc")
def main():
    """wodc compiles plain-text workouts into files that watches, apps and treadmills load."""
    prepare()


def _usage(read, *args):
    """`read(*args)`, a reading of option values in commands.py, with a bad value made
    click's usage error (exit 2)."""
    try:
        return read(*args)
    except commands.OptionError as error:
        raise click.BadParameter(str(error), param_hint=error.option) from None


def _settings(race, vdot, ftp, max_hr, lthr, units, resting_hr=None, treadmill=()):
    """Profile settings from command-line options; bad values are usage errors (exit 2)."""
    return _usage(commands.athlete, race, vdot, ftp, max_hr, lthr, units, resting_hr,
                  treadmill)


def profile_options(command):
    """The athlete options every command that resolves targets takes."""
    options = [
        click.option("--race", multiple=True, metavar="DIST=TIME",
                     help="A race result, e.g. 5K=20:00, HM=1:35:00, 12km=50:00. Repeatable."),
        click.option("--vdot", type=Finite(15, 90), help="VDOT instead of a race."),
        click.option("--ftp", type=Finite(30, 2000), help="Functional threshold power, W."),
        click.option("--max-hr", type=Finite(80, 250), help="Maximum heart rate, bpm."),
        click.option("--lthr", type=Finite(60, 240), help="Lactate threshold HR, bpm."),
        click.option("--resting-hr", type=Finite(25, 120),
                     help="Resting heart rate, bpm (for %HRR targets)."),
        click.option("--units", type=click.Choice(["km", "mi"]),
                     help="Units for paces you see and for bare `s` offsets."),
        click.option("--treadmill", multiple=True, metavar="KEY=VALUE",
                     help="A treadmill setting, as in [treadmill] of wodc.toml: speed_unit=mph, "
                          "max_speed=12mph, incline_step=0.5, max_segments=20, "
                          "recovery_speed=5kph, open_duration=5min, ... Repeatable."),
        click.option("--profile", "profile_file", type=click.Path(exists=True, dir_okay=False),
                     help="A profile TOML file (instead of the wodc.toml found upward)."),
    ]

    @functools.wraps(command)
    def wrapper(*args, race, vdot, ftp, max_hr, lthr, resting_hr, units, treadmill, profile_file,
                **kwargs):
        settings = _settings(race, vdot, ftp, max_hr, lthr, units, resting_hr, treadmill)
        return command(*args, profiles=commands.profiles(settings, profile_file), **kwargs)

    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper


class Date(click.ParamType):
    """A date as 2027-03-01."""

    name = "date"

    def convert(self, value, param, ctx):
        import datetime
        if isinstance(value, datetime.date):
            return value
        from .plan import parse_date
        date = parse_date(str(value))
        if date is None:
            self.fail(f"{value!r} is not a date like 2027-03-01", param, ctx)
        return date


def plan_options(command):
    """When a plan starts: every command that reads plans takes these."""
    options = [
        click.option("--start", "plan_start", type=Date(), default=None,
                     help="Start every plan on this date (YYYY-MM-DD), over its `starts`."),
        click.option("--race-day", type=Date(), default=None,
                     help="Date the plans so that their last session falls on this day."),
    ]

    @functools.wraps(command)
    def wrapper(*args, plan_start, race_day, **kwargs):
        from .pipeline import PlanDates

        if plan_start is not None and race_day is not None:
            raise click.UsageError("give --start or --race-day, not both")
        return command(*args, dates=PlanDates(plan_start, race_day), **kwargs)

    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text",
              show_default=True, help="How to print problems: for people, JSON, or GitHub "
                                      "Actions annotations.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("-f", "--formats", "formats", default=None,
              help="Check only these output formats, comma-separated (as compile -f): fit, "
                   "zwo, qz, card, erg, mrc. Default: every format that fits each workout.")
@click.option("--follow-symlinks", is_flag=True,
              help="Read links in a directory that lead outside it (not by default).")
@click.option("-v", "--verbose", is_flag=True, help="Also say which profile files were used.")
@plan_options
@profile_options
def check(paths, fmt, strict, formats, follow_symlinks, verbose, dates, profiles):
    """Check workout files (or directories of *.wod files) for problems.

    Parses and checks every workout; when a profile is available, also compiles it in memory
    to every format (or those of -f), reporting every error and warning compile would, so
    that a clean check means a clean compile (with --strict, a compile with no
    approximations). Exits 0 when clean, 1 when there are errors. Use it in CI and
    pre-commit hooks."""
    names = _format_option(formats) if formats is not None else None
    sys.exit(commands.check(list(paths), fmt, strict, names, follow_symlinks, verbose, dates,
                            profiles))


@main.command()
@click.option("--race", multiple=True, metavar="DIST=TIME",
              help="A race result, e.g. 5K=20:00. Repeatable; the best sets the VDOT.")
@click.option("--vdot", type=Finite(15, 90), help="VDOT instead of a race.")
@click.option("--units", type=click.Choice(["km", "mi"]), default="km", show_default=True,
              help="Which pace to show first.")
def paces(race, vdot, units):
    """Print VDOT, predicted race times and Daniels training paces."""
    from .paces_table import paces_table
    from .profile import merge

    settings = _settings(race, vdot, None, None, None, None)
    if not settings.races and vdot is None:
        raise click.UsageError("give a race result (--race 5K=20:00) or --vdot 50")
    click.echo(paces_table(merge(settings), units))


def _format_option(text: str) -> list[str]:
    return _usage(commands.format_names, text)


@main.command(name="compile")
@click.argument("paths", nargs=-1, required=True)
@click.option("-f", "--format", "formats", default=None,
              help="Output formats, comma-separated: fit, zwo, qz, card, erg, mrc. Default: "
                   "every format that fits each workout (no treadmill program for a ride).")
@click.option("-o", "--output", "output_dir", default=".", show_default=True,
              type=click.Path(file_okay=False), help="Directory to write the files to.")
@click.option("--card-format", type=click.Choice(["txt", "md", "csv"]), default="txt",
              show_default=True, help="How the treadmill console card is written.")
@click.option("--author", help="Author written into ZWO files (default: the profile's, else wodc).")
@click.option("--name", "stdin_name", default="stdin", show_default=True,
              help="Workout name for a workout read from standard input (-) without a "
                   "`workout` line.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors: write nothing that "
                                             "had to be approximated.")
@click.option("--format-problems", "fmt", type=click.Choice(["text", "json", "github"]),
              default="text", show_default=True, help="How to print problems.")
@click.option("--force", is_flag=True, help="Replace existing files even when wodc did not "
                                            "write them.")
@click.option("--follow-symlinks", is_flag=True,
              help="Read links in a directory that lead outside it (not by default).")
@click.option("--all-day", is_flag=True, help="Plan calendars: all-day events.")
@click.option("--at", "at_time", default="07:00", show_default=True, metavar="HH:MM",
              help="Plan calendars: the local time each session starts.")
@plan_options
@profile_options
def compile_command(paths, formats, output_dir, card_format, author, stdin_name, strict, fmt,
                    force, follow_symlinks, all_day, at_time, dates, profiles):
    """Compile workouts into device files: one file per workout and format.

    PATHS are .wod files, directories (searched for *.wod) or - for standard input. A workout
    with errors writes nothing (and leaves earlier outputs alone); the others still compile."""
    names = _format_option(formats) if formats is not None else None
    sys.exit(commands.compile(list(paths), names, output_dir, card_format, author, stdin_name,
                              strict, fmt, force, follow_symlinks, all_day,
                              _usage(commands.clock, at_time), dates, profiles))


@main.command(name="fmt")
@click.argument("paths", nargs=-1, required=True)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 and print a diff if any "
                                            "file is not formatted (for CI and pre-commit).")
@click.option("--diff", "show_diff", is_flag=True, help="Print what would change; write nothing.")
@click.option("--follow-symlinks", is_flag=True,
              help="Read links in a directory that lead outside it (not by default).")
def fmt_command(paths, check, show_diff, follow_symlinks):
    """Rewrite workout files in wodc's one style (docs/language.md, "Canonical style").

    Comments and blank lines stay; the meaning never changes (each result is parsed again
    and compared). A file with errors is reported and left alone. - reads standard input and
    writes the formatted text to standard output."""
    from .language.fmt import format_file, write_back
    from .pipeline import STDIN, expand_paths

    files, problems = expand_paths(list(paths), follow_symlinks)
    changed = unchanged = 0
    for path in files:
        outcome = format_file(path)
        problems.extend(outcome.problems)
        if outcome.new is None:
            continue
        if path == STDIN and not (check or show_diff):
            click.echo(outcome.new, nl=False)
            continue
        if not outcome.changed:
            unchanged += 1
            continue
        changed += 1
        if check or show_diff:
            click.echo(outcome.diff(), nl=False)
        else:
            failed = write_back(outcome)
            if failed is not None:
                problems.append(failed)
                changed -= 1
                continue
            click.echo(f"reformatted {path}", err=True)
    code = report(problems)
    verb = "would be reformatted" if check or show_diff else "reformatted"
    click.echo(f"{changed} file{'s' * (changed != 1)} {verb}, {unchanged} unchanged"
               + (f", {len({p.path for p in problems if p.is_error})} not formatted (errors)"
                  if code else ""), err=True)
    sys.exit(code or (EXIT_PROBLEMS if check and changed else EXIT_OK))


@main.command(name="import")
@click.argument("files", nargs=-1, required=True)
@click.option("-o", "--output", "output_dir", default=None, type=click.Path(file_okay=False),
              help="Write one NAME.wod per file into this directory (default: print the "
                   "text to standard output).")
@click.option("--strict", is_flag=True, help="Treat warnings as errors: write nothing that "
                                             "had to be approximated.")
@click.option("--force", is_flag=True, help="Replace .wod files that already exist.")
def import_command(files, output_dir, strict, force):
    """Turn device files into wod text: FIT workouts, Zwift .zwo, .erg and .mrc courses, and
    QZ treadmill programs (.xml).

    Repeats come back as repeats, targets as the closest the language has; whatever had to be
    changed or left out is a warning naming the step or row (docs/import.md)."""
    from pathlib import Path

    from .errors import Severity, as_error, file_error
    from .importers import import_file
    from .output import write_atomic
    from .reading import ReadError, read_bounded

    problems, written = [], []
    for name in files:
        try:
            data = read_bounded(name, 16 * 1024 * 1024)
        except ReadError as error:
            problems.append(file_error(name, str(error)))
            continue
        text, found = import_file(name, data)
        if strict:
            found = [as_error(p) for p in found]
        problems.extend(found)
        if text is None or any(p.severity is Severity.ERROR for p in found):
            continue
        if output_dir is None:
            click.echo(text)
            continue
        target = Path(output_dir) / (Path(name).name.split(".")[0] + ".wod")
        if target.exists() and not force:
            problems.append(file_error(str(target), "already exists; not replaced",
                                       hint="--force replaces it"))
            continue
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, text.encode("utf-8"))
        except OSError as error:
            problems.append(file_error(str(target), f"cannot write: {error.strerror or error}"))
            continue
        written.append(f"{name} -> {target}")
    code = report(problems)
    for line in written:
        click.echo(line, err=True)
    sys.exit(code)


@main.command(name="lsp")
def lsp_command():
    """Run the language server (over standard input and output) that editors start: the
    problems `wodc check` finds as you type, what targets mean for you, completion, outline,
    formatting and fixes (docs/editors.md). Needs pip install 'wodc[lsp]'."""
    try:
        from .lsp import main as serve
    except ImportError as error:
        click.echo(f"wodc lsp needs pygls ({error}): pip install 'wodc[lsp]'", err=True)
        sys.exit(EXIT_PROBLEMS)
    serve()


def _one_workout_run(path, profiles, stdin_name="stdin", dates=None):
    """Load one file for show/plot; problems end the command with exit code 1."""
    from .errors import has_errors
    from .pipeline import PlanDates, load

    run = load([path], profiles, stdin_name=stdin_name, dates=dates or PlanDates())
    problems = run.all_problems()
    if has_errors(problems) or not run.entries:
        sys.exit(report(problems) or EXIT_PROBLEMS)
    if problems:
        report(problems)
    return run


@main.command()
@click.argument("path")
@plan_options
@profile_options
def show(path, dates, profiles):
    """Show a workout resolved for you: every step's time, distance, pace, speed, incline and
    target, the totals, and a picture of the intensity over time."""
    from .show import render

    run = _one_workout_run(path, profiles, dates=dates)
    if run.plans:  # a plan file: the plan week by week, not each session's table
        from .show_plan import render_plan
        click.echo("\n".join(render_plan(p) for p in run.plans), nl=False)
    else:
        click.echo("\n\n".join(render(e.workout, e.profile) for e in run.entries))
    for line in run.profile_lines():  # on stderr: stdout stays the table
        click.echo(line, err=True)


@main.command()
@click.argument("path")
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="The picture to write: an .svg file.")
@click.option("-w", "--workout", "workout_name", default=None,
              help="Which workout to draw, by name, when the file holds more than one.")
@plan_options
@profile_options
def plot(path, output, workout_name, dates, profiles):
    """Draw a workout's profile as an SVG picture: one bar per step, coloured by intensity.
    For a plan: its weekly load, each week's bar split by its intensity mix."""
    from pathlib import Path

    from .output import write_atomic
    from .plot import svg

    target = Path(output)
    if target.suffix.lower() != ".svg":
        raise click.BadParameter("wodc draws SVG pictures; name the file *.svg",
                                 param_hint="-o/--output")
    run = _one_workout_run(path, profiles, dates=dates)
    if run.plans:  # a plan: its weekly load, whatever --workout says
        from .plot_plan import plan_svg
        try:
            write_atomic(target, plan_svg(run.plans[0]))
        except OSError as error:
            click.echo(f"{target}: error: cannot write: {error.strerror or error}", err=True)
            sys.exit(EXIT_PROBLEMS)
        click.echo(f"wrote {target}")
        return
    entries = run.entries
    if workout_name is not None:
        entries = [e for e in entries if e.workout.name.casefold() == workout_name.casefold()]
    if len(entries) != 1:  # a problem with what the file holds, so exit 1 (not a usage error)
        names = ", ".join(repr(e.workout.name) for e in run.entries)
        what = (f"has no workout named {workout_name!r}" if workout_name is not None
                else f"holds {len(run.entries)} workouts")
        click.echo(f"{path}: error: {what} ({names}); plot draws one: choose it with "
                   f"--workout NAME", err=True)
        sys.exit(EXIT_PROBLEMS)
    try:
        write_atomic(target, svg(entries[0].workout, entries[0].profile))
    except OSError as error:
        click.echo(f"{target}: error: cannot write: {error.strerror or error}", err=True)
        sys.exit(EXIT_PROBLEMS)
    click.echo(f"wrote {target}")


if __name__ == "__main__":
    main()
