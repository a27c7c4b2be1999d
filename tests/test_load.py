"""Training load (wodc/load.py): Coggan's hours x IF^2 x 100, IF the 4th-power mean of each
step's intensity over threshold. Every expected value is worked out by hand beside it."""

import pytest
from click.testing import CliRunner

from wodc.cli import main


def shown_load(tmp_path, text: str, *profile: str) -> str:
    (tmp_path / ".git").mkdir(exist_ok=True)
    (tmp_path / "w.wod").write_text(text)
    result = CliRunner().invoke(main, ["show", str(tmp_path / "w.wod"), *profile])
    assert result.exit_code == 0, result.output
    [line] = [line for line in result.stdout.splitlines() if line.startswith("load: ")]
    return line


@pytest.mark.parametrize("text,profile,expected", [
    # An hour at FTP is 100 TSS by definition.
    ("sport bike\n60min @100%FTP\n", ["--ftp", "250"], "load: 100 TSS (IF 1.00)"),
    # 30 min at 80%: 0.5 h x 0.8^2 x 100 = 32.
    ("sport bike\n30min @200W\n", ["--ftp", "250"], "load: 32 TSS (IF 0.80)"),
    # A ramp from 50% to 100% over 10 min: the mean of L^4 is (1^5 - 0.5^5) / (5 x 0.5) =
    # 0.3875; IF = 0.3875^(1/4) = 0.789; TSS = 1/6 h x 0.3875^(1/2) x 100 = 10.4.
    ("sport bike\n10min @50%..100%FTP\n", ["--ftp", "250"], "load: 10 TSS (IF 0.79)"),
    # An hour at T pace, the threshold pace: 100 rTSS.
    ("60min @T\n", ["--vdot", "50"], "load: 100 rTSS (IF 1.00)"),
    # Heart rate only: an hour at LTHR is 100; 30 min at 85% of it, 0.5 x 0.85^2 x 100 = 36.1.
    ("30min @144.5bpm\n", ["--lthr", "170"], "load: 36 hrTSS (IF 0.85)"),
])
def test_load_of_simple_workouts(tmp_path, text, profile, expected):
    assert shown_load(tmp_path, text, *profile) == expected


def test_the_sweet_spot_example(tmp_path):
    # examples/sweet-spot.wod at FTP 240 (steps at their middles), L^4 x seconds:
    #   warmup 50%..75%, 600 s: (0.75^5 - 0.5^5) / (5 x 0.25) = 0.164844 -> 98.91
    #   3 x 600 s at 91%: 0.91^4 = 0.685750 -> 1234.35;  3 x 300 s at 55%: 0.091506 -> 82.36
    #   PZ2, 56-75%, 300 s at 65.5%: 0.184062 -> 55.22
    #   cooldown 65%..45%, 480 s: (0.65^5 - 0.45^5) / (5 x 0.2) = 0.097576 -> 46.84
    # 1517.67 / 4080 s = 0.371978: IF = 0.7810, TSS = 4080/3600 x 0.371978^0.5 x 100 = 69.1
    text = (__import__("pathlib").Path(__file__).parent.parent / "examples" /
            "sweet-spot.wod").read_text()
    assert shown_load(tmp_path, text, "--ftp", "240") == "load: 69 TSS (IF 0.78)"


def test_no_load_without_the_threshold(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "w.wod").write_text("sport bike\n30min @PZ3\n")
    result = CliRunner().invoke(main, ["show", str(tmp_path / "w.wod"), "--vdot", "50"])
    assert result.exit_code == 0  # PZ3 shown as it is written: no FTP, no load
    assert "@PZ3" in result.stdout and "load:" not in result.stdout
