"""Writing output files so that a failure never leaves a partial or half-old file."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same directory, then rename over the target: readers
    see the old file or the new one, never a mixture."""
    write_group({path: data})


def write_group(files: dict[Path, bytes]) -> None:
    """Write several files all or nothing: every one to a temporary file beside its target
    first, then rename them all; if any write fails, remove the temporaries and rename none."""
    import tempfile  # (here: a check, which writes nothing, need not import it)

    temporaries: list[tuple[str, Path]] = []
    try:
        for path, data in files.items():
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                                 suffix=".tmp")
            temporaries.append((temporary, path))
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            # mkstemp makes the file private (0600); give it the mode any new file would get.
            os.chmod(temporary, 0o666 & ~_umask())
        for temporary, path in temporaries:
            os.replace(temporary, path)
    except BaseException:
        for temporary, _ in temporaries:
            try:
                os.unlink(temporary)
            except OSError:
                pass
        raise


# How each of wodc's outputs begins (or, for a card, what its first lines hold): enough to
# tell a file wodc wrote from someone else's before replacing it.
_SIGNATURES = (
    lambda head: head[8:12] == b".FIT",                                 # FIT
    lambda head: b"<workout_file>" in head,                             # ZWO
    lambda head: b'<rows device="treadmill">' in head,                  # QZ
    lambda head: b"Treadmill program: speed in" in head,                # card, txt and md
    lambda head: head.startswith(b"segment,start,time,speed_"),         # card, csv
    lambda head: b"PRODID:-//wodc//" in head,                           # plan calendar
    lambda head: b"\r\nSOURCE = wodc\r\n" in head,                       # erg, mrc
)


def written_by_wodc(path: Path) -> bool:
    """Whether the file at `path` looks like one wodc wrote (so it may be replaced)."""
    try:
        with open(path, "rb") as stream:
            head = stream.read(4096)
    except OSError:
        return False
    return any(signature(head) for signature in _SIGNATURES)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
