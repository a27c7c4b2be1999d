"""Reading input with a bound: never more than the limit (plus one byte, to tell that it is
over) comes into memory, whatever the file is (a 2 GB sparse file, /dev/zero, `yes |`), and a
FIFO or device given as a file is refused before it is opened, so nothing waits forever."""

from __future__ import annotations

import os
import stat
import sys


class ReadError(Exception):
    """Why an input cannot be read, said for a person."""


def read_bounded(path: str, limit: int, stdin: bool = False) -> bytes:
    """At most `limit` + 1 bytes of the file at `path` (or standard input). Raises ReadError
    for a file over the limit (by its size, before reading), a file that is not a regular
    file, or one the system cannot read."""
    try:
        if stdin:
            return sys.stdin.buffer.read(limit + 1)
        status = os.stat(path)
        if not stat.S_ISREG(status.st_mode):
            raise ReadError("not a regular file (a FIFO, device or socket); give a file")
        if status.st_size > limit:
            raise ReadError(f"the file is {status.st_size:,} bytes; the limit is {limit:,} bytes")
        with open(path, "rb") as stream:
            # As much as the size says, not the limit: read(n) makes a buffer of n bytes
            # first (a megabyte for each small file tripled the time to read it).
            data = stream.read(min(status.st_size, limit) + 1)
            if len(data) > status.st_size:  # it grew since, or its size says nothing (0)
                data += stream.read(limit + 1 - len(data))
            return data
    except OSError as error:
        raise ReadError(f"cannot read: {error.strerror or error}") from None
    except (AttributeError, ValueError):  # standard input closed or missing
        raise ReadError("cannot read: standard input is closed") from None
