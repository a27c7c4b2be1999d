"""wodc/first_char.py: the characters a pattern's match can start with. wodc/lalr.py tries
only those terminals at a character, so a character left out of a terminal's set would lose
its tokens: the sets must hold every character a match can start with."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wodc.first_char import ASCII, first_chars
from wodc.parse import lark_parser

DIGITS = frozenset("0123456789")
TERMINALS = lark_parser().parser.lexer_conf.terminals


@pytest.mark.parametrize("pattern, expected", [
    (r"\d+(\.\d+)?[ \t]*%", DIGITS),
    (r"[+-]?\d+", DIGITS | {"+", "-"}),
    ("(?i:by)", frozenset("bB")),
    ("(?:a|bc)x", frozenset("ab")),
    (r"(?![\w-])@x", frozenset("@")),  # a lookahead takes no character
    ("x*y", frozenset("xy")),
    ("(?<=a)b", frozenset("b")),
    (r"(a)\1", frozenset("a")),
    ("[^a]", frozenset(ASCII) - {"a", "\n"} | {"\n"}),
    (".", frozenset(ASCII) - {"\n"}),
])
def test_first_chars(pattern, expected):
    assert first_chars(pattern) == expected


@pytest.mark.parametrize("pattern", ["a*", "x?", "(a)?(?(1)b|c)"])
def test_maybe_any_when_empty_or_not_understood(pattern):
    assert first_chars(pattern) is None


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(TERMINALS), st.sampled_from(ASCII), st.text(max_size=12))
def test_no_terminal_matches_from_a_character_left_out(terminal, char, rest):
    regex = terminal.pattern.to_regexp()
    first = first_chars(regex)
    if first is not None and char not in first:
        assert not re.match(regex, char + rest)


def test_every_terminal_is_understood():
    # None would make lalr.py try the terminal everywhere: correct, but slow.
    assert [t.name for t in TERMINALS if first_chars(t.pattern.to_regexp()) is None] == []
