"""Friendly messages for syntax errors.

lark tells us the parser state and the text it could not take. A table of malformed snippets
(`CONTEXTS`, matched with lark's `UnexpectedInput.match_examples`) says where in a workout the
error happened; the text at the error then picks the message and the hint a runner can act on.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from .errors import Diagnostic, Source, Span, at, closest
from .targets import PACE_NAMES

# Malformed snippets, by where the error is. Each context appears in every place the parser
# can be in it (start of file, after a separator, inside a repeat), because lark's states
# differ between those places.
CONTEXTS = {
    "statement": [
        "3 @5K", "\n3 @5K", "10min\n3 @5K", "10min, 3 @5K", "3x(3 @5K)", "3x(10min, 3 @5K)",
        'workout "A"\n3 @5K', "3x(\n3 @5K)", "3x(10min\n3 @5K)",
    ],
    "after step": [
        "3min@5K 2min", "3x(3min@5K 2min)", "warmup 2min 3min", "3x(warmup 2min 3min)",
        "warmup @E 2min", "10min\nwarmup 2min 3min", "10min, warmup 2min 3min", "2min foo",
        "warmup 2min foo", "3x(2min foo)", "3x(warmup 2min foo)",
        "3x(warmup @E 2min)", "3min incline 2% 2min", "3x(3min incline 2% 2min)",
        '3min "a" 2min', '3x(3min "a" 2min)', "rec until HR<130 2min",
        "3x(rec until HR<130 2min)", "3min cadence 90rpm 2min", "3x(3min cadence 90rpm 2min)",
        "rest 2", "3x(rest 2)",
    ],
    "unclosed repeat": ["3x(400m", "3x(400m, rec 200m", "3x(400m\n", "3x(", "3x(400m,",
                        "3x(400m @R", "3x(rest", "3x(3x(400m)", "3x(400m incline 2%"],
    "after repeat": ["3x(400m) 2min", "3x(3x(400m) 2min)", "3x 400m 2min"],
    "repeat body": ["3x", "3x @5K", "3x(3x @5K)", "3x\n"],
    "workout name": ["workout", "workout foo", "workout\n"],
    "sport name": ["sport", "sport\n", 'sport "run"'],
    "header text": ["note", "note foo", "author", "author foo", "note\n", "author\n"],
    "tags": ["tags", "tags\n"],
    "incline value": ["3min incline 6", "incline 6", "3min incline", "incline", "incline\n",
                      "3x(3min incline 6)"],
    "cadence value": ["3min cadence 90", "3min cadence", "3x(3min cadence 90)"],
    "until value": ["rec until 130", "rec until", "until 130", "3x(rec until 130)"],
    "after header": ['workout "A" 3min', 'sport run 3min', 'note "a" 3min', 'author "a" 3min',
                     "incline 1% 3min"],
}

KIND_WORDS = ("warmup", "wu", "cooldown", "cd", "rec", "recovery", "rest", "run", "active",
              "interval", "walk", "jog", "stride", "strides")
HEADER_WORDS = ("workout", "sport", "note", "author", "tags", "incline")
STEP_EXAMPLE = "a step starts with a duration like 3min or 400m, or a kind like warmup or rec"


@functools.lru_cache(maxsize=1)
def _example_states() -> dict[tuple, str]:
    """(parser state, acceptable tokens) of every example -> its context; the first wins.

    This is lark's `UnexpectedInput.match_examples` technique, done here because in lark 1.3.1
    match_examples raises TypeError from its own debug logging when two states match but their
    acceptable tokens differ, and its state comparison includes the stack depth, so an error
    inside a nested repeat would match no example."""
    from lark.exceptions import UnexpectedInput

    from .errors import Source
    from .parse import BUILDER_LOCK, _builder, lark_parser

    states: dict[tuple, str] = {}
    with BUILDER_LOCK:
        for context, examples in CONTEXTS.items():
            for text in examples:
                _builder().begin(Source("<example>", text), [])
                try:
                    lark_parser().parse(text)
                except UnexpectedInput as error:
                    states.setdefault(_state_key(error), context)
    return states


def _state_key(error) -> tuple:
    state = getattr(error, "state", None)
    accepts = getattr(error, "accepts", None) or getattr(error, "expected", None) or ()
    token = getattr(error, "token", None)
    at_end = token is None or token.type == "$END"
    return (getattr(state, "position", state), frozenset(accepts), at_end)


def _context(error) -> str | None:
    return _example_states().get(_state_key(error))


def _word_at(text: str, offset: int) -> str:
    """The run of text at `offset` up to the next space or separator."""
    match = re.compile(r'“[^”\n]*”?|"[^"\n]*"?|[^\s,;()#]+|[()]').match(text, offset)
    return match.group() if match else ""


def _position(error, text: str) -> tuple[int, int, int]:
    """(offset, line, column) of the error; at the end of the text for end of input."""
    token = getattr(error, "token", None)
    if token is not None and token.type == "$END" or getattr(error, "pos_in_stream", None) is None:
        offset = len(text.rstrip())
    else:
        offset = error.pos_in_stream
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return offset, line, column


def _unclosed_paren(text: str) -> tuple[int, int] | None:
    """(line, column) of the last `(` that has no `)`."""
    from .parse import parentheses

    stack = []
    for char, line, column in parentheses(text):
        if char == "(":
            stack.append((line, column))
        elif stack:
            stack.pop()
    return stack[-1] if stack else None


def _describe_word(word: str, where: str) -> tuple[str, str | None]:
    """Message and hint for a word that cannot stand where it is."""
    lower = word.lower()
    if word.startswith(("“", "”", "‘", "’")):
        return "notes need straight quotes", f'write "{word.strip("“”‘’")}"'
    if word.startswith('"') and (len(word) == 1 or not word.endswith('"')):
        return "this note has no closing quote", f'write {word}"'
    if word.startswith("@"):
        return ("a step needs a duration or a kind before its target",
                f"write 3min {word} or run {word}")
    if re.fullmatch(r"\d+(\.\d+)?", word):
        return "this number needs a unit", f"write {word}min, {word}s, {word}m or {word}km"
    if m := re.fullmatch(r"(\d+(?:\.\d+)?)k", lower):
        return f"{word} is not a duration", f"did you mean {m.group(1)}km?"
    if m := re.fullmatch(r"(\d+)h(\d+)", lower):
        return f"{word} is not a duration", f"did you mean {m.group(1)}h{m.group(2)}min?"
    if re.fullmatch(r"\d+(\.\d+)?[a-z]+", lower):
        return f"unknown unit in {word!r}", ("durations are like 30s, 3min, 1h, 400m, 1.5km, "
                                             "1mi or 300yd")
    if re.fullmatch(r"[x×]", lower) or lower.startswith(("x(", "×(")):
        return "a repeat needs a count", "write 3x(400m @R, rec 200m)"
    if word == ")":
        return "this ) has no repeat to close", None
    if lower in PACE_NAMES:
        return (f"{word!r} is a pace, not a kind of step",
                f"write a duration and the pace after @, like 20min @{word}")
    if lower in ("cadence", "incline"):
        return (f"{lower} goes after a step's duration",
                "write 10min incline 2%" if lower == "incline" else "write 10min cadence 90rpm")
    candidates = KIND_WORDS + HEADER_WORDS
    close = closest(lower, candidates, cutoff=0.7)
    if close:
        return f"unknown word {word!r}", f"did you mean {close}?"
    return f"unexpected {word!r}", None


def _after_repeat(word: str, text: str, offset: int) -> tuple[str, str | None]:
    lower = word.lower()
    if lower in KIND_WORDS:
        rest = re.match(r"[^,;()#\n]*", text[offset:]).group().strip()
        return ("a step after a repeat goes on its own line, or after a comma",
                f"write 3x(...), {rest}; to run it only between the sets, put it inside: "
                f"3x(..., {rest} between)")
    return ("put the next step on its own line, or after a comma",
            "write 3x(400m @R, rec 200m), 5min @E")


# Words that finish a target written with a space inside it: `@RPE 7`, `@88-94% FTP`.
_TARGET_TAIL = re.compile(r"(\d[\d.:%-]*|%?(ftp|bpm|w|kph|mph|km/h|hrmax|lthr|hrr|/km|/mi)|"
                          r"[a-z0-9.:-]*(/km|/mi|k))", re.I)


def _after_step(word: str, text: str, offset: int) -> tuple[str, str | None]:
    lower = word.lower()
    before = text[:offset]
    if before.rstrip(" \t").endswith("@") and text[offset - 1] in " \t":
        return "write the target right after @, with no space", f"write @{word}"
    target = re.search(r"(@\S+)[ \t]+$", before)
    if target and _TARGET_TAIL.fullmatch(word):
        return "a target is written without spaces", f"write {target.group(1)}{word}"
    if re.fullmatch(r"\d+(\.\d+)?", word) and re.search(
            r"(^|[\s,;(])(" + "|".join(KIND_WORDS) + r")[ \t]+$", before, re.I):
        return "this number needs a unit", f"write {word}min, {word}s, {word}m or {word}km"
    if lower == "in" and re.match(r"in[ \t]+(\d+:\d+|\d+(\.\d+)?s)", text[offset:], re.I):
        clock = re.match(r"in[ \t]+(\S+)", text[offset:], re.I).group(1)
        return "a rep's time is its target", f"write @{clock}: 800m @{clock}"
    if word.startswith(("“", "”", '"')):
        return _describe_word(word, "after step")
    glued = re.search(r"(\S*[a-z])$", text[:offset], re.I)
    if glued and re.fullmatch(r"\d+", word):
        return (f"{glued.group(1)}{word} is not a duration",
                f"did you mean {glued.group(1)}{word}min?" if glued.group(1).lower().endswith("h")
                else "durations are like 30s, 3min, 1h30min, 400m or 1.5km")
    if re.match(r"\d", word):
        return ("this step already has a duration",
                "put each step on its own line, or separate steps with a comma")
    if lower in PACE_NAMES:
        return f"unexpected {word!r} after the step", f"targets start with @: write @{word}"
    if lower in KIND_WORDS:
        return (f"{word!r} starts a new step",
                f"to say how to recover, make it the step's kind ({word} 400m) or a note in "
                f"quotes (\"{word}\"); else put each step on its own line or after a comma")
    return f"unexpected {word!r} after the step", f'notes go in quotes: "{word}"'


WORD_SHOWN = 40  # the most characters of an offending word quoted in a message


def explain(error, source: Source) -> Diagnostic:
    """A syntax error as a friendly diagnostic. When the line starts with a word wodc does
    not know at all (nothing it can suggest), the line is not workout text (a token, a
    password, the first line of some other file reached by mistake): only that word is echoed,
    never the rest of the line, since error output ends up in CI logs and annotations."""
    diagnostic = _explain(error, source)
    word = _word_at(source.text, _position(error, source.text)[0])
    unknown = diagnostic.message == f"unexpected {word!r}"
    if len(word) > WORD_SHOWN:  # quoted in the message and the hint: shorten it there
        short = word[:WORD_SHOWN] + "…"
        diagnostic = replace(diagnostic, message=diagnostic.message.replace(word, short),
                             hint=diagnostic.hint and diagnostic.hint.replace(word, short))
    before = diagnostic.source_line[: diagnostic.column - 1]
    if unknown and diagnostic.line and not before.strip():
        return replace(diagnostic,
                       source_line=diagnostic.source_line[: len(before) + diagnostic.width])
    return diagnostic


def _explain(error, source: Source) -> Diagnostic:
    text = source.text
    offset, line, column = _position(error, text)
    word = _word_at(text, offset)
    context = _context(error)
    width = max(1, len(word))

    def here(message: str, hint: str | None = None) -> Diagnostic:
        return at(source, Span(line, column, line, column + width), message, hint=hint)

    if not word or context == "unclosed repeat":
        where = _unclosed_paren(text)
        if where:
            return at(source, Span(where[0], where[1], where[0], where[1] + 1),
                      "this repeat has no closing )", hint="close it: 3x(400m @R, rec 200m)")
    if context == "statement":
        message, hint = _describe_word(word, "statement")
        return here(message, hint or STEP_EXAMPLE)
    closed = text[:offset].rstrip(" \t").endswith(")") and not word.startswith(("“", '"'))
    if context in ("after step", "after repeat", None) and closed:
        # Right after a repeat's ). (lark's state there depends on the repeat's last step, so
        # the text says it better than the state table; and after a single-step repeat,
        # 3x 400m, the state is the one after any step.)
        return here(*_after_repeat(word, text, offset))
    if context in ("after step", "after repeat"):
        return here(*_after_step(word, text, offset))
    if context == "after header":
        return here("a header line ends the line", "start the steps on the next line")
    if context == "repeat body":
        return here("write the steps to repeat in parentheses after the count",
                    "write 3x(400m @R, rec 200m) or 3x 400m @R")
    if context == "workout name":
        return here("a workout line needs a name in quotes", 'write workout "Tempo Tuesday"')
    if context == "sport name":
        return here("say which sport", "write sport run, sport treadmill, sport bike "
                                       "or sport trainer")
    if context == "header text":
        return here("this line needs its text in quotes", 'write note "Run it at 1% incline"')
    if context == "tags":
        return here("tags needs at least one tag", "write tags intervals, treadmill")
    if context == "incline value":
        return here("an incline is a percentage", "write incline 2% or incline -1%")
    if context == "cadence value":
        return here("a cadence needs rpm (bike) or spm (run)", "write cadence 90rpm or "
                                                               "cadence 180spm")
    if context == "until value":
        return here("until needs a heart rate limit", "write until HR<130 or until HR>160")
    if not word:
        return here("the file ends in the middle of a step")
    return here(*_describe_word(word, "statement"))
