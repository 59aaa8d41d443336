"""kg.validate: a hand-built document graph conforms; each broken variant gives its specific result."""

from __future__ import annotations

import hashlib
from importlib.resources import files

import pytest
from pyoxigraph import NamedNode, RdfFormat, Store

from kg.validate import validate

BASE = "https://example.org/kg/"
RAW = "Geachte voorzitter,\nHet UWV zet jobcoa-\nching in, zie Kamerstuk 34950-XV-9.\n"
SHA = hashlib.sha256(RAW.encode()).hexdigest()
DOC = BASE + "id/kamerstuk/34950-XV-10"
SENT_START, SENT_END = RAW.index("Het"), RAW.index("9.") + 2
UWV_START = RAW.index("UWV")
SENTENCE = f"{BASE}text/x#char={SENT_START},{SENT_END}"
MENTION = f"{BASE}text/x#char={UWV_START},{UWV_START + 3}"
ASSOCIATION = BASE + "id/document/x/associatie/uwv--jobcoaching"
BUILD = BASE + "build/x/1"
ITEM = BASE + "id/item/x"

PREFIXES = """
@prefix kg: <https://w3id.org/kamerstukken-kg/def#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix opengov: <http://www.w3.org/ns/opengov#> .
@prefix person: <http://www.w3.org/ns/person#> .
@prefix schema: <http://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""

REFERENCE = PREFIXES + """
<id/scheme/test> a skos:ConceptScheme .
<id/organisatie/uwv> a skos:Concept , org:Organization ; skos:prefLabel "UWV"@nl ; skos:inScheme <id/scheme/test> .
<id/instrument/jobcoaching> a kg:Instrument ; skos:prefLabel "jobcoaching"@nl ; skos:inScheme <id/scheme/test> .
<id/partij/vvd> a skos:Concept , kg:PoliticalParty ; skos:prefLabel "VVD"@nl ; skos:inScheme <id/scheme/test> .
<id/wet/participatiewet> a skos:Concept , kg:Law ; skos:prefLabel "Participatiewet"@nl ;
    skos:inScheme <id/scheme/test> ; schema:legislationIdentifier "BWBR0015703" .
"""

NNI = "^^xsd:nonNegativeInteger"
DOCUMENT = PREFIXES + f"""
<id/kamerstuk/34950-XV-10> a kg:Document , foaf:Document , kg:Kamerstuk , kg:ParliamentaryDocument ;
    dcterms:identifier "34950-XV-10" ; dcterms:type <id/documenttype/brief> ;
    dcterms:date "2018-06-21"^^xsd:date ; dcterms:title "Verzamelbrief"@nl ;
    dcterms:source <https://zoek.officielebekendmakingen.nl/kst-34950-XV-10> ;
    dcterms:isPartOf <id/dossier/34950> ; dcterms:references <id/kamerstuk/34950-XV-9> ;
    dcterms:subject <id/instrument/jobcoaching> , <id/wet/participatiewet> ;
    dcterms:creator <id/persoon/van-ark> ;
    prov:wasGeneratedBy <build/x/1> ;
    kg:mentions <id/organisatie/uwv> , <id/persoon/van-ark> .
<id/item/x> a kg:Item ; kg:itemOf <id/kamerstuk/34950-XV-10> ; kg:sourceFile "x.txt" ; kg:contentSha256 "{SHA}" ;
    dcterms:format "text/plain" .
<id/kamerstuk/34950-XV-9> a kg:Kamerstuk , kg:ParliamentaryDocument ; dcterms:identifier "34950-XV-9" ; rdfs:label "34950-XV-9" ;
    dcterms:isPartOf <id/dossier/34950> ; dcterms:source <https://zoek.officielebekendmakingen.nl/kst-34950-XV-9> .
<id/dossier/34950> a kg:Dossier ; dcterms:identifier "34950" .
<id/persoon/van-ark> a foaf:Person , person:Person ; foaf:name "T. van Ark" ; foaf:familyName "Van Ark" ; kg:initials "T." ;
    org:memberOf <id/partij/vvd> ; org:holds <id/post/staatssecretaris--szw> .
