"""Kamerstuk, Handelingen and Aanhangsel citations: shapes, decoys, own numbers, the real corpus."""

from __future__ import annotations

import pytest
import spacy

import kg.extractors.kamerstuk  # noqa: F401  (registers kg_kamerstuk_refs)
from kg.extractors import base
from kg.extractors.kamerstuk import find_references, normalize, normalize_year, own_number, session_of


def ids(text: str, **kwargs) -> list[str]:
    return [i for ref in find_references(text, **kwargs) for i in ref.ids]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kamerstuk 34 950 XV, nr. 2", ["34950-XV-2"]),
        ("Kamerstuk 31 234 XV, nr. 5", ["31234-XV-5"]),
        ("Kamerstukken II 2020/21, 31 234, nr. 5", ["31234-5"]),
        ("Kamerstukken II, 2020–2021,\n31 234 nr. 5", ["31234-5"]),
        ("(Kamerstukken II, 2023–2024, 26 448 nr. 742)", ["26448-742"]),
        ("TK 31 234, nr 5", ["31234-5"]),
        ("zoals gemeld (31 234, nr. 5).", ["31234-5"]),
        ("31 234-XV, nr. 5", ["31234-XV-5"]),
        ("Kamerstuk 36 200-XV, nr. 37.", ["36200-XV-37"]),
        ("(Kamerstuk 31234-5)", ["31234-5"]),
        ("Kamerstuk 31234-XV-5", ["31234-XV-5"]),
        # an item of a besluitenlijst: the key, its colon, the dashed number
        ("over de banenafspraak\nKamerstuk: 34352-147\nBesluit: Agenderen.", ["34352-147"]),
        ("zie 31234-XV-5 voor", ["31234-XV-5"]),
        ("31 234, nrs. 5, 6 en 9", ["31234-5", "31234-6", "31234-9"]),
        ("Kamerstukken 29 544, nr. 1205 en nr. 1237.", ["29544-1205", "29544-1237"]),
        ("Kamerstuk 31 234, nrs. 5 t/m 8", ["31234-5", "31234-6", "31234-7", "31234-8"]),
        ("Kamerstukken 31 234 en 27 111, nr. 5", ["31234-5", "27111-5"]),
        ("Kamerstuk 31 234, nr. 5, blz. 12", ["31234-5"]),
        ("Kamerstuk 31 234, nr. 5 p. 3", ["31234-5"]),
        ("Kamerstuk 31 234, nr. 5 herdruk", ["31234-5"]),
        ("Kamerstuk 29 544, nr.779.", ["29544-779"]),
        ("(Kamerstuk 34\n950 XV,\nnr. 2)", ["34950-XV-2"]),
        ("Kamerstuk 34 950 (R2100), nr. 3", ["34950-3"]),
        ("Kamerstuk 21 501-20, nr. 1234", ["21501-20-1234"]),
        ("Tweede Kamer, vergaderjaar 2007–2008, 28 719, nrs. 49, 50, 51 en 53",
         ["28719-49", "28719-50", "28719-51", "28719-53"]),
        ("Kamerstuk 34 352, nr. 34 en Kamerstuk 34 352, nr. 60.", ["34352-34", "34352-60"]),
        ("31 234-XV, nr. 5 en 31 234 XV, nr. 6", ["31234-XV-5", "31234-XV-6"]),
        ("KST31234005", ["31234-5"]),
        ("kst-31234-5 en kst-34950-XV-2", ["31234-5", "34950-XV-2"]),
        ("Kamerstukken I 2019/20, 31 234, letter J", ["31234-J"]),
        ("Kamerstukken I 2019/20, 31 234, J", ["31234-J"]),
        ("EK 31 234, nr. A", ["31234-A"]),
        ("Handelingen II 2019/20, nr. 75, item 12", ["h-tk-20192020-75"]),
        ("Handelingen der Kamer II,\nvergaderjaar 2007–2008, nr. 75, blz.5274–5281", ["h-tk-20072008-75"]),
        ("Handelingen I 2019/2020, nr. 12", ["h-ek-20192020-12"]),
        ("Aanhangsel Handelingen, vergaderjaar 2019–2020, nr. 961", ["ah-tk-20192020-961"]),
        ("Aanhangsel Handelingen II 2019/20,\nnr. 961", ["ah-tk-20192020-961"]),
        ("zie ah-tk-20192020-123 en h-tk-20072008-75.", ["ah-tk-20192020-123", "h-tk-20072008-75"]),
        # the wider gaps of justified PDF text
        ("het jongerenloket (Kamerstuk  29  544,  nr. 338);  ik", ["29544-338"]),
    ],
)
def test_citation_shapes(text, expected):
    assert ids(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("het voorlopig verslag (27 588, nr. 242a). Wij", ["27588-242a"]),
        ("Voorlopig verslag (24787, nr. 59a) en memorie van antwoord (nr. 59b).", ["24787-59a", "24787-59b"]),
        ("Kamerstukken I 1999/2000, 26 448, nrs. 5a en 6", ["26448-5a", "26448-6"]),
        ("nr. 5en verder", []),  # a word glued to a number is no letter
        ("zie kst-27588-242a en kst-27588-242", ["27588-242a", "27588-242"]),  # the KOOP slug too
    ],
)
def test_an_old_eerste_kamer_number_keeps_its_small_letter(text, expected):
    """Until about 2000 the Eerste Kamer numbered its papers as the bill's number plus a letter: 242a is
    another paper than 242."""
    assert ids(text) == expected


