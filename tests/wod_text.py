"""Hypothesis strategies for workout text written the many ways people write it (aliases,
clock and unit times, spacing, separators, comments, repeats across lines), from the language
as docs/language.md describes it. Shares no code with wodc's printer, whose output it checks.

Also `meaning(workouts)`: the IR without spans and as-written text, for comparing parses."""

from __future__ import annotations

import dataclasses
import enum

from hypothesis import strategies as st

KINDS = ["", "run ", "active ", "warmup ", "wu ", "warm-up ", "cooldown ", "cd ", "cool-down ",
         "rec ", "recovery ", "rest ", "interval ", "walk ", "jog ", "Warmup ", "REC "]
SPORTS = ["run", "running", "treadmill", "bike", "cycling", "ride", "trainer", "indoor-bike"]
RUN_TARGETS = ["@E", "@easy", "@5K", "@5k", "@mile", "@1500", "@10K", "@HM", "@hm", "@M",
               "@marathon", "@T", "@tempo", "@I", "@R", "@HM-15s/mi", "@T+5s", "@5K+10s/km",
               "@105%5K", "@90%HM", "@4:30/km", "@4:22.5/km", "@4:20-4:30/km", "@7:15/mi",
               "@12.5kph", "@12.5km/h", "@7-7.5mph", "@8mph", "@E..T", "@6:00..5:00/km",
               "@6.5mph..8mph", "@75s/400m", "@3:10/800m", "@walk", "@Z2", "@Z2HR", "@<Z2",
               "@5K-10K", "@800m", "@8K"]
ANY_TARGETS = ["@150bpm", "@140-150bpm", "@85%HRmax", "@95%LTHR", "@70-80%HRR", "@<140bpm",
               "@>150bpm", "@RPE7", "@RPE6-7", "@RPE3..RPE7", "@max", "@HRZ3", "@Z1HR"]
BIKE_TARGETS = ["@250W", "@200-220W", "@95%FTP", "@90-100%FTP", "@FTP", "@PZ3", "@Z4",
                "@50%..75%FTP", "@200..300W", "@<200W", "@88-94%FTP", "@PZ7", "@Z6"]
NOTES = ['"conversational"', '"a \\"quoted\\" word"', '"back\\\\slash"', '"stride"', '"é ü 🏃"']


@st.composite
def time_text(draw) -> str:
    form = draw(st.integers(0, 8))
    n = draw(st.integers(1, 59))
    m = draw(st.integers(1, 150))
    if form == 0:
        return f"{n}s"
    if form == 1:
        return f"{n}{draw(st.sampled_from(['sec', ' s', 'secs', 'seconds']))}"
    if form == 2:
        return f"{m}{draw(st.sampled_from(['min', ' min', 'mins', 'minutes']))}"
    if form == 3:
        return f"{m}min{n}s"
    if form == 4:
        return f"{m % 60}:{n:02d}" if m % 60 else f"1:{n:02d}"
    if form == 5:
        return f"{m // 60 + 1}:{m % 60:02d}:{n:02d}"
    if form == 6:
        return f"{m // 60 + 1}h{draw(st.sampled_from(['', f'{m % 60}min', f' {m % 60}min {n}s']))}"
    if form == 7:
        return f"{m}'" if draw(st.booleans()) else f"{m}'{n}\""
    return f"{n}.5s"


@st.composite
def distance_text(draw) -> str:
    unit = draw(st.sampled_from(["m", "km", "mi", "yd", " m", "meters", "miles", "K" * 0 + "km"]))
    if unit.strip() in ("m", "meters", "yd"):
        return f"{draw(st.integers(1, 20)) * 100}{unit}"
    return f"{draw(st.sampled_from(['1', '1.5', '0.25', '2', '10', '0.5']))}{unit}"


