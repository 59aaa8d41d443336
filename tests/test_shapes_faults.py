"""Each identity fault class, injected into a real build of the corpus, is reported by the shapes.

The build itself has no violations (``test_validate.py``); every case below adds one fault and
checks that a result about exactly that node and fault appears.
"""

from __future__ import annotations

import pytest
from pyoxigraph import Store

from kg.store import KGStore
from kg.validate import validate

B = "https://w3id.org/kamerstukken-kg/"
JASPER = f"<{B}id/persoon/jasper-van-dijk-1971>"
PREFIXES = """
PREFIX kg: <https://w3id.org/kamerstukken-kg/def#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX time: <http://www.w3.org/2006/time#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
FAULTS = {
    "id/IRI mismatch": (
        f"<{B}id/kamerstuk/11111-1> a kg:Kamerstuk , kg:ParliamentaryDocument ; dcterms:identifier '11111-2' ;"
        f" dcterms:isPartOf <{B}id/dossier/28719> .",
        f"{B}id/kamerstuk/11111-1", "not the last segment of the IRI",
    ),
    "series path mismatch": (
        f"<{B}id/kamerstuk/h-tk-20072008-75> a kg:HandelingenItem , kg:ParliamentaryDocument ;"
        " dcterms:identifier 'h-tk-20072008-75' .",
        f"{B}id/kamerstuk/h-tk-20072008-75", "IRI is under id/handelingen/",
    ),
    "dangling reference": (
        f"<{B}id/kamerstuk/28719-59> dcterms:references <{B}id/kamerstuk/99999-1> .",
        f"{B}id/kamerstuk/99999-1", "dangling reference",
    ),
    "contradictory class tags": (
        f"<{B}id/kamerstuk/28719-59> a kg:AanhangselItem .",
        f"{B}id/kamerstuk/28719-59", "contradictory class tags",
    ),
    "misspelled kg: predicate": (
        f"<{B}id/kamerstuk/28719-59> kg:mention <{B}id/organisatie/uwv> .",
        "https://w3id.org/kamerstukken-kg/def", "does not define",
    ),
    "person with two names": (
        f'{JASPER} foaf:name "Jasper van Dyk" .',
        JASPER[1:-1], "a person with two names",
    ),
    "person in two parties at one time": (
        f"<{B}id/x/lidmaatschap> a org:Membership ; org:member {JASPER} ; org:organization <{B}id/partij/pvda> ;"
        f" org:memberDuring <{B}id/x/lidmaatschap#periode> . <{B}id/x/lidmaatschap#periode> a time:Interval ;"
        f" time:inside <{B}id/x/lidmaatschap#datum> . <{B}id/x/lidmaatschap#datum> time:inXSDDate '2019-12-06'^^xsd:date .",
        JASPER[1:-1], "two parties at one time",
    ),
    "unresolved surname-only person": (
        f"<{B}id/document/0000/persoon/jansen> a foaf:Person ; foaf:name 'Jansen' ; foaf:familyName 'Jansen' .",
        f"{B}id/document/0000/persoon/jansen", "unresolved surname-only person",
    ),
}


@pytest.fixture(scope="module")
def corpus_quads(corpus_store) -> list:
    return list(corpus_store.store.quads_for_pattern(None, None, None, None))


@pytest.fixture(scope="module")
def baseline(corpus_quads):
    store = Store()
    store.extend(corpus_quads)
    report = validate(KGStore(store, None, False))
    assert report.violations == 0, report.text
    return {(r.focus, r.message) for r in report.results}


@pytest.mark.parametrize("fault", FAULTS)
def test_an_injected_fault_is_reported(fault, corpus_quads, baseline):
    insert, focus, message = FAULTS[fault]
    store = Store()
    store.extend(corpus_quads)
    # Into a document graph and the merged default graph, as kg's writer keeps them.
    store.update(f"{PREFIXES} INSERT DATA {{ GRAPH <{B}graph/injected> {{ {insert} }} {insert} }}")
    report = validate(KGStore(store, None, False))
    new = {(r.focus, r.message) for r in report.results} - baseline
    assert any(f == focus and message in m for f, m in new), report.text
