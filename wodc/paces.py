"""Daniels & Gilbert's VDOT model: race-time prediction and Daniels training paces.

    VO2(v) = -4.60 + 0.182258 v + 0.000104 v^2              oxygen cost, v in m/min
    F(t)   = 0.8 + 0.1894393 e^(-0.012778 t) + 0.2989558 e^(-0.1932605 t)   t in minutes
    VDOT   = VO2(d / t) / F(t)

A race time at another distance solves VDOT(d, t) = VDOT for t. Training paces solve
VO2(v) = p * VDOT for v: T at p = 0.88, I at 0.975, E from EASY_FRACTIONS, M is the predicted
marathon pace, R is I pace minus 8 s per 400 m up to VDOT 45 and 6 s from VDOT 55, linear
between (see repetition_gap).

The design gives E as "about 63% to 74%"; 62.9% and 73.0% fit Daniels' published E column
(3rd edition, VDOT 35-70) to within 2.1 s/km, where 74% would be up to 6 s/km too fast.
"""

from __future__ import annotations

import math
import re

from .frozen import frozen
from .units import METRES_PER_MILE

# Race names and their distances in metres; any "<n>K" is n kilometres.
RACES = {
    "mile": METRES_PER_MILE, "1500": 1500.0, "3K": 3000.0, "5K": 5000.0, "10K": 10000.0,
    "15K": 15000.0, "HM": 21097.5, "M": 42195.0,
}
RACE_ORDER = ("1500", "mile", "3K", "5K", "10K", "15K", "HM", "M")

THRESHOLD_FRACTION = 0.88
INTERVAL_FRACTION = 0.975
# The E range, as fractions of VDOT: the slow end first (fitted, see above).
EASY_FRACTIONS = (0.629, 0.730)
TRAINING_NAMES = ("E", "M", "T", "I", "R")

MIN_VDOT, MAX_VDOT = 15.0, 90.0


# The race distances the model predicts paces for: Daniels' tables run from 1500 m to the
# marathon; 800 m and ultras up to 50 km are as far as its equations are taken here (beyond,
# the predicted pace of a 400 km race came out faster than the marathon's).
MIN_RACE_METRES, MAX_RACE_METRES = 800.0, 50_000.0


def race_distance(name: str) -> float | None:
    """Metres of a race name (`5K`, `HM`, `mile`, `12K`, `800m`), or None if it is not one."""
    if name in RACES:
        return RACES[name]
    match = re.fullmatch(r"([0-9]{1,6}(?:\.[0-9]{1,3})?)(K|m)", name)
    if not match:
        return None
    return float(match.group(1)) * (1000 if match.group(2) == "K" else 1)


def oxygen_cost(speed_m_per_min: float) -> float:
    """ml/kg/min to run at a speed in metres per minute."""
    v = speed_m_per_min
    return -4.60 + 0.182258 * v + 0.000104 * v * v


def sustainable_fraction(minutes: float) -> float:
    """The fraction of VO2max that can be held for a race of this many minutes."""
    return (0.8 + 0.1894393 * math.exp(-0.012778 * minutes)
            + 0.2989558 * math.exp(-0.1932605 * minutes))


def vdot_from_race(metres: float, seconds: float) -> float:
    minutes = seconds / 60
    return oxygen_cost(metres / minutes) / sustainable_fraction(minutes)


def predict_race_seconds(metres: float, vdot: float) -> float:
    """The race time at `metres` for an athlete of `vdot`.

    VDOT(d, t) falls as t grows, so bisection on t always finds the one root."""
    low, high = 1.0, 24 * 3600.0
    for _ in range(100):
        mid = (low + high) / 2
        if vdot_from_race(metres, mid) > vdot:
            low = mid
        else:
            high = mid
        if high - low < 1e-6:
            break
    return (low + high) / 2


def speed_at_vo2(vo2: float) -> float:
    """Speed in m/s whose oxygen cost is `vo2` (the positive root of the quadratic)."""
    a, b, c = 0.000104, 0.182258, -4.60 - vo2
    metres_per_minute = (-b + math.sqrt(b * b - 4 * a * c)) / (2 * a)
    return metres_per_minute / 60


@frozen
class TrainingPaces:
    """Daniels training speeds in m/s; `easy` is (slow end, fast end)."""

    easy: tuple[float, float]
    marathon: float
    threshold: float
    interval: float
    repetition: float

    def range_of(self, name: str) -> tuple[float, float]:
        """(slow, fast) speeds for E, M, T, I or R; one speed twice for all but E."""
        if name == "E":
            return self.easy
        speed = {"M": self.marathon, "T": self.threshold, "I": self.interval,
                 "R": self.repetition}[name]
        return speed, speed


def repetition_gap(vdot: float) -> float:
    """Seconds per 400 m by which R is faster than I: 8 up to VDOT 45, 6 from VDOT 55, and
    linear between, so that R is continuous and monotone in VDOT (a step at VDOT 50 gave a
    slower runner a faster R). Within 0.6 s per 400 m of Daniels' R column, VDOT 40-70."""
    share = min(max((vdot - 45) / 10, 0.0), 1.0)
    return 8 - 2 * share


def training_paces(vdot: float) -> TrainingPaces:
    interval = speed_at_vo2(INTERVAL_FRACTION * vdot)
    per_400 = 400 / interval - repetition_gap(vdot)
    return TrainingPaces(
        easy=(speed_at_vo2(EASY_FRACTIONS[0] * vdot), speed_at_vo2(EASY_FRACTIONS[1] * vdot)),
        marathon=RACES["M"] / predict_race_seconds(RACES["M"], vdot),
        threshold=speed_at_vo2(THRESHOLD_FRACTION * vdot),
        interval=interval,
        repetition=400 / per_400,
    )
