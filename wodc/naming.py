"""Names for output files and devices."""

from __future__ import annotations

import re
import unicodedata


def slug(name: str) -> str:
    """A stable file name for a workout name: "30-Minute Treadmill Run!" -> "30-minute-treadmill-run".
    Accents are folded to ASCII; a name with no letters or digits becomes "workout"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "workout"