@st.composite
def step_text(draw, sport: str, in_repeat: bool) -> str:
    kind = draw(st.sampled_from(KINDS + ["strides "] * (sport in ("run", "treadmill"))))
    choice = draw(st.integers(0, 9))
    if choice <= 4:
        duration = draw(time_text())
    elif choice <= 7:
        duration = draw(distance_text())
    else:
        duration = draw(st.sampled_from(["lap", "open", "until HR<130", "until HR > 160",
                                         "same"]))
    if kind and draw(st.integers(0, 9)) == 0:
        duration = ""  # a kind alone is an open step
    if not kind and not duration:
        duration = "lap"
    run = sport in ("run", "running", "treadmill")
    pool = (RUN_TARGETS if run else BIKE_TARGETS) + ANY_TARGETS
    parts = [f"{kind}{duration}".strip()]
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(pool)))
    elif duration[:1].isdigit() and duration.endswith("m") and draw(st.booleans()) and \
            not duration.endswith("min"):
        parts.append(draw(st.sampled_from(["@3:10", "@72s", "@3:10-3:15", "@1:15.5"])))
    if run and draw(st.integers(0, 4)) == 0:
        parts.append(draw(st.sampled_from(["incline 2%", "incline -1%", "incline 0%",
                                           "incline 6.5%"])))
    if draw(st.integers(0, 5)) == 0:
        parts.append(draw(st.sampled_from(["cadence 90rpm", "cadence 170-180spm",
                                           "cadence 85 rpm"])))
    if draw(st.integers(0, 4)) == 0:
        parts.append(draw(st.sampled_from(NOTES)))
    if in_repeat and draw(st.integers(0, 5)) == 0:
        parts.append("between")
    head, tail = parts[0], parts[1:]
    tail = draw(st.permutations(tail))  # modifiers in any order after the duration
    joiner = draw(st.sampled_from([" ", "  ", "\t"]))
    return joiner.join([head, *tail]) if head else joiner.join(tail)


@st.composite
def node_text(draw, sport: str, depth: int, in_repeat: bool = False) -> str:
    if depth < 3 and draw(st.integers(0, 3)) == 0:
        count = draw(st.integers(1, 6))
        x = draw(st.sampled_from(["x", "X", " x ", "×"]))
        if draw(st.integers(0, 4)) == 0:
            return f"{count}{x} {draw(step_text(sport, False))}"
        children = draw(st.lists(node_text(sport, depth + 1, True), min_size=1, max_size=4))
        if draw(st.booleans()):
            sep = draw(st.sampled_from([", ", ",", "; "]))
            return f"{count}{x}({sep.join(children)})"
        inner = "\n".join("  " + line for child in children for line in child.split("\n"))
        return f"{count}{x}(\n{inner}\n)"
    return draw(step_text(sport, in_repeat))


@st.composite
def workout_text(draw, index: int = 0) -> str:
    sport = draw(st.sampled_from(SPORTS))
    lines = [f'workout "Workout {index}"']
    if sport != "run" or draw(st.booleans()):
        lines.append(f"sport {sport}")
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(['note "Hold the rail"', 'tags hills, vo2 max',
                                           'author "Coach Jess"', "incline 1%"])))
    if draw(st.booleans()):
        lines.append("")
    family = "run" if sport in ("run", "running", "treadmill") else "bike"
    nodes = draw(st.lists(node_text(family, 0), min_size=1, max_size=6))
    for node in nodes:
        lines.append(node)
        if draw(st.integers(0, 4)) == 0:
            lines.append(draw(st.sampled_from(["", "# a comment", "  # indented comment"])))
        elif draw(st.integers(0, 5)) == 0:
            lines[-1] += "   # trailing"
    return "\n".join(lines)


@st.composite
def file_text(draw) -> str:
    count = draw(st.integers(1, 3))
    header = draw(st.sampled_from(["", "# A file of workouts\n\n", "# one\n# two\n"]))
    return header + "\n\n".join(draw(workout_text(i)) for i in range(count)) + "\n"


# ---- comparing meanings ------------------------------------------------------------------------

WRITTEN = {"span", "duration_span", "text", "source", "word"}


def meaning(value):
    """A workout's IR as nested tuples, without where and how things were written, numbers
    rounded to 9 significant digits (the printer writes up to 9 decimals)."""
    if isinstance(value, float):
        return float(f"{value:.9g}")
    if isinstance(value, (list, tuple)):
        return tuple(meaning(v) for v in value)
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value):
        return (type(value).__name__,) + tuple(
            (f.name, meaning(getattr(value, f.name))) for f in dataclasses.fields(value)
            if f.name not in WRITTEN)
    return value
