"""wodc/lalr.py runs lark's tables in its own loop: it must lex exactly the tokens lark's
contextual lexer lexes (type, text, line, column, end) and build exactly what lark's own
parse builds, on every example, every test case, every syntax-error snippet and random text.

Bounded like tests/test_fuzz.py (WODC_FUZZ_EXAMPLES raises the number of random inputs)."""

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lark.exceptions import UnexpectedInput

from wodc import lalr
from wodc.errors import Source
from wodc.parse import BUILDER_LOCK, _builder, fast_tables, lark_parser, parse
from wodc.syntax_errors import CONTEXTS

ROOT = Path(__file__).parent.parent
FILES = sorted(ROOT.glob("examples/**/*.wod")) + sorted((ROOT / "tests" / "cases").glob("*.wod"))
SNIPPETS = [text for examples in CONTEXTS.values() for text in examples] + [
    # Where the contextual lexer matters: a tag list takes what WORD or KIND would take
    # elsewhere; a comment, \f and \r are skipped; a note with an escaped quote.
    "tags run, walk; 10min", "tags  hill sprints, vo2max # a comment\n3min",
    'workout "A \\" b"\r\nsport run\r\n\f10min @E', "note\n", "3x\t(400m @R)", "# only\n",
    "", "\n\n", "10min @E,,;\n", "steps @100..400W by 20W every 1min",
    "rec until HR<130bpm, 3min cadence 88-92 rpm incline -1.5 %",
    "3 x 400m @R", "3×(1mi @T, rec same between)", "1h 30min 5s @E", "1'30\" @5K",
    'WORKOUT "A"\nSport Run\nWarmup 10MIN @E\nREC 2Min', "Steps @100..200W BY 20W EVERY 1min",
]
EXAMPLES = int(os.environ.get("WODC_FUZZ_EXAMPLES", "300"))


@pytest.fixture(autouse=True)
def fast_loop():
    """Every parse() here takes the fast loop: once its tables are built a process keeps to
    it (a fresh process starts on lark's loop until it has parsed parse.FAST_AFTER
    characters)."""
    assert fast_tables() is not None
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# Pieces of the language (every terminal's shape) and characters between them.
PIECES = st.sampled_from(
    list('0123456789@:%-+.,;()"#xX× \t\n\r\f\\<>/\'') +
    ["workout", "sport", "note", "author", "tags", "incline", "cadence", "between", "until",
     "warmup", "cool-down", "rec", "strides", "lap", "open", "steps", "by", "every", "same",
     "min", "s", "h", "hr", "km", "mi", "m", "yd", "rpm", "spm", "bpm", "W", "%FTP", "kph",
     "HR<", "HR >", "@E", "@5K", "@4:30/km", "@Z2", "..", "3x(", "10min ", "400m ", '"a"',
     "run", "trainer", "foo", "é", "“",
     # Keywords are case-insensitive: the lexer must try them at capitals too.
     "Workout", "SPORT", "Rec", "WarmUp", "Steps", "BY", "Every", "MIN", "KM", "Lap", "Same"])


def fast_tokens(text: str) -> tuple[list, bool]:
    """The tokens wodc/lalr.py lexes for `text`, and whether it parsed."""
    trace: list = []
    with BUILDER_LOCK:
        _builder().begin(Source("t.wod", text), [])
        try:
            lalr.parse(text, fast_tables(), trace)
        except lalr.Unparsable:
            return trace, False
    return trace, True


def lark_tokens(text: str) -> tuple[list, bool]:
    """The tokens lark's own contextual lexer lexes for `text` as its parser runs, up to a
    syntax error, and whether it parsed."""
    tokens = []
    with BUILDER_LOCK:
        _builder().begin(Source("t.wod", text), [])
        interactive = lark_parser().parse_interactive(text)
        try:
            for token in interactive.iter_parse():
                tokens.append((token.type, str(token), token.line, token.column,
                               token.end_line, token.end_column))
            interactive.feed_eof()
        except UnexpectedInput:
            return tokens, False
    return tokens, True


def assert_same(text: str) -> None:
    assert fast_tokens(text) == lark_tokens(text), text
    assert parse(text, "t.wod") == parse(text, "t.wod", fast=False), text


def test_the_fast_loop_runs_this_grammar():
    # tables() returns None for a parser it cannot reproduce; then every parse would quietly
    # be lark's again. This grammar must not be one.
    assert fast_tables() is not None


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_same_tokens_and_result_on_files(path):
    text = path.read_text(encoding="utf-8")
    tokens, parsed = fast_tokens(text)
    # A plan (examples/mile-plan/plan.wod) is another language: lark stops at its first line.
    assert parsed != ("\nplan " in "\n" + text) and len(tokens) > 3
    assert_same(text)


@pytest.mark.parametrize("text", SNIPPETS)
def test_same_tokens_and_result_on_snippets(text):
    assert_same(text)


def test_a_syntax_error_stops_the_fast_loop_where_lark_stops():
    tokens, parsed = fast_tokens("10min @E\n3x(400m @R")
    assert not parsed and tokens[-1][:2] == ("TARGET", "@R")  # then the end comes too soon
    # After a target, no terminal of that state matches 2min (lark's contextual lexer stops
    # there too, then asks its root lexer what 2min is for its message).
    tokens, parsed = fast_tokens("10min @E\n3x(400m @R 2min)")
    assert not parsed and tokens[-1][:2] == ("TARGET", "@R")


def test_separators_are_not_tokens_for_the_builder():
    # Filtered terminals never reach a Builder method, so no Token is made for them.
    assert {"_NL", "COMMA", "SEMICOLON"} <= fast_tables().dropped
    assert "TIME" not in fast_tables().dropped


@FUZZ
@given(st.lists(PIECES, max_size=60).map("".join))
def test_same_tokens_and_result_on_language_soup(text):
    assert_same(text)


@FUZZ
@given(st.text(max_size=200))
def test_same_tokens_and_result_on_random_text(text):
    assert_same(text)


@st.composite
def mutated_file(draw):
    text = draw(st.sampled_from([p.read_text(encoding="utf-8") for p in FILES]))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(PIECES) + text[at + draw(st.integers(0, 3)):]
    return text


@FUZZ
@given(mutated_file())
def test_same_tokens_and_result_on_mutated_files(text):
    assert_same(text)


def test_a_process_takes_the_fast_loop_once_it_has_parsed_enough(monkeypatch):
    """The tables cost more than one small file's parse saves: a process builds them after
    FAST_AFTER characters (and keeps them), not at its first parse."""
    import wodc.parse as parse_module

    fast_tables.cache_clear()
    monkeypatch.setattr(parse_module, "_parsed", 0)
    text = "10min @E\n"
    parse(text, "a.wod")
    assert fast_tables.cache_info().currsize == 0  # one small file: lark's loop
    parse(text * (parse_module.FAST_AFTER // len(text) + 1), "big.wod")
    assert fast_tables.cache_info().currsize == 1
