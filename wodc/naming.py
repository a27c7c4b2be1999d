"""Names for output files and devices."""

from __future__ import annotations

import hashlib
import re
import unicodedata


def slug(name: str) -> str:
    """A stable file name for a workout name: "30-Minute Treadmill Run!" -> "30-minute-treadmill-run".
    Latin accents fold to ASCII (Café -> cafe); letters and digits of every other script are
    kept ("Темп 5x1 км" -> "темп-5x1-км"), so two Cyrillic or Japanese names never collide on
    one fixed name; a name with no letters or digits at all (emoji) becomes "workout-" and a
    short hash of it."""
    kept = []
    for char in unicodedata.normalize("NFC", name):
        folded = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
        if char.isascii() or (folded and folded.isalnum()):
            kept.append(folded or char)  # ASCII, or a Latin letter with its accent folded
        elif unicodedata.category(char).startswith(("L", "N")):
            kept.append(char)  # a letter or digit of another script (й, バ, ש), whole
        # symbols and emoji are dropped
    text = "".join(kept).lower()
    text = re.sub(r"[^\w]+|_+", "-", text).strip("-")
    if text:
        return text
    return "workout-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
