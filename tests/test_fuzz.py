"""No input makes wodc raise: random text and mutated examples go through parse, checks and
resolve, and every problem found points inside the input.

CI runs a bounded number of examples; `make fuzz` runs many more (WODC_FUZZ_EXAMPLES)."""

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wodc.backends import FORMATS, Options, backend
from wodc.checks import check_workout
from wodc.errors import has_errors
from wodc.parse import parse
from wodc.profile import Settings, merge, parse_race
from wodc.resolve import resolve

EXAMPLES = int(os.environ.get("WODC_FUZZ_EXAMPLES", "300"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

SOURCES = [p.read_text(encoding="utf-8") for p in sorted(
    (Path(__file__).parent.parent).glob("examples/**/*.wod"))] + [
    p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent / "cases").glob("*.wod"))]

# Characters that mean something in the language, so that mutations hit interesting places.
ALPHABET = st.sampled_from(list('0123456789@:%-+.,;()"#xX \t\nmskhKMEITRZPW/<>\\') +
                           ["min", "km", "mi", "bpm", "FTP", "..", "rec ", "3x(", "until HR<",
                            "workout ", "sport ", "incline ", "cadence ", "“", "é", "\r\n"])
ATHLETE = merge(Settings("fuzz", values={"max_hr": 190.0, "lthr": 170.0, "ftp": 250.0},
                         races=[parse_race("5K=20:00")]))


def assert_survives(text: str) -> None:
    result = parse(text, "fuzz.wod")
    problems = list(result.diagnostics)
    for workout in result.workouts:
        found = check_workout(workout)
        problems += found
        for profile in (ATHLETE, merge()):
            resolved = resolve(workout, profile)
            if not has_errors(found):  # what compile would do: every backend, in memory
                for name in FORMATS:
                    backend(name).compile(resolved, profile, Options())
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for problem in problems:
        assert problem.message
        if problem.line == 0:
            continue
        assert 1 <= problem.line <= len(lines) + 1, (problem, text)
        line = lines[problem.line - 1] if problem.line <= len(lines) else ""
        assert 1 <= problem.column <= len(line) + 1, (problem, text)


@FUZZ
@given(st.text(max_size=300))
def test_random_text(text):
    assert_survives(text)


@FUZZ
@given(st.lists(ALPHABET, max_size=80).map("".join))
def test_random_language_soup(text):
    assert_survives(text)


@st.composite
def mutated_example(draw):
    text = draw(st.sampled_from(SOURCES))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = draw(ALPHABET)
        if action == "insert":
            text = text[:at] + piece + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 5)):]
        else:
            text = text[:at] + piece + text[at + len(piece):]
    return text


@FUZZ
@given(mutated_example())
def test_mutated_examples(text):
    assert_survives(text)
