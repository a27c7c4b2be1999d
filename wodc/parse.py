"""Text to IR: lark's LALR parser with the grammar in grammar/wod.lark, which builds IR values
as it reduces each rule (the Builder: no parse tree), then grouping into workouts. The parse
runs lark's tables in wodc/lalr.py's loop, lark's own loop when that stops (a syntax error).

Problems become diagnostics, never exceptions: a syntax error stops the file (reported with
a friendly message, see syntax_errors.py); problems in what the tokens say (an unknown pace,
1:75, a second target on one step) are all collected and reported together.
"""

from __future__ import annotations

import functools
import re
import threading
from dataclasses import field, replace
from dataclasses import fields as dataclass_fields
from pathlib import Path, PurePath
from typing import Iterator

from . import describe, ir, lalr
from .errors import Diagnostic, Source, Span, at, closest
from .frozen import frozen, mutable
from .limits import MAX_FLAT_STEPS, MAX_NESTING, MAX_SOURCE_BYTES
from .targets import TargetError, parse_target
from .units import UnitError, parse_distance, parse_time

KINDS = {
    "warmup": ir.StepKind.WARMUP, "warm-up": ir.StepKind.WARMUP, "wu": ir.StepKind.WARMUP,
    "cooldown": ir.StepKind.COOLDOWN, "cool-down": ir.StepKind.COOLDOWN,
    "cd": ir.StepKind.COOLDOWN,
    "rec": ir.StepKind.RECOVERY, "recovery": ir.StepKind.RECOVERY, "rest": ir.StepKind.REST,
    "run": ir.StepKind.ACTIVE, "active": ir.StepKind.ACTIVE,
    "interval": ir.StepKind.INTERVAL, "walk": ir.StepKind.WALK,
    # Coach words: a jog is an easy recovery; strides are short fast runs, @R unless a
    # target is given (see Builder.step).
    "jog": ir.StepKind.RECOVERY, "stride": ir.StepKind.INTERVAL,
    "strides": ir.StepKind.INTERVAL,
}
# Kind words kept on the step (Step.word) so that the printer writes them back.
COACH_WORDS = ("jog", "stride")
# sport word -> (sport, treadmill, indoor)
SPORTS = {
    "run": (ir.Sport.RUN, False, False), "running": (ir.Sport.RUN, False, False),
    "treadmill": (ir.Sport.RUN, True, True),
    "bike": (ir.Sport.BIKE, False, False), "cycling": (ir.Sport.BIKE, False, False),
    "ride": (ir.Sport.BIKE, False, False),
    "trainer": (ir.Sport.BIKE, False, True), "indoor-bike": (ir.Sport.BIKE, False, True),
    "indoor_bike": (ir.Sport.BIKE, False, True),
}


@mutable
class ParseResult:
    workouts: list[ir.Workout]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Each `# comment` as the lexer found it: (line, column, text). The IR has no place for
    # them; `wodc fmt` puts them back.
    comments: list[tuple[int, int, str]] = field(default_factory=list)


@functools.lru_cache(maxsize=1)
def grammar_text() -> str:
    # (find_spec, not importlib.resources, whose import costs more than the read)
    from importlib.util import find_spec

    folder = find_spec("wodc.grammar").submodule_search_locations[0]
    return Path(folder, "wod.lark").read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def lark_parser():
    """The LALR parser with the IR builder applied as it reduces: no parse tree is built."""
    from lark import Lark  # imported here so that `wodc --version` stays fast

    return Lark(grammar_text(), parser="lalr", lexer="contextual", transformer=_builder(),
                maybe_placeholders=False, cache=True,
                lexer_callbacks={"COMMENT": lambda token: _builder().comment(token)})


@functools.lru_cache(maxsize=1)
def fast_tables():
    """The tables of wodc/lalr.py's loop (None if it cannot run this grammar's parser): from
    wodc/wod_tables.py, written from the grammar by `make tables`, so that a parse loads
    neither lark nor its parser; from lark itself when the grammar has changed since."""
    import zlib

    from . import wod_tables

    if wod_tables.GRAMMAR_CRC32 == zlib.crc32(grammar_text().encode("utf-8")):
        frozen = wod_tables.FROZEN
    else:  # grammar/wod.lark was edited: correct, but slower until `make tables`
        frozen = lalr.freeze(lark_parser())
    return lalr.tables(frozen, _builder()) if frozen is not None else None


