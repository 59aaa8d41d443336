"""kg.export: the external sort gives the order (and bytes) an in-memory sort gives."""

from __future__ import annotations

import io

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat, serialize

import kg.export
from kg.store import KGStore

EX = "https://example.org/"


def test_spilled_runs_merge_into_the_in_memory_order(tmp_path, monkeypatch):
    store = KGStore.open(tmp_path / "store")
    graphs = [(NamedNode(f"{EX}graph/{g}"), [
        Quad(NamedNode(f"{EX}s{i % 7}"), NamedNode(f"{EX}p{i % 3}"), Literal(f"v{i}\nline", language="nl" if i % 2 else None), NamedNode(f"{EX}graph/{g}"))
        for i in range(60)
    ]) for g in ("b", "a", "c")]
    store.write_graphs(graphs)
    everything = list(store.store)

    def key(q):
        graph = "" if isinstance(q.graph_name, DefaultGraph) else str(q.graph_name)
        return (graph, str(q.subject), str(q.predicate), str(q.object))

    expected = serialize(sorted(everything, key=key), format=RdfFormat.N_QUADS)
    monkeypatch.setattr(kg.export, "RUN_LINES", 7)  # many runs spilled to disk
    monkeypatch.setattr(kg.export, "PARSE_LINES", 5)
    out = io.BytesIO()
    store.export("nquads", out, with_default_graph=True)
    assert out.getvalue() == expected
    # By default the merge (the default graph) is left out of dumps with named graphs.
    named = [q for q in sorted(everything, key=key) if not isinstance(q.graph_name, DefaultGraph)]
    assert store.export("nquads") == serialize(named, format=RdfFormat.N_QUADS)
    assert store.export("turtle") == store.export("turtle")
