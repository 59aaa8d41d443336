"""The reference vocabularies (SKOS concept schemes) in kg.ontology: well-formed, and usable as a gazetteer."""

from __future__ import annotations

import re
from collections import defaultdict
from importlib import resources

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS

from kg.extractors.gazetteer import VOCABULARY_FILES, concept_category, load_vocabulary

BASE = "https://example.org/kg/"
SCHEMA = Namespace("http://schema.org/")
KG = Namespace("https://w3id.org/kamerstukken-kg/def#")
SCHEMES = {
    "organisaties.ttl": "id/scheme/organisaties",
    "partijen.ttl": "id/scheme/partijen",
    "instrumenten.ttl": "id/scheme/instrumenten",
    "wetten.ttl": "id/scheme/wetten",
}


def _text(name: str) -> str:
    return resources.files("kg.ontology").joinpath(name).read_text(encoding="utf-8")


@pytest.fixture(scope="module", params=VOCABULARY_FILES)
def vocabulary(request) -> tuple[str, Graph]:
    graph = Graph()
    graph.parse(data=_text(request.param), format="turtle", publicID=BASE)
    return request.param, graph


@pytest.fixture(scope="module")
def all_graphs() -> Graph:
    graph = Graph()
    for name in VOCABULARY_FILES:
        graph.parse(data=_text(name), format="turtle", publicID=BASE)
    return graph


def _concepts(graph: Graph) -> list[URIRef]:
    return sorted(s for s in graph.subjects(RDF.type, SKOS.Concept) if isinstance(s, URIRef))


def test_files_use_relative_iris_without_base(vocabulary):
    name, graph = vocabulary
    assert not re.search(r"^\s*@base", _text(name), re.M), f"{name} must not set @base"
    concepts = _concepts(graph)
    assert len(concepts) >= 25, f"{name}: only {len(concepts)} concepts"
    for concept in concepts:
        assert str(concept).startswith(BASE + "id/"), f"{concept} is not relative to the base"


def test_every_concept_has_one_dutch_preflabel_a_scheme_and_a_definition(vocabulary):
    name, graph = vocabulary
    scheme = URIRef(BASE + SCHEMES[name])
    assert (scheme, RDF.type, SKOS.ConceptScheme) in graph
    assert list(graph.objects(scheme, DCTERMS.title)), f"{scheme} has no dcterms:title"
    for concept in _concepts(graph):
        prefs = list(graph.objects(concept, SKOS.prefLabel))
        dutch = [p for p in prefs if isinstance(p, Literal) and p.language == "nl"]
        assert len(dutch) == 1, f"{concept}: {len(dutch)} Dutch prefLabels"
        assert len({p.language for p in prefs}) == len(prefs), f"{concept}: two prefLabels in one language"
        assert (concept, SKOS.inScheme, scheme) in graph, f"{concept} is not in {scheme}"
        definitions = [d for d in graph.objects(concept, SKOS.definition) if d.language == "nl"]
        assert len(definitions) == 1 and "\n" not in definitions[0], f"{concept}: needs one one-line @nl definition"


def test_top_concepts_and_hierarchy_are_consistent(vocabulary):
    name, graph = vocabulary
    scheme = URIRef(BASE + SCHEMES[name])
    concepts = set(_concepts(graph))
    tops = set(graph.objects(scheme, SKOS.hasTopConcept))
    assert tops == set(graph.subjects(SKOS.topConceptOf, scheme))
    for concept in concepts:
        broader = set(graph.objects(concept, SKOS.broader))
        assert broader <= concepts, f"{concept}: broader target not in {name}"
        assert (concept in tops) == (not broader), f"{concept}: a concept is a top concept exactly when it has no broader"
        for parent in broader:
            assert (parent, SKOS.narrower, concept) in graph, f"{parent} lacks skos:narrower {concept}"
        for child in graph.objects(concept, SKOS.narrower):
            assert (child, SKOS.broader, concept) in graph, f"{child} lacks skos:broader {concept}"
        for other in graph.objects(concept, SKOS.related):
            assert other in concepts and (other, SKOS.related, concept) in graph, f"{concept} related {other}: one way only"