def build_items(text: str, source: Source, problems: list[Diagnostic], fast: bool = True):
    """The Builder's items for `text`, or lark's UnexpectedInput. The fast loop parses text
    that parses; at a syntax error lark parses the text again, from the start and with a
    clean list of problems, so the error is exactly lark's. Call with BUILDER_LOCK held."""
    tables = fast_tables() if fast else None
    if tables is not None:
        _builder().begin(source, problems)
        try:
            return lalr.parse(text, tables, comments=_builder().comments)
        except lalr.Unparsable:
            problems.clear()
    _builder().begin(source, problems)
    return lark_parser().parse(text)


# The builder is shared by every parse (lark binds it when the parser is built); this lock
# keeps two threads from parsing with it at once.
BUILDER_LOCK = threading.RLock()


def span_of(token) -> Span:
    return Span(token.line, token.column, token.end_line, token.end_column)


def _spanning(children) -> Span:
    """From the first child to the last: a Token has its own position, a node its span."""
    first, last = children[0], children[-1]
    if not hasattr(first, "end_column"):
        first = first.span
    if not hasattr(last, "end_column"):
        last = last.span
    return Span(first.line, first.column, last.end_line, last.end_column)


def unquote(token: str) -> str:
    inner = token[1:-1]
    return re.sub(r'\\(.)', r"\1", inner) if "\\" in inner else inner


@frozen
class _Header:
    key: str
    value: object
    span: Span


@frozen
class _WorkoutLine:
    name: str
    span: Span


@frozen
class _Until:
    duration: ir.HeartRateDuration
    span: Span


