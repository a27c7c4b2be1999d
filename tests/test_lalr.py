"""wodc/lalr.py runs lark's tables in its own loop: it must lex exactly the tokens lark's
contextual lexer lexes (type, text, line, column, end) and build exactly what lark's own
parse builds, on every example, every test case, every syntax-error snippet and random text.

Bounded like tests/test_fuzz.py (WODC_FUZZ_EXAMPLES raises the number of random inputs)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lark.exceptions import UnexpectedInput

from wodc import lalr
from wodc.errors import Source
from wodc.parse import BUILDER_LOCK, _builder, fast_tables, grammar_text, lark_parser, parse
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
    """Every parse() here takes the fast loop (unless its grammar cannot run there)."""
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


def test_the_tables_module_is_what_the_grammar_gives():
    # wodc/wod_tables.py is generated from grammar/wod.lark (`make tables`): the grammar
    # stays the one source of the language. lark's own state numbers depend on the hash
    # seed; freeze() renumbers them, so this holds on any machine.
    frozen = lalr.freeze(lark_parser())
    assert frozen is not None
    assert (ROOT / "wodc" / "wod_tables.py").read_text(encoding="utf-8") == \
        lalr.module_text(frozen, grammar_text())


def test_the_tables_do_not_depend_on_the_hash_seed(tmp_path):
    # A fresh lark build (no cache) under two hash seeds gives the same frozen tables.
    script = ("import sys, wodc.lalr as l, wodc.parse as p\n"
              "sys.stdout.write(l.module_text(l.freeze(p.lark_parser()), p.grammar_text()))")
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "TMPDIR": str(tmp_path / seed)}
        (tmp_path / seed).mkdir()  # lark's cache goes to TMPDIR: an empty one, a new build
        run = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                             text=True)
        assert run.returncode == 0, run.stderr
        outputs.add(run.stdout)
    assert len(outputs) == 1


def test_a_parse_that_succeeds_loads_no_lark():
    script = ("import sys\nfrom wodc.parse import parse\n"
              "result = parse('warmup 10min @E\\n3x(400m @R, rec 200m)\\n', 'a.wod')\n"
              "assert not result.diagnostics and len(result.workouts) == 1\n"
              "print(sorted(m for m in sys.modules if m.split('.')[0] == 'lark'))")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "[]\n"


def test_an_edited_grammar_is_parsed_with_tables_from_lark(monkeypatch):
    # Until `make tables` runs again, the module's tables are not the grammar's: lark's are
    # used, and every parse is still right.
    import wodc.wod_tables

    monkeypatch.setattr(wodc.wod_tables, "GRAMMAR_CRC32", -1)
    monkeypatch.setattr(wodc.wod_tables, "FROZEN", None)  # (would fail if it were read)
    fast_tables.cache_clear()
    try:
        assert fast_tables() is not None
        assert_same("warmup 10min @E\n3x(400m @R, rec 200m)\n")
    finally:
        fast_tables.cache_clear()
