"""The `wodc` command's entry point: `wodc --version` answers before click and the rest are
imported (about half the start-up time of a command); every other command goes to cli.main."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from . import __version__
        print(f"wodc, version {__version__}")  # as click's version_option says it
        return
    from .cli import main as cli_main
    cli_main()
