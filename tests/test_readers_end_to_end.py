"""End to end: documents in each form built into a real on-disk store; the readers' facts are in the
graph and every mention's offsets point at its text in the published raw text."""

from __future__ import annotations

import shutil
from pathlib import Path

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

DATA = Path(__file__).parent / "data" / "readers"

PREFIX = "\n".join(f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items())


def rows(store, sparql):
    return [[term.value if term is not None else None for term in row] for row in store.query(PREFIX + sparql)]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sources")
    (folder / "vragen.txt").write_text(WEB_PAGE, encoding="utf-8")
    shutil.copy(DATA / "motie-35570-XV-45.html", folder)
    shutil.copy(DATA / "brief-35570-XV-99.pdf", folder)
    store = KGStore.open(tmp_path_factory.mktemp("store") / "kg")
    report = build(store, [folder])
    assert sorted(report.built) == ["brief-35570-XV-99.pdf", "motie-35570-XV-45.html", "vragen.txt"]
    assert not report.warnings
    return store


def document_of(store, name):
    (row,) = rows(store, f"SELECT ?d WHERE {{ ?item kg:sourceFile '{name}' ; kg:itemOf ?d }}")
    return row[0]


def test_web_page_facts_reach_the_graph(store):
    doc = document_of(store, "vragen.txt")
    assert doc.endswith("35570-XV-12")  # its own number names it
    creators = rows(store, f"SELECT ?name WHERE {{ GRAPH ?g {{ <{doc}> dcterms:creator/foaf:name ?name }} }}")
    assert sorted(name for (name,) in creators) == ["Anna de Wit-Bakker", "Piet Jansen"]
    parties = rows(store, "SELECT ?name ?party WHERE { ?p foaf:name ?name ; org:memberOf ?party }")
    assert {(name, party.rsplit("/", 1)[-1]) for name, party in parties} >= {("Piet Jansen", "vvd"), ("Anna de Wit-Bakker", "cda")}
    answerers = rows(store, f"""SELECT ?name WHERE {{ GRAPH ?g {{
        ?a a kg:Answer ; dcterms:isPartOf <{doc}> ; dcterms:creator/foaf:name ?name }} }}""")
    assert ["Van der Berg"] in answerers
    # the page the file was saved from is where the item came from
    sources = rows(store, f"SELECT ?s WHERE {{ ?item kg:itemOf <{doc}> ; dcterms:source ?s }}")
    assert ["https://zoek.officielebekendmakingen.nl/ah-tk-20202021-1890.html"] in sources
    dates = rows(store, f"SELECT ?date WHERE {{ <{doc}> dcterms:date ?date }}")
    assert dates == [["2021-03-02"]]
    # the document's own number is never one of its citations
    cited = rows(store, f"SELECT ?id WHERE {{ <{doc}> dcterms:references/dcterms:identifier ?id }}")
    assert ["35570-XV-12"] not in cited


def test_html_page_facts_reach_the_graph(store):
    doc = document_of(store, "motie-35570-XV-45.html")
    assert doc.endswith("35570-XV-45")
    creators = rows(store, f"SELECT ?n WHERE {{ GRAPH ?g {{ <{doc}> dcterms:creator/foaf:name ?n }} }}")
    assert ["P. Jansen"] in creators
    contributors = rows(store, f"SELECT ?n WHERE {{ GRAPH ?g {{ <{doc}> dcterms:contributor/foaf:name ?n }} }}")
    assert contributors == [["A. de Wit-Bakker"]]
    assert rows(store, f"SELECT ?t WHERE {{ <{doc}> dcterms:type ?t }}")[0][0].endswith("motie")
    assert rows(store, f"SELECT ?d WHERE {{ <{doc}> dcterms:date ?d }}") == [["2021-03-04"]]
    (published,) = rows(store, f"SELECT ?s WHERE {{ ?c nif:sourceUrl/kg:itemOf <{doc}> ; nif:isString ?s }}")
    assert published[0].startswith("Motie van het lid Jansen c.s. over beschut werk\n")  # the extracted text
    (sha,) = rows(store, f"SELECT ?h WHERE {{ ?item kg:itemOf <{doc}> ; kg:contentSha256 ?h }}")
    import hashlib

    assert sha[0] == hashlib.sha256((DATA / "motie-35570-XV-45.html").read_bytes()).hexdigest()


def test_pdf_is_read_from_its_text_layer(store):
    doc = document_of(store, "brief-35570-XV-99.pdf")
    assert doc.endswith("35570-XV-99")  # its own number, from the page footer
    anchored = rows(store, f"""SELECT ?text WHERE {{ ?m a nif:Phrase ; nif:referenceContext ?c ; nif:anchorOf ?text .
        ?c nif:sourceUrl/kg:itemOf <{doc}> }}""")
    assert ["UWV"] in anchored and (["Koolmees"] in anchored or ["W. Koolmees"] in anchored)


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
    anchored = {text for text, *_ in mentions}
    assert {"Piet Jansen", "Anna de Wit-Bakker", "Van der Berg", "P. Jansen", "A. de Wit-Bakker"} <= anchored


def test_the_store_has_no_shape_violations(store):
    report = validate(store)
    assert report.conforms, report.text
