"""What a kg IRI promises: persons keyed on name parts and the register, works vs items, series.

Persons and publication ids on hand-built Docs (exact inputs), files through real builds on disk.
"""

from __future__ import annotations

import hashlib
import shutil
from datetime import datetime, timezone

import pytest
import spacy
from pyoxigraph import Store

from kg.build import build, sample_paths
from kg.extractors.base import add_mention, document_facts
from kg.pipeline import PipelineInfo
from kg.rdf import document_quads
from kg.rdf.graph import joint_groups
from kg.store import KGStore
from kg.readers.contract import SourceText
from kg.readers.pdftext import clean
from kg.validate import validate
from kg.vocab import PREFIXES, Minter

B = "https://example.org/kg/"
T = datetime(2024, 1, 1, tzinfo=timezone.utc)
NLP = spacy.blank("nl")
NLP.add_pipe("sentencizer")


def quads_of(raw: str, people: list[tuple[str, dict]], date: str | None = "2019-06-01", cited: list[str] = (),
             reader_persons: list[dict] = ()) -> Store:
    """The graph of a one-document build of ``raw`` with a person mention for each (name, attrs) and
    the persons a reader found in a metadata block."""
    cleaned = clean(raw)
    doc = NLP(cleaned.text)
    if reader_persons:
        doc._.kg_reader_facts = {"persons": list(reader_persons)}
    for name, attrs in people:
        start = doc.text.index(name)
        add_mention(doc, "person", doc.char_span(start, start + len(name), alignment_mode="expand"), "", name=name, **attrs)
    for identifier in cited:
        start = doc.text.index(identifier)
        add_mention(doc, "kamerstuk", doc.char_span(start, start + len(identifier), alignment_mode="expand"), identifier)
    if date:
        document_facts(doc)["date"] = date
    source = SourceText(path=None, name="x.txt", raw=raw, sha256=hashlib.sha256(raw.encode()).hexdigest())
    info = PipelineInfo("rules-only", "spacy.blank('nl')", spacy.__version__)
    store = Store()
    store.extend(document_quads(source, cleaned, doc, info, Minter(B), T, T).quads)
    return store


def select(store: Store, query: str) -> list[dict[str, str]]:
    prefixes = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
    results = store.query(prefixes + query)
    names = [v.value for v in results.variables]
    return [{name: row[name].value for name in names if row[name] is not None} for row in results]


def mentioned(store: Store) -> dict[str, set[str]]:
    """Person IRI -> the parties the document gives it."""
    rows = select(store, "SELECT ?p ?party WHERE { GRAPH ?g { ?d kg:mentions ?p . OPTIONAL { ?p org:memberOf ?party } } }")
    found: dict[str, set[str]] = {}
    for row in rows:
        found.setdefault(row["p"].removeprefix(B), set()).update([row["party"].removeprefix(B)] if "party" in row else [])
    return found


def test_the_two_van_dijks_are_two_register_persons():
    raw = "Vragen van de leden Gijs van Dijk (PvdA) en Jasper van Dijk (SP).\n"
    store = quads_of(raw, [("Gijs van Dijk", {"party": "id/partij/pvda", "role": "Kamerlid"}),
                           ("Jasper van Dijk", {"party": "id/partij/sp", "role": "Kamerlid"})])
    assert mentioned(store) == {"id/persoon/gijs-van-dijk-1980": {"id/partij/pvda"},
                                "id/persoon/jasper-van-dijk-1971": {"id/partij/sp"}}


def test_namesakes_outside_the_register_are_kept_apart_by_initials_and_party():
    """In 1990 neither Van Dijk sat in the Kamer: no register person fits, the name parts decide."""
    raw = "De leden J. van Dijk (SP), G. van Dijk (PvdA) en J. van Dijk (PvdA).\n"
    store = quads_of(raw, [("J. van Dijk", {"party": "id/partij/sp", "role": "Kamerlid"}),
                           ("G. van Dijk", {"party": "id/partij/pvda", "role": "Kamerlid"})], date="1990-01-01")
    assert mentioned(store) == {"id/persoon/j-van-dijk--sp": {"id/partij/sp"},
                                "id/persoon/g-van-dijk--pvda": {"id/partij/pvda"}}


