"""`wodc check` and `wodc compile` with their common options start without click
(wodc/entry.py, wodc/plain.py) and must print, write and exit exactly as click's commands do:
each case runs both ways, in fresh processes as a user runs them, and compares exit code,
stdout, stderr and the files written. (tests/test_plain.py compares how each reads options.)"""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wodc.plain import parse

EXAMPLES = Path(__file__).parent.parent / "examples"
ENTRY = "from wodc.entry import main; main()"  # the installed `wodc` script's entry point
CLICK = "from wodc.cli import main; main()"  # the click command line, every option read by click


def wodc(code: str, args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, capture_output=True,
                          text=True, env={**os.environ, **env})


@pytest.mark.parametrize("args, plain", [
    (["check", "a.wod"], True),
    (["check", "a.wod", "plans/", "b.wod"], True),
    (["check", "a.wod", "--strict", "-v"], True),
    (["compile", "a.wod", "-o", "out"], True),
    (["check"], False),  # click's usage error
    (["check", "-"], False),  # standard input
    (["check", "--", "a.wod"], False),
    (["check", "--help"], False),
    (["--version"], False),
    ([], False),
])
def test_paths_and_common_options_skip_click(args, plain):
    assert (parse(args) is not None) is plain


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """Workouts as users keep them: the examples with their profile (every format compiled in
    memory, treadmill settings included), a plan, and files with problems of every kind."""
    root = tmp_path_factory.mktemp("entry")
    (root / ".git").mkdir()  # profile discovery stops here
    shutil.copytree(EXAMPLES, root / "examples")
    bad = root / "bad"
    bad.mkdir()
    (bad / "syntax.wod").write_text("warmup 10min @E\n3x(3min@HM, 2min@10K\n")
    (bad / "target.wod").write_text("run 10min @fast\n")
    (root / "names").mkdir()  # two workouts of one name: the error quotes it
    for file in ("a.wod", "b.wod"):
        (root / "names" / file).write_text('workout "Лёгкий"\nrun 10min @RPE7\n')
    (root / "empty").mkdir()
    return root


CASES = {
    "one clean file": ["check", "examples/progression.wod"],
    "warnings": ["check", "examples/track-400s.wod", "examples/sweet-spot.wod"],
    "a folder with a plan": ["check", "examples"],
    "errors": ["check", "bad/syntax.wod", "bad/target.wod"],
    "a folder of errors and warnings": ["check", "bad"],
    "a path that does not exist": ["check", "nowhere.wod", "examples/sweet-spot.wod"],
    "a folder without workouts": ["check", "empty"],
    "options": ["check", "examples", "--strict", "-v", "-f", "fit,qz", "--race", "5K=21:00"],
    "json": ["check", "bad", "examples/sweet-spot.wod", "--format", "json", "--ftp", "260"],
}


@pytest.mark.parametrize("args", CASES.values(), ids=CASES.keys())
def test_a_plain_check_prints_and_exits_as_click_does(folder, args):
    fast, slow = wodc(ENTRY, args, folder), wodc(CLICK, args, folder)
    assert (fast.returncode, fast.stdout, fast.stderr) == \
        (slow.returncode, slow.stdout, slow.stderr)
    assert "Traceback" not in fast.stderr
    assert (slow.stdout + slow.stderr).strip(), "the case prints nothing: it compares nothing"


COMPILES = {
    "the examples": ["compile", "examples"],
    "with options": ["compile", "examples", "bad", "-f", "fit,zwo,card", "--card-format", "md",
                     "--race", "5K=19:30", "--max-hr", "185", "--strict", "--all-day"],
    "problems as json": ["compile", "bad", "examples/track-400s.wod", "--format-problems",
                         "json"],
}


@pytest.mark.parametrize("args", COMPILES.values(), ids=COMPILES.keys())
def test_a_compile_prints_writes_and_exits_as_click_does(folder, args):
    fast = wodc(ENTRY, [*args, "-o", "fast"], folder, SOURCE_DATE_EPOCH="1767225600")
    slow = wodc(CLICK, [*args, "-o", "slow"], folder, SOURCE_DATE_EPOCH="1767225600")
    assert (fast.returncode, fast.stdout, fast.stderr) == \
        (slow.returncode, slow.stdout, slow.stderr)
    assert "Traceback" not in fast.stderr and (fast.stdout + fast.stderr).strip()
    written = {name: {p.name: p.read_bytes() for p in (folder / name).iterdir()}
               for name in ("fast", "slow")}
    assert written["fast"] and written["fast"] == written["slow"]
    for name in ("fast", "slow"):
        shutil.rmtree(folder / name)


