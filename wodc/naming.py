"""Names for output files and devices."""

from __future__ import annotations

import re


# File systems hold names of 255 bytes. A slug stays well under, leaving room for the format's
# suffix (.qz.xml, .card.csv) and the temporary name a file is written under first
# (.NAME.SUFFIX.XXXXXXXX.tmp).
MAX_SLUG_BYTES = 100


def slug(name: str) -> str:
    """A stable file name for a workout name: "30-Minute Treadmill Run!" -> "30-minute-treadmill-run".
    Latin accents fold to ASCII (Café -> cafe); letters and digits of every other script are
    kept ("Темп 5x1 км" -> "темп-5x1-км"), so two Cyrillic or Japanese names never collide on
    one fixed name; a name with no letters or digits at all (emoji) becomes "workout-" and a
    short hash of it. A slug longer than MAX_SLUG_BYTES is cut and ends in that hash."""
    if name.isascii():  # (most names: what the loop below keeps of ASCII is all of it)
        text = name.lower()
    else:
        import unicodedata  # (here: 0.45 ms of every start-up at the top, for few names)

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
    if not text:
        return "workout-" + _digest(name)
    if len(text.encode("utf-8")) > MAX_SLUG_BYTES:
        # Cut at a character (not inside one), at a word's end where there is one, and keep
        # two long names that share a start apart with the hash of the whole name.
        cut = text.encode("utf-8")[:MAX_SLUG_BYTES].decode("utf-8", "ignore")
        if text[len(cut)] != "-" and "-" in cut:
            cut = cut[:cut.rindex("-")]
        return f"{cut.rstrip('-')}-{_digest(name)}"
    return text


def _digest(name: str) -> str:
    """A short hash of a name, for the slugs that need one (hashlib is imported only then:
    it is 4 ms of every command's start-up)."""
    import hashlib

    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