@functools.lru_cache(maxsize=1)
def _builder():
    """Builds IR values from tokens as the parser reduces each rule. `begin()` points it at
    the source being parsed and the list that collects its problems."""
    class Builder:  # (lark calls its methods by rule name; it need not be a Transformer)
        source: Source
        problems: list[Diagnostic]

        def begin(self, source: Source, problems: list[Diagnostic]) -> None:
            self.source, self.problems, self.comments = source, problems, []

        def comment(self, token) -> None:
            self.comments.append((token.line, token.column, str(token).rstrip()))

        def problem(self, span: Span, message: str, hint: str | None = None) -> None:
            self.problems.append(at(self.source, span, message, hint=hint))

        def start(self, children):
            return children

        # headers
        def workout_line(self, children):
            return _WorkoutLine(unquote(children[1]), _spanning(children))

        def sport_line(self, children):
            word = children[1]
            value = SPORTS.get(word.lower())
            if value is None:
                close = closest(word.lower(), SPORTS)
                self.problem(span_of(word), f"unknown sport {str(word)!r}",
                             f"did you mean {close}?" if close else
                             "write sport run, sport treadmill, sport bike or sport trainer")
            return _Header("sport", value, _spanning(children))

        def note_line(self, children):
            return _Header("note", unquote(children[1]), _spanning(children))

        def author_line(self, children):
            return _Header("author", unquote(children[1]), _spanning(children))

        def tags_line(self, children):
            tags = tuple(t.strip().strip('"') for t in children[1].split(","))
            return _Header("tags", tuple(t for t in tags if t), _spanning(children))

        def incline_line(self, children):
            return _Header("incline", self.incline(children), _spanning(children))

        # steps
        def incline(self, children):
            percent = children[-1]
            return ir.Incline(_percent(percent), span_of(percent))

        def cadence(self, children):
            token = children[-1]
            numbers = [float(n) for n in re.findall(r"\d+", token)]
            unit = "rpm" if token.lower().endswith("rpm") else "spm"
            return ir.Cadence(numbers[0], numbers[-1], unit, span_of(token))

        def until(self, children):
            match = re.match(r"hr\s*([<>])\s*(\d+)", children[-1], re.I)
            return _Until(ir.HeartRateDuration(int(match.group(2)), match.group(1) == ">"),
                          _spanning(children))

        def step(self, children):
            kind = kind_token = None
            between = False
            duration = duration_span = None
            target = incline = cadence = note = None
            for child in children:
                kind_of = child.type if isinstance(child, str) else None  # a token
                if kind_of == "KIND":
                    kind, kind_token = KINDS[child.lower()], child
                elif kind_of in ("TIME", "DISTANCE", "OPEN", "SAME"):
                    duration, duration_span = _duration(child, self.problem), span_of(child)
                elif isinstance(child, _Until):
                    duration, duration_span = child.duration, child.span
                elif kind_of == "BETWEEN":
                    between = True
                elif kind_of == "TARGET":
                    if target is not None:
                        self.problem(span_of(child), "a step has one target; this is a second one",
                                     "for a range write @4:20-4:30/km; for a ramp write @E..T")
                    target = _target(child, self.source, self.problems) or target
                elif isinstance(child, ir.Incline):
                    if incline is not None:
                        self.problem(child.span, "this step already has an incline")
                    incline = child
                elif isinstance(child, ir.Cadence):
                    if cadence is not None:
                        self.problem(child.span, "this step already has a cadence")
                    cadence = child
                else:  # STRING
                    if note is not None:
                        self.problem(span_of(child), "this step already has a note",
                                     "put the whole note in one pair of quotes")
                    note = unquote(child)
            if kind is not None and kind_token.lower().startswith("stride") and target is None:
                # Strides are short fast runs: at R pace unless the coach says otherwise.
                target = ir.Target(ir.PaceName("R"), None, False, "R", span_of(kind_token))
            if target is not None and (isinstance(target.start, ir.RepTime) or
                                       isinstance(target.end, ir.RepTime)):
                target = self.rep_time(target, duration)
            word = kind_token.lower().rstrip("s") if kind_token is not None else None
            return ir.Step(kind or ir.StepKind.ACTIVE, duration or ir.OpenDuration(), target,
                           incline, cadence, note, _spanning(children), duration_span,
                           between=between, word=word if word in COACH_WORDS else None)

        def rep_time(self, target: ir.Target, duration) -> ir.Target | None:
            """`800m @3:10`: a time on a distance step is the rep's time, so its pace."""
            if not isinstance(duration, ir.DistanceDuration):
                text = target.text
                hint = (f"write @{text}/km or @{text}/mi" if ":" in text else
                        f"write @{text}/400m for a pace, or run it on a distance: 400m @{text}")
                self.problem(Span(target.span.line, target.span.column + 1, target.span.end_line,
                                  target.span.end_column), "a pace needs /km or /mi", hint)
                return None
            per = describe.duration(duration)

            def pace(value):
                if not isinstance(value, ir.RepTime):
                    return value
                return ir.Pace(duration.metres / value.seconds, per)
            return replace(target, start=pace(target.start), end=pace(target.end))

        def stepped(self, children):
            """`steps @100..400W by 20W every 1min`: the steps it stands for, as a repeat of
            one (FIT, show and the rest run it as its steps, in order)."""
            span = _spanning(children)
            target_token, increment_token, time_token = children[1], children[3], children[5]
            target = _target(target_token, self.source, self.problems)
            seconds = _duration(time_token, self.problem)
            if target is None or not isinstance(seconds, ir.TimeDuration):
                return ir.Repeat(1, (), span)
            values = _stepped_values(target, str(increment_token))
            if isinstance(values, str):
                self.problem(span_of(increment_token) if "by" in values else target.span,
                             values, "write steps @100..400W by 20W every 1min")
                return ir.Repeat(1, (), span)
            steps = tuple(
                ir.Step(ir.StepKind.ACTIVE, seconds, ir.Target(value, None, False, text,
                                                              target.span),
                        None, None, None, span, span_of(time_token))
                for value, text in values)
            return ir.Repeat(1, steps, span)

        def repeat(self, children):
            count_token, *body = children
            count = int(re.match(r"\d+", count_token).group())
            nodes = tuple(c for c in body if not isinstance(c, str))  # tokens aside
            span = _spanning(children)
            last = tuple(n for n in nodes if not (isinstance(n, ir.Step) and n.between))
            if len(last) == len(nodes):
                return ir.Repeat(count, nodes, span)
            if not last:
                self.problem(span, "this repeat has only `between` steps: nothing to run them "
                                   "between", "write 4x(400m @R, rec 200m between)")
                return ir.Repeat(count, nodes, span)
            # The last repetition leaves out its `between` steps.
            if count == 1:
                return ir.Repeat(1, last, span)
            return ir.Repeat(1, (ir.Repeat(count - 1, nodes, span), *last), span)

    return Builder()


