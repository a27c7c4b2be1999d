"""ERG and MRC course files (GoldenCheetah, TrainerRoad, Wahoo, wodc) to IR.

Read the way GoldenCheetah's ErgFile::parseComputrainer (src/Train/ErgFile.cpp) reads them:
`KEY = value` header lines (DESCRIPTION names the workout, FILE NAME else), `MINUTES WATTS`
(ERG, absolute power) or `MINUTES PERCENT` (MRC, % of FTP), then [COURSE DATA] rows of
`minutes value`, power a straight line between rows, and [COURSE TEXT] rows of `seconds
message [duration]`.

The first cues at 0 s that also end the DESCRIPTION ("NAME; note", as wodc writes them)
are the workout's notes. Two rows at different times are a segment: a steady step when both values agree, else a
ramp from one to the other (two rows at one time are a jump). A message is the note of the
segment it falls in; one that does not fall at a segment's start is still its note, with a
warning. Identical consecutive segments become repeats.
"""

from __future__ import annotations

import re

from .. import ir
from . import Imported, Reader, fold_repeats, shortest, step, target

_HEADER = re.compile(r"\s*([^=]+?)\s*=\s*(.*?)\s*")
_NUMBER = r"[-+]?\d+(?:\.\d+)?"


def read(data: bytes, path: str) -> Imported:
    reader = Reader(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")  # older TrainerRoad files: Windows-1252 text
    section, header, rows, cues = None, {}, [], []
    unit = None
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("[") and line.endswith("]"):
            name = line[1:-1].strip().upper()
            section = None if name.startswith("END ") else name
            continue
        if section == "COURSE HEADER":
            if match := re.fullmatch(r"(MINUTES|SECONDS)\s+(WATTS|PERCENT)(.*)", line, re.I):
                unit = (match.group(1).upper(), match.group(2).upper())
                if match.group(3).strip():
                    reader.warn(f"line {number}", f"the columns {match.group(3).strip()!r} "
                                                  "after the power are left out")
            elif match := _HEADER.fullmatch(line):
                header[match.group(1).upper()] = match.group(2)
        elif section == "COURSE DATA":
            parts = line.split()
            if len(parts) < 2 or not all(re.fullmatch(_NUMBER, p) for p in parts[:2]):
                reader.warn(f"line {number}", f"{line!r} is not a time and a power; left out")
                continue
            rows.append((float(parts[0]), float(parts[1]), number))
        elif section == "COURSE TEXT":
            parts = re.split(r"\t+|\s{2,}", line)
            if len(parts) >= 2 and re.fullmatch(_NUMBER, parts[0]):
                cues.append((float(parts[0]), parts[1].strip(), number))
    if unit is None:
        return reader.error("no MINUTES WATTS or MINUTES PERCENT line: not an ERG or MRC file")
    if len(rows) < 2:
        return reader.error("the [COURSE DATA] holds no segment (it needs two rows)")
    per_second = 1.0 if unit[0] == "SECONDS" else 60.0
    percent = unit[1] == "PERCENT"
    name = header.get("DESCRIPTION") or re.sub(r"\.(erg|mrc)$", "", header.get("FILE NAME", ""),
                                               flags=re.I)
    name, notes, cues = _workout_notes(name, cues)
    steps = _segments(reader, rows, cues, per_second, percent)
    reader.workout(name, ir.Sport.BIKE, fold_repeats(tuple(steps)), indoor=True, notes=notes)
    return reader.finish()


def _workout_notes(description: str, cues):
    """The workout's name and notes: the first cues at 0 s whose texts end the description
    ("NAME; note; note", as wodc writes a workout's notes) are its notes, not a step's."""
    first = [c for c in cues if c[0] == 0]
    for count in range(len(first), 0, -1):
        tail = "; " + "; ".join(text for _, text, _ in first[:count])
        if description.endswith(tail) and len(description) > len(tail):
            notes = tuple(text for _, text, _ in first[:count])
            return description[:-len(tail)], notes, [c for c in cues if c not in first[:count]]
    return description, (), cues


def _segments(reader, rows, cues, per_second, percent) -> list[ir.Step]:
    steps, starts = [], []
    for (t0, v0, line), (t1, v1, _) in zip(rows, rows[1:]):
        if t1 < t0:
            reader.warn(f"line {line}", "time runs backwards here; the segment is left out")
            continue
        seconds = round((t1 - t0) * per_second, 3)
        if seconds <= 0:
            continue  # a jump
        start = round(t0 * per_second, 3)
        value = (lambda v: ir.PowerPercent(shortest(v, lambda r: abs(r - v) < 1e-9))) \
            if percent else (lambda v: ir.Power(shortest(v, lambda r: abs(r - v) < 1e-9)))
        made = target(value(v0)) if v0 == v1 else target(value(v0), value(v1), ramp=True)
        steps.append(step(ir.StepKind.ACTIVE, ir.TimeDuration(seconds), made))
        starts.append(start)
    notes: dict[int, list[str]] = {}
    for seconds, message, line in cues:
        index = max((i for i, s in enumerate(starts) if s <= seconds + 1e-6), default=0)
        if steps and abs(starts[index] - seconds) > 1e-3:
            reader.warn(f"line {line}", f"the message {message!r} at {seconds:g} s becomes the "
                                        f"note of the step that starts at {starts[index]:g} s")
        notes.setdefault(index, []).append(message)
    for index, messages in notes.items():
        if index < len(steps):
            old = steps[index]
            steps[index] = step(old.kind, old.duration, old.target, note="; ".join(messages))
    return steps
