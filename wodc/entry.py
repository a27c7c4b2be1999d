"""The `wodc` command's entry point. Two commands start without importing click (30-50 ms of
a start, issue 15): `wodc --version`, and a plain `wodc check PATH...` (paths only, no option,
none of them `-`). Every other command line, including --help and every usage error, goes to
click in cli.py, whose check command runs the same commands.check."""

from __future__ import annotations

import os
import sys


def main() -> None:
    args = sys.argv[1:]
    if args in (["--version"], ["-V"]):
        from . import __version__
        print(f"wodc, version {__version__}")  # as click's version_option says it
        return
    if plain_check(args):
        sys.exit(_check(args[1:]))
    from .cli import main as cli_main
    cli_main()


def plain_check(args: list[str]) -> bool:
    """Whether click would read `args` as `check` and paths, and nothing else: no word that
    starts with `-` (an option, `--`, or standard input). Not when a shell asks for completions
    (_WODC_COMPLETE set: click answers those), nor on Windows, where click also expands
    wildcards in the paths."""
    return (len(args) > 1 and args[0] == "check" and os.name != "nt"
            and not any(arg.startswith("-") for arg in args)
            and not any(name.startswith("_") and name.endswith("_COMPLETE")
                        for name in os.environ))


def _check(paths: list[str]) -> int:
    """What cli.py's check does for these paths and its defaults, as click runs it."""
    from .process import failed, prepare

    prepare()
    try:
        from .commands import check

        return check(paths)
    except (KeyboardInterrupt, Exception) as error:  # noqa: BLE001 - as cli.WodcGroup.invoke
        return failed(error)
