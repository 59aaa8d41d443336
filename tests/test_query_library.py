"""The saved-query library itself: headers, portability, and how parameters bind.

Run against a small hand-built graph in kg's shapes (``kg/rdf/``), so that each query's
parameter handling is checked on data whose answers are known exactly, independent of how well
the extractors do on real text (``test_queries.py`` covers that).

Why the binding rules below exist: pyoxigraph binds ``substitutions`` as pre-bound values, and
(0.5) rejects a variable that is not in the SELECT projection; its optimizer folds
``BOUND(?param)`` to false (the variable is never bound by a pattern), so
``FILTER(!BOUND(?p) || ...)`` silently ignores the value; ``BIND(?param AS ?x)`` leaves ``?x``
unbound; and a parameter used only inside OPTIONAL does not filter. Queries therefore use a
parameter in a required triple pattern, as a BIND target, or through ``COALESCE(test, true)``.
"""

from __future__ import annotations

import re

import pytest
from pyoxigraph import Literal, NamedNode, QuerySolutions, QueryTriples, RdfFormat, Store, Variable

from kg.aggregates import all_tallies, store_totals
from kg.saved_queries import saved_queries

B = "https://w3id.org/kamerstukken-kg/"

#: Invented documents a.txt (a letter, own id 11111-7), b.txt (written questions) and c.txt (nothing
#: recognised: no type, no date), in kg's model.
FIXTURE = """
@prefix kg: <https://w3id.org/kamerstukken-kg/def#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix opengov: <http://www.w3.org/ns/opengov#> .
@prefix person: <http://www.w3.org/ns/person#> .
@prefix schema: <http://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix void: <http://rdfs.org/ns/void#> .
@base <https://w3id.org/kamerstukken-kg/> .

<graph/ontology> {
  <id/documenttype/brief> a skos:Concept ; skos:prefLabel "brief"@nl , "letter"@en .
  <id/documenttype/schriftelijke-vragen> a skos:Concept ; skos:prefLabel "schriftelijke vragen"@nl .
  <id/organisatie/uwv> a org:Organization ; skos:prefLabel "UWV"@nl ; skos:altLabel "Uitvoeringsinstituut Werknemersverzekeringen"@nl .
  <id/organisatie/gemeenten> a org:Organization ; skos:prefLabel "gemeenten"@nl ; skos:altLabel "gemeente"@nl .
  <id/instrument/jobcoaching> a kg:Instrument ; skos:prefLabel "jobcoaching"@nl .
  <id/instrument/loonkostensubsidie> a kg:Instrument ; skos:prefLabel "loonkostensubsidie"@nl .
  <id/wet/participatiewet> a kg:Law ; skos:prefLabel "Participatiewet"@nl ; schema:legislationIdentifier "BWBR0015703" .
  <id/partij/vvd> a kg:PoliticalParty ; skos:prefLabel "VVD"@nl .
}

<graph/document/a> {
  <graph/document/a> prov:wasGeneratedBy <build/a/1> ; kg:sourceFile "a.txt" .
  <id/kamerstuk/11111-7> a kg:Document , foaf:Document , kg:Kamerstuk , kg:ParliamentaryDocument ;
    dcterms:identifier "11111-7" ; dcterms:type <id/documenttype/brief> ;
    dcterms:date "2019-03-04"^^xsd:date ; dcterms:title "Brief over jobcoaching"@nl ;
    dcterms:source <https://zoek.officielebekendmakingen.nl/kst-11111-7> ; dcterms:isPartOf <id/dossier/11111> ;
    prov:wasGeneratedBy <build/a/1> ;
    dcterms:references <id/kamerstuk/22222-3> , <id/kamerstuk/22222-4> , <id/kamerstuk/11111-7> ;
    dcterms:subject <id/instrument/jobcoaching> , <id/instrument/loonkostensubsidie> , <id/wet/participatiewet> ;
    kg:mentions <id/organisatie/uwv> , <id/organisatie/gemeenten> , <id/persoon/jansen> , <id/motie/22222-motie-bakker> ;
    dcterms:creator <id/persoon/jansen> .
  <id/item/aaaa> a kg:Item ; kg:itemOf <id/kamerstuk/11111-7> ; kg:sourceFile "a.txt" ; kg:contentSha256 "aaaa" .
  <id/dossier/11111> a kg:Dossier ; dcterms:identifier "11111" .
  <id/kamerstuk/22222-3> a kg:Kamerstuk , kg:ParliamentaryDocument ; dcterms:identifier "22222-3" ; rdfs:label "22222-3" ; dcterms:isPartOf <id/dossier/22222> ;
    dcterms:source <https://zoek.officielebekendmakingen.nl/kst-22222-3> .
  <id/kamerstuk/22222-4> a kg:Kamerstuk , kg:ParliamentaryDocument , opengov:Motion ; dcterms:identifier "22222-4" ; rdfs:label "22222-4" , "motie-De Vries c.s."@nl ;
    dcterms:isPartOf <id/dossier/22222> ; dcterms:source <https://zoek.officielebekendmakingen.nl/kst-22222-4> ;
    dcterms:creator <id/persoon/de-vries> .
  <id/motie/22222-motie-bakker> a opengov:Motion ; rdfs:label "motie-Bakker"@nl .
  <id/dossier/22222> a kg:Dossier ; dcterms:identifier "22222" .
  <id/persoon/jansen> a foaf:Person , person:Person ; foaf:name "P. Jansen" ; foaf:familyName "Jansen" ; org:holds <id/post/minister--ministerie-szw> .
  <id/post/minister--ministerie-szw> a org:Post ; rdfs:label "Minister, Ministerie van SZW"@nl ; org:role <id/rol/minister> .
  <id/rol/minister> a org:Role ; skos:prefLabel "Minister"@nl .
  <id/persoon/de-vries> a foaf:Person , person:Person ; foaf:name "De Vries" ; foaf:familyName "De Vries" ; org:memberOf <id/partij/vvd> .
  <text/a> a nif:Context ; nif:isString "UWV en gemeenten zetten jobcoaching in. Zie Kamerstuk 22222, nr. 3 en motie 22222-4. Gemeenten betalen loonkostensubsidie uit de Participatiewet." ;
    nif:beginIndex 0 ; nif:endIndex 147 ; nif:sourceUrl <id/item/aaaa> .
  <text/a#char=0,40> a nif:Sentence ; nif:beginIndex 0 ; nif:endIndex 40 ; nif:referenceContext <text/a> ;
    nif:anchorOf "UWV en gemeenten zetten jobcoaching in." ; kg:surfaceForm "UWV en gemeenten zetten jobcoaching in." .
  <text/a#char=0,3> a nif:Phrase ; nif:beginIndex 0 ; nif:endIndex 3 ; nif:anchorOf "UWV" ; kg:surfaceForm "UWV" ;
    nif:referenceContext <text/a> ; nif:sentence <text/a#char=0,40> ; itsrdf:taIdentRef <id/organisatie/uwv> ; itsrdf:taClassRef org:Organization ; prov:wasGeneratedBy <build/a/1> .
  <text/a#char=7,16> a nif:Phrase ; nif:beginIndex 7 ; nif:endIndex 16 ; nif:anchorOf "gemeenten" ; kg:surfaceForm "gemeenten" ;
    nif:referenceContext <text/a> ; nif:sentence <text/a#char=0,40> ; itsrdf:taIdentRef <id/organisatie/gemeenten> ; itsrdf:taClassRef org:Organization ; prov:wasGeneratedBy <build/a/1> .
  <text/a#char=24,35> a nif:Phrase ; nif:beginIndex 24 ; nif:endIndex 35 ; nif:anchorOf "jobcoaching" ; kg:surfaceForm "jobcoaching" ;
    nif:referenceContext <text/a> ; nif:sentence <text/a#char=0,40> ; itsrdf:taIdentRef <id/instrument/jobcoaching> ; itsrdf:taClassRef kg:Instrument ; prov:wasGeneratedBy <build/a/1> .
  <text/a#char=41,85> a nif:Sentence ; nif:beginIndex 41 ; nif:endIndex 85 ; nif:referenceContext <text/a> ;
    nif:anchorOf "Zie Kamerstuk 22222, nr. 3 en motie 22222-4." ; kg:surfaceForm "Zie Kamerstuk 22222, nr. 3 en motie 22222-4." .
  <text/a#char=45,67> a nif:Phrase ; nif:beginIndex 45 ; nif:endIndex 67 ; nif:anchorOf "Kamerstuk 22222, nr. 3" ; kg:surfaceForm "Kamerstuk 22222, nr. 3" ;
    nif:referenceContext <text/a> ; nif:sentence <text/a#char=41,85> ; itsrdf:taIdentRef <id/kamerstuk/22222-3> ; itsrdf:taClassRef kg:ParliamentaryDocument ; prov:wasGeneratedBy <build/a/1> .
  <text/a#char=71,84> a nif:Phrase ; nif:beginIndex 71 ; nif:endIndex 84 ; nif:anchorOf "motie 22222-4" ; kg:surfaceForm "motie 22222-4" ;
    nif:referenceContext <text/a> ; nif:sentence <text/a#char=41,85> ; itsrdf:taIdentRef <id/kamerstuk/22222-4> ; itsrdf:taClassRef opengov:Motion ; prov:wasGeneratedBy <build/a/1> .
  <text/a#char=86,147> a nif:Sentence ; nif:beginIndex 86 ; nif:endIndex 147 ; nif:referenceContext <text/a> ;
    nif:anchorOf "Gemeenten betalen loonkostensubsidie uit de Participatiewet." ; kg:surfaceForm "Gemeenten betalen loonkostensubsidie uit de Participatiewet." .
  <text/a#char=86,95> a nif:Phrase ; nif:beginIndex 86 ; nif:endIndex 95 ; nif:anchorOf "Gemeenten" ; kg:surfaceForm "Gemeenten" ;
    nif:referenceContext <text/a> ; nif:sentence <text/a#char=86,147> ; itsrdf:taIdentRef <id/organisatie/gemeenten> ; itsrdf:taClassRef org:Organization ; prov:wasGeneratedBy <build/a/1> .
  <text/a#char=104,122> a nif:Phrase ; nif:beginIndex 104 ; nif:endIndex 122 ; nif:anchorOf "loonkostensubsidie" ; kg:surfaceForm "loonkostensubsidie" ;
    nif:referenceContext <text/a> ; nif:sentence <text/a#char=86,147> ; itsrdf:taIdentRef <id/instrument/loonkostensubsidie> ; itsrdf:taClassRef kg:Instrument ; prov:wasGeneratedBy <build/a/1> .
  <text/a#char=130,146> a nif:Phrase ; nif:beginIndex 130 ; nif:endIndex 146 ; nif:anchorOf "Participatiewet" ; kg:surfaceForm "Participatiewet" ;
    nif:referenceContext <text/a> ; nif:sentence <text/a#char=86,147> ; itsrdf:taIdentRef <id/wet/participatiewet> ; itsrdf:taClassRef kg:Law ; prov:wasGeneratedBy <build/a/1> .
  <id/document/a/associatie/uwv--jobcoaching> a kg:ActorInstrumentAssociation ; kg:actor <id/organisatie/uwv> ; kg:instrument <id/instrument/jobcoaching> ;
    kg:evidenceCount 1 ; kg:evidence <text/a#char=0,40> ; kg:verb "inzetten" ; dcterms:isPartOf <id/kamerstuk/11111-7> .
  <id/document/a/associatie/gemeenten--jobcoaching> a kg:ActorInstrumentAssociation ; kg:actor <id/organisatie/gemeenten> ; kg:instrument <id/instrument/jobcoaching> ;
    kg:evidenceCount 1 ; kg:evidence <text/a#char=0,40> ; kg:verb "inzetten" ; dcterms:isPartOf <id/kamerstuk/11111-7> .
  <id/document/a/associatie/gemeenten--loonkostensubsidie> a kg:ActorInstrumentAssociation ; kg:actor <id/organisatie/gemeenten> ;
    kg:instrument <id/instrument/loonkostensubsidie> ; kg:evidenceCount 1 ; kg:evidence <text/a#char=86,147> ; kg:verb "betalen" ;
    dcterms:isPartOf <id/kamerstuk/11111-7> .
  <build/a/1> a prov:Activity ; prov:used <text/a> ; prov:startedAtTime "2024-01-01T00:00:00+00:00"^^xsd:dateTime ;
    prov:endedAtTime "2024-01-01T00:00:01+00:00"^^xsd:dateTime ; prov:wasAssociatedWith <agent/kg/0.1.0> ;
    kg:nlpModel "spacy.blank('nl')" ; kg:nlpMode "rules-only" ; kg:spacyVersion "3.8.7" ; kg:contentSha256 "aaaa" ; kg:sourceFile "a.txt" .
  <agent/kg/0.1.0> a prov:SoftwareAgent ; rdfs:label "kg 0.1.0" .
}

<graph/document/b> {
  <graph/document/b> prov:wasGeneratedBy <build/b/2> ; kg:sourceFile "b.txt" .
  <id/document/b> a kg:Document , foaf:Document ; dcterms:type <id/documenttype/schriftelijke-vragen> ;
    dcterms:date "2020-05-06"^^xsd:date ; dcterms:title "Vragen over UWV"@nl ;
    prov:wasGeneratedBy <build/b/2> ;
    kg:questioner <id/persoon/de-vries> ; kg:mentions <id/persoon/de-vries> , <id/organisatie/uwv> , <id/persoon/jansen> ;
    dcterms:references <id/kamerstuk/11111-7> , <id/kamerstuk/22222-3> ; dcterms:subject <id/instrument/jobcoaching> .
  <id/kamerstuk/11111-7> a kg:Kamerstuk , kg:ParliamentaryDocument ; dcterms:identifier "11111-7" ; rdfs:label "11111-7" ; dcterms:isPartOf <id/dossier/11111> ;
    dcterms:source <https://zoek.officielebekendmakingen.nl/kst-11111-7> .
  <id/kamerstuk/22222-3> a kg:Kamerstuk , kg:ParliamentaryDocument ; dcterms:identifier "22222-3" ; rdfs:label "22222-3" ; dcterms:isPartOf <id/dossier/22222> ;
    dcterms:source <https://zoek.officielebekendmakingen.nl/kst-22222-3> .
  <id/dossier/11111> a kg:Dossier ; dcterms:identifier "11111" .
  <id/dossier/22222> a kg:Dossier ; dcterms:identifier "22222" .
  <id/persoon/de-vries> a foaf:Person , person:Person ; foaf:name "A. de Vries" ; foaf:familyName "De Vries" ; org:memberOf <id/partij/vvd> .
  <id/persoon/jansen> a foaf:Person , person:Person ; foaf:name "Jansen" ; foaf:familyName "Jansen" ; org:holds <id/post/minister--ministerie-szw> .
  <id/post/minister--ministerie-szw> a org:Post ; rdfs:label "Minister, Ministerie van SZW"@nl ; org:role <id/rol/minister> .
  <id/document/b/vraag/1> a kg:Question , schema:Question ; kg:number 1 ; dcterms:isPartOf <id/document/b> ;
    schema:text "Kent u het bericht over UWV?" ; kg:questioner <id/persoon/de-vries> .
  <id/document/b/vraag/2> a kg:Question , schema:Question ; kg:number 2 ; dcterms:isPartOf <id/document/b> ;
    schema:text "Wat doet u met jobcoaching?" ; kg:questioner <id/persoon/de-vries> .
  <id/document/b/antwoord/1-2> a kg:Answer , schema:Answer ; dcterms:isPartOf <id/document/b> ; schema:text "Ja, en UWV zet jobcoaching in." ;
    kg:answers <id/document/b/vraag/1> , <id/document/b/vraag/2> ; dcterms:creator <id/persoon/jansen> .
  <text/b> a nif:Context ; nif:isString "Kent u het bericht over UWV? Zie 11111-7 en 22222-3." ;
    nif:beginIndex 0 ; nif:endIndex 52 ; nif:sourceUrl <id/item/bbbb> .
  <id/item/bbbb> a kg:Item ; kg:itemOf <id/document/b> ; kg:sourceFile "b.txt" ; kg:contentSha256 "bbbb" .
  <text/b#char=0,28> a nif:Sentence ; nif:beginIndex 0 ; nif:endIndex 28 ; nif:referenceContext <text/b> ;
    nif:anchorOf "Kent u het bericht over UWV?" ; kg:surfaceForm "Kent u het bericht over UWV?" .
  <text/b#char=24,27> a nif:Phrase ; nif:beginIndex 24 ; nif:endIndex 27 ; nif:anchorOf "UWV" ; kg:surfaceForm "UWV" ;
    nif:referenceContext <text/b> ; nif:sentence <text/b#char=0,28> ; itsrdf:taIdentRef <id/organisatie/uwv> ; itsrdf:taClassRef org:Organization ; prov:wasGeneratedBy <build/b/2> .
  <text/b#char=33,40> a nif:Phrase ; nif:beginIndex 33 ; nif:endIndex 40 ; nif:anchorOf "11111-7" ; kg:surfaceForm "11111-7" ;
    nif:referenceContext <text/b> ; itsrdf:taIdentRef <id/kamerstuk/11111-7> ; itsrdf:taClassRef kg:ParliamentaryDocument ; prov:wasGeneratedBy <build/b/2> .
  <text/b#char=44,51> a nif:Phrase ; nif:beginIndex 44 ; nif:endIndex 51 ; nif:anchorOf "22222-3" ; kg:surfaceForm "22222-3" ;
    nif:referenceContext <text/b> ; itsrdf:taIdentRef <id/kamerstuk/22222-3> ; itsrdf:taClassRef kg:ParliamentaryDocument ; prov:wasGeneratedBy <build/b/2> .
  <build/b/2> a prov:Activity ; prov:used <text/b> ; prov:startedAtTime "2024-01-01T00:00:02+00:00"^^xsd:dateTime ;
    prov:endedAtTime "2024-01-01T00:00:03+00:00"^^xsd:dateTime ; prov:wasAssociatedWith <agent/kg/0.1.0> ;
    kg:nlpModel "spacy.blank('nl')" ; kg:nlpMode "rules-only" ; kg:spacyVersion "3.8.7" ; kg:contentSha256 "bbbb" ; kg:sourceFile "b.txt" .
  <agent/kg/0.1.0> a prov:SoftwareAgent ; rdfs:label "kg 0.1.0" .
}

<graph/document/c> {
  <id/document/c> a kg:Document , foaf:Document .
  <id/item/cccc> a kg:Item ; kg:itemOf <id/document/c> ; kg:sourceFile "c.txt" ; kg:contentSha256 "cccc" .
}

<graph/dataset> {
  <dataset> a void:Dataset ; dcterms:title "kg"@en ; void:triples 150 ; void:classPartition <dataset/class/kg-Document> .
  <dataset/class/kg-Document> void:class kg:Document ; void:entities 2 .
}
"""

