"""Building: idempotence, per-document replacement, bad input, provenance offsets."""

from __future__ import annotations

import hashlib
import re
import shutil

import pytest

from pyoxigraph import NamedNode

from kg.build import build, sample_paths
from kg.store import KGStore, StoreError


@pytest.fixture
def reproducible(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def test_rebuild_skips_unchanged_documents_and_keeps_bytes(tmp_path, reproducible):
    store = KGStore.open(tmp_path / "store")
    first = build(store)
    assert len(first.built) == len(sample_paths()) and not first.skipped_unchanged
    count, dump = len(store), store.export("nquads")

    second = build(store)
    assert second.built == [] and len(second.skipped_unchanged) == len(first.built)
    assert len(store) == count
    assert store.export("nquads") == dump


def test_forced_rebuild_gives_the_same_graph(tmp_path, reproducible):
    store = KGStore.open(tmp_path / "store")
    build(store)
    dump = store.export("trig")
    forced = build(store, force=True)
    assert len(forced.built) == len(sample_paths())
    assert store.export("trig") == dump


def test_two_stores_from_the_same_input_export_the_same_bytes(tmp_path, reproducible):
    exports = []
    for name in ("a", "b"):
        store = KGStore.open(tmp_path / name)
        build(store)
        exports.append(store.export("turtle"))
    assert exports[0] == exports[1]
    assert b"@prefix kg:" in exports[0]


def _graph_quads(store: KGStore, graph) -> set[str]:
    return {str(q) for q in store.store.quads_for_pattern(None, None, None, graph)}


def test_rebuilding_a_changed_document_replaces_only_its_graph(tmp_path, two_samples):
    folder, first, second = two_samples
    store = KGStore.open(tmp_path / "store")
    build(store, [folder])
    (graph_b,) = store.content_graphs(hashlib.sha256(second.read_bytes()).hexdigest())
    before_b = _graph_quads(store, NamedNode(graph_b))

    new_text = "De Kamer spreekt over de Wajong en het UWV.\n"
    (folder / "a.txt").write_text(new_text, encoding="utf-8")
    report = build(store, [folder])
    assert report.built == ["a.txt"] and report.skipped_unchanged == ["b.txt"]
    assert _graph_quads(store, NamedNode(graph_b)) == before_b
    (graph_a,) = store.content_graphs(hashlib.sha256(new_text.encode()).hexdigest())
    assert not store.content_graphs(hashlib.sha256(first.read_bytes()).hexdigest())
    after_a = "\n".join(_graph_quads(store, NamedNode(graph_a)))
    assert "id/wet/wajong" in after_a
    # Nothing of the old text of a.txt survives in its graph.
    assert first.read_text(encoding="utf-8")[:40] not in after_a


def test_bad_files_are_skipped_with_one_line_warnings(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(sample_paths()[0], folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "cp1252.txt").write_bytes("Re\u00efntegratie van UWV en gemeenten.".encode("cp1252"))
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 20)
    store = KGStore.open(tmp_path / "store")
    report = build(store, [folder, tmp_path / "missing.txt"])
    assert report.built == ["good.txt"]
    assert len(report.warnings) == 4
    assert all("\n" not in warning for warning in report.warnings)
    assert any("cp1252.txt" in w and "UTF-8" in w for w in report.warnings)
    assert any("missing.txt" in w for w in report.warnings)


def test_a_store_held_by_another_handle_gives_a_one_line_error(tmp_path):
    holder = KGStore.open(tmp_path / "store")
    with pytest.raises(StoreError) as error:
        KGStore.open(tmp_path / "store")
    assert "in use by another process" in str(error.value) and "\n" not in str(error.value)
    del holder


def test_read_only_open_of_a_missing_store_says_build_first(tmp_path):
    with pytest.raises(StoreError, match="kg build"):
        KGStore.open(tmp_path / "nothing", read_only=True)


def _squash(text: str) -> str:
    """Compare texts modulo undone hyphenation, removed footers' line breaks and inserted spaces."""
    return re.sub(r"[\s\u00ad-]+", "", text)


def test_every_mention_points_at_its_raw_characters(corpus_store, corpus_files):
    raw = {path.name: path.read_text(encoding="utf-8") for path in corpus_files}
    rows = list(
        corpus_store.query(
            """SELECT ?source ?begin ?end ?anchor ?surface ?sb ?se WHERE {
                 ?m a nif:Phrase ; nif:beginIndex ?begin ; nif:endIndex ?end ; nif:anchorOf ?anchor ;
                    kg:surfaceForm ?surface ; nif:referenceContext ?ctx ; nif:sentence ?s .
                 ?s nif:beginIndex ?sb ; nif:endIndex ?se .
                 ?ctx nif:sourceUrl ?item . ?item kg:sourceFile ?source }"""
        )
    )
    assert len(rows) > 300
    for row in rows:
        text = raw[row["source"].value]
        begin, end = int(row["begin"].value), int(row["end"].value)
        assert text[begin:end] == row["anchor"].value
        assert _squash(text[begin:end]) == _squash(row["surface"].value), (row["source"].value, begin, end)
        assert int(row["sb"].value) <= begin and end <= int(row["se"].value)


def test_builds_record_mode_model_and_input_hash(corpus_store):
    rows = list(
        corpus_store.query(
            "SELECT ?a ?mode ?model ?hash ?t WHERE { ?a a prov:Activity ; kg:nlpMode ?mode ; kg:nlpModel ?model ;"
            " kg:contentSha256 ?hash ; prov:startedAtTime ?t ; prov:wasAssociatedWith ?agent }"
        )
    )
    assert len(rows) == 5
    assert {row["mode"].value for row in rows} == {"rules-only"}
    assert all(re.fullmatch(r"[0-9a-f]{64}", row["hash"].value) for row in rows)


def test_a_forced_rebuild_leaves_one_graph_per_content(tmp_path):
    """A content the store holds under another graph IRI (an earlier build named the document
    otherwise, e.g. before its official id was read) keeps only the graph this build writes."""
    from pyoxigraph import Quad

    store = KGStore.open(tmp_path / "store")
    sample = sample_paths()[:1]
    build(store, sample, workers=1)
    (graph,) = [g for g in store.store.named_graphs() if "/graph/" in g.value and "ontology" not in g.value
                and "dataset" not in g.value and "totals" not in g.value]
    stale = NamedNode(graph.value + "-earlier-name")
    store.store.extend([Quad(stale if q.subject == graph else q.subject, q.predicate, q.object, stale)
                        for q in store.store.quads_for_pattern(None, None, None, graph)])
    build(store, sample, workers=1, force=True)
    graphs = {g.value for g in store.store.named_graphs()}
    assert graph.value in graphs and stale.value not in graphs
