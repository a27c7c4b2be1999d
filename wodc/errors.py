"""Diagnostics as values, and the one place that renders them.

Every problem wodc finds (a syntax error, an unknown pace name, a value the profile lacks, a
target a format cannot carry) becomes a `Diagnostic`. Stages return lists of them instead of
raising, so a run can report every problem at once; `render` prints them for people
(`path:line:col: error: ...`, the source line, a caret, a hint) or for machines (json, github).
"""

from __future__ import annotations

import enum
import functools
import re
from dataclasses import replace
from typing import Iterable, Sequence

from .frozen import frozen


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@frozen
class Span:
    """Where something is in its source: 1-based line and column, end exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int


@frozen
class Source:
    """A file's text and the name it is reported under."""

    path: str
    text: str

    @functools.cached_property
    def lines(self) -> list[str]:
        # Only "\n" ends a line, as in the parser (parse() turns \r\n and \r into \n first).
        return self.text.split("\n")

    def line_text(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""


@frozen
class Diagnostic:
    """One problem. `line`/`column` are 1-based; 0 means "the whole file"."""

    path: str
    line: int
    column: int
    message: str
    severity: Severity = Severity.ERROR
    hint: str | None = None
    source_line: str = ""
    width: int = 1  # how many characters the caret underlines

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class WodcError(Exception):
    """Carries diagnostics out of a stage that cannot go on."""

    def __init__(self, diagnostics: Sequence[Diagnostic]):
        super().__init__("; ".join(d.message for d in diagnostics))
        self.diagnostics = list(diagnostics)


def at(source: Source, span: Span | None, message: str, *, hint: str | None = None,
       severity: Severity = Severity.ERROR) -> Diagnostic:
    """A diagnostic pointing at `span` in `source` (or at the whole file when span is None)."""
    if span is None:
        return Diagnostic(source.path, 0, 0, message, severity, hint)
    width = span.end_column - span.column if span.end_line == span.line else 1
    return Diagnostic(source.path, span.line, span.column, message, severity, hint,
                      source.line_text(span.line), max(width, 1))


def file_error(path: str, message: str, hint: str | None = None) -> Diagnostic:
    """A problem with a whole file (cannot read it, not UTF-8, ...)."""
    return Diagnostic(path, 0, 0, message, Severity.ERROR, hint)


def as_error(diagnostic: Diagnostic) -> Diagnostic:
    """The same problem as an error: what --strict makes of a warning."""
    return replace(diagnostic, severity=Severity.ERROR)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.is_error for d in diagnostics)


def sort_key(d: Diagnostic):
    return (d.path, d.line, d.column, d.severity is not Severity.ERROR, d.message)


@functools.cache
def _unsafe() -> re.Pattern:
    """What a terminal must not be sent as it is: control characters (but tab), the bidi
    controls that can make a line read as something else, and lone surrogates (undecodable
    file names). Compiled when a diagnostic is first printed, not on import: the class takes
    0.9 ms to compile, and a clean check prints none."""
    return re.compile("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` with every unsafe character written as an escape (\\x1b, \\u202e)."""
    return _unsafe().sub(lambda m: m.group().encode("unicode_escape", "backslashreplace")
                         .decode("ascii"), text)


SHOWN_LINE = 100  # the most characters of a source line echoed under a message
_LEAD = 30  # how much of the line before the caret a window keeps


def _window(line: str, caret: int, width: int) -> tuple[str, int, int]:
    """At most SHOWN_LINE characters of `line` around the caret, with "…" where it was cut:
    a 5,000-digit number or a minified line must not flood a terminal or a CI log."""
    if len(line) <= SHOWN_LINE:
        return line, caret, width
    start = max(0, caret - _LEAD)
    end = min(len(line), start + SHOWN_LINE)
    head, tail = ("…" if start else ""), ("…" if end < len(line) else "")
    return (head + line[start:end] + tail, caret - start + len(head),
            max(1, min(width, end - caret)))


def closest(word: str, choices, cutoff: float = 0.6) -> str | None:
    """The one of `choices` most like `word` (difflib's ratio at least `cutoff`), for a "did
    you mean" hint; None if none is."""
    import difflib  # (for a hint only: imported at the top, it cost 2 ms of every start-up)

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return close[0] if close else None


def quoted(text: str, limit: int = 30) -> str:
    """A value as a message quotes it, shortened: it may be 5,000 digits long."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


def render_text(d: Diagnostic) -> str:
    d = replace(d, path=printable(d.path), message=printable(d.message),
                source_line=printable(d.source_line),
                hint=printable(d.hint) if d.hint else d.hint)
    where = d.path if d.line == 0 else f"{d.path}:{d.line}:{d.column}"
    out = [f"{where}: {d.severity.value}: {d.message}"]
    if d.line and d.source_line:
        # Tabs are expanded the same way in the line and the caret, so the caret stays aligned.
        prefix = d.source_line[: d.column - 1].expandtabs()
        shown = d.source_line.expandtabs()
        width = max(1, min(d.width, len(shown) - len(prefix)))
        shown, caret, width = _window(shown, len(prefix), width)
        out.append(f"    {shown}")
        out.append(f"    {' ' * caret}{'^' * width}")
    if d.hint:
        out.append(f"  hint: {d.hint}")
    return "\n".join(out)


def _github_escape(value: str, *, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def render_github(d: Diagnostic) -> str:
    """A GitHub Actions workflow command, which shows up as an annotation on the line."""
    level = "error" if d.is_error else "warning"
    props = [f"file={_github_escape(printable(d.path), property_value=True)}"]
    if d.line:
        props += [f"line={d.line}", f"col={d.column}"]
    message = printable(d.message + (f" (hint: {d.hint})" if d.hint else ""))
    return f"::{level} {','.join(props)}::{_github_escape(message)}"


def to_json(d: Diagnostic) -> dict:
    return {"path": d.path, "line": d.line, "column": d.column, "severity": d.severity.value,
            "message": d.message, "hint": d.hint}


FORMATS = ("text", "json", "github")


def render(diagnostics: Iterable[Diagnostic], fmt: str = "text") -> str:
    """All diagnostics in one of FORMATS, sorted by file and position."""
    ordered = sorted(diagnostics, key=sort_key)
    if fmt == "json":
        import json

        return json.dumps([to_json(d) for d in ordered], indent=2)
    if fmt == "github":
        return "\n".join(render_github(d) for d in ordered)
    return "\n".join(render_text(d) for d in ordered)
