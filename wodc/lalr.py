"""The parser lark builds from grammar/wod.lark, run in one tight loop (issue 15: parsing was
slow, and most of its time went to lark's per-token machinery, not to the grammar).

lark's LALR parser with its contextual lexer makes, for every token, a lexer-thread step, a
line-counter update, a Token (separators too), a parser-state lookup and a child filter around
the rule's callback. This module runs the same parse from lark's own parts:

- each parser state's lexer is the master regex lark compiled for the terminals that state
  accepts (in lark's priority order), so a token is what lark's contextual lexer would make;
  at an ASCII character it is that regex less the terminals that cannot start there
  (wodc/first_char.py), which picks the same terminal sooner;
- a state whose only action is a one-symbol `_rule` reduce is hopped over (_hops);
- shifts, reduces and gotos are lark's LALR table;
- a rule's children are what lark's parse-tree builder hands the Builder: filtered tokens
  (separators, `_NL`) dropped, `_rules` spliced into their parent, the same Token objects.

It only parses text that parses. At the first character no terminal matches, or a token the
table has no action for, it raises `Unparsable`; the caller then parses with lark itself, so
that a syntax error is lark's UnexpectedInput, which syntax_errors.py explains.
"""

from __future__ import annotations

import re
from typing import Callable, NamedTuple


class Unparsable(Exception):
    """The text does not parse (or not here): parse it with lark to get lark's error."""


class Reduce(NamedTuple):
    size: int  # symbols popped
    origin: str  # the rule's name, for the goto
    make: Callable  # popped values -> the rule's value
    include: tuple | None  # lark's (index, splice?) of the children kept; None: all


def _maker(build: Callable | None, include: tuple | None) -> Callable:
    """A function of a rule's popped values that does what lark's parse-tree builder does:
    keep the children lark keeps (`include`: lark's (index, splice?) pairs; None: all),
    splice a `_rule`'s children into the list, and call the Builder's method on it. A `_rule`
    itself (build None) gives the list, which its parent splices as lark splices its Tree.
    Written as one list display, since this runs for every reduce."""
    if include is None:
        items = "*c"
    else:
        items = ", ".join(f"*c[{i}]" if splice else f"c[{i}]" for i, splice in include)
    body = f"build([{items}])" if build is not None else f"[{items}]"
    if include is None:  # the popped values are a new list already
        return build if build is not None else (lambda c: c)
    namespace = {"build": build}
    exec(f"def make(c):\n    return {body}\n", namespace)  # the text is built above
    return namespace["make"]


# A parser state is a row, a plain dict (CPython's fast path for dict lookups is for exact
# dicts): {terminal or rule name: the row shifted to (or gone to after a reduce), or a
# Reduce}, and under the key MATCH the state's lexer: {an ASCII character: the match of a
# master regex of the terminals that can start with it, None: the match of lark's}.
Row = dict
MATCH = None


def _alternatives(terminals) -> str:
    """A master regex of `terminals`, in their order, written as lark writes it."""
    return "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in terminals)


def _lexer(scanner, flags: int, compiled: dict) -> dict | None:
    """A state's lexer: for each ASCII character, the terminals of lark's scanner (in its
    order) that can start with that character; the first of those to match is the one
    lark's master regex picks, since the others cannot match there. None if lark's regex
    is not the one this module would write (then this module does not lex)."""
    from .first_char import ASCII, first_chars

    terminals = scanner.terminals
    if len(scanner._mres) != 1 or scanner._mres[0].pattern != _alternatives(terminals):
        return None
    key = ("lexer", tuple(t.name for t in terminals))  # 96 states share 20 terminal lists
    if key in compiled:
        return compiled[key]
    everything = scanner._mres[0].match
    starts = [first_chars(t.pattern.to_regexp(), flags) for t in terminals]
    lexer = {None: everything}
    for char in ASCII:
        chosen = tuple(t for t, first in zip(terminals, starts) if first is None or char in first)
        if chosen and len(chosen) < len(terminals):
            if chosen not in compiled:
                compiled[chosen] = re.compile(_alternatives(chosen), flags).match
            lexer[char] = compiled[chosen]
    compiled[key] = lexer
    return lexer


class Hop(NamedTuple):
    """A shift or goto into a state whose only action is to reduce by a `_rule` of one
    symbol (`_duration: TIME`), made to land where those reduces would: see _hops."""

    row: dict  # where the parser goes
    wrap: Callable  # the value shifted (or gone to with) -> the value to push


