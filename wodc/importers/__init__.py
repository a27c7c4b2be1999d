"""Importers: device files back to workouts (IR), which the printer writes as wod text.

One module per input format, each with

    read(data: bytes, path: str) -> Imported

An importer keeps what the file says as closely as the language can, and reports everything
it had to change or leave out as a warning naming the place (`step 3`, `row 12`, `block 5
(IntervalsT)`): nothing is dropped silently. A file it cannot read at all is an error.
"""

from __future__ import annotations

import dataclasses
import importlib
from dataclasses import field
from pathlib import Path

from .. import ir
from ..errors import Diagnostic, Severity, Source, Span
from ..frozen import mutable
from ..language.meaning import WRITTEN
from ..parse import CONTROL_CHARACTERS

# suffix -> module; QZ programs are .xml (wodc writes .qz.xml).
IMPORTERS = {".fit": "wodc.importers.fit", ".zwo": "wodc.importers.zwo",
             ".erg": "wodc.importers.erg", ".mrc": "wodc.importers.erg",
             ".xml": "wodc.importers.qz"}
NOWHERE = Span(0, 0, 0, 0)  # an imported workout has no source text to point into


@mutable
class Imported:
    workouts: list[ir.Workout] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)


class Reader:
    """What every importer needs: the file's path for its problems, and IR makers."""

    def __init__(self, path: str):
        self.path = path
        self.result = Imported()
        self._warnings: dict[str, list[str]] = {}  # message -> the places it applies to

    def warn(self, where: str, message: str) -> None:
        """One warning per message, naming every place it applies to (`steps 0, 1, 4`)."""
        places = self._warnings.setdefault(message, [])
        if where not in places:
            places.append(where)

    def finish(self) -> Imported:
        for message, places in self._warnings.items():
            words = [p.split(" ", 1) for p in places if p]
            if len(words) > 1 and all(len(w) == 2 and w[0] == words[0][0] for w in words):
                where = f"{words[0][0]}s {', '.join(w[1] for w in words)}"
            else:
                where = ", ".join(p for p in places if p)
            self.result.problems.append(
                Diagnostic(self.path, 0, 0, f"{where}: {message}" if where else message,
                           Severity.WARNING))
        self._warnings = {}
        return self.result

    def error(self, message: str, hint: str | None = None) -> Imported:
        self.result.problems.append(Diagnostic(self.path, 0, 0, message, Severity.ERROR, hint))
        self.result.workouts = []
        return self.finish()

    def xml(self, data: bytes, root: str, what: str):
        """The document's root element, or None after an error saying what the file is not
        (`root` is the element the format starts with, compared in any case)."""
        import xml.etree.ElementTree as ET

        try:
            element = ET.fromstring(data)
        except ET.ParseError as error:
            self.error(f"not an XML file: {error}")
            return None
        if element.tag.lower() != root.lower():
            self.error(f"not {what} (the root element is <{element.tag}>, not <{root}>)")
            return None
        return element

    def workout(self, name: str, sport: ir.Sport, steps: tuple[ir.Node, ...], *,
                treadmill: bool = False, indoor: bool = False, notes: tuple[str, ...] = (),
                tags: tuple[str, ...] = (), author: str | None = None,
                incline: float | None = None) -> ir.Workout:
        name = one_line(name) or one_line(Path(self.path).name.split(".")[0]) or "imported"
        workout = ir.Workout(
            name=name, sport=sport, treadmill=treadmill, indoor=indoor,
            notes=tuple(n for n in (one_line(n) for n in notes) if n),
            tags=tuple(t for t in (_tag(t) for t in tags) if t),
            author=one_line(author) or None if author else None,
            incline=ir.Incline(incline, NOWHERE) if incline is not None else None,
            steps=steps, span=NOWHERE, source=Source(self.path, ""))
        self.result.workouts.append(workout)
        return workout


