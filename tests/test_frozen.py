"""wodc/frozen.py: values are frozen dataclasses in the tests (tests/conftest.py sets
WODC_FROZEN=1) and plain ones for users, for speed. The tests prove the code never assigns to
a value; these prove that the switch does what it says, and that a user's run writes what
the tested one writes."""

import dataclasses
import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wodc import dataclass_codegen, ir
from wodc import frozen as made_here
from wodc.dataclass_methods import WRITTEN
from wodc.errors import Diagnostic, Span
from wodc.parse import parse

EXAMPLES = Path(__file__).parent.parent / "examples"


def test_values_are_frozen_in_the_tests():
    span = Span(1, 2, 1, 9)
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.line = 3
    step = parse("10min @E").workouts[0].steps[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        step.note = "changed"
    assert isinstance(step, ir.Step) and step.note is None


def _env(frozen: str | None) -> dict:
    """This process's environment with WODC_FROZEN as given (None: unset, as for users)."""
    env = {k: v for k, v in os.environ.items() if k != "WODC_FROZEN"}
    if frozen is not None:
        env["WODC_FROZEN"] = frozen
    return env


def _run(frozen: str | None, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wodc", *args], env=_env(frozen),
                          capture_output=True, text=True, cwd=EXAMPLES.parent)


def test_unfrozen_values_keep_equality_hash_and_replace():
    code = ("import dataclasses\n"
            "from wodc.errors import Span\n"
            "a, b = Span(1, 2, 1, 9), Span(1, 2, 1, 9)\n"
            "assert a == b and hash(a) == hash(b) and len({a, b}) == 1\n"
            "assert dataclasses.replace(a, line=4) == Span(4, 2, 1, 9) and a.line == 1\n"
            "assert repr(a) == 'Span(line=1, column=2, end_line=1, end_column=9)'\n"
            "a.line = 3\n"  # not checked for users: the tests' frozen run is the check
            "print(a.line)\n")
    done = subprocess.run([sys.executable, "-c", code], env=_env(None), capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "3\n"


def test_a_users_run_writes_what_the_tested_run_writes(tmp_path):
    """Every example to every format, and its check report, with values frozen and not."""
    outputs = {}
    for frozen in ("1", None):
        folder = tmp_path / f"frozen-{frozen}"
        compiled = _run(frozen, "compile", "examples", "-o", str(folder))
        checked = _run(frozen, "check", "examples")
        files = {p.name: p.read_bytes() for p in sorted(folder.iterdir())}
        outputs[frozen] = (compiled.returncode, compiled.stdout,
                           compiled.stderr.replace(str(folder), "OUT"),
                           checked.returncode, checked.stdout, checked.stderr, files)
    assert outputs["1"] == outputs[None]
    code, _, _, _, _, report, files = outputs[None]
    assert code == 0 and len(files) >= 30
    assert {Path(name).suffix for name in files} >= {".fit", ".zwo", ".xml", ".txt"}
    assert "0 errors" in report


def test_diagnostics_stay_hashable_for_dedup():
    """Reports are deduplicated through dict.fromkeys and sets of Diagnostics."""
    one = Diagnostic("a.wod", 1, 1, "message")
    assert list(dict.fromkeys([one, Diagnostic("a.wod", 1, 1, "message")])) == [one]


# ---- the written methods (wodc/dataclass_methods.py) -----------------------------------------

def test_the_methods_module_is_what_the_classes_give():
    # Written by `make tables` (wodc/dataclass_codegen.py); a class added or changed since
    # is made by dataclasses, correct but slower to start: run `make tables`.
    path = Path(dataclass_codegen.TARGET)
    assert path.read_text(encoding="utf-8") == dataclass_codegen.module_text(), \
        "wodc/dataclass_methods.py is stale: run `make tables`"


def test_a_users_run_makes_every_class_with_its_written_methods():
    code = ("from wodc import dataclass_codegen, frozen\n"
            "made = dataclass_codegen.classes()\n"
            "print(len(made), len(frozen.STALE), frozen.CHECKED)\n"
            "from wodc.ir import Step\n"
            "print(Step.__init__.__module__, Step.__init__.__qualname__)\n")
    done = subprocess.run([sys.executable, "-c", code], env=_env(None), capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    count, stale, checked = done.stdout.split("\n")[0].split()
    assert int(count) == len(WRITTEN) >= 80 and stale == "0" and checked == "False"
    assert done.stdout.split("\n")[1] == "wodc.dataclass_methods Step.__init__"


def _twins(cls: type, hashable: bool) -> tuple[type, type]:
    """Two new classes with `cls`'s fields: one as wodc/frozen.py makes it with the methods
    written for `cls`, one as dataclasses makes it (non-frozen, as for users)."""
    def body() -> dict:
        space = {"__module__": cls.__module__, "__qualname__": cls.__qualname__,
                 "__annotations__": dict(cls.__dict__.get("__annotations__", {})),
                 "__doc__": "twin"}
        for f in dataclasses.fields(cls):
            space[f.name] = dataclasses.field(
                default=f.default, default_factory=f.default_factory, repr=f.repr,
                compare=f.compare, hash=f.hash)
        return space
    shape = WRITTEN[f"{cls.__module__}.{cls.__qualname__}"][0]
    ours = made_here._made(type(cls.__name__, cls.__bases__, body()), hashable, shape)
    theirs = dataclasses.dataclass(unsafe_hash=hashable)(type(cls.__name__, cls.__bases__,
                                                              body()))
    return ours, theirs


def _arguments(fields, seed: str) -> dict:
    """A distinct, hashable value for every field without a default."""
    return {f.name: (seed, f.name) for f in fields
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}


@pytest.mark.parametrize("made", dataclass_codegen.classes(),
                         ids=lambda made: f"{made[0].__module__}.{made[0].__qualname__}")
def test_the_written_methods_do_what_dataclasses_methods_do(made):
    cls, hashable, _ = made
    ours, theirs = _twins(cls, hashable)
    assert ours not in made_here.STALE and ours.__init__.__module__ == "wodc.dataclass_methods"
    fields = dataclasses.fields(theirs)
    assert [f.name for f in dataclasses.fields(ours)] == [f.name for f in fields]
    assert ours.__match_args__ == theirs.__match_args__

    def signature(c):  # the parameters, their order and defaults (not the annotations)
        return [(p.name, repr(p.default), p.kind) for p in
                inspect.signature(c.__init__).parameters.values()]
    assert signature(ours) == signature(theirs)
    assert ours.__init__.__qualname__ == theirs.__init__.__qualname__

    required = _arguments(fields, "a")
    a, b = ours(**required), theirs(**required)
    assert repr(a) == repr(b)
    assert [getattr(a, f.name) for f in fields] == [getattr(b, f.name) for f in fields]
    assert a == ours(**required) and (b == theirs(**required))
    assert a.__eq__(b) is NotImplemented and b.__eq__(a) is NotImplemented
    if hashable:
        assert hash(a) == hash(b) == hash(ours(**required))
    else:
        assert ours.__hash__ is None and theirs.__hash__ is None
    for f in fields:  # a field of its own in each, defaulted or not: repr, equality and hash
        if isinstance(getattr(a, f.name), (list, dict, set)):  # a default_factory's
            assert getattr(ours(**required), f.name) is not getattr(a, f.name)  # made anew
        other = {**required, f.name: ("b", f.name)}
        c, d = ours(**other), theirs(**other)
        assert repr(c) == repr(d)
        assert (a == c) == (b == d) == (not f.compare)
        if hashable:
            assert hash(c) == hash(d)
            assert (hash(a) == hash(c)) == (hash(b) == hash(d))
        assert dataclasses.replace(a, **{f.name: ("b", f.name)}) == c


def test_a_class_not_written_is_made_by_dataclasses():
    @made_here.mutable
    class Unwritten:
        a: int
        b: list = dataclasses.field(default_factory=list)

    assert Unwritten in made_here.STALE
    assert repr(Unwritten(1)) == "test_a_class_not_written_is_made_by_dataclasses.<locals>." \
        "Unwritten(a=1, b=[])"
    assert Unwritten.__init__.__module__ != "wodc.dataclass_methods"


def test_a_change_to_a_class_is_a_change_of_its_shape():
    def shape(**attributes) -> str:
        space = {"__annotations__": {"a": "int", "b": "list"}, **attributes}
        return made_here._shape(type("C", (), space), hashable=True)
    first = shape()
    assert shape(b=dataclasses.field(default_factory=list)) != first
    assert shape(b=dataclasses.field(default_factory=list, compare=False)) != \
        shape(b=dataclasses.field(default_factory=list))
    assert shape(b=None) != first
    assert shape(__repr__=lambda self: "") != first
    assert made_here._shape(type("C", (), {"__annotations__": {"a": "int"}}), hashable=True) \
        != first
    assert made_here._shape(type("C", (), {"__annotations__": {"a": "int", "b": "list"}}),
                         hashable=False) != first
    assert shape() == first


def test_a_field_the_writer_does_not_write_is_refused():
    @dataclasses.dataclass
    class Hidden:
        a: int
        b: int = dataclasses.field(default=0, init=False)

    with pytest.raises(SystemExit, match="Hidden.b"):
        dataclass_codegen.methods_source(Hidden, hashable=False)
