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

import functools
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
    itself (build None) gives the list, which its parent splices as lark splices its Tree."""
    if include is None:  # the popped values are a new list already
        return build if build is not None else _same
    return _maker_of(include, build is not None)(build)


def _same(values):
    return values


@functools.lru_cache(maxsize=None)  # rules share their shapes: compile each shape once
def _maker_of(include: tuple, builds: bool) -> Callable:
    """A function of `build` giving the maker for `include`, written as one list display
    since it runs for every reduce."""
    def listed(pairs) -> str:
        return ", ".join(f"*c[{i}]" if splice else f"c[{i}]" for i, splice in pairs)

    if include and include[0][1] and len(include) > 1:
        # A left-recursive list (steps: steps step): add to the list its first child made,
        # as lark does, rather than copy it at every reduce (quadratic in a long workout).
        # That list is new, and nothing else holds it.
        lines = [f"items = c[{include[0][0]}]", f"items += [{listed(include[1:])}]",
                 "return build(items)" if builds else "return items"]
    else:
        lines = [f"return build([{listed(include)}])" if builds else
                 f"return [{listed(include)}]"]
    body = "".join(f"        {line}\n" for line in lines)
    namespace: dict = {}
    exec(f"def maker(build):\n    def make(c):\n{body}    return make\n",
         namespace)  # the text is built above
    return namespace["maker"]


# A parser state is a row, a plain dict (CPython's fast path for dict lookups is for exact
# dicts): {terminal or rule name: the row shifted to (or gone to after a reduce), or a
# Reduce}, and under the key MATCH the state's lexer (a Lexer).
Row = dict
MATCH = None


def _alternatives(names, patterns: dict) -> str:
    """A master regex of the terminals `names`, in their order, written as lark writes it."""
    return "|".join(f"(?P<{name}>{patterns[name]})" for name in names)


def _never(text, pos):
    return None  # no terminal of the state can start with this character


class Lexer(dict):
    """A state's lexer: {a character: the match function of the terminals of the state (in
    lark's order) that can start with it}. The first of those to match is the one lark's
    master regex picks, since the others cannot match there. A terminal is compiled when a
    text first needs it (compiling every state's regexes took 50 ms, more than parsing a
    file), once for every state."""

    def __init__(self, names: tuple, by_char: dict, patterns: dict, flags: int,
                 compiled: dict):
        super().__init__()
        self.names, self.by_char = names, by_char
        self.patterns, self.flags, self.compiled = patterns, flags, compiled

    def __missing__(self, char):
        chosen = self.by_char.get(char, self.names)  # (not ASCII: any terminal may match)
        match = self[char] = self._matcher(chosen)
        return match

    def _matcher(self, chosen: tuple):
        """The match function of the terminals `chosen`, in their order: one terminal's
        compiled regex, or a try of each (their master regex would compile the big
        terminals again for each list they are in, which costs more than the tries)."""
        match = self.compiled.get(chosen)
        if match is not None:
            return match
        if not chosen:
            match = _never
        elif len(chosen) == 1:
            match = re.compile(_alternatives(chosen, self.patterns), self.flags).match
        else:
            match = _first_of(tuple(self._matcher((name,)) for name in chosen))
        self.compiled[chosen] = match
        return match


def _first_of(matches: tuple) -> Callable:
    def first(text, pos):
        for match in matches:
            found = match(text, pos)
            if found is not None:
                return found
        return None
    return first


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
    return _wrap_of(value)


@functools.lru_cache(maxsize=None)  # 245 hops, a few expressions
def _wrap_of(value: str) -> Callable:
    namespace: dict = {}
    exec(f"def wrap(value):\n    return {value}\n", namespace)  # the text is built above
    return namespace["wrap"]


def _hops(states: dict, rows: dict, reduces: list, end) -> None:
    """Skip the states whose every action is one reduce by a `_rule` of one symbol: a shift
    or goto from P into such a state S becomes a Hop to the state P goes to after the reduce
    (after each of them, when that one is such a state too), pushing what the reduces would
    push (a `_rule`'s value is a list: no Builder method runs, so nothing else happens).

    Nothing else changes: the row hopped to is a copy of the target that keeps S's lexer
    (the next token is lexed as S would lex it) and only the terminals S reduces on (for the
    others S is a syntax error, which the copy must be too). `states` are frozen ones."""
    units = {}  # state -> (its Reduce, the terminals it reduces on)
    for state, (_, actions) in states.items():
        rules = set(actions.values())
        if state != end and len(rules) == 1 and all(a < 0 for a in rules):
            reduce = reduces[-1 - rules.pop()]
            if reduce.size == 1 and reduce.origin.startswith("_"):
                units[state] = (reduce, frozenset(actions))
    nonterminals = {reduce.origin for reduce in reduces}
    copies: dict = {}  # (target, terminals kept, lexing state) -> the copy
    for below, (_, actions) in states.items():
        for symbol, into in actions.items():
            if into < 0 or into not in units:
                continue
            first, made, kept = into, [], None
            while into in units:  # the reduces S (and then those it leads to) would make
                reduce, terminals = units[into]
                made.append(reduce)
                kept = terminals if kept is None else kept & terminals
                into = states[below][1][reduce.origin]
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


def freeze(lark) -> dict | None:
    """What the fast loop needs of lark's parser, as plain data (wodc/wod_tables.py holds it,
    so that a parse needs no lark): None when the parser uses a feature this loop does not
    reproduce (then lark parses everything, as before).

    terminals: {name: regex}; lexers: [(terminal names in lark's order, {names that can
    start with a character: those characters})]; states: {state: (its lexer, {symbol:
    state shifted or gone to (>= 0), or the rule reduced by, -1 - its index})}; rules:
    [(origin, symbols popped, Builder method or None for a `_rule`, lark's (index, splice?)
    of the children kept or None for all)]."""
    from lark.parse_tree_builder import ChildFilterLALR_NoPlaceholders
    from lark.parsers.lalr_analysis import Shift

    from .first_char import ASCII, first_chars

    frontend = lark.parser
    lexer, conf = frontend.lexer, frontend.lexer_conf
    parser = frontend.parser.parser
    table = parser.parse_table
    if (len(table.start_states) != 1 or conf.postlex is not None or conf.re_module is not re
            or conf.use_bytes):
        return None
    (start_name, start), = table.start_states.items()
    patterns = {str(t.name): t.pattern.to_regexp() for t in conf.terminals}

    # lark numbers states and orders rules by the hash seed of the Python that built it:
    # rules are sorted, and states numbered in the order a walk from the start finds them,
    # so that the same grammar always gives the same data.
    rules, index = [], {}
    for rule, callback in sorted(parser.callbacks.items(), key=lambda item: (
            item[0].origin.name, tuple(sym.name for sym in item[0].expansion))):
        if not hasattr(rule, "expansion") or rule.options.expand1:
            return None  # a callback on a token, or a `?rule`
        include, build = None, callback
        if isinstance(callback, ChildFilterLALR_NoPlaceholders):
            include, build = tuple(callback.to_include), callback.node_builder
        name = getattr(build, "__name__", None)
        if rule.origin.name.startswith("_"):
            name = None  # lark builds a Tree that its parent splices: a list does the same
        elif getattr(build, "__self__", None) is None or name is None:
            return None  # a rule the Builder has no method for (lark would build a Tree)
        index[rule] = len(rules)
        rules.append((str(rule.origin.name), len(rule.expansion), name, include))

    number = {start: 0}
    walk = [start]
    for state in walk:
        for symbol, (action, arg) in sorted(table.states[state].items()):
            if action is Shift and arg not in number:
                number[arg] = len(number)
                walk.append(arg)

    ignore = lexer.root_lexer.ignore_types
    lexers: list = []
    lexer_of: dict = {}  # terminal names -> index in lexers (96 states share 20 lists)
    states = {}
    for state in walk:
        actions = table.states[state]
        state_lexer = lexer.lexers[state]
        scanner = state_lexer.scanner
        names = tuple(str(t.name) for t in scanner.terminals)
        if (len(scanner._mres) != 1 or scanner._mres[0].pattern != _alternatives(names, patterns)
                or set(state_lexer.callback) - {COMMENT} or state_lexer.ignore_types != ignore):
            return None  # a split regex, lark's retyping callbacks...: let lark lex
        if names not in lexer_of:
            starts = [first_chars(patterns[n], conf.g_regex_flags) for n in names]
            groups: dict = {}
            for char in ASCII:
                chosen = tuple(n for n, first in zip(names, starts)
                               if first is None or char in first)
                if chosen != names:
                    groups[chosen] = groups.get(chosen, "") + char
            lexer_of[names] = len(lexers)
            lexers.append((names, groups))
        states[number[state]] = (lexer_of[names], {
            str(symbol): (number[arg] if action is Shift else -1 - index[arg])
            for symbol, (action, arg) in sorted(actions.items())})

    # Whether a terminal may hold a newline is lark's reading of its pattern, the same in
    # every state (each state's lexer knows only its own terminals: ask the root lexer).
    kept = {str(sym.name) for rule in index for sym in rule.expansion
            if sym.is_term and not (sym.filter_out and not rule.options.keep_all_tokens)}
    return {"flags": conf.g_regex_flags, "terminals": patterns, "lexers": lexers,
            "states": states, "rules": rules, "start": 0,
            "end": number[table.end_states[start_name]], "ignore": sorted(map(str, ignore)),
            "newline": sorted(map(str, lexer.root_lexer.newline_types)),
            "dropped": sorted(set(patterns) - kept),
            "comment": COMMENT if COMMENT in ignore else None}


def tables(frozen: dict, builder) -> Tables:
    """The fast loop's tables from freeze()'s data, with `builder`'s methods for the rules."""
    reduces = [Reduce(size, origin, _maker(getattr(builder, name) if name else None, include),
                      include)
               for origin, size, name, include in frozen["rules"]]
    patterns, flags = frozen["terminals"], frozen["flags"]
    compiled: dict = {}  # terminal names -> their master regex's match, shared by lexers
    lexers = []
    for names, groups in frozen["lexers"]:
        by_char = {char: chosen for chosen, chars in groups.items() for char in chars}
        lexers.append(Lexer(names, by_char, patterns, flags, compiled))
    # The parse stack holds Rows, not state numbers: a shift or goto is one lookup.
    states = frozen["states"]
    rows = {state: Row() for state in states}
    for state, (lexer, actions) in states.items():
        row = rows[state]
        row.update({name: (rows[arg] if arg >= 0 else reduces[-1 - arg])
                    for name, arg in actions.items()})
        row[MATCH] = lexers[lexer]
    _hops(states, rows, reduces, frozen["end"])
    return Tables(rows[frozen["start"]], rows[frozen["end"]], frozenset(frozen["ignore"]),
                  frozenset(frozen["newline"]), frozenset(frozen["dropped"]),
                  frozen["comment"])