def test_eerste_kamer_letter_needs_eerste_kamer_context():
    assert ids("31 234, J") == []
    assert ids("31 234, J", eerste_kamer=True) == ["31234-J"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bij brief van 5 december 2018 (34.352, AA) heeft", ["34352-AA"]),
        ("zie de brief (35 213, H), waarin", ["35213-H"]),
        ("in het voorlopig verslag (33\n818, B) gevraagd", ["33818-B"]),
        ("in  de  memorie  van  antwoord  (30  552,  C)  geantwoord", ["30552-C"]),  # justified PDF text
    ],
)
def test_an_eerste_kamer_letter_in_parentheses_needs_no_context(text, expected):
    assert ids(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Voortgang Participatiewet in balans - 34352-287\nStand van zaken - 34352-290", ["34352-287", "34352-290"]),
        ("Reactie op de motie (Kamerstuk 35 925 XV, nr. 62) - 29817-251", ["35925-XV-62", "29817-251"]),
        ("Jaarverslag - 34725-XV-1 - Brief regering", ["34725-XV-1"]),
    ],
)
def test_the_number_ending_an_item_of_a_web_list(text, expected):
    assert ids(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wordt zij voldoende ondersteund.\n\nZij krijgt nr. 31 (24787).", ["24787-31"]),
        ("Zij krijgt nr. 10 (34725-XV).", ["34725-XV-10"]),
        ("Zij krijgt nr. 46, was nr. 26 (35570-XV).", ["35570-XV-46", "35570-XV-26"]),
        ("Deze motie is voorgesteld door de leden Kox en De Vos. Zij krijgt letter F (28870).", ["28870-F"]),
        ("voor jongeren met een Wajonguitkering (33000-XV, nr.  31, was\nnr. 25).", ["33000-XV-31", "33000-XV-25"]),
    ],
)
def test_a_handelingen_number_with_its_dossier_after_it(text, expected):
    """The number a motion gets in the Handelingen, its dossier in parentheses after it."""
    assert ids(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De memorie van toelichting (TK 24 787, nr. 3) verscheen. In het verslag (nr. 5)\nstelden", ["24787-3", "24787-5"]),
        ("over de rol (24787, nr. 22, ter vervanging van nr. 17): aangenomen", ["24787-22", "24787-17"]),
        ("het amendement (Kamerstuk 34 352, nr. 14) en het verslag (stuk nrs. 15 en 16).", ["34352-14", "34352-15", "34352-16"]),
        ("Zie Kamerstuk 34 352, nr. 5.\n\nIn de bijlage (nr. 3) staat", ["34352-5"]),
        ("In het verslag (nr. 5) stelden", []),
    ],
)
def test_a_number_without_its_dossier_cites_the_dossier_cited_before_it(text, expected):
    """Within a paragraph; a blank line, or no dossier cited before, leaves the number alone."""
    assert ids(text) == expected


