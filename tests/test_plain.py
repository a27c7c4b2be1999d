"""wodc/plain.py reads `wodc check` and `wodc compile` command lines without click: it must
know click's options as click declares them, read each command line it takes into the call
click's command would make, and leave to click every command line it cannot read so."""

import inspect
import os

import click
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from wodc import cli, commands, plain
from wodc.pipeline import PlanDates

LEFT_TO_CLICK = {"paths", "treadmill", "plan_start", "race_day"}  # (paths: read by plain.parse)


@pytest.mark.parametrize("name", ["check", "compile"])
def test_the_options_are_clicks(name):
    """The same words for the same parameters, values of the same kinds, the same defaults."""
    command = cli.main.commands[name]
    words = {}
    for param in command.params:
        if param.name in LEFT_TO_CLICK:
            assert not set(param.opts) & set(plain.OPTIONS[name]), param.name
            continue
        # nothing else click would do with the value: no environment variable, no callback
        assert param.envvar is None and param.callback is None and param.expose_value
        assert not getattr(param, "prompt", None) and param.nargs == 1
        for word in param.opts + param.secondary_opts:
            words[word] = param.name
            key, kind = plain.OPTIONS[name][word]
            assert key == param.name, word
            if param.is_flag:
                assert kind == plain.FLAG, word
            elif param.multiple:
                assert kind == plain.MANY, word
            elif isinstance(param.type, cli.Finite):
                assert isinstance(kind, plain.Range), word
                assert (kind.low, kind.high) == (param.type.min, param.type.max), word
                assert not (param.type.min_open or param.type.max_open or param.type.clamp)
            elif isinstance(param.type, click.Choice):
                assert isinstance(kind, plain.Choice), word
                assert kind.words == tuple(param.type.choices) and param.type.case_sensitive
            elif isinstance(param.type, click.Path):
                path = param.type
                assert (path.exists, path.file_okay, path.dir_okay, path.readable) == \
                    ((False, False, True, True) if kind == plain.FOLDER else
                     (True, True, False, True)), word
                assert not (path.writable or path.executable or path.resolve_path)
            else:
                assert type(param.type) is click.types.StringParamType and kind == plain.TEXT
    assert words == {word: key for word, (key, _) in plain.OPTIONS[name].items()}
    # click's values of a command line with no option: the defaults after its conversions
    given = command.make_context(name, ["a.wod"]).params
    assert {key: value for key, value in given.items() if key not in LEFT_TO_CLICK} == \
        plain.DEFAULTS[name]


SIGNATURES = {name: inspect.signature(getattr(commands, name)) for name in ("check", "compile")}


def _recorded(monkeypatch, runner) -> list:
    """The calls of commands.check and commands.compile that `runner()` makes, each as its
    arguments by name (a ProfileSource as what it holds); they return at once."""
    calls = []
    for name in ("check", "compile"):
        def record(*args, _name=name, _signature=SIGNATURES[name], **kwargs):
            bound = _signature.bind(*args, **kwargs)
            bound.apply_defaults()
            values = dict(bound.arguments)
            profiles = values.pop("profiles")
            values["profiles"] = (profiles.cli, profiles.explicit)
            values["dates"] = values["dates"] or PlanDates()
            values["paths"] = list(values["paths"])
            calls.append((_name, values))
            return 0
        monkeypatch.setattr(commands, name, record)
    runner()
    return calls


def _by_click(args):
    try:
        cli.main(args, standalone_mode=False)
    except SystemExit:
        pass


READ_THE_SAME = [
    ["check", "a.wod"],
    ["check", "a.wod", "plans/", "b.wod"],
    ["check", "a.wod", "--strict", "-v", "--format", "json"],
    ["check", "--format=github", "-f", "fit,zwo", "a.wod", "--follow-symlinks", "--verbose"],
    ["check", "--formats", "QZ", "a.wod", "--race", "5K=20:00", "--race", "10K=42:00"],
    ["check", "a.wod", "--vdot", "50", "--units", "mi", "--resting-hr=48", "--lthr", "170.5"],
    ["compile", "a.wod"],
    ["compile", "wods", "-f", "fit", "-o", "out", "--race", "5K=20:00", "--ftp", "250",
     "--max-hr", "190", "--lthr", "170"],
    ["compile", "a.wod", "--format=zwo,fit", "--output=build/x", "--card-format", "md",
     "--author", "Coach K", "--name", "Tempo", "--strict", "--format-problems", "json",
     "--force", "--follow-symlinks", "--all-day", "--at", "6:30"],
    ["compile", "a.wod", "-f", "fit", "-f", "zwo", "--ftp", "2000", "--ftp", "30"],  # last wins
    ["compile", "a.wod", "--vdot", " 1e1 ".replace("1e1", "4.5e1"), "--max-hr", "2_00"],
    ["compile", "a.wod", "b.wod", "--profile", "athlete.toml", "--units", "km"],
    ["compile", "a.wod", "-o", "missing/folder", "--at", " 23:59 "],
]


@pytest.mark.parametrize("args", READ_THE_SAME, ids=[" ".join(a) for a in READ_THE_SAME])
def test_a_command_line_is_read_as_click_reads_it(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "athlete.toml").write_text("ftp = 200\n")
    fast = _recorded(monkeypatch, lambda: plain.command(args)())
    slow = _recorded(monkeypatch, lambda: _by_click(args))
    assert len(fast) == 1 and fast == slow


