"""Limits that keep hostile or mistaken input from running away with time or memory.
Each is named in the error that enforces it."""

MAX_SOURCE_BYTES = 1_000_000   # a workout file; real ones are a few hundred bytes
MAX_NESTING = 16               # repeats inside repeats
MAX_REPEAT_COUNT = 1_000       # the N of Nx(...)
MAX_FLAT_STEPS = 100_000       # steps once every repeat is expanded
MAX_STEP_SECONDS = 24 * 3600   # one step
MAX_STEP_METRES = 1_000_000    # one step