MAX_STEPPED = 200  # steps one `steps ... by ... every` line may stand for


def _stepped_values(target: ir.Target, increment: str):
    """[(value, text)] from the ramp's start to its end by `increment`, or an error message.
    Power in W or %FTP, or speed in km/h or mph; the increment in the same unit."""
    if not target.ramp:
        return "a stepped ramp goes from one value to another: @100..400W"
    start, end = target.start, target.end
    amount = float(re.match(r"\d+(\.\d+)?", increment).group())
    unit = re.sub(r"[\d.\s]", "", increment).lower()
    if isinstance(start, ir.Power) and isinstance(end, ir.Power) and unit == "w":
        low, high, make = start.watts, end.watts, lambda v: (ir.Power(v), f"{v:g}W")
    elif (isinstance(start, ir.PowerPercent) and isinstance(end, ir.PowerPercent)
          and unit in ("%", "%ftp")):
        low, high, make = start.percent, end.percent, \
            lambda v: (ir.PowerPercent(v), f"{v:g}%FTP")
    elif (isinstance(start, ir.Speed) and isinstance(end, ir.Speed)
          and start.unit == end.unit == ("mph" if unit == "mph" else "kph")):
        per = 3600 / 1609.344 if unit == "mph" else 3.6  # m/s -> the unit written
        low, high = start.speed * per, end.speed * per
        make = lambda v: (ir.Speed(v / per, start.unit), f"{v:g}{start.unit}")  # noqa: E731
    else:
        return (f"step by {increment} from @{target.text}: the steps and the ramp need the same "
                "unit (W, %FTP, kph or mph)")
    if amount <= 0:
        return "a stepped ramp goes by more than 0"
    count = int(abs(high - low) / amount + 1e-9) + 1
    if count > MAX_STEPPED:
        return f"this stepped ramp is {count} steps, more than {MAX_STEPPED}"
    sign = 1 if high >= low else -1
    return [make(round(low + sign * amount * k, 6)) for k in range(count)]


def _sport_zones(nodes: tuple[ir.Node, ...], sport: ir.Sport, source: Source,
                 problems: list[Diagnostic]) -> tuple[ir.Node, ...]:
    """`@Z2` means what the sport's athletes mean by it: heart-rate zone 2 on a run, Coggan's
    power zone 2 on a ride (`@Z2HR` and `@PZ2` say which whatever the sport). A workout file
    means the same for every athlete, so this follows the sport, never the profile.
    Returns `nodes` itself when nothing changed, so that a repeat is copied only if it must."""
    out = []
    changed = False
    for node in nodes:
        if isinstance(node, ir.Repeat):
            children = _sport_zones(node.children, sport, source, problems)
            if children is not node.children:
                node, changed = replace(node, children=children), True
        elif node.target is not None and (isinstance(node.target.start, ir.Zone) or
                                          isinstance(node.target.end, ir.Zone)):
            target = node.target
            try:
                start, end = (_sport_zone(v, sport) for v in (target.start, target.end))
                node = replace(node, target=replace(target, start=start, end=end))
            except ValueError as error:
                span = Span(target.span.line, target.span.column + 1, target.span.end_line,
                            target.span.end_column)
                message, hint = error.args
                problems.append(at(source, span, message, hint=hint))
                node = replace(node, target=None)
            changed = True
        out.append(node)
    return tuple(out) if changed else nodes


def _sport_zone(value, sport: ir.Sport):
    if not isinstance(value, ir.Zone):
        return value
    if sport is ir.Sport.BIKE:
        return ir.PowerZone(value.zone)
    if value.zone > 5:
        raise ValueError("heart-rate zones run from Z1 to Z5",
                         f"for power zone {value.zone} write @PZ{value.zone}")
    return ir.HeartRateZone(value.zone)


