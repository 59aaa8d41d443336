"""Is every table file of an on-disk store whole and present? Checked before the store is opened.

RocksDB checks the table files it opens when the store opens, but with pyoxigraph's options it opens
at most 16 per column family then; the rest are opened by the first read that needs them. A
truncated table met that late made pyoxigraph 0.5.13 allocate until the machine ran out of memory
(24 GB for a five-document store), and a missing one answered the queries that did not touch it.
So kg looks at the files itself, through a hard-link backup of the store: RocksDB's own list of
live files, linked one by one into a scratch folder (cheap, nothing copied, and never a table a
running build is still writing):

* a table the store's manifest lists but the folder lacks fails the backup. A compaction of a build
  running at the same time may remove a file between the list and the link, so a missing file
  counts only when a second try misses the same one (file numbers are never reused);
* a truncated (or overwritten) table no longer ends in the magic number of RocksDB's table formats.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

from pyoxigraph import Store

#: The last eight bytes of a RocksDB table file: block-based, legacy block-based and plain tables.
TABLE_MAGICS = {
    (0x88E241B785F4CFF7).to_bytes(8, "little"),
    (0xDB4775248B80FB57).to_bytes(8, "little"),
    (0x8242229663BF9564).to_bytes(8, "little"),
}

#: Scratch folders of the check, inside the store folder (hard links need the same file system).
_PROBE_PREFIX = "kg-check-"


def damaged_table(where: Path) -> str | None:
    """What is wrong with the table files of the store folder ``where``, or None when nothing is."""
    for entry in os.scandir(where):
        if entry.name.startswith(_PROBE_PREFIX):
            shutil.rmtree(entry.path, ignore_errors=True)  # left by a command that was killed
    first = _probe(where)
    if first is None or not first.startswith("missing"):
        return first
    second = _probe(where)
    return second if second == first else None


def _probe(where: Path) -> str | None:
    probe = where / f"{_PROBE_PREFIX}{uuid.uuid4().hex}"
    try:
        Store.read_only(str(where)).backup(str(probe))
        return next(filter(None, map(_unwhole, sorted(probe.glob("*.sst")))), None)
    except FileNotFoundError as error:
        return "missing table: " + " ".join(str(error).replace(f" to {probe}.tmp/", " ").split())
    except RuntimeError as error:  # RocksDB met the damage itself while opening
        return " ".join(str(error).split())
    except OSError:  # not a store this check can read; opening it says what is wrong
        return None
    finally:
        shutil.rmtree(probe, ignore_errors=True)
        shutil.rmtree(f"{probe}.tmp", ignore_errors=True)


def _unwhole(table: Path) -> str | None:
    with open(table, "rb") as handle:
        size = handle.seek(0, os.SEEK_END)
        if size >= 8:
            handle.seek(size - 8)
        if size < 8 or handle.read(8) not in TABLE_MAGICS:
            return f"truncated or overwritten table: {table.name} ({size} bytes) does not end like a table file"
    return None