def test_a_surname_alone_takes_the_fuller_name_of_its_document():
    raw = "Het lid Jasper van Dijk (SP) vraagt. Van Dijk vraagt nog eens.\n"
    store = quads_of(raw, [("Jasper van Dijk", {"party": "id/partij/sp", "role": "Kamerlid"}), ("Van Dijk", {})])
    assert set(mentioned(store)) == {"id/persoon/jasper-van-dijk-1971"}


def test_a_surname_alone_takes_the_fuller_name_of_the_pages_metadata_block():
    """'Indiener D.G.M. Ceder (ChristenUnie)' above the motion; 'Ceder' signs it: one person."""
    raw = "Indiener D.G.M. Ceder (ChristenUnie)\n\nDe Kamer verzoekt de regering iets.\nCeder\n"
    start = raw.index("D.G.M.")
    store = quads_of(raw, [("Ceder", {})], date="2023-07-04",
                     reader_persons=[{"name": "D.G.M. Ceder", "party": "ChristenUnie", "role": "indiener",
                                      "start": start, "end": start + len("D.G.M. Ceder")}])
    assert set(mentioned(store)) == {"id/persoon/d-g-m-ceder--christenunie"}


def test_initials_fuller_than_the_registers_still_fit():
    """The register knows Bart van Kent as 'B.'; a page prints 'B.C. van Kent (SP)'."""
    raw = "Medeindiener B.C. van Kent (SP)\n"
    store = quads_of(raw, [("B.C. van Kent", {"party": "id/partij/sp", "role": "Kamerlid"})], date="2018-06-01")
    assert set(mentioned(store)) == {"id/persoon/bart-van-kent-1983"}


def test_a_register_person_is_resolved_from_a_surname_only_mention():
    """'Minister Koolmees' of SZW in mid-2019: the register has one Koolmees, minister of SZW then."""
    raw = "Minister Koolmees antwoordt.\n"
    store = quads_of(raw, [("Koolmees", {"role": "Minister", "organisation": "id/organisatie/szw"})])
    assert set(mentioned(store)) == {"id/persoon/wouter-koolmees-1977"}
    assert select(store, "SELECT ?post WHERE { GRAPH ?g { ?m org:member ?p ; opengov:post ?post ;"
                         ' org:memberDuring/time:inside/time:inXSDDate "2019-06-01"^^xsd:date } }')


def test_an_ambiguous_surname_stays_a_person_of_its_document_and_a_shape_reports_it():
    raw = "Van Dijk zegt iets.\n"
    store = quads_of(raw, [("Van Dijk", {})])
    (person,) = mentioned(store)
    assert person.startswith("id/document/") and person.endswith("/persoon/van-dijk")
    kg_store = KGStore(store, None, False)
    from kg.rdf import ontology_quads

    store.extend(ontology_quads(Minter(B)))
    report = validate(kg_store)
    assert any(r.focus == B + person and "surname-only" in r.message for r in report.results), report.text


def test_series_have_their_own_paths_and_koop_links_only_for_koop_ids():
    raw = "Zie h-tk-20072008-75, ah-tk-20192020-961 en 34950-XV-9.\n"
    store = quads_of(raw, [], cited=["h-tk-20072008-75", "ah-tk-20192020-961", "34950-XV-9"])
    rows = select(store, "SELECT ?c ?class ?link WHERE { GRAPH ?g { ?d dcterms:references ?c . ?c a ?class ."
                         " FILTER(?class != kg:ParliamentaryDocument) OPTIONAL { ?c dcterms:source ?link } } }")
    found = {row["c"].removeprefix(B): (row["class"].rsplit("#", 1)[1], row.get("link")) for row in rows}
    assert found == {
        "id/handelingen/h-tk-20072008-75": ("HandelingenItem", None),  # a meeting, not a KOOP item id
        "id/aanhangsel/ah-tk-20192020-961": ("AanhangselItem", "https://zoek.officielebekendmakingen.nl/ah-tk-20192020-961"),
        "id/kamerstuk/34950-XV-9": ("Kamerstuk", "https://zoek.officielebekendmakingen.nl/kst-34950-XV-9"),
    }


