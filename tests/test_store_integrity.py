"""kg.integrity: a store with a truncated or missing table is refused when it opens, not when a query meets it.

RocksDB opens only some of a column family's tables when the store opens (16 with pyoxigraph's
options); these stores have more, so the damaged table is one RocksDB itself would meet late.
"""

from __future__ import annotations

import pytest
from pyoxigraph import NamedNode, Quad, Store

from kg.integrity import damaged_table
from kg.store import KGStore, StoreError

LOADS = 20  # bulk loads, each leaving tables of its own in every index


@pytest.fixture()
def many_tables(tmp_path):
    where = tmp_path / "store"
    store = Store(str(where))
    for load in range(LOADS):
        store.bulk_extend(
            Quad(NamedNode(f"http://example.org/s{load}-{i}"), NamedNode("http://example.org/p"),
                 NamedNode(f"http://example.org/o{i}"), NamedNode(f"http://example.org/g{load}"))
            for i in range(200)
        )
    del store
    assert len(list(where.glob("*.sst"))) > 16 * 3
    return where


def _table_opened_late(where):
    """A table RocksDB does not open when the store opens (found by hiding each in turn)."""
    for table in sorted(where.glob("*.sst")):
        hidden = table.with_suffix(".hidden")
        table.rename(hidden)
        try:
            Store.read_only(str(where))
            return table
        except (RuntimeError, OSError):
            pass
        finally:
            hidden.rename(table)
    pytest.fail("RocksDB opened every table of the store when it opened")


def test_a_whole_store_passes_and_the_check_leaves_nothing_behind(many_tables):
    before = sorted(p.name for p in many_tables.iterdir())
    assert damaged_table(many_tables) is None
    assert sorted(p.name for p in many_tables.iterdir()) == before
    assert sum(1 for _ in KGStore.open(many_tables, read_only=True).store) == LOADS * 200


def test_a_truncated_table_is_named(many_tables):
    table = _table_opened_late(many_tables)
    with open(table, "r+b") as handle:
        handle.truncate(100)
    assert "truncated" in damaged_table(many_tables) and table.name in damaged_table(many_tables)
    for read_only in (True, False):
        with pytest.raises(StoreError, match="is damaged .*truncated.*rebuild"):
            KGStore.open(many_tables, read_only=read_only)


def test_a_missing_table_is_named(many_tables):
    table = _table_opened_late(many_tables)
    table.unlink()
    assert "missing table" in damaged_table(many_tables) and table.name in damaged_table(many_tables)
    with pytest.raises(StoreError, match="is damaged .*missing table.*rebuild"):
        KGStore.open(many_tables, read_only=True)


def test_a_scratch_folder_a_killed_check_left_is_removed(many_tables):
    (many_tables / "kg-check-0123").mkdir()
    assert damaged_table(many_tables) is None
    assert not (many_tables / "kg-check-0123").exists()
