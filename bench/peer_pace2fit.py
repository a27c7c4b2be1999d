"""Runs inside .venv-peer: times pace2fit parsing and encoding the given workouts in-process.
Prints {"seconds": best total} as JSON. With --once, parses and encodes them once and prints
nothing: the whole process is what is timed (the command-line comparison)."""

import json
import sys
import time

from pace2fit.encoder import encode
from pace2fit.parser import parse

texts = json.load(open(sys.argv[1]))
for text in texts:  # every text must be accepted, or the comparison would be unfair
    encode(parse(text))
if "--once" in sys.argv:
    sys.exit(0)
best = float("inf")
for _ in range(3):
    start = time.perf_counter()
    for text in texts:
        encode(parse(text))
    best = min(best, time.perf_counter() - start)
print(json.dumps({"seconds": best}))