def test_a_dossier_page_cites_its_own_dossier_in_its_table_rows_and_bare_numbers():
    page = (
        "Nr.\tDatum\tTitel\tIndiener\n"
        "1\t20-06-2006\tKoninklijke boodschap\n"
        "8\t14-05-2007\tAmendement van het lid Spekman over een wachtlijstgarantie\tJ. Spekman (PvdA)\n"
        "12  16 mei 2007  Amendement van de leden Van Hijum en Ortega-Martijn\n\n"
        "Het amendement-Spekman (stuk nr. 8) is aangenomen. De amendementen op de stukken nrs. 12 en 13 ook.\n"
        "Op 1\t2 staat niets.\n"
    )
    assert ids(page) == []  # without knowing the page's dossier, none of these is a citation
    found = [c.id for r in find_references(page, own_dossier="30552") for c in r.citations]
    assert found == ["30552-1", "30552-8", "30552-12", "30552-8", "30552-12", "30552-13"]


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        ({"metadata": {"Kamerstukdossier": "30552"}}, "30552"),
        ({"metadata": {"Kamerstuknummer": "24787"}}, "24787"),
        ({"title": "31.780 Wet werk en arbeidsondersteuning jonggehandicapten"}, "31780"),
        ({"title": "Wet inschakeling werkzoekenden (24787)"}, "24787"),
        ({"title": "Begroting SZW 2012 (33 000 XV)"}, "33000-XV"),
        ({"title": "31.780 Wet Wajong", "identifiers": ["31780-A"]}, None),  # a paper, not a dossier page
        ({"title": "Brief over 2023 en verder"}, None),
        ({"metadata": {"Kenmerk": "30552"}}, None),
    ],
)
def test_the_dossier_of_a_dossier_page(facts, expected):
    from kg.extractors.kamerstuk import dossier_of_page

    assert dossier_of_page(facts) == expected


def test_an_eerste_kamer_paper_opening_a_line_of_a_dossier_list():
    text = "Parlementaire stukken Eerste Kamer\n\n31.780, A\t24-06-2009\tGewijzigd voorstel van wet\n31.780, F  08-12-2009  Motie\n"
    assert ids(text) == ["31780-A", "31780-F"]


@pytest.mark.parametrize("text", ["zie nr. 3 (2019) en nr. 5 (12 345 678)", "bijlage nr. 2 (blz. 14)"])
def test_a_number_before_parentheses_without_a_dossier_is_no_citation(text):
    assert ids(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "een bedrag van € 34 950, nr. 5 van de lijst",
        "Stcrt. 2018, nr. 12345",
        "in 2018, nr. 5 werd",
        "artikel 10, nr 5",
        "bel 070 333 4444 of 06 1234 5678",
        "de brief van 12 mei 2018 en 1 januari 2020",
        "zie nr. 5 en nrs. 6 en 7",
        "34 950 mensen werken in 2019/20",
        "Kamerstuk 34 352",
        "26.773 trajecten en 45.381 voorzieningen",
        "paragraaf 3.2-28",
        "prijs (€ 34.352, A)",
        "bel 070 - 12345-678",
        "tussen 2019 - 2020 en 2021",
    ],
)
def test_decoys_are_not_citations(text):
    assert ids(text) == []


def test_reference_offsets_cover_the_citation():
    text = "Zie de brief (Kamerstuk 34 550 XV, nr. 77) over het plan."
    (ref,) = find_references(text)
    assert text[ref.start : ref.end] == "Kamerstuk 34 550 XV, nr. 77"
    assert ref.kind == "kamerstuk"
    assert ref.citations[0].dossier == "34550-XV" and ref.citations[0].number == "77"