def _percent(token) -> float:
    return float(token.replace("%", "").replace(" ", "").replace("\t", ""))


def _duration(token, problem) -> ir.Duration:
    try:
        return _duration_of(token.type, str(token))
    except UnitError as error:
        problem(span_of(token), str(error))
        return ir.OpenDuration()


# A duration or a target is a function of its text alone (the span aside), and workouts say
# the same few again and again (@E, 400m): each text is read once, up to this many texts.
TEXTS_REMEMBERED = 4096


@functools.lru_cache(maxsize=TEXTS_REMEMBERED)
def _duration_of(kind: str, text: str) -> ir.Duration:
    """The duration a TIME, DISTANCE, OPEN or SAME token says; raises UnitError (which is
    not remembered: it is reported at each place)."""
    if kind == "OPEN":
        return ir.OpenDuration()
    if kind == "SAME":
        return ir.SameDuration()
    if kind == "TIME":
        return ir.TimeDuration(parse_time(text))
    unit = re.search(r"[a-z]+$", text, re.I).group().lower()
    short = {"kilometer": "km", "kilometers": "km", "kilometre": "km", "kilometres": "km",
             "mile": "mi", "miles": "mi", "meter": "m", "meters": "m", "metre": "m",
             "metres": "m", "yard": "yd", "yards": "yd", "yds": "yd"}.get(unit, unit)
    return ir.DistanceDuration(parse_distance(text), short)


@functools.lru_cache(maxsize=TEXTS_REMEMBERED)
def _target_of(text: str) -> tuple[tuple, tuple] | TargetError:
    """parse_target of a target's text (after the @) as the ir.Target fields before its span
    and after it (the span is each token's own), or the TargetError it raised (remembered
    too: a file that repeats a mistyped target 10,000 times looked for its close matches
    10,000 times)."""
    try:
        target = parse_target(text, None)
    except TargetError as error:
        return error
    names = [f.name for f in dataclass_fields(ir.Target)]
    values = tuple(getattr(target, name) for name in names)
    at_span = names.index("span")
    return values[:at_span], values[at_span + 1:]


def _target(token, source: Source, problems: list[Diagnostic]) -> ir.Target | None:
    span = span_of(token)
    found = _target_of(token[1:])
    if not isinstance(found, TargetError):
        # The remembered target with this token's span (IR values are immutable: sharing
        # them is safe).
        before, after = found
        return ir.Target(*before, span, *after)
    error = found
    # Offsets count from after the @; columns from the @.
    start = span.column + 1 + error.start
    end = max(span.column + 1 + error.end, start + 1)
    problems.append(at(source, Span(span.line, start, span.line, end), error.message,
                       hint=error.hint))
    return None


def parentheses(text: str) -> Iterator[tuple[str, int, int]]:
    """Each `(` and `)` of the workout itself (not inside a note or a comment), with its line
    and column. Notes end at their closing quote; a backslash escapes the next character."""
    line, column = 1, 0
    in_string = in_comment = escaped = False
    for char in text:
        column += 1
        if char == "\n":
            line, column = line + 1, 0
            in_string = in_comment = escaped = False
        elif in_comment:
            continue
        elif in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == "#":
            in_comment = True
        elif char == '"':
            in_string = True
        elif char in "()":
            yield char, line, column


def _nesting_problem(source: Source) -> Diagnostic | None:
    """Repeats nested deeper than MAX_NESTING, found before parsing so that no stage recurses
    that deep."""
    if source.text.count("(") <= MAX_NESTING:
        return None
    depth = 0
    for char, line, column in parentheses(source.text):
        if char == ")":
            depth = max(0, depth - 1)
            continue
        depth += 1
        if depth > MAX_NESTING:
            return at(source, Span(line, column, line, column + 1),
                      f"repeats are nested more than {MAX_NESTING} deep (the nesting limit)")
    return None