def _wrap(reduces: list[Reduce]) -> Callable:
    """What the `_rule` reduces of one symbol, in turn, make of a value, as one expression:
    each gives a list of its child, of nothing (a filtered token) or of its child's items."""
    value = "value"
    for reduce in reduces:
        include = reduce.include
        value = (f"[{value}]" if include is None or include == ((0, False),) else
                 "[]" if not include else f"[*{value}]")
    namespace: dict = {}
    exec(f"def wrap(value):\n    return {value}\n", namespace)  # the text is built above
    return namespace["wrap"]


def _hops(states: dict, rows: dict, reduces: dict, end) -> None:
    """Skip the states whose every action is one reduce by a `_rule` of one symbol: a shift
    or goto from P into such a state S becomes a Hop to the state P goes to after the reduce
    (after each of them, when that one is such a state too), pushing what the reduces would
    push (a `_rule`'s value is a list: no Builder method runs, so nothing else happens).

    Nothing else changes: the row hopped to is a copy of the target that keeps S's lexer
    (the next token is lexed as S would lex it) and only the terminals S reduces on (for the
    others S is a syntax error, which the copy must be too)."""
    from lark.parsers.lalr_analysis import Shift

    units = {}  # state -> (its Reduce, the terminals it reduces on)
    for state, actions in states.items():
        rules = {arg for action, arg in actions.values()}
        if state != end and len(rules) == 1 and all(a is not Shift for a, _ in actions.values()):
            rule, = rules
            if len(rule.expansion) == 1 and rule.origin.name.startswith("_"):
                units[state] = (reduces[rule], frozenset(actions))
    nonterminals = {reduce.origin for reduce in reduces.values()}
    copies: dict = {}  # (target, terminals kept, lexing state) -> the copy
    for below, actions in states.items():
        for symbol, (action, into) in actions.items():
            if action is not Shift or into not in units:
                continue
            first, made, kept = into, [], None
            while into in units:  # the reduces S (and then those it leads to) would make
                reduce, terminals = units[into]
                made.append(reduce)
                kept = terminals if kept is None else kept & terminals
                into = states[below][reduce.origin][1]
            copy = copies.setdefault((into, kept, first), Row())
            rows[below][symbol] = Hop(copy, _wrap(made))
    for (into, kept, first), copy in copies.items():  # once every row has its hops
        copy.update({name: value for name, value in rows[into].items()
                     if name in kept or name in nonterminals})
        copy[MATCH] = rows[first][MATCH]


COMMENT = "COMMENT"  # the grammar's comment terminal, reported to the caller


class Tables(NamedTuple):
    start: Row
    end: Row  # the state that accepts
    ignore: frozenset  # terminals skipped (comments, spaces)
    newline: frozenset  # terminals whose text may hold a newline (lark counts lines in them)
    dropped: frozenset  # terminals no rule keeps (separators): no Token is made for them
    comment: str | None  # the ignored terminal whose tokens parse() reports (COMMENT)


def tables(lark, builder) -> Tables | None:
    """lark's tables for the fast loop, or None when the parser uses a feature this loop does
    not reproduce (then lark parses everything, as before)."""
    from lark.parse_tree_builder import ChildFilterLALR_NoPlaceholders
    from lark.parsers.lalr_analysis import Shift

    frontend = lark.parser
    lexer, conf = frontend.lexer, frontend.lexer_conf
    parser = frontend.parser.parser
    table = parser.parse_table
    if (len(table.start_states) != 1 or conf.postlex is not None or conf.re_module is not re
            or conf.use_bytes):
        return None
    (start_name, start), = table.start_states.items()

    reduces: dict = {}
    for rule, callback in parser.callbacks.items():
        if not hasattr(rule, "expansion") or rule.options.expand1:
            return None  # a callback on a token, or a `?rule`
        include, build = None, callback
        if isinstance(callback, ChildFilterLALR_NoPlaceholders):
            include, build = tuple(callback.to_include), callback.node_builder
        if rule.origin.name.startswith("_"):
            build = None  # lark builds a Tree that its parent splices: a list does the same
        elif getattr(build, "__self__", None) is not builder:
            return None  # a rule the Builder has no method for (lark would build a Tree)
        reduces[rule] = Reduce(len(rule.expansion), rule.origin.name, _maker(build, include),
                               include)

    # The parse stack holds Rows, not state numbers: a shift or goto is one lookup.
    rows = {state: Row() for state in table.states}
    ignore = lexer.root_lexer.ignore_types
    compiled: dict = {}  # terminals -> their master regex, shared by the states that have them
    for state, actions in table.states.items():
        row = rows[state]
        row.update({name: (rows[arg] if action is Shift else reduces[arg])
                    for name, (action, arg) in actions.items()})
        state_lexer = lexer.lexers[state]
        row[MATCH] = _lexer(state_lexer.scanner, conf.g_regex_flags, compiled)
        if (row[MATCH] is None or set(state_lexer.callback) - {COMMENT}
                or state_lexer.ignore_types != ignore):
            return None  # a split regex, lark's retyping callbacks...: let lark lex

    _hops(table.states, rows, reduces, table.end_states[start_name])

    # Whether a terminal may hold a newline is lark's reading of its pattern, the same in
    # every state (each state's lexer knows only its own terminals: ask the root lexer).
    kept = {sym.name for rule in reduces for sym in rule.expansion
            if sym.is_term and not (sym.filter_out and not rule.options.keep_all_tokens)}
    dropped = frozenset(t.name for t in conf.terminals) - kept
    return Tables(rows[start], rows[table.end_states[start_name]], ignore,
                  lexer.root_lexer.newline_types, dropped,
                  COMMENT if COMMENT in ignore else None)


