"""kg_abbreviations: an abbreviation a document defines in parentheses names what its expansion names.

The texts are invented; the schemes are real national ones, named as their regulations name them, except
where a test needs a shape no real scheme outside the vocabulary has (then the scheme is invented too).
"""

from __future__ import annotations

import pytest

from kg.extractors.base import mentions, span_attrs
from kg.pipeline import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()[0]


def found(nlp, text, category="instrument"):
    doc = nlp(text)
    return [(s.text, s.kb_id_, span_attrs(s).get("name")) for s in mentions(doc, category)]


def test_scheme_defined_after_its_expansion(nlp):
    text = ("De Tegemoetkoming ondernemers getroffen sectoren (TOGS) wordt door gemeenten "
            "uitgevoerd. De TOGS-uitgaven stegen; de TOGS loopt af.")
    assert found(nlp, text) == [
        ("Tegemoetkoming ondernemers getroffen sectoren", "id/instrument/togs",
         "Tegemoetkoming ondernemers getroffen sectoren"),
        ("TOGS", "id/instrument/togs", "TOGS"),
        ("TOGS", "id/instrument/togs", "TOGS"),  # of "TOGS-uitgaven": an all-caps word splits at its hyphen
        ("TOGS", "id/instrument/togs", "TOGS"),
    ]


def test_scheme_defined_before_its_expansion_and_used_earlier(nlp):
    text = ("Wie de NOW ontving, moet vaststelling aanvragen. Dit geldt voor werkgevers die de NOW "
            "(Tijdelijke noodmaatregel overbrugging voor behoud van werkgelegenheid) ontvangen. De NOW-regeling stopt.")
    keys = {key for _, key, _ in found(nlp, text)}
    texts = [t for t, _, _ in found(nlp, text)]
    assert keys == {"id/instrument/now"}
    assert texts == ["NOW", "NOW", "Tijdelijke noodmaatregel overbrugging voor behoud van werkgelegenheid", "NOW-regeling"]


def test_initials_may_come_from_the_parts_of_a_hyphenated_word(nlp):
    text = "Met de Scholingsregeling mkb-werknemers (SMW) en de SMW-regeling."  # invented: SLIM is in the vocabulary
    assert [(t, n) for t, _, n in found(nlp, text)] == [
        ("Scholingsregeling mkb-werknemers", "Scholingsregeling mkb-werknemers"),
        ("SMW", "SMW"),
        ("SMW-regeling", "SMW-regeling"),
    ]


def test_a_vocabulary_expansion_lends_its_concept_to_the_abbreviation(nlp):
    text = "Het persoonsgebonden re-integratiebudget (PRB) verdween; het PRB werd weinig gebruikt."
    assert [(t, k) for t, k, _ in found(nlp, text)] == [
        ("persoonsgebonden re-integratiebudget", "id/instrument/prb"),
        ("PRB", "id/instrument/prb"),
        ("PRB", "id/instrument/prb"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Dit wordt bij algemene maatregel van bestuur (AMvB) geregeld; de AMvB volgt.",  # no scheme
        "De Tijdelijke regeling voor iets (XYZ) en de XYZ.",  # the letters are not its initials
        "De gemeente Utrecht (Utrecht) en de regeling.",  # a place, not an abbreviation
        "De Wet tegemoetkomingen loondomein (WTL) en de WTL.",  # a law is the law extractor's
        "De tegemoetkoming (TOGS) is niet de TOGS.",  # a one-word expansion is too little
    ],
)
def test_no_scheme_without_a_cue_head_and_matching_initials(nlp, text):
    assert [k for _, k, _ in found(nlp, text) if k.startswith("id/instrument/") and k[14:] in ("amvb", "xyz", "utrecht", "wtl", "togs")] == []


def test_a_word_in_parentheses_after_a_vocabulary_name_is_no_abbreviation(nlp):
    doc_orgs = found(nlp, "Het UWV (Utrecht) en het UWV in Utrecht.", "organisation")
    assert [t for t, _, _ in doc_orgs] == ["UWV", "UWV"]


def test_only_the_exact_abbreviation_counts(nlp):
    text = "De Tegemoetkoming ondernemers getroffen sectoren (TOGS) en de Togs of togs-gelden."
    assert [t for t, _, _ in found(nlp, text)] == ["Tegemoetkoming ondernemers getroffen sectoren", "TOGS"]


def test_an_unlisted_scheme_is_a_concept_with_one_preflabel_and_the_written_forms(tmp_path):
    from kg.build import build
    from kg.store import KGStore
    from kg.validate import validate

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "brief.txt").write_text(
        "Den Haag, 3 april 2020\n\nDe Tegemoetkoming ondernemers getroffen sectoren (TOGS) is verlengd.\n", encoding="utf-8")
    (folder / "vragen.txt").write_text(
        "Den Haag, 4 april 2020\n\nHoeveel ondernemers ontvingen de TOGS (Tegemoetkoming ondernemers "
        "getroffen sectoren)? De TOGS-regeling loopt af.\n", encoding="utf-8")
    store = KGStore.open(tmp_path / "store")
    assert sorted(build(store, [folder]).built) == ["brief.txt", "vragen.txt"]
    rows = list(store.query(
        "SELECT DISTINCT ?p ?l WHERE { GRAPH ?g { ?d dcterms:subject ?e . ?e skos:prefLabel ?p ; rdfs:label ?l } "
        "FILTER(STR(?e) = 'https://w3id.org/kamerstukken-kg/id/instrument/togs') }"))
    assert {r["p"].value for r in rows} == {"TOGS"}
    assert {r["l"].value for r in rows} == {
        "Tegemoetkoming ondernemers getroffen sectoren", "TOGS", "TOGS-regeling"}
    assert validate(store).conforms


def test_a_body_defined_by_its_abbreviation_is_an_organisation(nlp):
    """The first cue word names the kind: '…instituut…' a body, minted under id/organisatie/."""
    text = ("Het Landelijk instituut sociale verzekeringen (Lisv) en het Gemeenschappelijk "
            "Administratiekantoor (GAK) voeren de WAO uit. Het Lisv stuurt het GAK aan.")
    spans = sorted(mentions(nlp(text), "organisation"), key=lambda s: s.start_char)
    assert [(s.text, s.kb_id_) for s in spans] == [
        ("Landelijk instituut sociale verzekeringen", "id/organisatie/lisv"),
        ("Lisv", "id/organisatie/lisv"),
        ("Gemeenschappelijk Administratiekantoor", "id/organisatie/gak"),
        ("GAK", "id/organisatie/gak"),
        ("Lisv", "id/organisatie/lisv"),
        ("GAK", "id/organisatie/gak"),
    ]
    assert found(nlp, text) == []
