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
    temporaries: list[tuple[str, Path]] = []
    try:
        for path, data in files.items():
            handle, temporary = _temporary(path)
            temporaries.append((temporary, path))
            try:
                _write_all(handle, data)
            finally:
                os.close(handle)
        for temporary, path in temporaries:
            os.replace(temporary, path)
    except BaseException:
        for temporary, _ in temporaries:
            try:
                os.unlink(temporary)
            except OSError:
                pass
        raise


def _write_all(handle: int, data: bytes) -> None:
    """Write `data` whole to a descriptor (no file object: its buffer, and the three system
    calls that set one up, are of no use for one write)."""
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view):]


# As tempfile.mkstemp opens its file (only the new file, never through a link), but with the
# mode any new file gets (0666 less the umask), where mkstemp's is private (0600) and would
# need a chmod, and the umask read twice, for every file. (tempfile, with shutil, bz2 and
# lzma, also took 6-9 ms of every compile's start.)
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | \
    getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def _temporary(path: Path) -> tuple[int, str]:
    """A new file beside `path`, named .NAME.XXXXXXXX.tmp: its descriptor and name."""
    for _ in range(100):  # (tempfile.TMP_MAX is 10,000 names; 100 of 2^32 all taken is never)
        name = os.path.join(path.parent, f".{path.name}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(name, _FLAGS, 0o666), name
        except FileExistsError:  # a name another writer took: draw again, as mkstemp does
            continue
    raise FileExistsError(f"no free temporary name beside {path}")


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


def current(path: Path, size: int) -> bytes | None:
    """What the file at `path` holds, as far as telling it from `size` bytes of new content
    and from a file wodc did not write needs (its first max(size + 1, 4096) bytes); None when
    nothing is there. What is there but cannot be read (a folder, a file without read
    permission) reads as b"": not wodc's."""
    try:
        with open(path, "rb") as stream:
            return stream.read(max(size + 1, 4096))
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError:
        return b""


def written_by_wodc(head: bytes) -> bool:
    """Whether a file that begins with `head` looks like one wodc wrote (so it may be
    replaced)."""
    return any(signature(head) for signature in _SIGNATURES)
