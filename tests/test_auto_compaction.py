"""A build that wrote a large share of its store leaves it near bulk-load size, without 'kg compact'."""

from __future__ import annotations

import shutil

from pyoxigraph import RdfFormat, Store

from kg.build import build, sample_paths
from kg.store import KGStore


def bulk_loaded_size(store: KGStore, tmp_path) -> int:
    """Size of a store bulk-loaded from every quad of ``store`` (named graphs and the merge)."""
    dump = tmp_path / "dump.nq"
    store.store.dump(str(dump), format=RdfFormat.N_QUADS)
    bulk = Store(str(tmp_path / "bulk"))
    bulk.bulk_load(path=str(dump), format=RdfFormat.N_QUADS)
    bulk.flush()
    del bulk
    return KGStore(None, tmp_path / "bulk", True).size()


def samples(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    for path in sample_paths():
        shutil.copy(path, sources / path.name)
    return sources


def counting_rewrites(monkeypatch) -> list:
    rewrites = []
    rewrite = KGStore.rewrite
    monkeypatch.setattr(KGStore, "rewrite", lambda self: (rewrites.append(self.path), rewrite(self)))
    return rewrites


def test_a_first_build_is_written_once_near_bulk_size_and_a_small_rebuild_is_not_compacted(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    sources = samples(tmp_path)
    rewrites = counting_rewrites(monkeypatch)

    store = KGStore.open(tmp_path / "store")
    build(store, [sources])
    assert rewrites == []  # the build's runs are bulk loads already: nothing to rewrite
    assert store.size() <= 1.5 * bulk_loaded_size(store, tmp_path)
    before = store.export("nquads", with_default_graph=True)

    changed = sorted(sources.iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nGewijzigd.\n", encoding="utf-8")
    report = build(store, [sources])
    assert len(report.built) == 1 and rewrites == []  # one document of five: not worth a rewrite
    assert store.export("nquads", with_default_graph=True) != before


def test_a_first_build_written_in_many_small_runs_is_compacted(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    sources = samples(tmp_path)
    rewrites = counting_rewrites(monkeypatch)
    monkeypatch.setattr("kg.store.RUN_QUADS", 300)  # a bulk load per document, as batches once were
    monkeypatch.setattr("kg.build.AUTO_COMPACT_RATIO", 0.01)  # whatever the size: over the bound
    store = KGStore.open(tmp_path / "store")
    build(store, [sources])
    assert rewrites == [store.path]
    assert store.size() <= 1.5 * bulk_loaded_size(store, tmp_path)
