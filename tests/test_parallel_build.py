"""A build in worker processes or on a Dask LocalCluster writes what a one-process build writes."""

from __future__ import annotations

import pytest

from kg.build import build
from kg.store import KGStore

CORPUS_COPIES = 4  # 20 documents: enough for two workers (see kg.build.MIN_DOCUMENTS_PER_WORKER)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, corpus_dir):
    folder = tmp_path_factory.mktemp("copies")
    for copy in range(CORPUS_COPIES):
        for source in sorted(corpus_dir.glob("*.txt")):
            text = source.read_text(encoding="utf-8")
            (folder / f"{copy}_{source.name}").write_text(f"{text}\n\nKopie {copy}\n", encoding="utf-8")
    return folder


def export(tmp_path, corpus, name: str, **options) -> bytes:
    store = KGStore.open(tmp_path / name)
    report = build(store, [corpus], **options)
    assert len(report.built) == 5 * CORPUS_COPIES and not report.failed
    return store.export("nquads")


def test_worker_processes_and_a_dask_cluster_write_what_one_process_writes(tmp_path, corpus, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    alone = export(tmp_path, corpus, "one")
    assert export(tmp_path, corpus, "processes", workers=2) == alone
    assert export(tmp_path, corpus, "dask", workers=2, scheduler="local") == alone