<id/post/staatssecretaris--szw> a org:Post ; rdfs:label "Staatssecretaris, SZW"@nl ; org:role <id/rol/staatssecretaris> ;
    org:postIn <id/organisatie/uwv> .
<id/rol/staatssecretaris> a org:Role ; skos:prefLabel "Staatssecretaris"@nl .
<id/motie/34950-49> a opengov:Motion ; rdfs:label "motie-Van Ark"@nl ; dcterms:creator <id/persoon/van-ark> .
<text/x> a nif:Context , nif:RFC5147String ; nif:isString {RAW!r} ; nif:beginIndex "0"{NNI} ;
    nif:endIndex "{len(RAW)}"{NNI} ; nif:sourceUrl <id/item/x> .
<text/x#char={SENT_START},{SENT_END}> a nif:Sentence , nif:RFC5147String ; nif:beginIndex "{SENT_START}"{NNI} ;
    nif:endIndex "{SENT_END}"{NNI} ; nif:referenceContext <text/x> ; nif:anchorOf {RAW[SENT_START:SENT_END]!r} ;
    kg:surfaceForm "Het UWV zet jobcoaching in, zie Kamerstuk 34950-XV-9." .
<text/x#char={UWV_START},{UWV_START + 3}> a nif:Phrase , nif:RFC5147String ; nif:beginIndex "{UWV_START}"{NNI} ;
    nif:endIndex "{UWV_START + 3}"{NNI} ; nif:referenceContext <text/x> ; nif:anchorOf "UWV" ; kg:surfaceForm "UWV" ;
    nif:sentence <text/x#char={SENT_START},{SENT_END}> ; itsrdf:taIdentRef <id/organisatie/uwv> ;
    itsrdf:taClassRef org:Organization ; prov:wasGeneratedBy <build/x/1> .
<id/document/x/vraag/1> a kg:Question , schema:Question ; kg:number "1"{NNI} ; dcterms:isPartOf <id/kamerstuk/34950-XV-10> ;
    schema:text "Klopt het?" ; kg:questioner <id/persoon/van-ark> .
<id/document/x/antwoord/1> a kg:Answer , schema:Answer ; kg:answers <id/document/x/vraag/1> ;
    dcterms:isPartOf <id/kamerstuk/34950-XV-10> ; schema:text "Ja." ; dcterms:creator <id/persoon/van-ark> .
<id/document/x/associatie/uwv--jobcoaching> a kg:ActorInstrumentAssociation ; kg:actor <id/organisatie/uwv> ;
    kg:instrument <id/instrument/jobcoaching> ; kg:evidenceCount "1"{NNI} ;
    kg:evidence <text/x#char={SENT_START},{SENT_END}> ; kg:verb "inzetten" ; dcterms:isPartOf <id/kamerstuk/34950-XV-10> .
<build/x/1> a prov:Activity ; prov:used <text/x> , <id/item/x> ;
    prov:startedAtTime "2024-01-01T00:00:00+00:00"^^xsd:dateTime ; prov:endedAtTime "2024-01-01T00:00:01+00:00"^^xsd:dateTime ;
    prov:wasAssociatedWith <agent/kg/0.1.0> ; kg:nlpModel "spacy.blank('nl')" ; kg:nlpMode "rules-only" ;
    kg:spacyVersion "3.8.18" ; kg:contentSha256 "{SHA}" .
