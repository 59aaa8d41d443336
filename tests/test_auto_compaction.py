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


def test_a_first_build_over_the_bound_is_rewritten_from_its_runs_with_the_same_export(tmp_path, monkeypatch):
    """The rewrite after a first build reads the build's own runs (no dump of the store) and leaves
    the store a build without a rewrite leaves; a first build that changed a graph in place (a byte
    copy of a file adds a file name to its document) rewrites from a dump, with the same result."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    sources = samples(tmp_path)
    monkeypatch.setattr("kg.store.RUN_QUADS", 3000)  # a few runs, as a first build of many documents has
    from_runs = []
    load_runs = KGStore._load_runs
    monkeypatch.setattr(KGStore, "_load_runs", lambda self, copy, scratch: (from_runs.append(self.path), load_runs(self, copy, scratch))[1])

    monkeypatch.setattr("kg.build.AUTO_COMPACT_RATIO", 100.0)  # never over the bound
    plain = KGStore.open(tmp_path / "plain")
    build(plain, [sources])
    expected = plain.export("nquads", with_default_graph=True)

    monkeypatch.setattr("kg.build.AUTO_COMPACT_RATIO", 0.01)  # always over the bound
    store = KGStore.open(tmp_path / "store")
    build(store, [sources])
    assert from_runs == [store.path]
    assert store.export("nquads", with_default_graph=True) == expected
    assert not list(store.path.glob(".run-*"))

    shutil.copy(sorted(sources.iterdir())[0], sources / "copy.txt")
    for name, ratio in (("plain-copy", 100.0), ("store-copy", 0.01)):
        monkeypatch.setattr("kg.build.AUTO_COMPACT_RATIO", ratio)
        build(KGStore.open(tmp_path / name), [sources])
    assert from_runs == [store.path]  # the second first build changed a graph in place: a dump
    assert (KGStore.open(tmp_path / "store-copy", read_only=True).export("nquads", with_default_graph=True)
            == KGStore.open(tmp_path / "plain-copy", read_only=True).export("nquads", with_default_graph=True))