def decode(data: bytes, path: str) -> tuple[str | None, Diagnostic | None]:
    """Bytes of a workout file to text, or a diagnostic saying why not."""
    from .errors import file_error

    if len(data) > MAX_SOURCE_BYTES:  # read with a bound: we know only that it is more
        return None, file_error(path, f"the input is more than {MAX_SOURCE_BYTES:,} bytes, "
                                      f"the limit for a workout file")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line_end = data.find(b"\n", error.start)
        shown = data[line_start: line_end if line_end >= 0 else len(data)]
        column = len(data[line_start:error.start].decode("utf-8", "replace")) + 1
        return None, Diagnostic(path, data.count(b"\n", 0, error.start) + 1, column,
                                f"the file is not UTF-8 text (byte 0x{data[error.start]:02x} at "
                                f"offset {error.start})", hint="save the file as UTF-8",
                                source_line=shown.decode("utf-8", "replace"))


# Control characters other than tab, newline, carriage return and form feed.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _text_problem(source: Source) -> Diagnostic | None:
    """What makes a text unreadable as a workout before any parsing: its size, control
    characters (a binary file), repeats nested too deep."""
    from .errors import file_error

    text = source.text
    if len(text) > MAX_SOURCE_BYTES:
        return file_error(source.path, f"the text is {len(text):,} characters; the limit for a "
                                       f"workout file is {MAX_SOURCE_BYTES:,}")
    # Every step ends at a separator, so this bounds the steps written out; checking it first
    # turns away a huge file of valid steps in milliseconds instead of parsing it for seconds.
    separators = text.count("\n") + text.count(",") + text.count(";")
    if separators > MAX_FLAT_STEPS:
        return file_error(source.path, f"the file has {separators:,} lines and separators; a "
                                       f"workout file holds at most {MAX_FLAT_STEPS:,} steps")
    control = CONTROL_CHARACTERS.search(text)
    if control:
        offset = control.start()
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        what = "a NUL byte" if control.group() == "\x00" else \
            f"the control character U+{ord(control.group()):04X}"
        return Diagnostic(source.path, line, column,
                          f"the file contains {what}; is it a text file?")
    return _number_problem(source) or _nesting_problem(source)


MAX_DIGITS = 9  # no count, time, distance, pace or zone in a workout needs more
# A digit other than 0-9 (Python's \d and float() read ١٠ as 10), or a run of more digits
# than MAX_DIGITS (a 5,000-digit count is past what int() converts).
_ODD_NUMBER = re.compile(rf"(?![0-9])\d|[0-9]{{{MAX_DIGITS + 1},}}")
_LONG_NUMBER = re.compile(rf"[0-9]{{{MAX_DIGITS + 1},}}")
_STRING_OR_COMMENT = re.compile(r'"([^"\\\n]|\\.)*"?|#.*')


def _number_problem(source: Source) -> Diagnostic | None:
    """A number wodc would misread or cannot convert, outside notes and comments."""
    text = source.text
    if text.isascii() and not _LONG_NUMBER.search(text):
        return None  # the common case, found faster: ASCII has no other digits than 0-9
    for match in _ODD_NUMBER.finditer(text):
        offset = match.start()
        line_start = text.rfind("\n", 0, offset) + 1
        if _in_string_or_comment(text, line_start, offset):
            continue
        line, column = text.count("\n", 0, offset) + 1, offset - line_start + 1
        span = Span(line, column, line, column + len(match.group()))
        if not match.group().isascii():
            return at(source, span, f"{match.group()!r} is not a digit wodc reads "
                                    f"(U+{ord(match.group()):04X})",
                      hint="write numbers with the digits 0-9")
        return at(source, span, f"this number has {len(match.group()):,} digits; numbers in "
                                f"a workout have at most {MAX_DIGITS}")
    return None


def _in_string_or_comment(text: str, line_start: int, offset: int) -> bool:
    """Whether `offset` is inside a quoted note or a comment on its line."""
    position = line_start
    while found := _STRING_OR_COMMENT.search(text, position, offset + 1):
        if found.group().startswith("#") or found.end() > offset:
            return True
        position = found.end()
    return False


