"""The ontology files: they parse everywhere, declare every kg term in use, and the shapes are valid SHACL."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, parse
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SH, SKOS

from kg.extractors.base import DOCUMENT_TYPES
from kg.vocab import KG

REPO = Path(__file__).resolve().parents[1]
BASE = "https://example.org/kg/"
ONTOLOGY_IRI = URIRef(KG.rstrip("#"))
TTL_FILES = sorted(r.name for r in files("kg.ontology").iterdir() if r.name.endswith(".ttl"))


def _read(name: str) -> bytes:
    return files("kg.ontology").joinpath(name).read_bytes()


def _rdflib(name: str, base: str = BASE) -> Graph:
    graph = Graph()
    graph.parse(data=_read(name), format="turtle", publicID=base)
    return graph


@pytest.fixture(scope="module")
def vocabulary() -> Graph:
    return _rdflib("kg.ttl")


def test_the_expected_files_are_shipped():
    assert {"kg.ttl", "documenttypes.ttl", "shapes.ttl"} <= set(TTL_FILES)


@pytest.mark.parametrize("name", TTL_FILES)
def test_each_file_parses_with_rdflib_and_pyoxigraph_to_the_same_triples(name):
    graph = _rdflib(name)
    triples = list(parse(_read(name), format=RdfFormat.TURTLE, base_iri=BASE))
    assert len(graph) > 0
    assert len(triples) == len(graph)


@pytest.mark.parametrize("name", ["kg.ttl", "shapes.ttl"])
def test_vocabulary_and_shapes_use_absolute_iris_only(name):
    """Without a base IRI a relative IRI is a parse error, so this proves no base dependence."""
    assert list(parse(_read(name), format=RdfFormat.TURTLE))


@pytest.mark.parametrize("name", TTL_FILES)
def test_no_file_sets_its_own_base(name):
    assert not re.search(rb"^\s*(@base|BASE)\b", _read(name), re.MULTILINE | re.IGNORECASE)


def test_document_types_follow_the_base_and_match_the_extractor_contract():
    for base in (BASE, "https://w3id.org/kamerstukken-kg/"):
        graph = _rdflib("documenttypes.ttl", base)
        scheme = URIRef(base + "id/scheme/documenttypes")
        assert (scheme, RDF.type, SKOS.ConceptScheme) in graph
        concepts = {str(c)[len(base + "id/documenttype/"):] for c in graph.subjects(SKOS.inScheme, scheme)}
        assert concepts == set(DOCUMENT_TYPES)
        for concept in graph.subjects(SKOS.inScheme, scheme):
            dutch = [l for l in graph.objects(concept, SKOS.prefLabel) if l.language == "nl"]
            assert len(dutch) == 1, concept
            assert list(graph.objects(concept, SKOS.definition)), concept


def test_the_ontology_header(vocabulary):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in vocabulary
    assert str(vocabulary.value(ONTOLOGY_IRI, URIRef("http://purl.org/vocab/vann/preferredNamespacePrefix"))) == "kg"
    assert vocabulary.value(ONTOLOGY_IRI, URIRef("http://purl.org/dc/terms/license")) is not None
    assert vocabulary.value(ONTOLOGY_IRI, OWL.versionInfo) is not None


def test_every_kg_term_is_documented_in_dutch_and_english(vocabulary):
    terms = {s for s in vocabulary.subjects() if isinstance(s, URIRef) and str(s).startswith(KG)}
    assert len(terms) > 20
    for term in terms:
        languages = {l.language for l in vocabulary.objects(term, RDFS.label) if isinstance(l, Literal)}
        assert {"nl", "en"} <= languages, term
        assert list(vocabulary.objects(term, RDFS.comment)), term
        assert (term, RDFS.isDefinedBy, ONTOLOGY_IRI) in vocabulary, term
        kinds = set(vocabulary.objects(term, RDF.type))
        assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, term


def test_kg_classes_specialise_the_reused_vocabularies(vocabulary):
    expected = {
        "Kamerstuk": KG + "ParliamentaryDocument",
        "HandelingenItem": KG + "ParliamentaryDocument",
        "AanhangselItem": KG + "ParliamentaryDocument",
        "ParliamentaryDocument": "http://xmlns.com/foaf/0.1/Document",
        "Document": "http://xmlns.com/foaf/0.1/Document",
        "Item": "http://www.w3.org/ns/prov#Entity",
        "Law": "http://schema.org/Legislation",
        "Instrument": "http://www.w3.org/2004/02/skos/core#Concept",
        "PoliticalParty": "http://www.w3.org/ns/org#Organization",
        "ActorGroup": "http://xmlns.com/foaf/0.1/Agent",
        "Question": "http://schema.org/Question",
        "Answer": "http://schema.org/Answer",
    }
    for local, parent in expected.items():
        assert (URIRef(KG + local), RDFS.subClassOf, URIRef(parent)) in vocabulary, local


def _kg_terms_used_in_the_project() -> set[str]:
    """kg: names and ``KGV.name`` / ``KGV["name"]`` uses across code, queries and ontology files."""
    used: set[str] = set()
    sources = [*REPO.glob("kg/**/*.py"), *REPO.glob("extractors/**/*.py"), *REPO.glob("queries/*.rq"), *REPO.glob("ontology/*.ttl")]
    for path in sources:
        text = path.read_text(encoding="utf-8")
        used.update(re.findall(r"(?<![\w/-])kg:([A-Za-z][A-Za-z0-9]*)", text))
        used.update(re.findall(r"\bKGV\.([A-Za-z][A-Za-z0-9]*)", text))
        used.update(re.findall(r"\bKGV\[\"([A-Za-z][A-Za-z0-9]*)\"\]", text))
        used.update(re.findall(re.escape(KG) + r"([A-Za-z][A-Za-z0-9]*)", text))
    return used


def test_every_kg_term_in_use_is_declared(vocabulary):
    declared = {str(s)[len(KG):] for s in vocabulary.subjects(RDFS.isDefinedBy, ONTOLOGY_IRI)}
    used = _kg_terms_used_in_the_project()
    # The writer's core terms are certainly among them, so the scan itself works.
    assert {"Document", "Kamerstuk", "surfaceForm", "ActorInstrumentAssociation"} <= used
    assert used - declared == set()


def test_shapes_are_valid_shacl():
    """pySHACL's meta_shacl option validates the shapes against the SHACL-SHACL shapes first."""
    from pyshacl import validate

    shapes = _rdflib("shapes.ttl")
    conforms, _, text = validate(Graph(), shacl_graph=shapes, meta_shacl=True)
    assert conforms, text


