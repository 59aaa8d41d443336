"""kg.dataset: VoID/DCAT counts on a tiny store whose numbers are known by construction."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store

from kg.dataset import describe_dataset

BASE = "https://example.org/kg/"
VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
DCTERMS = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
XSD = "http://www.w3.org/2001/XMLSchema#"

GRAPH_A = """
@prefix kg: <https://w3id.org/kamerstukken-kg/def#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<id/document/a> a kg:Document , foaf:Document ; kg:sourceFile "a.txt" ; prov:wasGeneratedBy <build/a/1> .
<id/persoon/x> a foaf:Person ; foaf:name "X" .
<build/a/1> a prov:Activity ; prov:endedAtTime "2024-05-01T10:00:00+00:00"^^xsd:dateTime .
"""
# The person triples repeat graph A's: distinct triples count once. <http://other.example/y> lies
# outside the base, so it is a subject but not an entity of this dataset.
GRAPH_B = """
@prefix kg: <https://w3id.org/kamerstukken-kg/def#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<id/document/b> a kg:Document ; kg:sourceFile "b.txt" ; prov:wasGeneratedBy <build/b/1> ; kg:mentions <id/persoon/x> .
<id/persoon/x> a foaf:Person ; foaf:name "X" .
<http://other.example/y> foaf:name "Y" .
<build/b/1> a prov:Activity ; prov:endedAtTime "2024-05-02T09:00:00+02:00"^^xsd:dateTime .
"""


def tiny_store() -> Store:
    store = Store()
    for name, data in (("a", GRAPH_A), ("b", GRAPH_B)):
        store.load(data.encode(), format=RdfFormat.TURTLE, base_iri=BASE, to_graph=NamedNode(f"{BASE}graph/document/{name}"))
    # A stale description in the dataset graph must not be counted.
    stale = NamedNode(BASE + "dataset")
    store.add(Quad(stale, NamedNode(VOID + "triples"), Literal("999"), NamedNode(BASE + "graph/dataset")))
    return store


def values(quads, subject: str, predicate: str) -> list:
    return sorted(
        (q.object.value for q in quads if q.subject.value == subject and q.predicate.value == predicate), key=str
    )


def count(quads, subject: str, predicate: str) -> int:
    (value,) = values(quads, subject, predicate)
    return int(value)


def test_counts_come_from_the_union_without_the_dataset_graph():
    quads = describe_dataset(tiny_store(), BASE)
    dataset = BASE + "dataset"
    # A: 4 + 2 + 2 = 8 triples, B: 4 + 2 + 1 + 2 = 9, of which 2 (the person) repeat A's.
    assert count(quads, dataset, VOID + "triples") == 15
    assert count(quads, dataset, VOID + "distinctSubjects") == 6
    assert count(quads, dataset, VOID + "entities") == 5  # subjects under the base
    assert count(quads, dataset, VOID + "classes") == 4
    assert count(quads, dataset, VOID + "properties") == 6
    assert values(quads, dataset, VOID + "uriSpace") == [BASE]


def test_class_and_property_partitions():
    quads = describe_dataset(tiny_store(), BASE)
    partitions = {
        values(quads, p, VOID + "class")[0]: count(quads, p, VOID + "entities")
        for p in values(quads, BASE + "dataset", VOID + "classPartition")
    }
    assert partitions == {
        "https://w3id.org/kamerstukken-kg/def#Document": 2,
        "http://xmlns.com/foaf/0.1/Document": 1,
        "http://xmlns.com/foaf/0.1/Person": 1,
        PROV + "Activity": 2,
    }
    properties = {
        values(quads, p, VOID + "property")[0]: count(quads, p, VOID + "triples")
        for p in values(quads, BASE + "dataset", VOID + "propertyPartition")
    }
    assert properties["http://xmlns.com/foaf/0.1/name"] == 2
    assert properties["http://www.w3.org/1999/02/22-rdf-syntax-ns#type"] == 6
    assert properties["https://w3id.org/kamerstukken-kg/def#mentions"] == 1


def test_vocabularies_builds_and_modification_time():
    quads = describe_dataset(tiny_store(), BASE)
    dataset = BASE + "dataset"
    assert values(quads, dataset, VOID + "vocabulary") == sorted(
        [
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "http://xmlns.com/foaf/0.1/",
            PROV,
            "https://w3id.org/kamerstukken-kg/def#",
        ]
    )
    assert values(quads, dataset, PROV + "wasGeneratedBy") == [BASE + "build/a/1", BASE + "build/b/1"]
    # The latest end of any build, compared as dateTimes (time zones included).
    (modified,) = [q.object for q in quads if q.predicate.value == DCTERMS + "modified"]
    assert modified.value == "2024-05-02T09:00:00+02:00"
    assert modified.datatype.value == XSD + "dateTime"


def test_dumps_and_endpoint_become_distributions():
    dumps = ["https://example.org/dumps/kg.nq.gz", "https://example.org/dumps/kg.ttl"]
    quads = describe_dataset(tiny_store(), BASE, dumps=dumps, sparql_endpoint="https://example.org/sparql")
    dataset = BASE + "dataset"
    assert values(quads, dataset, VOID + "dataDump") == dumps
    assert values(quads, dataset, VOID + "sparqlEndpoint") == ["https://example.org/sparql"]
    media = {}
    for distribution in values(quads, dataset, DCAT + "distribution"):
        assert values(quads, distribution, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type") == [DCAT + "Distribution"]
        (url,) = values(quads, distribution, DCAT + "downloadURL")
        media[url] = values(quads, distribution, DCAT + "mediaType") + values(quads, distribution, DCAT + "compressFormat")
    iana = "https://www.iana.org/assignments/media-types/"
    assert media == {
        dumps[0]: [iana + "application/n-quads", iana + "application/gzip"],
        dumps[1]: [iana + "text/turtle"],
    }


def test_the_description_is_deterministic_and_lives_in_the_dataset_graph():
    store = tiny_store()
    first = describe_dataset(store, BASE, dumps=["https://example.org/kg.trig"])
    assert first == describe_dataset(store, BASE, dumps=["https://example.org/kg.trig"])
    assert {q.graph_name.value for q in first} == {BASE + "graph/dataset"}
    assert all(isinstance(q.subject, NamedNode) and isinstance(q.graph_name, NamedNode) for q in first)  # no blank nodes
    types = values(first, BASE + "dataset", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    assert types == sorted([DCAT + "Dataset", VOID + "Dataset"])
    assert values(first, BASE + "dataset", DCTERMS + "license") == ["http://creativecommons.org/publicdomain/zero/1.0/"]


def test_the_description_conforms_to_kgs_dataset_shapes():
    from kg.validate import validate

    store = tiny_store()
    store.remove_graph(NamedNode(BASE + "graph/dataset"))
    store.extend(describe_dataset(store, BASE, dumps=["https://example.org/kg.nq"]))
    report = validate(store)
    dataset_results = [r for r in report.results if r.focus.startswith(BASE + "dataset")]
    assert dataset_results == []
