"""A generated corpus of typical workouts, the same on every run (seeded): about 10 flattened
steps each, runs with paces and bikes with power, as coaches write them."""

from __future__ import annotations

import random

RUN_TARGETS = ["@T", "@I", "@R", "@5K", "@10K", "@HM", "@M", "@4:30/km", "@7:10/mi",
               "@4:20-4:30/km", "@5K+5s", "@105%10K", "@12.5kph", "@Z4", "@160bpm"]
EASY_TARGETS = ["@E", "@Z2", "@5:45/km", ""]
BIKE_TARGETS = ["@90%FTP", "@105%FTP", "@250W", "@PZ4", "@88-94%FTP", "@120%FTP"]
WORK = ["3min", "2min", "90s", "400m", "800m", "1km", "1mi", "5min", "1:30"]
REST = ["60s", "90s", "2min", "200m", "400m"]


def run_workout(rng: random.Random, index: int) -> str:
    reps = rng.choice([3, 4])
    work = [f"{rng.choice(WORK)} {rng.choice(RUN_TARGETS)}" for _ in range(rng.choice([1, 2]))]
    body = ", ".join(work + [f"rec {rng.choice(REST)} {rng.choice(EASY_TARGETS)}".rstrip()])
    lines = [f'workout "Run {index}"', "sport run", f"warmup 10min {rng.choice(EASY_TARGETS)}",
             f"{reps}x({body})", f"cooldown 8min {rng.choice(EASY_TARGETS)}"]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def bike_workout(rng: random.Random, index: int) -> str:
    reps = rng.choice([3, 4])
    lines = [f'workout "Ride {index}"', "sport trainer", "warmup 10min @50%..75%FTP",
             f"{reps}x({rng.choice(['8min', '5min', '3min'])} {rng.choice(BIKE_TARGETS)} "
             f"cadence 90rpm, rec {rng.choice(['2min', '3min'])} @55%FTP)",
             "cooldown 8min @65%..45%FTP"]
    return "\n".join(lines) + "\n"


def corpus(count: int = 1000, seed: int = 2026) -> list[str]:
    """`count` workout texts, 80% runs and 20% rides."""
    rng = random.Random(seed)
    return [bike_workout(rng, i) if rng.random() < 0.2 else run_workout(rng, i)
            for i in range(count)]


def long_workout(steps: int) -> str:
    """One run of `steps` flattened steps, written out (no repeats) up to 10,000 steps and as
    repeats of a 10,000-step block beyond, so that the source stays under the size limit."""
    block_steps = min(steps, 10_000)
    rng = random.Random(steps)
    lines = [f'workout "Long {steps}"', "sport run"]
    body = [f"{rng.choice(WORK)} {rng.choice(RUN_TARGETS)}" for _ in range(block_steps)]
    if steps == block_steps:
        lines += body
    else:
        lines += [f"{steps // block_steps}x(", *body, ")"]
    return "\n".join(lines) + "\n"
