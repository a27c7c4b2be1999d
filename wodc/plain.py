"""`wodc check` and `wodc compile` command lines read without click (issue 15: importing click
is 15-20 ms of a start, a tenth of compiling 300 workouts on two cores).

A command line is read here only when click would read it the same way and accept it: its
paths and the common options below, each value one click would take. Anything else goes to
click (cli.py) and is read there: --help, an option not listed here (--treadmill, --start,
--race-day, options of other commands), a value click would refuse (so every usage error is
click's), an option's value that starts with `-`, `-` for standard input, `--`, a cluster of
short options (`-vf fit`), a shell asking for completions, and Windows, where click also expands
wildcards in paths. tests/test_plain.py checks that the options here are click's (the words,
the values' types, ranges, choices and defaults) and that both read a table of command lines
into the same call of commands.check or commands.compile.
"""

from __future__ import annotations

import math
import os
import stat


class Range:
    """A finite number from low to high, as cli.Finite reads it."""

    def __init__(self, low: float, high: float):
        self.low, self.high = low, high


class Choice:
    """One of these words, exactly (click.Choice, case-sensitive)."""

    def __init__(self, *words: str):
        self.words = words


FLAG, TEXT, MANY = "flag", "text", "many"       # a flag; a text; a text each time it is given
# click.Path(file_okay=False), the output folder; click.Path(exists=True, dir_okay=False)
FOLDER, FILE = "folder", "file"

ATHLETE = {  # cli.profile_options, less --treadmill
    "--race": ("race", MANY), "--vdot": ("vdot", Range(15, 90)),
    "--ftp": ("ftp", Range(30, 2000)), "--max-hr": ("max_hr", Range(80, 250)),
    "--lthr": ("lthr", Range(60, 240)), "--resting-hr": ("resting_hr", Range(25, 120)),
    "--units": ("units", Choice("km", "mi")), "--profile": ("profile_file", FILE),
}
PROBLEMS = Choice("text", "json", "github")
OPTIONS = {
    "check": {
        "--format": ("fmt", PROBLEMS), "--strict": ("strict", FLAG),
        "-f": ("formats", TEXT), "--formats": ("formats", TEXT),
        "--follow-symlinks": ("follow_symlinks", FLAG),
        "-v": ("verbose", FLAG), "--verbose": ("verbose", FLAG), **ATHLETE,
    },
    "compile": {
        "-f": ("formats", TEXT), "--format": ("formats", TEXT),
        "-o": ("output_dir", FOLDER), "--output": ("output_dir", FOLDER),
        "--card-format": ("card_format", Choice("txt", "md", "csv")),
        "--author": ("author", TEXT), "--name": ("stdin_name", TEXT),
        "--strict": ("strict", FLAG), "--format-problems": ("fmt", PROBLEMS),
        "--force": ("force", FLAG), "--follow-symlinks": ("follow_symlinks", FLAG),
        "--all-day": ("all_day", FLAG), "--at": ("at_time", TEXT), **ATHLETE,
    },
}
ATHLETE_DEFAULTS = {"race": (), "vdot": None, "ftp": None, "max_hr": None, "lthr": None,
                    "resting_hr": None, "units": None, "profile_file": None}
DEFAULTS = {
    "check": {"fmt": "text", "strict": False, "formats": None, "follow_symlinks": False,
              "verbose": False, **ATHLETE_DEFAULTS},
    "compile": {"formats": None, "output_dir": ".", "card_format": "txt", "author": None,
                "stdin_name": "stdin", "strict": False, "fmt": "text", "force": False,
                "follow_symlinks": False, "all_day": False, "at_time": "07:00",
                **ATHLETE_DEFAULTS},
}


def parse(args: list[str]) -> tuple[str, list[str], dict] | None:
    """(command, paths, option values as given, with the defaults of the rest), when `args` are
    a command line read here (see above); else None."""
    if (len(args) < 2 or args[0] not in OPTIONS or os.name == "nt"
            or any(name.startswith("_") and name.endswith("_COMPLETE") for name in os.environ)):
        return None
    command, table = args[0], OPTIONS[args[0]]
    values, paths = dict(DEFAULTS[command]), []
    words = iter(args[1:])
    for word in words:
        if not word.startswith("-"):
            paths.append(word)
            continue
        option, equals, value = word.partition("=") if word.startswith("--") else (word, "", "")
        if option not in table:
            return None
        key, kind = table[option]
        if kind == FLAG:
            if equals:  # (click refuses a value for a flag)
                return None
            values[key] = True
            continue
        if not equals:
            value = next(words, None)
            if value is None or value.startswith("-"):
                return None
        values[key] = (*values[key], value) if kind == MANY else value
    return (command, paths, values) if paths else None


def command(args: list[str]):
    """The command `args` ask for, ready to run (a function of no arguments that returns the
    exit code), when they are read here and click would accept every value; else None."""
    from . import commands

    parsed = parse(args)
    if parsed is None:
        return None
    name, paths, values = parsed
    kinds = dict(OPTIONS[name].values())
    if not all(_accepted(kinds[key], value) for key, value in values.items()
               if value is not None and kinds[key] not in (FLAG, TEXT, MANY)):
        return None
    try:
        settings = commands.athlete(values["race"], *(_number(values[key]) for key in (
            "vdot", "ftp", "max_hr", "lthr")), values["units"], _number(values["resting_hr"]))
        profiles = commands.profiles(settings, values["profile_file"])
        formats = None if values["formats"] is None else commands.format_names(values["formats"])
        if name == "check":
            return lambda: commands.check(paths, values["fmt"], values["strict"], formats,
                                          values["follow_symlinks"], values["verbose"],
                                          None, profiles)
        at = commands.clock(values["at_time"])
    except commands.OptionError:
        return None
    return lambda: commands.compile(
        paths, formats, values["output_dir"], values["card_format"], values["author"],
        values["stdin_name"], values["strict"], values["fmt"], values["force"],
        values["follow_symlinks"], values["all_day"], at, None, profiles)


def _number(text: str | None) -> float | None:
    return None if text is None else float(text)


def _accepted(kind, value: str) -> bool:
    """Whether click takes `value` for an option of `kind` (a Range, a Choice, FOLDER or FILE),
    by the same tests its types make."""
    if isinstance(kind, Range):
        try:
            number = float(value)  # (click's FloatRange reads the number the same way)
        except ValueError:
            return False
        return math.isfinite(number) and kind.low <= number <= kind.high
    if isinstance(kind, Choice):
        return value in kind.words
    try:
        mode = os.stat(value).st_mode
    except OSError:
        return kind == FOLDER  # an output folder that is not there yet is made
    readable = os.access(value, os.R_OK)
    return readable and (not stat.S_ISREG(mode) if kind == FOLDER else not stat.S_ISDIR(mode))