<agent/kg/0.1.0> a prov:SoftwareAgent ; rdfs:label "kg 0.1.0" .
"""


def make_store(document: str = DOCUMENT) -> Store:
    """The ontology graph (kg files + test reference data) and one document graph, as a build makes them."""
    store = Store()
    ontology = NamedNode(BASE + "graph/ontology")
    for resource in sorted(files("kg.ontology").iterdir(), key=lambda r: r.name):
        if resource.name in ("kg.ttl", "documenttypes.ttl"):
            store.load(resource.read_bytes(), format=RdfFormat.TURTLE, base_iri=BASE, to_graph=ontology)
    store.load(REFERENCE.encode(), format=RdfFormat.TURTLE, base_iri=BASE, to_graph=ontology)
    store.load(document.encode(), format=RdfFormat.TURTLE, base_iri=BASE, to_graph=NamedNode(BASE + "graph/document/x"))
    return store


def broken(old: str, new: str) -> str:
    assert old in DOCUMENT, old
    return DOCUMENT.replace(old, new)


def results_for(report, focus: str):
    return [(r.severity, r.path, r.component) for r in report.results if r.focus == focus]


def test_the_hand_built_graph_conforms_without_warnings():
    report = validate(make_store())
    assert report.conforms, report.text
    assert (report.violations, report.warnings) == (0, 0)
    assert report.text.startswith("conforms: 0 violation(s), 0 warning(s)")


def test_a_kgstore_is_accepted_too():
    from kg.store import KGStore

    assert validate(KGStore(make_store(), None, False)).conforms


@pytest.mark.parametrize(
    "old, new, focus, expected",
    [
        # Kamerstuk id pattern
        ('dcterms:identifier "34950-XV-9"', 'dcterms:identifier "34950 XV 9"', BASE + "id/kamerstuk/34950-XV-9",
         ("Violation", "dcterms:identifier", "PatternConstraintComponent")),
        # begin < end
        (f'nif:endIndex "{UWV_START + 3}"{NNI} ; nif:referenceContext', f'nif:endIndex "{UWV_START}"{NNI} ; nif:referenceContext',
         MENTION, ("Violation", "nif:beginIndex", "LessThanConstraintComponent")),
        # offsets are non-negative
        (f'nif:beginIndex "{UWV_START}"{NNI}', f'nif:beginIndex "-1"^^xsd:integer', MENTION,
         ("Violation", "nif:beginIndex", "MinInclusiveConstraintComponent")),
        # exactly one reference context
        ("nif:anchorOf \"UWV\" ;", "nif:anchorOf \"UWV\" ; nif:referenceContext <text/y> ;", MENTION,
         ("Violation", "nif:referenceContext", "MaxCountConstraintComponent")),
        # at least one entity link
        ("itsrdf:taIdentRef <id/organisatie/uwv> ;", "", MENTION,
         ("Violation", "itsrdf:taIdentRef", "MinCountConstraintComponent")),
        # a sentence
        (f"nif:sentence <text/x#char={SENT_START},{SENT_END}> ; itsrdf", "itsrdf", MENTION,
         ("Violation", "nif:sentence", "MinCountConstraintComponent")),
        # the category class is one of kg's
        ("itsrdf:taClassRef org:Organization", "itsrdf:taClassRef foaf:Organization", MENTION,
         ("Violation", "itsrdf:taClassRef", "InConstraintComponent")),
        # the anchor is the raw slice
        ('nif:anchorOf "UWV"', 'nif:anchorOf "UVW"', MENTION, ("Violation", None, "SPARQLConstraintComponent")),
        # persons have a name
        ('foaf:name "T. van Ark" ;', "", BASE + "id/persoon/van-ark",
         ("Violation", "foaf:name", "MinCountConstraintComponent")),
        # motion submitters are persons
        ("dcterms:creator <id/persoon/van-ark> .\n<text/x>", "dcterms:creator <id/organisatie/uwv> .\n<text/x>",
         BASE + "id/motie/34950-49", ("Violation", "dcterms:creator", "ClassConstraintComponent")),
        # association counts >= 1 and agree with the evidence
        (f'kg:evidenceCount "1"{NNI}', f'kg:evidenceCount "0"{NNI}', ASSOCIATION,
         ("Violation", "kg:evidenceCount", "MinInclusiveConstraintComponent")),
        (f'kg:evidenceCount "1"{NNI}', f'kg:evidenceCount "2"{NNI}', ASSOCIATION,
         ("Violation", None, "SPARQLConstraintComponent")),
        # activities record model, mode and version
        ("kg:nlpModel \"spacy.blank('nl')\" ;", "", BUILD, ("Violation", "kg:nlpModel", "MinCountConstraintComponent")),
        ('kg:nlpMode "rules-only"', 'kg:nlpMode "fast"', BUILD, ("Violation", "kg:nlpMode", "PatternConstraintComponent")),
        ('kg:spacyVersion "3.8.18" ;', "", BUILD, ("Violation", "kg:spacyVersion", "MinCountConstraintComponent")),
        # the document hash
        (f'kg:contentSha256 "{SHA}" ;\n    dcterms:format', 'kg:contentSha256 "abc" ;\n    dcterms:format', ITEM,
         ("Violation", "kg:contentSha256", "PatternConstraintComponent")),
        # dates are xsd:date
        ('"2018-06-21"^^xsd:date', '"21 juni 2018"', DOC, ("Violation", "dcterms:date", "DatatypeConstraintComponent")),
    ],
)
def test_a_broken_variant_gives_its_specific_violation(old, new, focus, expected):
    report = validate(make_store(broken(old, new)))
    assert not report.conforms
    assert expected in results_for(report, focus), report.text


def test_the_text_report_has_one_readable_block_per_result():
    report = validate(make_store(broken('kg:nlpMode "rules-only"', 'kg:nlpMode "fast"')))
    assert report.text.startswith("does not conform: 1 violation(s), 0 warning(s)")
    block = report.text.split("\n\n")[1]
    assert block.splitlines()[0] == f"Violation: <{BUILD}>"
    assert "  path:    kg:nlpMode" in block
    assert "  value:   'fast'" in block
    assert '"model" or "rules-only"' in block


def test_should_rules_are_warnings_that_keep_the_graph_conforming():
    report = validate(make_store(broken('dcterms:date "2018-06-21"^^xsd:date ;', "")))
    assert report.conforms, report.text
    assert (report.violations, report.warnings) == (0, 1)
    assert results_for(report, DOC) == [("Warning", "dcterms:date", "MinCountConstraintComponent")]


def test_reference_concepts_need_exactly_one_dutch_preflabel():
    store = make_store()
    store.load(
        (PREFIXES + '<id/instrument/ips> a kg:Instrument ; skos:prefLabel "IPS"@nl , "I.P.S."@nl ;'
         ' skos:inScheme <id/scheme/test> . <id/instrument/lks> a kg:Instrument ; skos:prefLabel "LKS"@en ;'
         " skos:inScheme <id/scheme/test> .").encode(),
        format=RdfFormat.TURTLE,
        base_iri=BASE,
        to_graph=NamedNode(BASE + "graph/ontology"),
    )
    report = validate(store)
    assert ("Violation", "skos:prefLabel", "QualifiedMaxCountConstraintComponent") in results_for(report, BASE + "id/instrument/ips")
    assert ("Violation", "skos:prefLabel", "QualifiedMinCountConstraintComponent") in results_for(report, BASE + "id/instrument/lks")


def test_laws_carry_a_bwb_identifier():
    store = make_store()
    store.load(
        (PREFIXES + '<id/wet/wajong> a kg:Law ; skos:prefLabel "Wajong"@nl ; schema:legislationIdentifier "0008657" .').encode(),
        format=RdfFormat.TURTLE,
        base_iri=BASE,
        to_graph=NamedNode(BASE + "graph/ontology"),
    )
    report = validate(store)
    assert ("Violation", "schema:legislationIdentifier", "PatternConstraintComponent") in results_for(report, BASE + "id/wet/wajong")


@pytest.mark.parametrize("fixture", ["corpus_store", "sample_store"])
def test_a_real_build_has_no_violations(request, fixture):
    """The writer, the vocabularies and the shapes agree on real documents (warnings may remain)."""
    report = validate(request.getfixturevalue(fixture))
    assert report.violations == 0, report.text