def test_links_between_concepts_point_at_existing_concepts(all_graphs):
    concepts = set(_concepts(all_graphs))
    for predicate in (DCTERMS.isReplacedBy, DCTERMS.replaces, URIRef("http://www.w3.org/ns/org#subOrganizationOf")):
        for subject, target in all_graphs.subject_objects(predicate):
            assert target in concepts, f"{subject} {predicate} {target}: no such concept"


def test_law_identifiers_are_bwb_ids_with_their_page():
    graph = Graph()
    graph.parse(data=_text("wetten.ttl"), format="turtle", publicID=BASE)
    identifiers = {}
    for law, identifier in graph.subject_objects(SCHEMA.legislationIdentifier):
        assert re.fullmatch(r"BWBR\d{7}", str(identifier)), f"{law}: {identifier} is not a BWB id"
        assert (law, URIRef("http://www.w3.org/2000/01/rdf-schema#seeAlso"), URIRef(f"https://wetten.overheid.nl/{identifier}")) in graph
        assert identifier not in identifiers, f"{identifier} on {law} and {identifiers.get(identifier)}"
        identifiers[identifier] = law
    assert identifiers[Literal("BWBR0015703")] == URIRef(BASE + "id/wet/participatiewet")
    for law in _concepts(graph):
        assert (law, RDF.type, KG.Law) in graph and (law, RDF.type, SCHEMA.Legislation) in graph


def test_labels_point_at_one_concept_only():
    """A label naming two concepts would make the gazetteer's choice arbitrary (checked across categories).
    Labels are compared as the gazetteer matches them: a word with a capital after its first letter as
    written ('RvS' and 'RVS' are two labels), others ignoring case. A party's label of
    ``party_position`` is no choice: the gazetteer matches it only where a party stands."""
    from kg.extractors.vocabulary import load_settings

    by_position = dict(load_settings().party_position)
    owners: dict[str, set[str]] = defaultdict(set)
    for concept in load_vocabulary():
        for label in concept.labels:
            if by_position.get(label) == concept.path:
                continue
            words = label.replace("\u2019", "'").split()
            owners[" ".join(w if w[1:] != w[1:].lower() else w.casefold() for w in words)].add(concept.path)
    shared = {label: paths for label, paths in owners.items() if len(paths) > 1}
    assert not shared


def test_loaded_vocabulary_covers_every_concept_with_its_category(all_graphs):
    loaded = {concept.path: concept for concept in load_vocabulary()}
    assert set(loaded) == {str(c)[len(BASE):] for c in _concepts(all_graphs)}
    categories = {path.split("/")[1]: set() for path in loaded}
    for path, concept in loaded.items():
        categories[path.split("/")[1]].add(concept.category)
        assert concept.labels[0] == concept.pref_label
    assert categories == {
        "organisatie": {"organisation"},
        "partij": {"party"},
        "instrument": {"instrument"},
        "wet": {"law"},
    }
    assert loaded["id/organisatie/gemeenten"].category == "organisation"  # kg:ActorGroup
    assert concept_category("id/partij/vvd") == "party"
    assert concept_category("id/wet/wajong") == "law"
    assert concept_category("id/instrument/unknown") is None


def test_parties_are_organisations_and_actor_groups_are_not_named_bodies(all_graphs):
    org = Namespace("http://www.w3.org/ns/org#")
    for party in all_graphs.subjects(RDF.type, KG.PoliticalParty):
        assert (party, RDF.type, org.Organization) in all_graphs
    for group in all_graphs.subjects(RDF.type, KG.ActorGroup):
        assert (group, RDF.type, org.Organization) not in all_graphs
        assert (group, SKOS.inScheme, URIRef(BASE + "id/scheme/organisaties")) in all_graphs