def test_a_name_the_terminal_cannot_show_is_escaped_both_ways(folder):
    args = ["check", "names"]
    fast = wodc(ENTRY, args, folder, PYTHONIOENCODING="ascii")
    slow = wodc(CLICK, args, folder, PYTHONIOENCODING="ascii")
    assert (fast.returncode, fast.stderr) == (slow.returncode, slow.stderr)
    assert "\\u041b" in fast.stderr  # Л, escaped, not a UnicodeEncodeError


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_an_output_that_cannot_be_written_is_exit_1_both_ways(folder):
    args = ["check", "examples/track-400s.wod"]
    ran = []
    for code in (ENTRY, CLICK):
        with open("/dev/full", "w") as full:
            ran.append(subprocess.run([sys.executable, "-c", code, *args], cwd=folder,
                                      stdout=subprocess.PIPE, stderr=full, text=True))
    assert [r.returncode for r in ran] == [1, 1]


@pytest.mark.parametrize("args", [["check", "examples/progression.wod"],
                                  ["compile", "examples/progression.wod", "-o", "none", "-f",
                                   "fit"]])
def test_check_and_compile_import_neither_click_nor_inspect(folder, args):
    script = (f"import sys; sys.argv = ['wodc', *{args!r}]\n"
              "from wodc.entry import main\n"
              "try:\n    main()\nexcept SystemExit as end:\n"
              "    print(end.code, 'click' in sys.modules, 'inspect' in sys.modules)")
    # As users run it: not with the tests' WODC_FROZEN=1, whose frozen dataclasses are made
    # by dataclasses itself (and their docstrings with inspect).
    env = {name: value for name, value in os.environ.items() if name != "WODC_FROZEN"}
    run = subprocess.run([sys.executable, "-c", script], cwd=folder, capture_output=True,
                         text=True, env=env)
    assert run.stdout.splitlines()[-1] == "0 False False", run.stderr
    assert "checked 1 workout in 1 file: no problems" in run.stderr if args[0] == "check" \
        else [p.suffix for p in (folder / "none").iterdir()] == [".fit"]
    shutil.rmtree(folder / "none", ignore_errors=True)


def test_dataclasses_imported_without_inspect_still_use_it_whole(folder):
    """inspect is imported at dataclasses' first use of it: a class without a docstring gets
    its signature as one, and whoever imports inspect afterwards gets the real module."""
    script = ("import sys\nfrom wodc.entry import _dataclasses_without_inspect\n"
              "_dataclasses_without_inspect()\n"
              "import dataclasses\n"
              "assert 'inspect' not in sys.modules\n"
              "@dataclasses.dataclass\nclass Lap:\n    metres: int = 400\n"
              "import inspect\n"
              "print(Lap.__doc__, inspect.signature(Lap), inspect is sys.modules['inspect'],\n"
              "      dataclasses.inspect.signature is inspect.signature)")
    run = subprocess.run([sys.executable, "-c", script], cwd=folder, capture_output=True,
                         text=True)
    assert run.stdout.strip() == "Lap(metres: int = 400) (metres: int = 400) -> None True True", \
        run.stderr


def _handles_sigterm(pid: int) -> bool:
    """Whether the process has set a handler of its own for SIGTERM (/proc's SigCgt mask)."""
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("SigCgt:"):
            return bool(int(line.split()[1], 16) >> (signal.SIGTERM - 1) & 1)
    return False


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs Linux /proc")
@pytest.mark.parametrize("code", [ENTRY, CLICK], ids=["plain", "click"])
def test_sigterm_during_a_check_ends_it_with_143(tmp_path, code):
    (tmp_path / ".git").mkdir()
    for index in range(150):  # a serial check long enough to be stopped in the middle
        (tmp_path / f"w{index}.wod").write_text(f'workout "W{index}"\n3x(400m @5kph, rec 1min)\n')
    process = subprocess.Popen([sys.executable, "-c", code, "check", str(tmp_path)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while process.poll() is None and not _handles_sigterm(process.pid):
        assert time.monotonic() < deadline, "the check never set its SIGTERM handler"
        time.sleep(0.002)
    process.terminate()
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 143, stderr.decode()
    assert b"Traceback" not in stderr