def parse(text: str, path: str = "<stdin>", name: str | None = None, *,
          fast: bool = True) -> ParseResult:
    """Parse one file's text. `name` is the workout name when the file has no `workout`
    line (default: the file's stem). `fast=False` parses with lark's own lexer and loop only:
    the reference the tests compare with and the baseline of the benchmark."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    source = Source(path, text)
    problem = _text_problem(source)
    if problem:
        return ParseResult([], [problem])
    problems: list[Diagnostic] = []
    try:
        with BUILDER_LOCK:
            items = build_items(text, source, problems, fast)
            comments = _builder().comments
    except Exception as error:  # lark is imported only for a syntax error, not every parse
        from lark.exceptions import UnexpectedInput

        from .syntax_errors import explain

        if not isinstance(error, UnexpectedInput):
            raise
        return ParseResult([], [explain(error, source)])
    default_name = _text_of(name) if name is not None else _name_of_file(path)
    workouts = group(items, source, default_name, problems)
    return ParseResult(workouts, problems, comments)


@functools.lru_cache(maxsize=TEXTS_REMEMBERED)
def _name_of_file(path: str) -> str:
    """A workout's name when its file has no `workout` line: the file's stem."""
    return _text_of(PurePath(path).stem or "workout")


def _text_of(name: str) -> str:
    """A name from a file name or the command line as text: bytes that are not UTF-8 (which
    Python keeps as lone surrogates, unwritable into a FIT or XML file) become U+FFFD."""
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate that did not come from a byte
        return name.encode("utf-8", "replace").decode("utf-8")


def group(items: list, source: Source, default_name: str,
          problems: list[Diagnostic]) -> list[ir.Workout]:
    """Split the file's statements into workouts: a `workout` line starts one; headers belong
    to the workout above them and come before its first step."""
    builders: list[dict] = []

    def new(name: str, span: Span | None) -> dict:
        builder = {"name": name, "span": span, "headers": {}, "notes": [], "steps": []}
        builders.append(builder)
        return builder

    current = None
    for item in items:
        if isinstance(item, _WorkoutLine):
            if current is not None and current["span"] is None:
                first = current["steps"][0].span if current["steps"] else None
                if first is not None or current["headers"] or current["notes"]:
                    where = first or item.span
                    problems.append(at(source, where, "this file has lines before its first "
                                                      "`workout` line",
                                       hint='start the file with workout "NAME"'))
                builders.remove(current)
            current = new(item.name, item.span)
            continue
        if current is None:
            current = new(default_name, None)
        if isinstance(item, _Header):
            if current["steps"]:
                problems.append(at(source, item.span,
                                   f"`{item.key}` must come before the workout's first step"))
            elif item.key == "note":
                current["notes"].append(item.value)
            elif item.key in current["headers"]:
                problems.append(at(source, item.span,
                                   f"this workout already has a `{item.key}` line"))
            else:
                current["headers"][item.key] = item
        else:
            current["steps"].append(item)

    workouts = []
    for b in builders:
        headers = b["headers"]
        sport, treadmill, indoor = (headers["sport"].value if "sport" in headers and
                                    headers["sport"].value else (ir.Sport.RUN, False, False))
        steps = tuple(b["steps"])
        spans = [s for s in ([b["span"]] + [n.span for n in steps]) if s is not None]
        span = (Span(spans[0].line, spans[0].column, spans[-1].end_line, spans[-1].end_column)
                if spans else Span(1, 1, 1, 1))
        if not steps:
            problems.append(at(source, b["span"] or span,
                               f"workout {b['name']!r} has no steps",
                               hint="add steps like: 10min @E"))
        steps = _sport_zones(steps, sport, source, problems)
        for step in steps:
            if isinstance(step, ir.Step) and step.between:
                problems.append(at(source, step.span, "`between` is for a step inside a repeat",
                                   hint="write 4x(400m @R, rec 200m between)"))
        workouts.append(ir.Workout(
            name=b["name"], sport=sport, treadmill=treadmill, indoor=indoor,
            notes=tuple(b["notes"]),
            tags=headers["tags"].value if "tags" in headers else (),
            author=headers["author"].value if "author" in headers else None,
            incline=headers["incline"].value if "incline" in headers else None,
            steps=steps, span=span, source=source))
    if not builders:
        problems.append(Diagnostic(source.path, 1, 1, "the file has no workout in it",
                                   hint="write steps like: 10min @E"))
    return workouts