def module_text(frozen: dict, grammar: str) -> str:
    """wodc/wod_tables.py: freeze()'s data for the grammar whose text is `grammar`."""
    import pprint
    import zlib

    return (f'"""freeze() of grammar/wod.lark, written by `make tables` (wodc/lalr.py): the fast '
            f'loop\'s\nLALR tables and terminals, so that a parse needs no lark. Do not edit; '
            f'tests/test_lalr.py\nchecks it is what the grammar gives."""\n\n'
            f"GRAMMAR_CRC32 = {zlib.crc32(grammar.encode('utf-8'))}\n\n"
            f"FROZEN = {pprint.pformat(frozen, width=99, sort_dicts=True)}\n")


class Token(str):
    """A token as lark's Token has it (wodc's Builder reads these fields), made without
    importing lark: a parse that succeeds never loads it."""

    __slots__ = ("type", "start_pos", "value", "line", "column", "end_line", "end_column",
                 "end_pos")

    def __repr__(self):
        return f"Token({self.type!r}, {self.value!r})"


def parse(text: str, t: Tables, trace: list | None = None, comments: list | None = None):
    """The value of the start rule (what the Builder's `start` returns) for `text`.
    `comments`, when given, collects each comment as (line, column, text), as lark's
    COMMENT callback does.

    `trace`, when given, collects every token lexed, ignored ones aside, as (type, value,
    line, column, end_line, end_column): the tests compare it with lark's lexer."""
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
            match = lex[text[pos]](text, pos)
            if match is None:
                raise Unparsable(pos)
            kind, end = match.lastgroup, match.end()
            while kind in ignore and kind not in newline and end < length:
                # Spaces: nothing to count, and the state is the same for the next token.
                pos = end
                match = lex[text[pos]](text, pos)
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


def write_tables() -> str:
    """Write wodc/wod_tables.py from grammar/wod.lark (`make tables`); returns its path."""
    from pathlib import Path

    from .parse import grammar_text, lark_parser

    frozen = freeze(lark_parser())
    if frozen is None:
        raise SystemExit("lark's parser for this grammar uses a feature wodc/lalr.py lacks")
    path = Path(__file__).with_name("wod_tables.py")
    path.write_text(module_text(frozen, grammar_text()), encoding="utf-8")
    return str(path)


if __name__ == "__main__":
    print(write_tables())
