"""The `wodc` command's entry point. `wodc --version`, and `wodc check` and `wodc compile`
with paths and their common options, start without importing click (15-20 ms of a start,
issue 15): plain.py reads them. Every other command line, including --help and every usage
error, goes to click in cli.py, whose check and compile run the same commands.check and
commands.compile."""

from __future__ import annotations

import sys


def main() -> None:
    args = sys.argv[1:]
    if args in (["--version"], ["-V"]):
        from . import __version__
        print(f"wodc, version {__version__}")  # as click's version_option says it
        return
    from .plain import command

    run = command(args)
    if run is not None:
        sys.exit(_run(run))
    from .cli import main as cli_main
    cli_main()


def _run(command) -> int:
    """Run a command read without click as click's group runs its commands."""
    from .process import failed, prepare

    prepare()
    try:
        return command()
    except (KeyboardInterrupt, Exception) as error:  # noqa: BLE001 - as cli.WodcGroup.invoke
        return failed(error)