QUERIES = saved_queries()
SAMPLE_VALUES = {"iri": "https://example.org/x", "string": "x", "integer": "1", "date": "2020-01-01"}


@pytest.fixture(scope="module")
def store() -> Store:
    store = Store()
    store.load(FIXTURE.encode(), format=RdfFormat.TRIG)
    # The mention tallies a build writes into each document graph (kg.aggregates).
    for graph in list(store.named_graphs()):
        store.extend(all_tallies(store.quads_for_pattern(None, None, None, graph)))
    # The store-wide totals a build writes after its documents (kg.aggregates).
    store.extend(store_totals(store, "https://w3id.org/kamerstukken-kg/"))
    return store


def run(store: Store, name: str, **params: str) -> list[dict[str, str]]:
    """A saved query's rows as {column: value} ('' when unbound), bound the way `kg query` binds."""
    query = QUERIES[name]
    text, substitutions = query.prepare({"limit": "0", **params} if query.paged else params)  # every row
    result = store.query(text, use_default_graph_as_union=True, substitutions=substitutions or None)
    assert isinstance(result, QuerySolutions)
    columns = [v.value for v in result.variables]
    return [{c: (row[c].value if row[c] is not None else "") for c in columns} for row in result]


# -- the library as a whole -------------------------------------------------------------------