def parse(text: str, t: Tables, trace: list | None = None, comments: list | None = None):
    """The value of the start rule (what the Builder's `start` returns) for `text`.
    `comments`, when given, collects each comment as (line, column, text), as lark's
    COMMENT callback does.

    `trace`, when given, collects every token lexed, ignored ones aside, as (type, value,
    line, column, end_line, end_column): the tests compare it with lark's lexer."""
    from lark import Token

    ignore, newline, dropped, end_row = t.ignore, t.newline, t.dropped, t.end
    comment = t.comment if comments is not None else None
    make_token = str.__new__
    rows = [t.start]
    values: list = []
    pos, length, line, line_start = 0, len(text), 1, 0
    while True:
        row = rows[-1]
        if pos < length:
            lex = row[MATCH]
            match = (lex.get(text[pos]) or lex[None])(text, pos)
            if match is None:
                raise Unparsable(pos)
            kind, end = match.lastgroup, match.end()
            while kind in ignore and kind not in newline and end < length:
                # Spaces: nothing to count, and the state is the same for the next token.
                pos = end
                match = (lex.get(text[pos]) or lex[None])(text, pos)
                if match is None:
                    raise Unparsable(pos)
                kind, end = match.lastgroup, match.end()
            if kind in ignore and kind not in newline:  # spaces at the end
                pos = end
                continue
            value = match.group()
            start_line, start_column = line, pos - line_start + 1
            if kind in newline:
                newlines = value.count("\n")
                if newlines:
                    line += newlines
                    line_start = pos + value.rindex("\n") + 1
            if kind in ignore:
                if kind == comment:  # (lark counts lines in it: its pattern names \n)
                    comments.append((start_line, start_column, value.rstrip()))
                pos = end
                continue
            if trace is not None:
                trace.append((kind, value, start_line, start_column, line, end - line_start + 1))
            if kind in dropped:
                token = None
            else:  # what lark's Token(...) does, without its keyword checks
                token = make_token(Token, value)
                token.type, token.value, token.start_pos, token.end_pos = kind, value, pos, end
                token.line, token.column = start_line, start_column
                token.end_line, token.end_column = line, end - line_start + 1
            pos = end
        else:
            kind = "$END"
        while True:  # reduce as long as the table says, then shift the token
            action = row.get(kind)
            if action is None:
                raise Unparsable(pos)
            if action.__class__ is Row:
                if kind == "$END":
                    raise Unparsable(pos)
                rows.append(action)
                values.append(token)
                break
            if action.__class__ is Hop:
                if kind == "$END":
                    raise Unparsable(pos)
                into, wrap = action
                rows.append(into)
                values.append(wrap(token))
                break
            size, origin, make, _ = action
            if size == 1:  # the most common reduce, in place
                values[-1] = make(values[-1:])
                row = rows[-1] = rows[-2][origin]
            else:
                if size:
                    value = make(values[-size:])
                    del values[-size:]
                    del rows[-size:]
                else:
                    value = make([])
                row = rows[-1][origin]
                rows.append(row)
                values.append(value)
            if row.__class__ is Hop:
                row, wrap = row
                values[-1] = wrap(values[-1])
                rows[-1] = row
            if row is end_row and kind == "$END":
                return values[-1]