def test_shapes_cover_the_model():
    shapes = _rdflib("shapes.ttl")
    targets = {str(t) for t in shapes.objects(None, SH.targetClass)}
    for local in ("Document", "Kamerstuk", "Question", "Answer", "ActorInstrumentAssociation", "Law"):
        assert KG + local in targets
    for iri in (
        "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Phrase",
        "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Sentence",
        "http://xmlns.com/foaf/0.1/Person",
        "http://www.w3.org/ns/opengov#Motion",
        "http://www.w3.org/ns/prov#Activity",
        "http://www.w3.org/2004/02/skos/core#Concept",
    ):
        assert iri in targets


def test_shapes_name_only_declared_kg_terms(vocabulary):
    shapes = _rdflib("shapes.ttl")
    declared = {str(s) for s in vocabulary.subjects(RDFS.isDefinedBy, ONTOLOGY_IRI)}
    used = {str(n) for triple in shapes for n in triple if isinstance(n, URIRef) and str(n).startswith(KG)}
    assert used and used <= declared


@pytest.mark.parametrize("fmt, name", [("html", "index.html"), ("markdown", "index.md")])
def test_docs_list_every_kg_term_and_every_concept(tmp_path, vocabulary, fmt, name):
    from kg.ontology_docs import write_docs

    path = write_docs(tmp_path / "docs", fmt)
    assert path == tmp_path / "docs" / name
    text = path.read_text(encoding="utf-8")
    for term in vocabulary.subjects(RDFS.isDefinedBy, ONTOLOGY_IRI):
        assert f"kg:{str(term)[len(KG):]}" in text
    for resource in TTL_FILES:
        if resource == "shapes.ttl":
            continue
        graph = _rdflib(resource, "https://w3id.org/kamerstukken-kg/")
        for concept in graph.subjects(RDF.type, SKOS.Concept):
            assert str(concept) in text, concept
    assert "Validation rules" in text and "a person has a foaf:name" in text


def test_docs_reject_an_unknown_format(tmp_path):
    from kg.ontology_docs import write_docs

    with pytest.raises(ValueError):
        write_docs(tmp_path, "pdf")