def test_library_has_the_queries_researchers_need():
    expected = {
        "documents", "citations", "most-cited", "motions", "actor-instruments", "instrument-mentions",
        "actor-network", "questions", "people", "mentions-of", "provenance-of", "entities",
    }
    assert expected <= set(QUERIES)
    assert len(QUERIES) >= 13
    assert any(re.search(r"^\s*CONSTRUCT\b", q.text, re.M) for q in QUERIES.values())


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_header_is_complete(name):
    query = QUERIES[name]
    assert query.title and query.description and "\n" not in query.description
    assert query.examples and all(e.startswith(f"kg query {name}") for e in query.examples)
    declared = {p.name for p in query.params}
    for example in query.examples:
        used = set(re.findall(r"--param (\w+)=", example))
        assert used <= declared, f"example {example!r} uses undeclared parameters"
    for param in query.params:
        assert param.help, f"{name}: parameter {param.name} has no help text"
        if query.paged and param.name in ("limit", "offset"):
            continue  # they set the page clause (see tests/test_paging.py), they bind no variable
        assert re.search(rf"\?{param.name}\b", query.text), f"{name}: parameter {param.name} is not a variable of the query"


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_plain_sparql_with_its_own_prefixes(name):
    """Parses without kg's predeclared prefixes (an HTTP endpoint will not have them) and orders its rows."""
    text = QUERIES[name].text
    Store().query(text)  # raises SyntaxError on an undeclared prefix or CLI-only syntax
    if re.search(r"^SELECT\b", text, re.M | re.I):  # a SELECT query (not a subquery of a CONSTRUCT)
        assert re.search(r"^ORDER BY ", text, re.M), "SELECT queries need an ORDER BY for deterministic output"


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_parameter_binds(name):
    """pyoxigraph only binds variables of the SELECT projection; each parameter must be one."""
    query = QUERIES[name]
    values = {p.name: SAMPLE_VALUES[p.type] for p in query.params}
    Store().query(query.text, substitutions=query.substitutions(values) or None)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_parameters_avoid_idioms_that_ignore_bound_values(name):
    query = QUERIES[name]
    body = "\n".join(line for line in query.text.splitlines() if not line.lstrip().startswith("#"))
    for param in query.params:
        assert not re.search(rf"BOUND\s*\(\s*\?{param.name}\b", body, re.I), f"{name}: BOUND(?{param.name}) is folded to false"
        assert not re.search(rf"BIND\s*\(\s*\?{param.name}\s+AS\b", body, re.I), f"{name}: BIND(?{param.name} AS ...) loses the value"


