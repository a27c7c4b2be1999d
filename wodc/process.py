"""What every wodc command's process shares, with or without click: the exit codes, the set-up
of its streams and signals, how an output line is written, and what an unexpected exception
becomes (a short message and an exit code, never a traceback).

Exit codes (the same for every command):
  0  success: no errors (warnings allowed unless --strict)
  1  problems in the input (a workout, a profile, a path that does not exist, a target a
     format cannot carry) or an output that cannot be written
  2  usage error: an unknown option, a bad option value, no path given
  3  internal error: a bug in wodc (please report it)
  130 interrupted (Ctrl-C); 143 terminated (SIGTERM). No temporary file is left behind.
"""

from __future__ import annotations

import signal
import sys

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143  # 128 + the signal, as shells report them


def prepare() -> None:
    """Before a command runs."""
    # A name the terminal's encoding cannot show (Cyrillic under PYTHONIOENCODING=latin-1, a
    # Windows cp1252 console) is written as an escape, not a UnicodeEncodeError.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    # SIGTERM unwinds like Ctrl-C (an exception), so the cleanup of files being written runs.
    try:
        signal.signal(signal.SIGTERM, _terminated)
    except ValueError:  # not the main thread (wodc used as a library): leave signals alone
        pass


def _terminated(signum, frame):
    raise SystemExit(EXIT_TERMINATED)


def echo(text: str, err: bool = False) -> None:
    """Write a line to stdout (or stderr) at once, as click.echo writes text. (click.echo also
    strips colour escapes from text going to a file: wodc writes none, since errors.printable
    escapes every control character a workout or path may hold.)"""
    stream = sys.stderr if err else sys.stdout
    stream.write(text + "\n")
    stream.flush()


def failed(error: BaseException) -> int:
    """Say what an exception a command did not handle means, and the exit code it gives:
    Ctrl-C, an output that cannot be written, or a bug in wodc."""
    if isinstance(error, KeyboardInterrupt):  # files being written are cleaned up on the way
        echo("wodc: interrupted", err=True)
        return EXIT_INTERRUPTED
    if isinstance(error, OSError):  # `wodc show > /dev/full`, a closed pipe: the output failed
        try:
            echo(f"wodc: cannot write the output: {error.strerror or error}", err=True)
        except OSError:
            pass
        return EXIT_PROBLEMS
    echo(f"wodc: internal error: {type(error).__name__}: {error}\n"
         "This is a bug in wodc; please report it with the input that caused it.", err=True)
    return EXIT_INTERNAL