LEFT = [
    [], ["check"], ["compile"],                       # no path: click's usage error
    ["check", "-"], ["compile", "-", "--name", "x"],  # standard input
    ["check", "--", "a.wod"], ["check", "--help"], ["compile", "a.wod", "-h"],
    ["compile", "a.wod", "--treadmill", "speed_unit=mph"], ["check", "a.wod", "--start",
                                                            "2027-01-04"],
    ["check", "-vf", "fit", "a.wod"], ["compile", "-ffit", "a.wod"],   # clusters
    ["compile", "a.wod", "-o"], ["compile", "a.wod", "-o", "-x"],      # no value, a dash
    ["compile", "a.wod", "--strict=yes"], ["check", "a.wod", "--verbos"],
    ["compile", "a.wod", "--output-dir", "x"],  # a word of check's, or no one's
    ["check", "a.wod", "-o", "x"], ["paces", "--vdot", "50"], ["show", "a.wod"],
    ["--version"],
]


@pytest.mark.parametrize("args", LEFT, ids=[" ".join(a) for a in LEFT])
def test_what_plain_cannot_read_goes_to_click(args):
    assert plain.command(args) is None


REFUSED = [  # click's usage errors (exit 2), each a value plain.py must not take
    ["compile", "a.wod", "--ftp", "20"], ["compile", "a.wod", "--ftp", "nan"],
    ["compile", "a.wod", "--ftp", "inf"], ["check", "a.wod", "--vdot", "fifty"],
    ["check", "a.wod", "--vdot", ""], ["check", "a.wod", "--units", "KM"],
    ["check", "a.wod", "--format", "xml"], ["compile", "a.wod", "--card-format", "pdf"],
    ["compile", "a.wod", "-f", "fitt"], ["compile", "a.wod", "-f", ","],
    ["check", "a.wod", "--formats", "gpx"], ["compile", "a.wod", "--at", "25:00"],
    ["compile", "a.wod", "--race", "5K=2:00"], ["compile", "a.wod", "--race", "5K"],
    ["compile", "a.wod", "-o", "a.wod"],           # a file where the folder should be
    ["compile", "a.wod", "--profile", "none.toml"], ["compile", "a.wod", "--profile", "."],
]


@pytest.mark.parametrize("args", REFUSED, ids=[" ".join(a) for a in REFUSED])
def test_a_value_click_refuses_is_left_to_click(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.wod").write_text("10min\n")

    def by_click():
        with pytest.raises(click.UsageError):
            cli.main(args, standalone_mode=False)

    assert _recorded(monkeypatch, by_click) == []
    assert plain.command(args) is None


@pytest.mark.parametrize("args", [["compile", "a.wod", "-o", "locked"],
                                  ["check", "a.wod", "--profile", "locked/athlete.toml"]])
def test_what_click_may_not_read_is_left_to_click(tmp_path, monkeypatch, args):
    """A folder or profile this user may not read (as os.access says: root reads every one,
    so it is told here, to click and plain.py alike)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "athlete.toml").write_text("ftp = 200\n")
    real = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: "locked" not in str(path) and
                        real(path, mode))
    with pytest.raises(click.UsageError, match="is not readable"):
        cli.main(args, standalone_mode=False)
    assert plain.command(args) is None


def test_a_shell_asking_for_completions_goes_to_click(monkeypatch):
    monkeypatch.setenv("_WODC_COMPLETE", "bash_complete")
    assert plain.parse(["check", "a.wod"]) is None


WORDS = sorted({*plain.OPTIONS["check"], *plain.OPTIONS["compile"], "--help", "-", "--", "-vf",
                "--treadmill", "--start", "-ffit", "--ftp=250", "--strict=1", "--format=json"})
VALUES = ["a.wod", "b.wod", "out", "athlete.toml", "fit", "zwo,fit", "gpx", "", "250", "20",
          "nan", "1e2", "5K=20:00", "5K", "07:00", "25:00", "km", "KM", "txt", "md", "json",
          "-x", "x y"]


def _fitting(kind) -> list[str]:
    """Values an option of `kind` takes."""
    if isinstance(kind, plain.Range):
        return [f"{kind.low:g}", f"{kind.high:g}", f"{(kind.low + kind.high) / 2:g}"]
    if isinstance(kind, plain.Choice):
        return list(kind.words)
    return {plain.TEXT: ["fit", "zwo,fit", "07:00", "Coach K"], plain.MANY: ["5K=20:00"],
            plain.FOLDER: ["out", "."], plain.FILE: ["athlete.toml"]}[kind]


def _option(word: str):
    """An option as it may be written: alone (a flag), or with a value that fits or not."""
    kind = {**plain.OPTIONS["check"], **plain.OPTIONS["compile"]}.get(word, (None, None))[1]
    if kind in (None, plain.FLAG):
        return st.just([word])
    return st.sampled_from(_fitting(kind) + VALUES).map(lambda value: [word, value])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["check", "compile"]),
       st.lists(st.one_of(st.sampled_from(VALUES).map(lambda word: [word]),
                          st.sampled_from(WORDS).flatmap(_option)), max_size=6))
def test_any_command_line_is_read_as_click_reads_it_or_left_to_click(tmp_path, monkeypatch,
                                                                      name, parts):
    """Random command lines of option words and values (an option, a value, or an option and
    a value): what plain.py takes, click takes the same way; what click refuses, plain.py
    leaves to it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "athlete.toml").write_text("ftp = 200\n")
    (tmp_path / "a.wod").write_text("10min\n")
    args = [name, *(word for part in parts for word in part)]
    refused = []

    def by_click():
        try:
            cli.main(args, standalone_mode=False)
        except click.UsageError:
            refused.append(True)
        except (SystemExit, click.exceptions.Exit):
            pass

    slow = _recorded(monkeypatch, by_click)
    run = plain.command(args)
    if refused or not slow:  # a usage error, or --help: click's to say
        event("click refuses it")
        assert run is None
    elif run is not None:
        event("both read it")
        assert _recorded(monkeypatch, run) == slow
    else:
        event("click reads it, plain.py leaves it to click")