def test_oxigraph_still_folds_bound_on_a_substituted_variable():
    """The behaviour the rule above guards against; if this starts failing, the rule can be relaxed."""
    store = Store()
    store.load(b"<http://e/s1> <http://e/p> 1 . <http://e/s2> <http://e/p> 2 .", format=RdfFormat.TURTLE)
    rows = store.query(
        "SELECT ?s ?v WHERE { ?s <http://e/p> ?o FILTER(!BOUND(?v) || ?o = ?v) }",
        substitutions={Variable("v"): Literal("1", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer"))},
    )
    assert len(list(rows)) == 2


# -- optional parameters: unbound means all, bound filters -----------------------------------------

FILTERS = [
    ("documents", "type", "brief", "type", 3, 1),
    ("citations", "kamerstuk", "22222-3", "kamerstuk", 4, 2),
    ("most-cited", "dossier", "22222", "dossier", 3, 2),
    ("motions", "motion", B + "id/kamerstuk/22222-4", "motion", 2, 1),
    ("actor-instruments", "actor", B + "id/organisatie/gemeenten", "actor", 3, 2),
    ("actor-instruments", "instrument", B + "id/instrument/jobcoaching", "instrument", 3, 2),
    ("instrument-mentions", "instrument", B + "id/instrument/loonkostensubsidie", "instrument", 2, 1),
    ("actor-network", "scope", "sentence", "scope", 2, 1),
    ("questions", "source", "b.txt", "source", 2, 2),
    ("timeline", "year", "2019", "year", 3, 1),
    ("provenance-of", "entity", B + "id/organisatie/uwv", "entity", 14, 2),
    ("provenance-of", "mention", B + "text/a#char=0,3", "mention", 14, 1),
]


@pytest.mark.parametrize("name, param, value, column, all_rows, bound_rows", FILTERS)
def test_optional_parameter_unbound_means_all_and_bound_filters(store, name, param, value, column, all_rows, bound_rows):
    everything = run(store, name)
    assert len(everything) == all_rows
    bound = run(store, name, **{param: value})
    assert len(bound) == bound_rows
    assert all(row[column] == value for row in bound)


def test_bound_parameter_that_matches_nothing_gives_no_rows(store):
    assert run(store, "questions", source="a.txt") == []
    assert run(store, "most-cited", dossier="99999") == []
    assert run(store, "timeline", year="1999") == []


# -- what each query answers on the fixture ------------------------------------------------------


def test_documents(store):
    rows = run(store, "documents")
    assert [(r["source"], r["identifier"], r["type"], r["date"]) for r in rows] == [
        ("a.txt", "11111-7", "brief", "2019-03-04"),
        ("b.txt", "", "schriftelijke-vragen", "2020-05-06"),
        ("c.txt", "", "", ""),
    ]


def test_citations_name_the_cited_document_when_it_was_read(store):
    # a.txt also "references" its own number 11111-7 (as a header would): that is no citation.
    rows = {(r["source"], r["kamerstuk"]): r for r in run(store, "citations")}
    assert set(rows) == {("a.txt", "22222-3"), ("a.txt", "22222-4"), ("b.txt", "11111-7"), ("b.txt", "22222-3")}
    assert rows["b.txt", "11111-7"]["citedTitle"] == "Brief over jobcoaching"
    assert rows["b.txt", "11111-7"]["citedSource"] == "a.txt"
    assert rows["a.txt", "22222-3"]["citedTitle"] == ""
    assert rows["a.txt", "22222-3"]["link"] == "https://zoek.officielebekendmakingen.nl/kst-22222-3"
    assert rows["a.txt", "22222-4"]["mentions"] == "1"


def test_most_cited_counts_documents_not_duplicated_triples(store):
    rows = run(store, "most-cited")
    assert [(r["kamerstuk"], r["citedBy"], r["dossierCitedBy"], r["mentions"]) for r in rows] == [
        ("22222-3", "2", "2", "2"),
        ("22222-4", "1", "2", "1"),
        ("11111-7", "1", "1", "1"),
    ]


def test_dossiers(store):
    rows = run(store, "dossiers")
    assert [(r["dossier"], r["citedBy"], r["kamerstukken"]) for r in rows] == [("22222", "2", "2"), ("11111", "1", "1")]


def test_motions_with_and_without_a_number(store):
    rows = {r["label"]: r for r in run(store, "motions")}
    assert rows["motie-De Vries c.s."]["id"] == "22222-4"
    assert rows["motie-De Vries c.s."]["submitters"] == "De Vries"
    assert rows["motie-De Vries c.s."]["parties"] == "VVD"
    assert rows["motie-De Vries c.s."]["referredBy"] == "a.txt"
    assert rows["motie-Bakker"]["id"] == "" and rows["motie-Bakker"]["documents"] == "1"


def test_actor_instruments_sum_evidence_and_show_an_example(store):
    rows = run(store, "actor-instruments", actor=B + "id/organisatie/uwv")
    assert [(r["actorLabel"], r["instrumentLabel"], r["evidence"], r["verbs"]) for r in rows] == [
        ("UWV", "jobcoaching", "1", "inzetten")
    ]
    assert rows[0]["example"] == "UWV en gemeenten zetten jobcoaching in."


def test_actor_network_says_which_scope(store):
    rows = run(store, "actor-network")
    assert {(r["scope"], r["labelA"], r["labelB"], r["count"]) for r in rows} == {
        ("sentence", "gemeenten", "UWV", "1"),
        ("document", "gemeenten", "UWV", "1"),
    }
    assert rows[0]["scope"] == "sentence"


def test_questions_with_questioner_party_and_answering_minister(store):
    rows = run(store, "questions")
    assert [(r["number"], r["questioner"], r["party"], r["answeredBy"]) for r in rows] == [
        ("1", "De Vries", "VVD", "Jansen"),
        ("2", "De Vries", "VVD", "Jansen"),
    ]
    assert rows[1]["answer"] == "Ja, en UWV zet jobcoaching in."


def test_people_merge_name_variants_and_count_documents(store):
    rows = {r["name"]: r for r in run(store, "people")}
    assert rows["Jansen"]["roles"] == "Minister, Ministerie van SZW"
    assert rows["Jansen"]["documents"] == "2"
    assert set(rows["De Vries"]["names"].split("; ")) == {"De Vries", "A. de Vries"}
    assert rows["De Vries"]["parties"] == "VVD"


def test_mentions_of_gives_offsets_and_sentences(store):
    rows = run(store, "mentions-of", entity=B + "id/organisatie/gemeenten")
    assert [(r["source"], r["begin"], r["end"], r["anchor"]) for r in rows] == [
        ("a.txt", "7", "16", "gemeenten"),
        ("a.txt", "86", "95", "Gemeenten"),
    ]
    assert rows[1]["sentence"].startswith("Gemeenten betalen")


def test_provenance_of_an_association_is_its_evidence(store):
    rows = run(store, "provenance-of", entity=B + "id/document/a/associatie/gemeenten--loonkostensubsidie")
    assert [(r["anchor"], r["nlpMode"], r["contentSha256"], r["software"]) for r in rows] == [
        ("Gemeenten betalen loonkostensubsidie uit de Participatiewet.", "rules-only", "aaaa", "kg 0.1.0")
    ]
    assert rows[0]["activity"] == B + "build/a/1"


def test_laws_link_to_wetten_overheid(store):
    rows = run(store, "laws")
    assert [(r["label"], r["bwb"], r["link"], r["documents"]) for r in rows] == [
        ("Participatiewet", "BWBR0015703", "https://wetten.overheid.nl/BWBR0015703", "1")
    ]


def test_organisations_with_aliases_and_forms(store):
    rows = run(store, "organisations")
    assert [(r["label"], r["mentions"], r["documents"]) for r in rows] == [("UWV", "2", "2"), ("gemeenten", "2", "1")]
    assert rows[1]["forms"] == "gemeenten" and rows[1]["aliases"] == "gemeente"


def test_timeline_lists_instruments_and_laws_per_document(store):
    rows = run(store, "timeline")
    assert [r["source"] for r in rows] == ["a.txt", "b.txt", "c.txt"]  # undated last
    assert set(rows[0]["instruments"].split("; ")) == {"jobcoaching", "loonkostensubsidie"}
    assert rows[0]["laws"] == "Participatiewet"


def test_kamerstuk_collects_everything_about_one_id(store):
    facts = {(r["property"], r["value"]) for r in run(store, "kamerstuk", id="22222-4")}
    assert {("label", "motie-De Vries c.s."), ("dossier", "22222"), ("cited by", "a.txt"),
            ("submitter or signatory", "De Vries"), ("link", "https://zoek.officielebekendmakingen.nl/kst-22222-4")} <= facts
    assert ("mentioned in", "Zie Kamerstuk 22222, nr. 3 en motie 22222-4.") in facts


def test_dataset_unfolds_class_partitions(store):
    rows = run(store, "dataset")
    assert {"property": "http://rdfs.org/ns/void#classPartition", "value": "https://w3id.org/kamerstukken-kg/def#Document",
            "count": "2", "dataset": B + "dataset"} in rows


def test_describe_entity_is_a_graph_about_that_entity_only(store):
    query = QUERIES["describe-entity"]
    text, substitutions = query.prepare({"entity": B + "id/organisatie/gemeenten", "limit": "0"})
    result = store.query(text, use_default_graph_as_union=True, substitutions=substitutions)
    assert isinstance(result, QueryTriples)
    triples = set(result)
    gemeenten, uwv = NamedNode(B + "id/organisatie/gemeenten"), NamedNode(B + "id/organisatie/uwv")
    assert any(t.subject == gemeenten for t in triples)
    assert any(t.object == gemeenten and t.subject.value.endswith("#char=86,95") for t in triples)
    assert all(uwv not in (t.subject, t.object) for t in triples)
