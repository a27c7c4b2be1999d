"""`wodc fmt`: a workout file rewritten in the canonical style (wodc/language/printer.py),
its comments and blank lines kept.

A file with errors is not formatted (its meaning is not known). A plan block is kept as
written. Every result is parsed again and compared with the original (meaning.same_meaning);
a difference is reported as wodc's own fault and the file is left as it was, so fmt can never
change what a workout means.
"""

from __future__ import annotations

import re
from dataclasses import field

from .. import ir
from ..errors import Diagnostic, Source, file_error, has_errors
from ..frozen import mutable
from ..parse import parse
from ..plan import is_plan, split
from . import printer
from .meaning import same_meaning

_HEADER = re.compile(r"\s*(workout|sport|author|tags|incline|note)\b", re.I)
_WORKOUT = re.compile(r"\s*workout\b", re.I)


@mutable
class Formatted:
    """`text` is the formatted file, None when it could not be formatted (see `problems`)."""

    text: str | None
    problems: list[Diagnostic] = field(default_factory=list)


def comments_of(lines: list[str], found: list[tuple[int, int, str]]) -> printer.Comments:
    """The file's comments by line (the lexer's: a `"` in `10'30"` starts no note), each one
    of its own or ending a line of code, and its blank lines."""
    comments = printer.Comments()
    comments.blank.update(n for n, line in enumerate(lines, 1) if not line.strip())
    for line, column, text in found:
        if lines[line - 1][:column - 1].strip():
            comments.trailing[line] = text
        else:
            comments.own[line] = text
    return comments


def _header_lines(lines: list[str], first: int, last: int) -> printer.HeaderLines:
    """Which source line each header of a workout stood on (lines first..last)."""
    found: dict[str, int] = {}
    notes = []
    for number in range(first, last + 1):
        match = _HEADER.match(lines[number - 1])
        if match:
            key = match.group(1).lower()
            if key == "note":
                notes.append(number)
            else:
                found.setdefault(key, number)
    return printer.HeaderLines(notes=tuple(notes), **found)


def format_text(text: str, path: str = "<stdin>") -> Formatted:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    plan_lines: list[str] = []
    body = text
    if is_plan(text):
        _, plan_problems, body = split(Source(path, text))
        if has_errors(plan_problems):
            return Formatted(None, plan_problems)
        end = next((i for i, line in enumerate(lines) if _WORKOUT.match(line)), len(lines))
        plan_lines = [line.rstrip() for line in lines[:end]]
        while plan_lines and not plan_lines[-1]:
            plan_lines.pop()
        if not any(_WORKOUT.match(line) for line in lines):
            return Formatted("\n".join(plan_lines) + "\n")
    result = parse(body, path)
    if has_errors(result.diagnostics):
        return Formatted(None, result.diagnostics)
    comments = comments_of(body.split("\n"), result.comments)
    starts = [w.span.line for w in result.workouts]
    first = len(plan_lines) + 1
    pieces = []
    for index, workout in enumerate(result.workouts):
        named = _WORKOUT.match(lines[workout.span.line - 1]) is not None
        last = (_leading_start(starts[index + 1], comments, workout.span.end_line) - 1
                if index + 1 < len(starts) else len(lines))
        first_step = workout.steps[0].span.line if workout.steps else workout.span.end_line
        headers = _header_lines(lines, first, first_step - 1)
        pieces.append(printer.workout_text(workout, comments, headers, named, (first, last)))
        first = last + 1
    formatted = "\n".join([*(["\n".join(plan_lines) + "\n"] if plan_lines else []),
                           *(piece.strip("\n") + "\n" for piece in pieces)])
    return _checked(formatted, result.workouts, path)


def _leading_start(workout_line: int, comments: printer.Comments, previous_end: int) -> int:
    """The first line of the comments right above a `workout` line, with no blank line
    between (they describe that workout); the previous workout keeps the rest."""
    line = workout_line
    while line - 1 > previous_end and line - 1 in comments.own:
        line -= 1
    return line


def _checked(formatted: str, workouts: list[ir.Workout], path: str) -> Formatted:
    """The formatted text if it parses to what the original meant, else an error."""
    again = parse(_body(formatted), path)
    if has_errors(again.diagnostics) or not same_meaning(again.workouts, workouts):
        return Formatted(None, [file_error(path, "wodc fmt could not format this file without "
                                                 "changing its meaning; it was left as it is",
                                           hint="this is a fault in wodc: please report it "
                                                "with the file")])
    return Formatted(formatted)


def _body(text: str) -> str:
    """A formatted file's text with its plan block blanked, as parse reads it."""
    if is_plan(text):
        return split(Source("", text))[2]
    return text


@mutable
class FileOutcome:
    """What fmt made of one file: `new` is its formatted text (None if it could not be
    formatted), `old` what it held."""

    path: str
    old: str
    new: str | None
    problems: list[Diagnostic] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.new is not None and self.new != self.old

    def diff(self) -> str:
        import difflib

        return "".join(difflib.unified_diff(
            self.old.splitlines(True), (self.new or "").splitlines(True),
            f"{self.path}", f"{self.path} (formatted)"))


def format_file(path: str) -> FileOutcome:
    """Read and format one file (`-` is standard input)."""
    from ..pipeline import read_text

    text, problem = read_text(path)
    if problem is not None:
        return FileOutcome(path, "", None, [problem])
    shown = "<stdin>" if path == "-" else path
    formatted = format_text(text, shown)
    return FileOutcome(path, text, formatted.text, formatted.problems)


def write_back(outcome: FileOutcome) -> Diagnostic | None:
    """Replace the file with its formatted text, atomically and keeping its mode; a link is
    written through to the file it points at."""
    import os
    from pathlib import Path

    from ..output import write_atomic

    target = Path(outcome.path).resolve()
    try:
        mode = target.stat().st_mode & 0o7777
        write_atomic(target, outcome.new.encode("utf-8"))
        os.chmod(target, mode)
    except OSError as error:
        return file_error(outcome.path, f"cannot write: {error.strerror or error}")
    return None