def test_joint_kamerstuk_ids_form_one_group():
    assert joint_groups(["28719-59", "30982-59"]) == [("28719-59", ("28719", "30982"))]
    assert joint_groups(["28719-49", "28719-50"]) == [("28719-49", ("28719",)), ("28719-50", ("28719",))]
    assert joint_groups(["ah-tk-20192020-961"]) == [("ah-tk-20192020-961", ())]


def test_the_joint_kamerstuk_of_the_corpus_has_one_id_and_two_dossiers(corpus_store):
    rows = list(corpus_store.query(
        "SELECT ?id ?dossier ?link WHERE { <https://w3id.org/kamerstukken-kg/id/kamerstuk/28719-59>"
        " dcterms:identifier ?id ; dcterms:isPartOf/dcterms:identifier ?dossier ; dcterms:source ?link }"))
    assert {r["id"].value for r in rows} == {"28719-59"}
    assert {r["dossier"].value for r in rows} == {"28719", "30982"}
    assert {r["link"].value for r in rows} == {"https://zoek.officielebekendmakingen.nl/kst-28719-59"}
    assert not bool(corpus_store.query("ASK { ?x dcterms:identifier \"30982-59\" }"))


# -- files: renamed, copied, a second printing -------------------------------------------------------


@pytest.fixture
def reproducible(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def _names_and_iris(store: KGStore) -> tuple[set[str], set[str]]:
    names = {q.object.value for q in store.store.quads_for_pattern(None, None, None, None)
             if q.predicate.value.endswith("#sourceFile")}
    iris = {t.value for q in store.store.quads_for_pattern(None, None, None, None)
            for t in (q.subject, q.object, q.graph_name) if hasattr(t, "value") and t.value.startswith("https://")}
    return names, iris


def test_renaming_a_file_changes_no_iri_only_the_file_name(tmp_path, reproducible):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(sample_paths()[1], folder / "a.txt")
    store = KGStore.open(tmp_path / "store")
    build(store, [folder])
    names_before, iris_before = _names_and_iris(store)
    (folder / "a.txt").rename(folder / "renamed.txt")
    report = build(store, [folder])
    assert report.built == ["renamed.txt"]
    names_after, iris_after = _names_and_iris(store)
    assert iris_after == iris_before
    assert "a.txt" in names_before and "a.txt" not in names_after and "renamed.txt" in names_after
    assert build(store, [folder]).skipped_unchanged == ["renamed.txt"]


def test_a_copied_file_is_one_item_with_two_names(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(sample_paths()[1], folder / "a.txt")
    shutil.copy(sample_paths()[1], folder / "copy.txt")
    store = KGStore.open(tmp_path / "store")
    report = build(store, [folder])
    assert report.built == ["a.txt"] and report.skipped_unchanged == ["copy.txt"]
    rows = list(store.query("SELECT ?item (GROUP_CONCAT(?name; separator=' ') AS ?names) WHERE { GRAPH ?g {"
                            " ?item a kg:Item ; kg:sourceFile ?name } } GROUP BY ?item"))
    assert len(rows) == 1 and sorted(rows[0]["names"].value.split()) == ["a.txt", "copy.txt"]
    assert build(store, [folder]).skipped_unchanged == ["a.txt", "copy.txt"]
    assert validate(store).violations == 0


def test_two_printings_of_one_kamerstuk_are_one_work_with_two_items(tmp_path, two_printings):
    store = KGStore.open(tmp_path / "store")
    assert len(build(store, [two_printings]).built) == 2
    rows = list(store.query("SELECT DISTINCT ?work ?item WHERE { GRAPH ?g { ?item kg:itemOf ?work } }"))
    assert len({r["work"].value for r in rows}) == 1 and len({r["item"].value for r in rows}) == 2
    report = validate(store)
    assert report.violations == 0, report.text
