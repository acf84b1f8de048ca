"""Scratch: temporary folders that a killed run leaves where the next run finds them.

A run's scratch folders (sorted runs for the exports, Dask shards, export files being
written) live inside the output or store folder it works on, never in the system's
temporary folder, and their names carry the owner's process id and host:
``.graphbuild-<kind>-<pid>-<host>-<random>``. ``kill -9`` skips every ``finally``, so
each run starts by removing the folders whose owner is gone (same host, process not
alive); a folder of a build still running, or of another machine sharing the disk, is
left alone.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import tempfile
from pathlib import Path

_HOST = re.sub(r"[^A-Za-z0-9]", "", socket.gethostname())[:40] or "host"
_NAME = re.compile(r"^\.graphbuild-[a-z]+-(?P<pid>\d+)-(?P<host>[A-Za-z0-9]+)-")


def make_scratch(parent: Path, kind: str) -> Path:
    """A new scratch folder of this process inside ``parent`` (created if missing)."""
    parent = Path(parent)
    parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".graphbuild-{kind}-{os.getpid()}-{_HOST}-", dir=parent))


def scratch_prefix(kind: str) -> str:
    """The name prefix of this process's scratch entries of ``kind`` (for ``mkstemp``)."""
    return f".graphbuild-{kind}-{os.getpid()}-{_HOST}-"


def pid_alive(pid: int) -> bool:
    """Whether a process ``pid`` exists on this machine (one of another user counts as alive)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale(parent: Path | None) -> list[Path]:
    """Remove the scratch entries in ``parent`` whose owning process on this host is gone;
    return what was removed. Entries of live processes and of other hosts stay."""
    if parent is None or not Path(parent).is_dir():
        return []
    removed = []
    for entry in sorted(Path(parent).iterdir()):
        m = _NAME.match(entry.name)
        if m is None or m["host"] != _HOST or pid_alive(int(m["pid"])):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed.append(entry)
    return removed
