"""End to end: documents in each form built into a real on-disk store; the readers' facts are in the
graph and every mention's offsets point at its text in the published raw text."""

from __future__ import annotations

import pytest

from kg.build import build
from kg.store import KGStore
from kg.validate import validate
from kg.vocab import PREFIXES

WEB_PAGE = """Menu
Zoeken
Home > Kamerstukken > Schriftelijke vragen
Schriftelijke vragen
Vragen over jobcoaching bij het UWV
Indieners Piet Jansen (VVD), Anna de Wit-Bakker (CDA)
Beantwoord door
minister Van der Berg (Sociale Zaken en Werkgelegenheid)
Gepubliceerd: 3 maart 2021
Beantwoord 2 maart 2021
Nummer: KST-35570-XV-12
Bron vraag: https://zoek.officielebekendmakingen.nl/ah-tk-20202021-1890.html
Deel deze pagina

Vraag 1
Bent u bekend met het bericht dat het UWV minder jobcoaches inzet? Zie ook Kamerstuk 35570-XV, nr. 12.

Antwoord 1
Ja. Het UWV zet jobcoaching in voor mensen met een arbeidsbeperking.
"""

PREFIX = "\n".join(f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items())


def rows(store, sparql):
    return [[term.value if term is not None else None for term in row] for row in store.query(PREFIX + sparql)]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sources")
    (folder / "vragen.txt").write_text(WEB_PAGE, encoding="utf-8")
    store = KGStore.open(tmp_path_factory.mktemp("store") / "kg")
    report = build(store, [folder])
    assert report.built == ["vragen.txt"] and not report.warnings
    return store


def test_web_page_facts_reach_the_graph(store):
    (document,) = rows(store, "SELECT ?d WHERE { ?d kg:sourceFile 'vragen.txt' ; a kg:Document }")
    doc = document[0]
    assert doc.endswith("35570-XV-12")  # its own number names it
    creators = rows(store, f"SELECT ?name WHERE {{ <{doc}> dcterms:creator/foaf:name ?name }}")
    assert sorted(name for (name,) in creators) == ["Anna de Wit-Bakker", "Piet Jansen"]
    parties = rows(store, "SELECT ?name ?party WHERE { ?p foaf:name ?name ; org:memberOf ?party }")
    assert {(name, party.rsplit("/", 1)[-1]) for name, party in parties} >= {("Piet Jansen", "vvd"), ("Anna de Wit-Bakker", "cda")}
    answerers = rows(store, f"SELECT ?name WHERE {{ ?a a kg:Answer ; dcterms:isPartOf <{doc}> ; dcterms:creator/foaf:name ?name }}")
    assert ["Van der Berg"] in answerers
    sources = rows(store, f"SELECT ?s WHERE {{ <{doc}> dcterms:source ?s }}")
    assert ["https://zoek.officielebekendmakingen.nl/ah-tk-20202021-1890.html"] in sources
    dates = rows(store, f"SELECT ?date WHERE {{ <{doc}> dcterms:date ?date }}")
    assert dates == [["2021-03-02"]]
    # the document's own number is never one of its citations
    cited = rows(store, f"SELECT ?id WHERE {{ <{doc}> dcterms:references/dcterms:identifier ?id }}")
    assert ["35570-XV-12"] not in cited


def test_site_chrome_gives_no_entity(store):
    labels = rows(store, "SELECT ?text WHERE { ?m a nif:Phrase ; nif:anchorOf ?text }")
    anchored = {text for (text,) in labels}
    for chrome in ("Menu", "Zoeken", "Deel deze pagina", "Schriftelijke vragen", "Kamerstukken"):
        assert chrome not in anchored


def test_every_mention_points_at_its_raw_text(store):
    mentions = rows(store, """
        SELECT ?text ?begin ?end ?raw WHERE {
            ?m nif:anchorOf ?text ; nif:beginIndex ?begin ; nif:endIndex ?end ; nif:referenceContext ?c .
            ?c nif:isString ?raw }""")
    assert len(mentions) > 5
    for text, begin, end, raw in mentions:
        assert raw[int(begin):int(end)] == text
    persons = {text for text, *_ in mentions}
    assert {"Piet Jansen", "Anna de Wit-Bakker", "Van der Berg"} <= persons


def test_the_store_has_no_shape_violations(store):
    report = validate(store)
    assert report.conforms, report.text
