"""An independent model of the athlete's paces for test oracles, written from the published
sources and the design (../shared/design/LANGUAGE.md), sharing no code with wodc.paces:

- Daniels and Gilbert, "Oxygen Power" (1979): the oxygen cost of running at v m/min,
  VO2 = -4.60 + 0.182258 v + 0.000104 v^2, and the fraction of VO2max held for t minutes,
  0.8 + 0.1894393 e^(-0.012778 t) + 0.2989558 e^(-0.1932605 t). VDOT = VO2 / fraction.
- The training paces of the design: E at 62.9% and 73.0% of VDOT, T at 88%, I at 97.5%, M the
  predicted marathon pace, R faster than I by 8 s per 400 m up to VDOT 45 and 6 s from 55.

Race times are found with Newton's method on the time (wodc bisects), speeds by solving the
quadratic for v directly."""

from __future__ import annotations

import math

MILE = 1609.344
RACE_METRES = {"mile": MILE, "5K": 5000.0, "10K": 10000.0, "HM": 21097.5, "M": 42195.0}


def vdot(metres: float, seconds: float) -> float:
    minutes = seconds / 60
    v = metres / minutes
    cost = -4.60 + 0.182258 * v + 0.000104 * v ** 2
    held = 0.8 + 0.1894393 * math.exp(-0.012778 * minutes) \
        + 0.2989558 * math.exp(-0.1932605 * minutes)
    return cost / held


def race_seconds(metres: float, athlete_vdot: float) -> float:
    """Newton's method on t: vdot(metres, t) = athlete_vdot, from a start near 3:00/km."""
    t = metres * 0.18
    for _ in range(60):
        f = vdot(metres, t) - athlete_vdot
        slope = (vdot(metres, t + 0.01) - vdot(metres, t - 0.01)) / 0.02
        step = f / slope
        t -= step
        if abs(step) < 1e-9:
            break
    return t


def speed_at(vo2: float) -> float:
    """m/s at which running costs `vo2` ml/kg/min."""
    a, b, c = 0.000104, 0.182258, -4.60 - vo2
    return (-b + math.sqrt(b * b - 4 * a * c)) / (2 * a) / 60


def easy(athlete_vdot: float) -> tuple[float, float]:
    """E as (slow, fast) m/s."""
    return speed_at(0.629 * athlete_vdot), speed_at(0.730 * athlete_vdot)


def threshold(athlete_vdot: float) -> float:
    return speed_at(0.88 * athlete_vdot)


def race_speed(metres: float, athlete_vdot: float) -> float:
    return metres / race_seconds(metres, athlete_vdot)


def athlete_vdot(profile) -> float:
    """The VDOT of a wodc Profile, read from its data (its `vdot`, else its best race)."""
    if profile.vdot is not None:
        return profile.vdot
    return max(vdot(r.metres, r.seconds) for r in profile.races)


def athlete_race_seconds(profile, metres: float) -> float:
    """A race the profile gives at that distance, else the time predicted from its VDOT."""
    for race in profile.races:
        if abs(race.metres - metres) < 1:
            return race.seconds
    return race_seconds(metres, athlete_vdot(profile))
