"""Writing output files the way every Guotu output is written: into a temporary file beside
the target (same folder, same extension: drivers go by it), renamed over the target only
when complete, so that a failed or cancelled run leaves the previous file as it was and no
half-written one behind."""

import os
from pathlib import Path


def temporary_path(path: Path) -> Path:
    """"STEM.tmp-PID.EXT" beside ``path`` — the name the command-line tool uses too."""
    path = Path(path)
    return path.with_name(f"{path.stem}.tmp-{os.getpid()}{path.suffix}")


def write_bytes_atomically(path: Path, data: bytes) -> Path:
    """Writes ``data`` to ``path`` through a temporary file; OSError when it cannot, with
    nothing left behind."""
    path = Path(path)
    temp = temporary_path(path)
    try:
        temp.write_bytes(data)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return path
