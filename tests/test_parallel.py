"""`wodc check` of a big tree runs on every core and prints exactly what a serial run prints."""

from click.testing import CliRunner

import wodc.parallel
from wodc.cli import main


def tree(root, count: int) -> None:
    (root / ".git").mkdir()
    (root / "wodc.toml").write_text("vdot = 50\nftp = 250\nmax_hr = 190\nftpp = 1\n")
    for index in range(count):
        body = ["run 10min @E", "3x(400m @R, rec 200m)", "run 10min @HMP2", "10min @Z2HR",
                "sport bike\n20min @90%FTP", "run 5min @E cadence 90rpm"][index % 6]
        # Workout 7 and workout 41 share a name: in different chunks of a parallel run.
        name = "Same" if index in (7, 41) else f"W{index}"
        (root / f"w{index:03d}.wod").write_text(f'workout "{name}"\n{body}\n')


def check(root, monkeypatch, parallel_from: int):
    monkeypatch.setattr(wodc.parallel, "PARALLEL_FROM", parallel_from)
    monkeypatch.setattr(wodc.parallel, "workers", lambda: 2)
    result = CliRunner().invoke(main, ["check", str(root)])
    return result.exit_code, result.stdout, result.stderr


def test_a_parallel_check_reports_what_a_serial_one_does(tmp_path, monkeypatch):
    tree(tmp_path, 60)
    serial = check(tmp_path, monkeypatch, 10**9)
    spawned = []
    real = wodc.parallel.check_parallel
    monkeypatch.setattr(wodc.parallel, "check_parallel",
                        lambda *a, **k: spawned.append(1) or real(*a, **k))
    parallel = check(tmp_path, monkeypatch, 10)
    assert spawned  # the parallel path was taken
    assert parallel == serial
    code, _, stderr = serial
    assert code == 1
    # The cross-chunk clash, the unknown pace, the profile's unknown key: each said once.
    assert stderr.count("a workout named 'Same' already exists") == 1
    assert stderr.count("unknown pace or target 'HMP2'") == 10
    assert stderr.count("unknown profile key 'ftpp'") == 1
    # 12 errors: 10 HMP2, the clash, ftpp. 39 warnings: 10 heart-rate steps warn for ZWO and
    # for the treadmill (20), 10 runs with an rpm cadence warn for it and for ZWO (20), but
    # the second "Same" (w041, a cadence one) is not compiled, so not for ZWO.
    assert stderr.endswith("checked 60 workouts in 60 files: 12 errors, 39 warnings\n")


def test_a_tree_with_a_plan_is_checked_in_one_piece(tmp_path, monkeypatch):
    tree(tmp_path, 30)
    (tmp_path / "plan.wod").write_text('plan "P" starts 2026-12-07\nweek 1\n  mon "W0"\n')
    serial = check(tmp_path, monkeypatch, 10**9)
    parallel = check(tmp_path, monkeypatch, 10)
    assert parallel == serial and "and 1 plan" in serial[2]