def test_each_id_of_a_list_gets_its_own_stretch_of_the_reference():
    text = "moties (Tweede Kamer, vergaderjaar 2007–2008, 28 719, nrs. 49, 50 en 53) en"
    (ref,) = find_references(text)
    stretches = [text[c.start : c.end] for c in ref.citations]
    assert stretches == [
        "Tweede Kamer, vergaderjaar 2007–2008, 28 719, nrs. 49",
        "Tweede Kamer, vergaderjaar 2007–2008, 28 719, nrs. 49, 50",
        "Tweede Kamer, vergaderjaar 2007–2008, 28 719, nrs. 49, 50 en 53",
    ]
    (two,) = find_references("Kamerstukken 30 982 en 26 448, nr. 26.")
    assert [(c.id, c.start, c.end) for c in two.citations] == [("30982-26", 0, 37), ("26448-26", 23, 37)]


def test_normalize():
    assert normalize("34 950", "XV", "2") == "34950-XV-2"
    assert normalize("34950", None, "05") == "34950-5"
    assert normalize("34 950", "(R2100)", 3) == "34950-3"
    assert normalize("31 234", "", "j") == "31234-J"
    for year in ("2019/20", "2019-20", "2019–2020", "2019/2020"):
        assert normalize_year(year) == "20192020"
    assert normalize_year("1999/00") == "19992000"
    assert normalize_year("2019/22") is None


def test_session_starts_on_prinsjesdag():
    import datetime

    assert session_of(datetime.date(2022, 6, 9)) == "20212022"
    assert session_of(datetime.date(2022, 9, 19)) == "20212022"  # the day before Prinsjesdag 2022
    assert session_of(datetime.date(2022, 9, 20)) == "20222023"


def test_own_number_from_footers_header_and_zie_ook():
    footer = "Tweede Kamer, vergaderjaar 2007–2008, 28 719 en 30 982, nr. 59 7"
    assert own_number("Met deze brief ...", [footer]).ids == ("28719-59", "30982-59")
    header = "34 950 XV Jaarverslag en slotwet Ministerie van Sociale Zaken en\nWerkgelegenheid 2017\nNr. 9 LIJST VAN VRAGEN EN ANTWOORDEN\n"
    own = own_number(header + "Vastgesteld 2 juli 2018\n")
    assert own.ids == ("34950-XV-9",)
    assert own.title == "Jaarverslag en slotwet Ministerie van Sociale Zaken en Werkgelegenheid 2017"
    two = own_number("28 719 Beleidsdoorlichting re-integratie\n30 982 Re-integratie\nNr. 59 BRIEF VAN DE MINISTER\n")
    assert two.ids == ("28719-59", "30982-59") and two.title == "Beleidsdoorlichting re-integratie"
    answers = (
        "Antwoord van Minister X (ontvangen 6 december 2019). Zie ook Aanhangsel Handelingen, vergaderjaar "
        "2019–2020,\nnr. 961.\n\nVraag 1\nZie ook Aanhangsel Handelingen II 2018/19, nr. 12.\n"
    )
    assert own_number(answers).ids == ("ah-tk-20192020-961",)
    assert own_number("", ["TK 88 88-12-1", "Tweede Kamer Debat 9 juni 2022"]).ids == ("h-tk-20212022-88",)
    assert own_number("Eerste Kamer", ["Eerste Kamer, vergaderjaar 2019–2020, 35 300, E 2"]).ids == ("35300-E",)
    assert own_number("Vraag 1\nHoe?\n", []).ids == ()


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("nl")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("kg_kamerstuk_refs")
    return pipeline


def run(nlp, text: str, footers: list[str] | None = None):
    doc = nlp.make_doc(text)
    doc._.kg_footers = footers or []
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def test_component_writes_mentions_and_own_ids(nlp):
    text = (
        "34 950 XV Jaarverslag SZW 2017\nNr. 9 LIJST VAN VRAGEN EN ANTWOORDEN\n"
        "Over het rapport (Kamerstuk 34 950 XV, nr. 2) en de moties (Kamerstukken 31 234 en 27 111, nr. 5).\n"
        "Zie ook Kamerstuk 34 950 XV, nr. 9 en het debat (Handelingen II 2019/20, nr. 75, item 12)."
    )
    doc = run(nlp, text, ["Tweede Kamer, vergaderjaar 2017–2018, 34 950 XV, nr. 9 7"])
    spans = base.mentions(doc, "kamerstuk")
    assert [s.kb_id_ for s in spans] == ["34950-XV-2", "31234-5", "27111-5", "h-tk-20192020-75"]
    assert spans[1].text == "Kamerstukken 31 234 en 27 111, nr. 5" and spans[2].text == "27 111, nr. 5"
    assert all(s.label_ == "kamerstuk" for s in spans)
    assert base.span_attrs(spans[0]) == {"kind": "kamerstuk", "dossier": "34950-XV", "number": "2"}
    assert base.span_attrs(spans[2])["dossier"] == "27111"
    facts = base.document_facts(doc)
    assert facts["identifiers"] == ["34950-XV-9"]
    assert facts["title"] == "Jaarverslag SZW 2017"


