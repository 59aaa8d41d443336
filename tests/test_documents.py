"""kg_document_facts on hand-made snippets, and persons + document facts on the real corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy

from kg.extractors import documents, persons  # noqa: F401  (registers the components)
from kg.extractors.base import document_facts, mentions, span_attrs
from kg.extractors.documents import document_date, document_titles, document_type, parse_numbers
from kg.extractors.persons import person_key

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kg_persons")
    nlp.add_pipe("kg_document_facts")
    return nlp


def numbers(doc, kind):
    return [span_attrs(s)["numbers"] for s in mentions(doc, kind)]


# -- units ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("3", [3]), ("3 & 4", [3, 4]), ("5, 6 en 7", [5, 6, 7]), ("2 t/m 4", [2, 3, 4]), ("1 en 2", [1, 2]), ("8-10", [8, 9, 10])],
)
def test_parse_numbers(text, expected):
    assert parse_numbers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" Vragen van het lid X (SP) aan de Minister over iets (ingezonden 2 oktober 2019).", "schriftelijke-vragen"),
        (" De vaste commissie voor Sociale Zaken en Werkgelegenheid heeft een aantal vragen voorgelegd aan de Minister.", "lijst-van-vragen-en-antwoorden"),
        (" 29 544 Arbeidsmarktbeleid\nNr. 1112 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG\nDe vaste commissie heeft een aantal vragen en opmerkingen voorgelegd.", "verslag"),
        (" 34 352 Participatiewet\nNr. 248 MOTIE VAN DE LEDEN KROMHOUT EN BULTHUIS\nDe Kamer,\ngehoord de beraadslaging,", "motie"),
        ("De Kamer,\ngehoord de beraadslaging,\nverzoekt de regering iets,\nen gaat over tot de orde van de dag.", "motie"),
        ("Aan de orde is het debat.\n\nDe voorzitter:\nHet woord is aan de heer X.\n\nDe heer X (PvdA):\nVoorzitter. Motie.\nDe Kamer,\ngehoord de beraadslaging,\nen gaat over tot de orde van de dag.", "handelingen"),
        (" Met deze brief informeer ik uw Kamer over de voortgang.", "brief"),
        ("Tekst.\n\nDe Minister van Sociale Zaken en Werkgelegenheid,\nJ. P. H. Donner\n", "brief"),
        ("Zomaar een tekst zonder kenmerken.", None),
    ],
)
def test_document_type(text, expected):
    assert document_type(text) == expected


def test_date_of_answers_not_of_question_or_citations():
    text = (
        " Vragen van het lid X (SP) over de brief van 3 mei 2019 (ingezonden 2 oktober 2019).\n\n"
        "Antwoord van Minister Y (ontvangen 6 december 2019).\n"
    )
    assert document_date(text, "schriftelijke-vragen") == "2019-12-06"
    assert document_date(text.split("\n\n")[0], "schriftelijke-vragen") == "2019-10-02"


def test_date_of_lijst_is_the_answering_letter():
    text = "De commissie heeft vragen voorgelegd over de brief van 16 mei 2018.\n\nDe Minister heeft deze vragen beantwoord bij brief van 21 juni 2018."
    assert document_date(text, "lijst-van-vragen-en-antwoorden") == "2018-06-21"


def test_date_from_letter_header_and_footer():
    assert document_date("BRIEF VAN DE MINISTER\nDen Haag, 12 mei 2022\nMet deze brief", "brief") == "2022-05-12"
    assert document_date("Dank u wel.", "handelingen", ["Tweede Kamer Debat 9 juni 2022"]) == "2022-06-09"
    assert document_date("Op 1 januari 2015 is de wet ingevoerd.", "brief") is None


def test_titles():
    text = " Vragen van het lid X (SP) aan de Minister over data van\nwerkzoekenden bij het UWV (ingezonden 2 oktober 2019)."
    assert document_titles(text, "schriftelijke-vragen") == {"description": "data van werkzoekenden bij het UWV"}
    assert document_titles(" 29 544 Arbeidsmarktbeleid\nNr. 1101 BRIEF VAN", "brief") == {"title": "Arbeidsmarktbeleid"}


def test_facts_set_by_others_are_kept(nlp):
    doc = nlp.make_doc(" Met deze brief informeer ik u. Den Haag, 12 mei 2022")
    document_facts(doc).update(type="motie", date="2020-01-01")
    for _, pipe in nlp.pipeline:
        doc = pipe(doc)
    assert document_facts(doc)["type"] == "motie" and document_facts(doc)["date"] == "2020-01-01"


def test_questions_and_answers(nlp):
    text = (
        " Vragen van het lid Jansen (SP) aan de Minister over iets (ingezonden 1 mei 2020).\n\n"
        "Antwoord van Minister Koolmees (ontvangen 2 juni 2020).\n\n"
        "Vraag 1\nBent u bekend met het bericht?1\n\n"
        "Antwoord 1\nJa.\n\n"
        "Vraag 2\nHoe zit het?\n\nVraag 3\nEn dit?\n\n"
        "Antwoord 2 & 3\nZo zit het.\n\n1 Trouw, 1 mei 2020.\n\n"
        "Vragen 4, 5 en 6\nWaarom?\n\n"
        "Antwoord op vraag 4\nDaarom.\n\n"
        "Antwoord vraag 5 en 6\nOok daarom.\n"
    )
    doc = nlp(text)
    assert numbers(doc, "question") == [[1], [2], [3], [4, 5, 6]]
    assert numbers(doc, "answer") == [[1], [2, 3], [4], [5, 6]]
    first = mentions(doc, "question")[0]
    assert first.text.startswith("Vraag 1") and first.text.endswith("bericht?1")
    answer = mentions(doc, "answer")[1]
    assert answer.text == "Antwoord 2 & 3\nZo zit het."  # the footnote block is not part of it
    facts = document_facts(doc)
    assert facts["type"] == "schriftelijke-vragen" and facts["date"] == "2020-06-02"
    assert facts["questioner"] == "Jansen" and facts["description"] == "iets" and "title" not in facts


def test_numbered_questions_in_a_lijst(nlp):
    text = (
        " De vaste commissie voor Financiën heeft een aantal vragen voorgelegd aan de Minister over de begroting.\n"
        "De Minister heeft deze vragen beantwoord bij brief van 3 maart 2021.\n\n"
        "1\nWat kost het?\n\nAntwoord\nVeel.\n\n2\nWaarom?\n\nAntwoord 2\nDaarom.\n"
    )
    doc = nlp(text)
    assert document_facts(doc)["type"] == "lijst-van-vragen-en-antwoorden"
    assert numbers(doc, "question") == [[1], [2]]
    assert numbers(doc, "answer") == [[1], [2]]
    assert mentions(doc, "question")[0].text == "1\nWat kost het?"


def test_bad_input_does_not_crash(nlp):
    for text in ("", "\n\n", "Vraag 1", "Antwoord\n", "Vraag 999999\nx", "(ontvangen 31 februari 2020)"):
        nlp(text)


# -- corpus -----------------------------------------------------------------------------------------

#: Expected persons (keys), type, date, question and answer numbers per corpus file, read from the texts.
EXPECTED = {
    "000": {
        # the committee's clerk signs as Kraaijenoord
        "persons": {"rog", "kraaijenoord"},
        "type": "lijst-van-vragen-en-antwoorden",
        "date": "2018-06-21",
        "questions": 22,
        "answers": 21,  # 'Antwoord 3 & 4'
    },
    "001": {
        "persons": {"de-kort", "nobel", "pouw-verweij"},
        "type": "schriftelijke-vragen",
        "date": "2024-11-11",
        "questions": 13,
        "answers": 13,
        "questioner": "De Kort",
    },
    "002": {"persons": {"donner", "aboutaleb", "van-hijum", "spekman"}, "type": "brief", "date": None},
    # the PDF text cuts the signature to 'T. van Ar'
    "003": {"persons": {"van-ar", "raemakers", "van-t-wout", "kerstens"}, "type": "brief", "date": None},
    "004": {
        "persons": {"van-dijk", "koolmees", "van-ark", "heerma", "schouten", "klijnsma"},
        "type": "schriftelijke-vragen",
        "date": "2019-12-06",
        "questions": 13,
        "answers": 13,
        "questioner": "Jasper van Dijk",
    },
}


def _clean(raw: str) -> str:
    try:
        from kg.readers.pdftext import clean
    except ImportError:  # the cleaner is not there yet: undo hyphenation and drop page footers
        raw = re.sub(r"\n?Tweede Kamer, vergaderjaar[^\n]*\n", "\n", raw)
        return re.sub(r"(\w)-\n(\w+)", r"\1\2\n", raw)
    return clean(raw).text


@pytest.fixture(scope="module")
def corpus_docs():
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS}")
    try:
        from kg.pipeline import load_pipeline

        pipeline, _ = load_pipeline()
    except ImportError:  # other components not written yet: persons and document facts alone
        pipeline = spacy.blank("nl")
        pipeline.add_pipe("sentencizer")
        pipeline.add_pipe("kg_persons")
        pipeline.add_pipe("kg_document_facts")
    docs = {}
    for path in sorted(CORPUS.glob("*.txt")):
        docs[path.name[:3]] = pipeline(_clean(path.read_text(encoding="utf-8")))
    return docs


def _persons(doc) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for span in mentions(doc, "person"):
        attrs = span_attrs(span)
        found.setdefault(person_key(attrs["name"]), []).append(attrs)
    return found


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_corpus_document_facts(corpus_docs, stem):
    doc, expected = corpus_docs[stem], EXPECTED[stem]
    facts = document_facts(doc)
    assert facts.get("type") == expected["type"]
    assert facts.get("date") == expected["date"]
    assert len(mentions(doc, "question")) == expected.get("questions", 0)
    assert len(mentions(doc, "answer")) == expected.get("answers", 0)
    if "questions" in expected:
        asked = sorted(n for s in mentions(doc, "question") for n in span_attrs(s)["numbers"])
        answered = sorted(n for s in mentions(doc, "answer") for n in span_attrs(s)["numbers"])
        assert asked == answered == list(range(1, expected["questions"] + 1))
    assert facts.get("questioner") == expected.get("questioner")


def test_corpus_persons_precision_recall(corpus_docs):
    tp = fp = fn = 0
    for stem, expected in EXPECTED.items():
        found = set(_persons(corpus_docs[stem]))
        tp += len(found & expected["persons"])
        fp += len(found - expected["persons"])
        fn += len(expected["persons"] - found)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"persons: precision {precision:.2f}, recall {recall:.2f} (tp {tp}, fp {fp}, fn {fn})")
    assert precision == 1.0
    assert recall >= 0.9


def test_corpus_person_roles(corpus_docs):
    def role(stem, key):
        return {a.get("role") for a in _persons(corpus_docs[stem])[key]}

    assert role("001", "de-kort") == {"Kamerlid"}
    assert role("001", "nobel") == {"Staatssecretaris"}
    assert role("002", "donner") == {"Minister"}
    assert role("002", "aboutaleb") == {"Staatssecretaris"}
    assert role("004", "koolmees") == {"Minister"}
    assert role("004", "van-ark") == {"Staatssecretaris"}
    assert all(a["signatory"] for a in _persons(corpus_docs["002"])["donner"])
    assert all(a["signatory"] for a in _persons(corpus_docs["000"])["rog"])


def test_corpus_person_parties_when_the_gazetteer_marks_them(corpus_docs):
    doc = corpus_docs["001"]
    if not mentions(doc, "party"):
        pytest.skip("no party spans: kg_gazetteer is not in the pipeline yet")
    assert {a.get("party") for a in _persons(doc)["de-kort"]} == {"id/partij/vvd"}
    assert {a.get("party") for a in _persons(corpus_docs["004"])["van-dijk"]} == {"id/partij/sp"}
