"""Which ASCII characters a regular expression's match can start with, read from Python's own
parse of the pattern (re._parser).

wodc/lalr.py uses it to try, at a given character, only the terminals that can start there:
lark's master regex tries every terminal of the state in turn, and most of them fail at the
first character. The answer only has to be a superset: a terminal wrongly kept costs time,
never a token, so anything this does not understand counts as "any character".
"""

from __future__ import annotations

import functools
import re

try:
    from re import _constants as sre, _parser as sre_parse  # Python 3.11+
except ImportError:  # pragma: no cover - older Pythons keep them under these names
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

ASCII = [chr(code) for code in range(128)]
_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D",
               sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_NOT_SPACE: r"\S",
               sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W"}


class _Unknown(Exception):
    """A construct this reading does not know: the pattern may start with anything."""


@functools.lru_cache(maxsize=None)  # a terminal's pattern is read once, not once a state
def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The ASCII characters a match of `pattern` can start with, or None for "maybe any"
    (a construct not understood, or a pattern that can match the empty string)."""
    try:
        parsed = sre_parse.parse(pattern, flags)
        chars, empty = _first(parsed.data, parsed.state.flags)
    except _Unknown:
        return None
    return None if empty else frozenset(chars)


def _first(items, flags: int) -> tuple[set[str], bool]:
    """(characters the sequence `items` can start with, whether it can match nothing)."""
    chars: set[str] = set()
    for op, av in items:
        if op in (sre.LITERAL, sre.NOT_LITERAL, sre.ANY, sre.IN):
            return chars | _one_char(op, av, flags), False
        if op is sre.SUBPATTERN:
            _group, add, remove, body = av
            more, empty = _first(body, (flags | add) & ~remove)
        elif op is sre.BRANCH:
            found = [_first(branch, flags) for branch in av[1]]
            more = set().union(*(c for c, _ in found))
            empty = any(e for _, e in found)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
            low, _high, body = av
            more, empty = _first(body, flags)
            empty = empty or low == 0
        elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero width: the characters come from what follows (a superset)
        else:
            raise _Unknown(op)
        chars |= more
        if not empty:
            return chars, False
    return chars, True


def _one_char(op, av, flags: int) -> set[str]:
    """The ASCII characters one character-matching node accepts, by asking the regex engine
    about each of them (case folding and \\d, \\w, \\s are the engine's)."""
    if op is sre.ANY:
        source = "."
    elif op is sre.LITERAL:
        source = re.escape(chr(av))
    elif op is sre.NOT_LITERAL:
        source = f"[^{re.escape(chr(av))}]"
    else:
        parts = []
        for kind, value in av:
            if kind is sre.NEGATE:
                parts.insert(0, "^")
            elif kind is sre.LITERAL:
                parts.append(re.escape(chr(value)))
            elif kind is sre.RANGE:
                parts.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
            elif kind is sre.CATEGORY and value in _CATEGORIES:
                parts.append(_CATEGORIES[value])
            else:
                raise _Unknown(kind)
        source = f"[{''.join(parts)}]"
    one = re.compile(source, flags & (re.IGNORECASE | re.DOTALL | re.ASCII | re.UNICODE))
    return {char for char in ASCII if one.fullmatch(char)}