def test_component_keeps_facts_set_by_others(nlp):
    doc = nlp.make_doc("Tekst (Kamerstuk 31 234, nr. 5).")
    doc._.kg_footers = ["Tweede Kamer, vergaderjaar 2019–2020, 31 234, nr. 7 2"]
    base.document_facts(doc).update(identifiers=["31234-7"], title="Gezet")
    for _, component in nlp.pipeline:
        doc = component(doc)
    assert base.document_facts(doc) == {"identifiers": ["31234-7"], "title": "Gezet"}
    assert [s.kb_id_ for s in base.mentions(doc, "kamerstuk")] == ["31234-5"]


def test_component_survives_odd_input(nlp):
    for text in ("", " ", "\n\n", "nr.", "Kamerstuk , nr. ", "(((", "€ 12 345, nr. 1"):
        doc = nlp.make_doc(text)
        doc._.kg_footers = [None, 12, "Tweede Kamer, vergaderjaar"]
        for _, component in nlp.pipeline:
            doc = component(doc)
        assert base.mentions(doc, "kamerstuk") == []


#: What each corpus file cites and what its own number is, read by hand from the files.
CORPUS_CITATIONS = {
    "000_8a5eb297b5e0ebbc.txt": ({"34950-XV-2", "34550-XV-77", "34775-XV-106"}, ["34950-XV-9"]),
    "001_6be19fef0512fa7b.txt": (
        {"34352-325", "34352-327", "34352-306", "33566-109", "36200-XV-37", "26448-742"},
        [],
    ),
    "002_6483e884d4d42ea1.txt": (
        {"28719-49", "28719-50", "28719-51", "28719-53", "h-tk-20072008-75"},
        ["28719-59", "30982-59"],
    ),
    "003_04a32c7a5231b5fd.txt": (
        {
            "33566-65", "34352-1", "34725-XV-10", "34352-34", "34352-60", "34352-58", "34352-50",
            "34477-16", "30982-26", "26448-26", "29544-745", "29544-779", "29544-807", "34352-65",
            "34725-XV-19", "34550-XV-31", "30545-162", "34352-59",
        },
        [],
    ),
    "004_d23de44939d176b2.txt": (
        {"34352-167", "34352-135", "34352-181", "34352-168", "34352-13"},
        ["ah-tk-20192020-961"],
    ),
}


@pytest.mark.parametrize("name", sorted(CORPUS_CITATIONS))
def test_corpus_citations_and_own_numbers(nlp, corpus_dir, name):
    from kg.readers.pdftext import clean

    cleaned = clean((corpus_dir / name).read_text(encoding="utf-8"))
    doc = run(nlp, cleaned.text, cleaned.footers)
    expected, own = CORPUS_CITATIONS[name]
    assert {s.kb_id_ for s in base.mentions(doc, "kamerstuk")} == expected
    assert base.document_facts(doc).get("identifiers", []) == own


def test_long_whitespace_runs_stay_linear():
    import time

    start = time.perf_counter()
    for text in ("Kamerstuk" + " " * 20000 + "x", "Handelingen" + " \n" * 10000, "31 234" + " " * 20000 + "nr."):
        assert find_references(text) == []
    assert time.perf_counter() - start < 2


def test_dossier_and_number_alone_in_parentheses():
    assert ids("Motie van het lid Jansen over werk (34352-14)") == ["34352-14"]
    assert ids("Bel (06-1234) of kom langs; in 2019-20 en 12345-6 zonder haakjes.") == []
