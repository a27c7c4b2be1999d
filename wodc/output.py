"""Writing output files so that a failure never leaves a partial or half-old file."""

from __future__ import annotations

import os
import tempfile
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


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
