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
    _dataclasses_without_inspect()
    from .plain import command

    run = command(args)
    if run is not None:
        sys.exit(_run(run))
    from .cli import main as cli_main
    cli_main()


class _Deferred(type(sys)):
    """A stand-in for a module, given to one importer: the real module is imported when one
    of its names is first looked up, then every look-up goes to it."""

    def __getattr__(self, name: str):
        import importlib

        real = importlib.import_module(self.__name__)
        self.__dict__.update(real.__dict__)  # (the next look-ups find the names here)
        return getattr(real, name)


def _dataclasses_without_inspect() -> None:
    """Import dataclasses with a stand-in for inspect, which it imports (with ast, dis and
    tokenize: 8 ms of every start here) for one call: the signature it writes into the
    docstring of a class that has none, which wodc's classes have (wodc/frozen.py). Anything
    else that imports inspect (click does) gets the real module; so does dataclasses, at its
    first use of it."""
    if "inspect" in sys.modules or "dataclasses" in sys.modules:
        return
    sys.modules["inspect"] = _Deferred("inspect")
    try:
        import dataclasses  # noqa: F401
    finally:
        if isinstance(sys.modules.get("inspect"), _Deferred):
            del sys.modules["inspect"]


def _run(command) -> int:
    """Run a command read without click as click's group runs its commands."""
    from .process import failed, prepare

    prepare()
    try:
        return command()
    except (KeyboardInterrupt, Exception) as error:  # noqa: BLE001 - as cli.WodcGroup.invoke
        return failed(error)
