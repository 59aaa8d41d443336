"""Dumps others can load as they are: named graphs only by default, declared datatypes, compact JSON-LD."""

from __future__ import annotations

import json

import pytest
import rdflib
from pyoxigraph import RdfFormat, parse

from kg.export import jsonld_context
from kg.vocab import PREFIXES

XSD = PREFIXES["xsd"]


@pytest.fixture(scope="module")
def nquads(sample_store) -> bytes:
    return sample_store.export("nquads")


def test_dumps_with_named_graphs_leave_the_merge_out_unless_asked(sample_store, nquads):
    quads = list(parse(nquads, format=RdfFormat.N_QUADS))
    assert quads and all(q.graph_name.value for q in quads if hasattr(q.graph_name, "value"))
    assert not any(str(q.graph_name) == "DEFAULT" or not hasattr(q.graph_name, "value") for q in quads)
    with_default = list(parse(sample_store.export("nquads", with_default_graph=True), format=RdfFormat.N_QUADS))
    merged = [q for q in with_default if not hasattr(q.graph_name, "value")]
    assert len(merged) == sample_store.triple_count()
    # Read as a union, the default dump counts each triple once.
    assert len({q.triple for q in quads}) == sample_store.triple_count()


def test_offsets_are_non_negative_integers_in_exports(nquads):
    offsets = [q.object for q in parse(nquads, format=RdfFormat.N_QUADS) if q.predicate.value.endswith("#beginIndex")]
    assert offsets and {o.datatype.value for o in offsets} == {XSD + "nonNegativeInteger"}


def test_jsonld_is_compact_with_kgs_context_and_holds_the_same_triples(sample_store):
    data = sample_store.export("jsonld")
    document = json.loads(data)
    assert document["@context"] == jsonld_context()
    assert set(PREFIXES.items()) <= set(jsonld_context().items())
    assert any(key.startswith("nif:") for node in document["@graph"] for key in node)
    graph = rdflib.Graph()
    graph.parse(data=data, format="json-ld")
    assert len(graph) == sample_store.triple_count()


def test_dutch_texts_are_tagged(sample_store):
    rows = list(sample_store.query("SELECT (LANG(?t) AS ?lang) WHERE { ?q a kg:Question ; schema:text ?t }"))
    assert rows and {r["lang"].value for r in rows} == {"nl"}
    assert bool(sample_store.query("ASK { ?c a nif:Context ; nif:predLang <http://lexvo.org/id/iso639-3/nld> }"))
