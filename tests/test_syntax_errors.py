"""The table of malformed snippets behind friendly syntax errors, and the messages it gives."""

import pytest
from lark.exceptions import UnexpectedInput

from wodc.parse import lark_parser, parse
from wodc.syntax_errors import CONTEXTS, _context

EXAMPLES = [(context, text) for context, texts in CONTEXTS.items() for text in texts]


@pytest.mark.parametrize("context,text", EXAMPLES, ids=[repr(t) for _, t in EXAMPLES])
def test_every_example_is_malformed_and_recognised(context, text):
    with pytest.raises(UnexpectedInput) as caught:
        lark_parser().parse(text)
    assert _context(caught.value) == context


@pytest.mark.parametrize("text,line,column,message,hint", [
    ("3x(400m, rec 200m", 1, 3, "this repeat has no closing )", "close it: 3x(400m @R, rec 200m)"),
    ("10min @E\n3x(400m @R, rec 200m\n5min @E", 2, 3, "this repeat has no closing )",
     "close it: 3x(400m @R, rec 200m)"),
    ('3x(400m "a \\" ( b", rec 200m', 1, 3, "this repeat has no closing )",
     "close it: 3x(400m @R, rec 200m)"),  # the ( inside the note, after an escaped quote
    ("3 @5K", 1, 1, "this number needs a unit", "write 3min, 3s, 3m or 3km"),
    ("x(400m)", 1, 1, "a repeat needs a count", "write 3x(400m @R, rec 200m)"),
    ("@HM", 1, 1, "a step needs a duration or a kind before its target",
     "write 3min @HM or run @HM"),
    ("400m)", 1, 5, "this ) has no repeat to close", None),
    ("1h30 @E", 1, 3, "1h30 is not a duration", "did you mean 1h30min?"),
    ("warmpu 10min", 1, 1, "unknown word 'warmpu'", "did you mean warmup?"),
    ("tempo 20min", 1, 1, "'tempo' is a pace, not a kind of step",
     "write a duration and the pace after @, like 20min @tempo"),
    ("cadence 90", 1, 1, "cadence goes after a step's duration", "write 10min cadence 90rpm"),
    ('3min "abc', 1, 6, "this note has no closing quote", 'write "abc"'),
    ("3min “easy”", 1, 6, "notes need straight quotes", 'write "easy"'),
    ("3min incline 6", 1, 14, "an incline is a percentage", "write incline 2% or incline -1%"),
    ("3min cadence 90", 1, 14, "a cadence needs rpm (bike) or spm (run)",
     "write cadence 90rpm or cadence 180spm"),
    ("rec until 130", 1, 11, "until needs a heart rate limit", "write until HR<130 or until HR>160"),
    ("3x", 1, 3, "write the steps to repeat in parentheses after the count",
     "write 3x(400m @R, rec 200m) or 3x 400m @R"),
    ("3x(400m) 2min", 1, 10, "put the next step on its own line, or after a comma",
     "write 3x(400m @R, rec 200m), 5min @E"),
    ("sport", 1, 6, "say which sport", "write sport run, sport treadmill, sport bike or sport trainer"),
    ("warmup 10min 5min", 1, 14, "this step already has a duration",
     "put each step on its own line, or separate steps with a comma"),
    ("10min @E\n  foo", 2, 3, "unexpected 'foo'",
     "a step starts with a duration like 3min or 400m, or a kind like warmup or rec"),
    ('sport run 3min', 1, 11, "a header line ends the line", "start the steps on the next line"),
    ("\x00", 1, 1, "the file contains a NUL byte; is it a text file?", None),
    # Messages that used to point elsewhere (issue 11): each names the real mistake.
    ("warmup 10", 1, 8, "this number needs a unit", "write 10min, 10s, 10m or 10km"),
    ("20min @RPE 7", 1, 12, "a target is written without spaces", "write @RPE7"),
    ("10min @88-94% FTP", 1, 15, "a target is written without spaces", "write @88-94%FTP"),
    ("3x(400m @R, rec 200m) rest 5min", 1, 23,
     "a step after a repeat goes on its own line, or after a comma",
     "write 3x(...), rest 5min; to run it only between the sets, put it inside: "
     "3x(..., rest 5min between)"),
    ("rec 400m jog", 1, 10, "'jog' starts a new step",
     'to say how to recover, make it the step\'s kind (jog 400m) or a note in quotes ("jog"); '
     "else put each step on its own line or after a comma"),
    ("rec 90s jog", 1, 9, "'jog' starts a new step",
     'to say how to recover, make it the step\'s kind (jog 400m) or a note in quotes ("jog"); '
     "else put each step on its own line or after a comma"),
    ("800m in 3:10", 1, 6, "a rep's time is its target", "write @3:10: 800m @3:10"),
    ("3x(" * 17 + "1min" + ")" * 17, 1, 51,
     "repeats are nested more than 16 deep (the nesting limit)", None),
])
def test_friendly_messages(text, line, column, message, hint):
    [problem] = parse(text, "t.wod").diagnostics
    assert (problem.line, problem.column, problem.message, problem.hint) == (
        line, column, message, hint)


def test_lines_before_the_first_workout_line():
    [problem] = parse('10min\nworkout "A"\n20min\n', "t.wod").diagnostics
    assert (problem.line, problem.message) == (1, "this file has lines before its first "
                                                  "`workout` line")


def test_an_empty_file_says_so():
    for text in ("", "\n\n# only a comment\n"):
        [problem] = parse(text, "t.wod").diagnostics
        assert problem.message == "the file has no workout in it"
