"""``kg build --shards`` + ``kg load`` fill a store exactly as a direct build does, and refuse bad shards."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from kg.build import build, sample_paths
from kg.errors import NO_INPUT, USAGE
from kg.extract import write_shard
from kg.load import load
from kg.store import KGStore

KG = str(Path(sys.executable).with_name("kg"))


def kg(*args) -> subprocess.CompletedProcess:
    return subprocess.run([KG, *map(str, args)], capture_output=True, text=True, timeout=600)


@pytest.fixture()
def sources(tmp_path):
    """The samples plus a byte copy of one of them (its name must reach the item through the shards too)."""
    folder = tmp_path / "sources"
    folder.mkdir()
    for path in sample_paths():
        shutil.copy(path, folder / path.name)
    shutil.copy(sample_paths()[0], folder / "99_kopie.txt")
    return folder


def exports(store: KGStore) -> tuple[bytes, bytes]:
    return store.export("nquads"), store.export("nquads", with_default_graph=True)


def test_shards_loaded_into_a_store_give_the_store_a_direct_build_writes(tmp_path, sources, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    direct = KGStore.open(tmp_path / "direct")
    build(direct, [sources])

    report = build(None, [sources], shards=tmp_path / "shards")
    assert len(report.built) == 5 and report.skipped_unchanged == ["99_kopie.txt"] and not report.failed
    written = sorted(p.name for p in (tmp_path / "shards").iterdir())
    assert [n.split("-")[0] for n in written] == ["documents", "documents", "ontology"]
    loaded = KGStore.open(tmp_path / "loaded")
    load(loaded, [tmp_path / "shards"])
    assert exports(loaded) == exports(direct)

    # The same input names the same shards: a rerun (after a kill, say) extracts nothing again.
    again = build(None, [sources], shards=tmp_path / "shards")
    assert not again.built and len(again.skipped_unchanged) == 6
    assert sorted(p.name for p in (tmp_path / "shards").iterdir()) == written


def test_dask_workers_write_the_shards_themselves(tmp_path, sources, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    direct = KGStore.open(tmp_path / "direct")
    build(direct, [sources])
    report = build(None, [sources], shards=tmp_path / "shards", workers=2, scheduler="local")
    assert len(report.built) == 5 and not report.failed
    loaded = KGStore.open(tmp_path / "loaded")
    load(loaded, [tmp_path / "shards"])
    assert exports(loaded) == exports(direct)


def test_a_shard_is_written_whole_or_not_at_all(tmp_path):
    graph = NamedNode("https://example.org/graph/a")

    def quads_then_failure():
        yield Quad(graph, NamedNode("https://example.org/p"), Literal("x"), graph)
        raise KeyboardInterrupt  # a kill in the middle of writing

    with pytest.raises(KeyboardInterrupt):
        write_shard(tmp_path / "documents-a.nq", quads_then_failure())
    assert list(tmp_path.iterdir()) == []


def test_kg_load_names_missing_and_damaged_shards_in_one_line(tmp_path):
    missing = kg("load", tmp_path / "nowhere", "--store", tmp_path / "store")
    assert missing.returncode == NO_INPUT and missing.stderr.count("\n") == 1 and "nowhere" in missing.stderr
    assert not (tmp_path / "store").exists()  # a failed load leaves no empty store behind

    (tmp_path / "empty").mkdir()
    assert kg("load", tmp_path / "empty", "--store", tmp_path / "store").returncode == NO_INPUT

    shards = tmp_path / "shards"
    assert kg("build", "--shards", shards, "-q").returncode == 0
    damaged = sorted(shards.glob("documents-*.nq"))[0]
    damaged.write_bytes(damaged.read_bytes()[:-200] + b"<not n-quads\n")
    done = kg("load", shards, "--store", tmp_path / "store")
    assert done.returncode == USAGE and done.stderr.startswith("Error: ") and done.stderr.count("\n") == 1
    assert damaged.name in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "store").exists()  # checked before the store changed

    both = kg("build", "--shards", shards, "--store", tmp_path / "store")
    assert both.returncode == USAGE and "--store" in both.stderr


def test_load_and_build_shards_have_help_with_examples():
    assert "kg load shards/" in kg("load", "--help").stdout
    assert "--shards" in kg("build", "--help").stdout