def one_line(text: str) -> str:
    """A file's text as a note or name can hold it: one line, no control characters (a
    workout file may not hold them), spaces collapsed."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", text).split())


def _tag(text: str) -> str:
    """A tag as the language can hold it: no comma, semicolon or `#` (they end a tag)."""
    return one_line(text.replace(",", " ").replace(";", " ").replace("#", " "))


def target(start: ir.Value, end: ir.Value | None = None, ramp: bool = False,
           limit: str | None = None) -> ir.Target:
    return ir.Target(start, end, ramp, "", NOWHERE, limit)


def step(kind: ir.StepKind, duration: ir.Duration, target_: ir.Target | None = None, *,
         incline: float | None = None, cadence: tuple[float, float, str] | None = None,
         note: str | None = None) -> ir.Step:
    note = one_line(note) if note else None
    return ir.Step(kind, duration, target_,
                   ir.Incline(incline, NOWHERE) if incline is not None else None,
                   ir.Cadence(*cadence, NOWHERE) if cadence is not None else None,
                   note or None, NOWHERE)


def shortest(value: float, same) -> float:
    """`value` with the fewest decimals (0 to 6) for which `same(rounded)` holds: what a file
    stored in its own units, written as people write numbers (4:30, not 4:29.99712)."""
    for places in range(7):
        rounded = round(value, places)
        if same(rounded):
            return rounded
    return value


# ---- repeats in flat formats ------------------------------------------------------------------

MAX_FOLDED = 2000  # steps; beyond this a flat file is written out as it is


def fold_repeats(nodes: tuple[ir.Node, ...]) -> tuple[ir.Node, ...]:
    """Identical consecutive blocks as repeats, the biggest first: a, b, a, b, a, b is
    3x(a, b); a repeat's own steps are folded again (2x(4x(a, b), c) comes back nested)."""
    nodes = tuple(nodes)
    if len(nodes) < 2 or len(nodes) > MAX_FOLDED:
        return nodes
    keys = [_key(n) for n in nodes]
    out: list[ir.Node] = []
    i = 0
    while i < len(nodes):
        best_length, best_count = 1, 1
        for length in range(1, (len(nodes) - i) // 2 + 1):
            count = 1
            while keys[i + count * length: i + (count + 1) * length] == keys[i: i + length]:
                count += 1
            if count > 1 and length * count > best_length * best_count:
                best_length, best_count = length, count
        if best_count == 1:
            out.append(nodes[i])
            i += 1
            continue
        block = fold_repeats(nodes[i: i + best_length])
        out.append(ir.Repeat(best_count, block, NOWHERE))
        i += best_length * best_count
    return tuple(out)


def _key(value):
    """What makes two nodes the same for folding: everything but where they came from."""
    if isinstance(value, (list, tuple)):
        return tuple(_key(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, (Span, Source)):
        return (type(value).__name__,) + tuple(
            _key(getattr(value, f.name)) for f in dataclasses.fields(value)
            if f.name not in WRITTEN)
    return value


def module_for(path: str, data: bytes):
    """The importer for a file: by its suffix, or for .xml by what it holds."""
    suffix = Path(path).suffix.lower()
    if suffix == ".xml" and b"<workout_file" in data[:4096]:
        suffix = ".zwo"
    name = IMPORTERS.get(suffix)
    return importlib.import_module(name) if name else None


def import_file(path: str, data: bytes) -> tuple[str | None, list[Diagnostic]]:
    """A device file as wod text (a comment naming where it came from, then its workouts in
    the canonical style), and the problems met. The text is parsed again and must mean what
    was read: else nothing is written (a fault in wodc)."""
    from ..checks import check_workout
    from ..errors import file_error, has_errors
    from ..language.meaning import same_meaning
    from ..language.printer import workout_text
    from ..parse import parse

    module = module_for(path, data)
    if module is None:
        return None, [file_error(path, f"wodc cannot import {Path(path).suffix or 'this'} "
                                       "files", hint="it imports .fit, .zwo, .erg, .mrc and "
                                                     "QZ .xml programs")]
    imported = module.read(data, path)
    if has_errors(imported.problems) or not imported.workouts:
        return None, imported.problems
    text = f"# imported from {' '.join(Path(path).name.split())} by wodc import\n" + "\n".join(
        workout_text(w) for w in imported.workouts)
    again = parse(text, path)
    if has_errors(again.diagnostics) or not same_meaning(again.workouts, imported.workouts):
        detail = next((d.message for d in again.diagnostics if d.is_error), "")
        return None, imported.problems + [file_error(
            path, "wodc import could not write this workout as text that means what the file "
                  f"says{f' ({detail})' if detail else ''}; nothing was written",
            hint="this is a fault in wodc: please report it with the file")]
    # What `wodc check` will say of the text (a value a format allows and wodc does not).
    checked = [dataclasses.replace(d, path=path, line=0, column=0, source_line="",
                                   severity=Severity.WARNING,
                                   message=f"the imported text, line {d.line}: {d.message}")
               for w in again.workouts for d in check_workout(w)]
    return text, imported.problems + checked
