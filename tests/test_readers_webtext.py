"""Tests for kg.readers.webtext: metadata blocks of saved web pages become facts, site chrome is masked.

Every page here is invented in the layout of the sites (no real page text).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.readers import read_document
from kg.readers.edits import normalised
from kg.readers.webtext import analyse, kamerstuk_ids, parse_date, parse_persons, sniff

BODY = "\n\nVraag 1\nBent u bekend met het bericht over de banenafspraak bij het UWV?\n"


def read_page(tmp_path, text: str, name: str = "pagina.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_document(path)


def assert_exact(document):
    """Every cleaned character is its raw character or blanked chrome; every person points at its name."""
    cleaned = document.cleaned
    for i, ch in enumerate(cleaned.text):
        if not cleaned.is_inserted(i):
            assert ch == document.raw[cleaned.raw_offset(i)] or ch == " "
    for person in document.facts.get("persons", []):
        assert document.raw[person["start"]:person["end"]] == person["name"]


def test_indieners_line_without_colon(tmp_path):
    page = "Schriftelijke vragen\nIndieners Piet Jansen (VVD), Anna de Wit-Bakker (CDA)\nGepubliceerd: 3 maart 2021" + BODY
    document = read_page(tmp_path, page)
    assert document.form == "webtext"
    persons = document.facts["persons"]
    assert [(p["name"], p["party"], p["role"]) for p in persons] == [
        ("Piet Jansen", "VVD", "indiener"),
        ("Anna de Wit-Bakker", "CDA", "indiener"),
    ]
    assert document.facts["type"] == "schriftelijke-vragen"
    assert document.facts["dates"] == {"gepubliceerd": "2021-03-03"}
    assert "Jansen" not in document.text and "Schriftelijke vragen" not in document.text
    assert "Bent u bekend met het bericht" in document.text
    assert_exact(document)


def test_key_line_then_value_lines(tmp_path):
    page = (
        "Eerste ondertekenaar\nM. Öztürk (DENK)\n\nMede ondertekenaar\nJ. van Dam (CDA)\nT. Çelik (GroenLinks-PvdA)\n\n"
        "Beantwoord door\nminister Van der Berg (Sociale Zaken en Werkgelegenheid)\nBeantwoord\n2 maart 2021" + BODY
    )
    document = read_page(tmp_path, page)
    persons = [(p["name"], p["party"], p["role"], p.get("post")) for p in document.facts["persons"]]
    assert persons == [
        ("M. Öztürk", "DENK", "indiener", None),
        ("J. van Dam", "CDA", "medeindiener", None),
        ("T. Çelik", "GroenLinks-PvdA", "medeindiener", None),
        ("Van der Berg", None, "beantwoorder", "minister"),
    ]
    assert document.facts["date"] == "2021-03-02"
    assert_exact(document)


@pytest.mark.parametrize(
    ("answerer", "party", "post"),
    [("J.P.H. Donner (CDA)", "CDA", None), ("J.P.H. Donner (SZW)", None, "SZW")],
)
def test_an_answerer_s_parentheses_hold_a_party_or_a_ministry(tmp_path, answerer, party, post):
    page = f"Vraagnummer       2008Z02214\nIndiener          Paul Jansen (SP)\nBeantwoord door   {answerer}\n" + BODY
    persons = [(p["name"], p["party"], p.get("post")) for p in read_page(tmp_path, page).facts["persons"]]
    assert persons[-1] == ("J.P.H. Donner", party, post)


def test_a_party_after_the_answerer_s_post(tmp_path):
    page = ("Vraagnummer\t2021Z07812\nIndiener\tP. Jansen (SP)\n"
            "Beantwoord door\tB. van 't Wout, Staatssecretaris van Sociale Zaken en Werkgelegenheid (VVD)\n" + BODY)
    document = read_page(tmp_path, page)
    persons = [(p["name"], p["party"], p.get("post")) for p in document.facts["persons"]]
    assert persons[-1] == ("B. van 't Wout", "VVD", "Staatssecretaris van Sociale Zaken en Werkgelegenheid")
    assert "VVD" in document.text  # the page names the party: it stays text the party finder reads
    assert_exact(document)


def test_a_person_list_ends_at_a_row_with_a_key_kg_does_not_know(tmp_path):
    page = (
        "Status\tTot wet verheven\nBewindspersoon\tJ. de Vries, staatssecretaris van Sociale Zaken en Werkgelegenheid\n"
        "Inwerkingtreding\t1 januari 2010\nRapporteur\tmw. K. Öztürk (PvdA)\n" + BODY
    )
    names = [p["name"] for p in read_page(tmp_path, page).facts["persons"]]
    assert names == ["J. de Vries"]


def test_identifiers_sources_and_other_metadata(tmp_path):
    page = (
        "Brief regering\nID: 2021Z04567\nNummer: KST 35570-XV-12\nKenmerk: 2021-0000012345\n"
        "Bron vraag: https://zoek.officielebekendmakingen.nl/ah-tk-20202021-1890.html\n"
        "Bron antwoord https://www.tweedekamer.nl/kamerstukken/detail?id=2021D01234\n"
        "Gepubliceerd 4 maart 2021\n" + BODY
    )
    facts = read_page(tmp_path, page).facts
    assert facts["identifiers"] == ["35570-XV-12", "ah-tk-20202021-1890"]
    assert facts["metadata"] == {"ID": "2021Z04567", "Kenmerk": "2021-0000012345"}
    assert [s["label"] for s in facts["sources"]] == ["Bron vraag", "Bron antwoord"]
    assert facts["type"] == "brief"
    assert facts["date"] == "2021-03-04"


def test_a_reference_standing_alone_in_the_first_part_is_the_own_number(tmp_path):
    page = (
        "Brief regering\nKamerstukken II 2020/21, 35 570 XV, nr. 12\nGepubliceerd: 4 maart 2021\n\n"
        "Met deze brief reageer ik op de motie uit Kamerstuk 34 352, nr. 181 over jobcoaching.\n"
    )
    document = read_page(tmp_path, page)
    assert document.facts["identifiers"] == ["35570-XV-12"]
    assert "Kamerstukken II 2020/21, 35 570 XV, nr. 12" in document.text  # stays; never read as a citation


def test_the_number_in_a_pages_subtitle_bar_is_the_own_number(tmp_path):
    """tweedekamer.nl prints kind, number and topic in one bar: chrome, but its number is the page's."""
    page = (
        "Home > Kamerstukken > Moties > Motie van het lid Jansen over werk\n\n"
        "Motie  |  24515-713  |  Armoede- en schuldenbeleid\n\nIndiener          D.G.M. Jansen (CDA)\n\n"
        "De Kamer, gehoord de beraadslaging, verwijzend naar Kamerstuk 24 515, nr. 690, verzoekt de regering iets.\n"
    )
    document = read_page(tmp_path, page)
    assert document.facts["identifiers"] == ["24515-713"]
    assert "24515-713" not in document.text
    assert_exact(document)


def test_the_chair_in_a_handelingen_metadata_block_is_a_person(tmp_path):
    page = (
        "U bent hier: Home > Parlementaire documenten > Handelingen\n\n"
        "Metagegevens\nVergaderjaar     2004-2005\nDatum            9 juni 2005\nVoorzitter       Weisglas\n"
        "Sprekers         Bruls (CDA), Kant (SP)\n\nDe voorzitter: Ik open de vergadering.\n"
    )
    document = read_page(tmp_path, page)
    assert [(p["name"], p["role"]) for p in document.facts["persons"]] == [("Weisglas", "voorzitter")]


def test_a_pdf_page_footer_pasted_into_a_page_gives_its_own_number(tmp_path):
    page = (
        "Officiële bekendmakingen | overheid.nl\nU bent hier: Home > Kamervragen > Aanhangsel\n"
        "Deel deze pagina\nLaatst bijgewerkt: 3 mei 2019\n\n"
        + "Vragen van het lid Jansen (SP) over jobcoaching. Het antwoord volgt hieronder in zijn geheel.\n" * 20
        + "\nah-tk-20182019-2713    ISSN 0921 - 7398    ’s-Gravenhage 2019       Pagina 1 van 2\n\n"
        "Zie ook Kamerstuk 34 352, nr. 131.\n"
    )
    document = read_page(tmp_path, page)
    assert document.facts["identifiers"] == ["ah-tk-20182019-2713"]


def test_a_list_of_related_documents_is_neither_the_own_number_nor_citations(tmp_path):
    page = (
        "Kamerstuk 33801, nr. 12\n\nGerelateerde documenten\nKamerstuk 33801, nr. 2 (Voorstel van wet)\n"
        "Kamerstuk 33801, nr. 11 (Nota naar aanleiding van het verslag)\n\n"
        "In de nota naar aanleiding van het verslag (Kamerstuk 33 801, nr. 11) heb ik aangegeven dat het kan.\n"
    )
    document = read_page(tmp_path, page)
    assert document.facts["identifiers"] == ["33801-12"]
    assert "(Voorstel van wet)" not in document.text and "(Kamerstuk 33 801, nr. 11)" in document.text
    assert_exact(document)


def test_a_menu_saved_as_one_line_and_a_vote_widget_with_seats_per_party_are_chrome(tmp_path):
    page = (
        "Kamerleden  Partijen  Wetsvoorstellen  Kamervragen  Stemmingen  Zoeken\n\n"
        "Stemmingen: Aangenomen. Voor: 121 | Tegen: 29\n"
        "Voor: VVD (34), D66 (24), Fractie Den Haan (1)\nTegen: PVV (17), Groep Van Haga (3)\n\n"
        "De Kamer, gehoord de beraadslaging, verzoekt de regering de vrijlating te verruimen.\n"
    )
    document = read_page(tmp_path, page)
    assert document.text.split() == "De Kamer, gehoord de beraadslaging, verzoekt de regering de vrijlating te verruimen.".split()
    assert_exact(document)


def test_a_vote_line_of_party_lists_in_a_metadata_block_is_chrome(tmp_path):
    page = (
        "Indiener          Renkema (GL)\nStatus            Aangenomen\n"
        "Stemming          Voor: GL, CDA, D66, PvdA, SP, 50PLUS, DENK   Tegen: VVD, PVV, FvD\n\n"
        "De Kamer, gehoord de beraadslaging, verzoekt de regering de vrijlating te verruimen.\n"
    )
    document = read_page(tmp_path, page)
    assert "Voor" not in document.text and "DENK" not in document.text and "FvD" not in document.text
    assert_exact(document)


def test_a_vote_line_with_the_seats_of_each_party_after_the_total_is_chrome(tmp_path):
    page = (
        "Kamerleden  Partijen  Wetsvoorstellen  Kamervragen  Stemmingen  Zoeken\n\n"
        "Stemming (150 zetels)\n"
        "Voor       123   VVD (34) D66 (24) CDA (14) Fractie Den Haan (1) Gündoğan (1)\n"
        "Tegen       26   PVV (17) FvD (3) JA21 (3) Groep Van Haga (3)\n\n"
        "De Kamer, gehoord de beraadslaging, verzoekt de regering de vrijlating te verruimen.\n"
    )
    document = read_page(tmp_path, page)
    assert "VVD" not in document.text and "Groep Van Haga" not in document.text and "Gündoğan" not in document.text
    assert_exact(document)


def test_the_party_lists_under_a_vote_result_are_chrome_and_a_lone_voor_line_is_not(tmp_path):
    # openkamer.org: the result on the key's line (no colon), then one line of parties per side
    page = (
        "Indiener        Aylin Çelik (D66)\n\n"
        "Stemming        Aangenomen  ·  Voor: 91  Tegen: 59\n"
        "                Voor: GroenLinks-PvdA, NSC, CDA, SP, D66, PvdD, Volt, DENK, 50PLUS, SGP\n"
        "                Tegen: PVV, VVD, BBB, FvD, JA21\n\n"
        "De Kamer, gehoord de beraadslaging, verzoekt de regering de vrijlating te verruimen.\n\n"
        "Voor: de leden Jansen en De Wit.\n"
    )
    document = read_page(tmp_path, page)
    assert "Aangenomen" not in document.text and "Volt" not in document.text and "JA21" not in document.text
    assert "Voor: de leden Jansen en De Wit." in document.text
    assert_exact(document)


def test_a_list_of_related_papers_on_its_heading_line_is_navigation(tmp_path):
    page = (
        "Indiener        J.P.H. Donner (CDA)\n\n"
        "Wij zijn het met de leden eens dat de werkpleinen goed samenwerken.\n\n"
        "Gerelateerd: Verslag (31514-5)  ·  Nota van wijziging (31514-7)  ·  Amendement Koşer Kaya (31514-8)\n"
    )
    document = read_page(tmp_path, page)
    assert "31514-7" not in document.text and "Gerelateerd" not in document.text
    assert "werkpleinen" in document.text
    assert_exact(document)


def test_a_vindplaats_naming_the_handelingen_item_is_the_pages_own_number(tmp_path):
    page = (
        "Onderwerp: Wet werk en zekerheid (33818), voortzetting\n"
        "Vindplaats: Handelingen II 2013/14, nr. 54, item 12\nVoorzitter: Van Miltenburg\n\n"
        "Aan de orde is de voortzetting van de behandeling van het wetsvoorstel.\n"
    )
    document = read_page(tmp_path, page)
    assert document.facts["identifiers"] == ["h-tk-20132014-54"]
    assert "Handelingen II" not in document.text
    assert_exact(document)


def test_a_space_aligned_table_is_metadata_even_for_keys_without_a_typed_value(tmp_path):
    # openkamer.org: every value starts in one column; 'Type' and 'Dossier' would otherwise stay text
    # ("Motie" above "Dossier" read as a motion named Dossier), and the id in kg's own form is the page's
    page = (
        "Type                 Motie\nDossier              30012 - Leven lang ontwikkelen\n"
        "Kamerstuk            30012-142\nDatum                15-06-2023\n"
        "Indiener             Aylin Çelik (D66)\n\n"
        "De Kamer, gehoord de beraadslaging, verzoekt de regering praktijkleren te financieren.\n"
    )
    document = read_page(tmp_path, page)
    assert document.facts["identifiers"] == ["30012-142"]
    assert document.facts["metadata"]["Dossier"] == "30012 - Leven lang ontwikkelen"
    assert "Dossier" not in document.text and "Motie" not in document.text
    assert_exact(document)


def test_kamerstuk_fields_under_agenda_items_cite_papers(tmp_path):
    # a besluitenlijst: one 'Kamerstuk:' field per agenda item names the letter discussed, not the page
    page = (
        "Besluitenlijst procedurevergadering\n\nAgendapunt\nBrief van de staatssecretaris - 7 maart 2014\n"
        "Kamerstuk: 29 817, nr. 121\nBesluit: Agenderen.\n\nAgendapunt\nBrief van de minister - 11 maart 2014\n"
        "Kamerstuk: 33 566, nr. 72\nBesluit: Voor kennisgeving aangenomen.\n"
    )
    document = read_page(tmp_path, page)
    assert "identifiers" not in document.facts
    assert "Kamerstuk: 29 817, nr. 121" in document.text and "Kamerstuk: 33 566, nr. 72" in document.text
    assert_exact(document)


def test_kerngegevens_block_with_keys_kg_does_not_know(tmp_path):
    page = (
        "Kerngegevens\nIndiener: K. Yılmaz (SP)\nStatus: Aangenomen\nVergaderjaar: 2020-2021\n"
        "Stemgedrag fracties: zie hieronder\n\n\nDe Kamer,\n\ngehoord de beraadslaging,\n"
    )
    document = read_page(tmp_path, page)
    facts = document.facts
    assert facts["persons"][0]["name"] == "K. Yılmaz"
    assert facts["metadata"]["Status"] == "Aangenomen"
    assert facts["metadata"]["Stemgedrag fracties"] == "zie hieronder"
    assert "Stemgedrag" not in document.text and "gehoord de beraadslaging" in document.text


@pytest.mark.parametrize(
    "chrome",
    ["Deel deze pagina", "Voor 76 Tegen 74", "Voor: 76 | Tegen: 74", "VVD 34 Voor", "Menu",
     "Home > Kamerstukken > Moties", "Stemmingsuitslagen", "Download PDF", "Pagina 2 van 3", "Stemmingsuitslag",
     "Voor (51): VVD, PvdA, CDA, SP, D66", "Tegen (24): PVV, 50PLUS, PvdD",
     "PvdA  VVD  CDA  D66  ChristenUnie    voor", "SP  PVV  Groep Kuzu/Öztürk  PvdD    tegen",
     "Voor: NSC (20), PVV (37), BBB (7)  Tegen: VVD (24), D66 (9), FvD (3)",
     "Wetsvoorstellen   Kamervragen   Moties   Stemmingen   Kamerleden   Partijen   Statistieken   Zoek",
     "Kamerleden   Commissies   Debat & vergadering   Kamerstukken   Over de Tweede Kamer",
     "Zoeken binnen Rijksoverheid                 Menu", "Zoek in Kamerstukken"],
)
def test_site_chrome_is_masked(tmp_path, chrome):
    page = f"Motie\nIndiener: P. Jansen (VVD)\n{chrome}\n\nDe Kamer,\n\ngehoord de beraadslaging,\n"
    document = read_page(tmp_path, page)
    assert chrome not in document.text
    assert len(document.text) == len(document.raw)
    assert "De Kamer," in document.text


@pytest.mark.parametrize("prose", ["De fractie van de PvdA is daar  voor", "Ik ben er  niet voor", "Voor: de heer Jansen"])
def test_prose_ending_in_voor_or_tegen_is_not_a_vote_widget(tmp_path, prose):
    document = read_page(tmp_path, f"Motie\nIndiener: P. Jansen (VVD)\n\n{prose}\n\nDe Kamer,\n")
    assert prose in document.text


def test_a_listed_persons_party_stays_readable_where_the_page_writes_it(tmp_path):
    page = "Motie\nIndiener: P. Jansen (VVD)\nMedeindieners: K. de Vries (CDA), L. Smit (D66)\n\nDe Kamer,\n"
    document = read_page(tmp_path, page)
    for party in ("VVD", "CDA", "D66"):
        at = page.index(party)
        assert document.text[at:at + len(party)] == party
    assert "Jansen" not in document.text and "Indiener" not in document.text
    assert [p["party"] for p in document.facts["persons"]] == ["VVD", "CDA", "D66"]


def test_prose_keeps_words_that_are_also_keys():
    text = "Indiener: P. Jansen (VVD)\nGepubliceerd: 1 april 2020\n\n" + (
        "Datum en status van het onderzoek zijn nog onbekend, zegt de minister.\nBron van de cijfers is het CBS.\n"
    )
    edits, facts = analyse(normalised(text))
    masked = {text[s:e] for s, e, _ in edits}
    assert masked == {"Indiener: P. Jansen (", ")", "Gepubliceerd: 1 april 2020"}
    assert "sources" not in facts


def test_sniffing_tells_web_text_from_pdf_text_and_plain_text(tmp_path):
    assert sniff("Indiener: P. Jansen (VVD)\nGepubliceerd: 1 april 2020\n\nTekst.") == 2
    assert sniff("Menu\nIndiener: P. Jansen (VVD)\n\nTekst.") == 4
    assert sniff("Kerngegevens\nStatus: Aangenomen\n") == 4
    assert sniff("De Minister van Sociale Zaken heeft de Kamer geïnformeerd over de datum.\n") == 0
    pdf_text = "Brief van de minister.\n\nTweede Kamer, vergaderjaar 2017–2018, 34 950 XV, nr. 9 7\n\nVerder.\n"
    assert read_page(tmp_path, pdf_text, "brief.txt").form == "pdftext"
    letter = "Datum 12 maart 2019\nOns kenmerk 2019-0000012\n\n" + pdf_text  # a letterhead is no web page
    assert read_page(tmp_path, letter, "brief2.txt").form == "pdftext"
    assert read_page(tmp_path, "Een korte notitie.\n", "notitie.txt").form == "plaintext"


@pytest.mark.parametrize(
    ("value", "ids"),
    [
        ("https://zoek.officielebekendmakingen.nl/kst-34950-XV-2.html", ["34950-XV-2"]),
        ("https://zoek.officielebekendmakingen.nl/h-tk-20072008-75-5274.html", []),
        ("https://zoek.officielebekendmakingen.nl/h-tk-20072008-75.html", ["h-tk-20072008-75"]),
        ("KST34950XV2", []),
        ("KST-31234-7", ["31234-7"]),
        ("Kamerstuk 34 950 XV, nr. 2", ["34950-XV-2"]),
        ("Aanhangsel Handelingen II 2019/20, nr. 961", ["ah-tk-20192020-961"]),
        ("2019Z12345", []),
    ],
)
def test_kamerstuk_ids(value, ids):
    assert kamerstuk_ids(value) == ids


@pytest.mark.parametrize(
    ("value", "iso"),
    [("3 maart 2021", "2021-03-03"), ("wo 3 mrt. 2021", "2021-03-03"), ("di 03-03-2021", "2021-03-03"), ("2021-03-03T10:00", "2021-03-03"),
     ("31 februari 2021", None), ("geen datum", None)],
)
def test_parse_date(value, iso):
    assert parse_date(value) == iso


def test_parse_persons_offsets_posts_and_lists():
    value = "A. Koolmees, minister van Sociale Zaken en Werkgelegenheid en staatssecretaris Van Ark"
    persons = parse_persons(value, 10, "beantwoorder")
    assert [(p["name"], p.get("post")) for p in persons] == [
        ("A. Koolmees", "minister van Sociale Zaken en Werkgelegenheid"),
        ("Van Ark", "staatssecretaris"),
    ]
    for person in persons:
        assert value[person["start"] - 10:person["end"] - 10] == person["name"]
    assert parse_persons("zie hieronder 12", 0, "indiener") == []


def test_a_post_in_a_named_body_describes_the_name_before_it():
    value = "drs. A.S. Kılınç-Verhoef, voorzitter Stichting Wajong Werkt Mee"
    persons = parse_persons(value, 0, "indiener")
    assert [(p["name"], p.get("post")) for p in persons] == [
        ("A.S. Kılınç-Verhoef", "voorzitter Stichting Wajong Werkt Mee")
    ]
    # a post before a person's name still leads to the person
    assert [p["name"] for p in parse_persons("voorzitter Jansen", 0, "indiener")] == ["Jansen"]


def test_a_given_name_in_parentheses_and_a_portfolio_after_the_party():
    value = "staatssecretaris H.A.L. (Henk) van Hoof (VVD), Sociale Zaken en Werkgelegenheid"
    persons = parse_persons(value, 0, "indiener")
    assert [(p["name"], p["party"], p.get("post")) for p in persons] == [("H.A.L. (Henk) van Hoof", "VVD", "staatssecretaris")]
    assert value[persons[0]["start"]:persons[0]["end"]] == "H.A.L. (Henk) van Hoof"


def test_inverted_names_keep_their_written_offsets():
    value = "Jansen, P. (VVD), Wit-Bakker, A.M. de (CDA) en Öztürk, M."
    persons = parse_persons(value, 0, "indiener")
    assert [(p["name"], p["party"]) for p in persons] == [("P. Jansen", "VVD"), ("A.M. de Wit-Bakker", "CDA"), ("M. Öztürk", None)]
    assert persons[0]["start"] == 0 and value[persons[0]["start"]:persons[0]["end"]] == "Jansen, P."
    assert persons[-1]["name"] == "M. Öztürk"


def test_kg_own_texts_in_pdf_layout_are_read_as_pdf_text():
    from kg.build import sample_paths

    held_out = sorted((Path(__file__).parent / "heldout").glob("*.txt"))
    for path in [*sample_paths(), *held_out]:
        assert read_document(path).form == "pdftext", path.name


def test_names_beyond_latin_1():
    value = "Ş. Ağaoğlu (DENK), E. Ünver (PvdA), Ç. Çelik en Ł. Wałęsa-Ünver"
    names = [p["name"] for p in parse_persons(value, 0, "medeindiener")]
    assert names == ["Ş. Ağaoğlu", "E. Ünver", "Ç. Çelik", "Ł. Wałęsa-Ünver"]


def test_party_in_a_column_of_its_own():
    persons = parse_persons("P. Jansen\tVVD\tA. de Wit\tGroenLinks-PvdA", 0, "indiener")
    assert [(p["name"], p["party"]) for p in persons] == [("P. Jansen", "VVD"), ("A. de Wit", "GroenLinks-PvdA")]


def test_decisions_written_as_sentences_are_text_not_metadata(tmp_path):
    page = (
        "Besluitenlijst procedurevergadering\nDatum: 2 oktober 2024\n\n1. Mededelingen\n"
        "Besluit: Ingestemd. Het lid Jansen (VVD) bereidt het gesprek voor.\n"
        "Besluit: Doorgeleiden naar de rapporteur De Vries (D66).\n"
        "Besluit: Aangenomen.\n" + BODY
    )
    document = read_page(tmp_path, page)
    assert "Het lid Jansen (VVD) bereidt het gesprek voor." in document.text
    assert "Doorgeleiden naar de rapporteur De Vries (D66)." in document.text
    assert document.facts["metadata"] == {"Besluit": "Aangenomen."}
    assert_exact(document)


def test_a_decision_that_wraps_onto_indented_lines_is_text_not_metadata(tmp_path):
    page = (
        "Besluitenlijst procedurevergadering\nDatum: 26 november 2009\n\n5.  Brief van de minister\n"
        "    Besluit: Het lid Van Hijum (CDA) verzoekt om een overzicht van de leerwerkloketten en van de\n"
        "             afspraken met de O&O-fondsen. De commissie stemt hiermee in.\n"
        "    Besluit: Kennisnemen.\n"
        "Bijlage: overzicht van de agenda van het algemeen overleg van 10 december 2009\n" + BODY
    )
    document = read_page(tmp_path, page)
    assert "Het lid Van Hijum (CDA) verzoekt om een overzicht van de leerwerkloketten" in document.text
    assert document.facts["metadata"] == {
        "Besluit": "Kennisnemen.", "Bijlage": "overzicht van de agenda van het algemeen overleg van 10 december 2009"}
    assert_exact(document)


def test_site_banner_on_the_first_line_and_share_buttons_are_chrome(tmp_path):
    page = (
        "Tweede Kamer der Staten-Generaal\nDeel: [Facebook] [X] [LinkedIn]\nIndiener: P. Jansen (VVD)\n\n"
        "De Tweede Kamer der Staten-Generaal\nverzoekt de regering om …\n"
    )
    document = read_page(tmp_path, page)
    first, rest = document.text.split("\n", 1)
    assert not first.strip() and "[Facebook]" not in document.text
    assert "De Tweede Kamer der Staten-Generaal" in rest  # the same name in the text stays


@pytest.mark.parametrize(
    "line, own",
    [("Download: kst-33981-B.pdf", "33981-B"), ("officiële HTML versie (kst-33161-94).", "33161-94")],
)
def test_a_publication_file_name_in_the_first_part_is_the_own_number(tmp_path, line, own):
    page = f"Brief regering\nGepubliceerd: 4 maart 2021\n{line}\n\nZoals gemeld in Kamerstuk 34 352, nr. 181.\n"
    assert read_page(tmp_path, page).facts["identifiers"] == [own]


def test_a_footnote_citing_a_paper_is_a_citation_not_the_pages_number(tmp_path):
    page = (
        "Deel deze pagina\nKamerstuk 29544, nr. 1198\nGepubliceerd: 3 maart 2023\n\nDe Kamer vroeg om een brief.1 Die volgt hier.\n\n"
        "1\nKamerstuk 29 544, nr. 1185.\nKamerstuk 29 544, nr. 1143.\n"
    )
    document = read_page(tmp_path, page)
    assert document.facts["identifiers"] == ["29544-1198"]
    assert "Kamerstuk 29 544, nr. 1185." in document.text and "Kamerstuk 29 544, nr. 1143." in document.text
    assert_exact(document)


def test_a_reference_line_below_the_text_is_a_footnote_even_without_a_full_stop(tmp_path):
    # an HTML page's notes list ('<li id="fn1">Kamerstuk 34 352, nr. 301</li>'), short enough to lie in the page's head
    body = ("Mevrouw Patijn (GroenLinks-PvdA): Voorzitter. Acht jaar na de start van de banenafspraak staan er nog altijd "
            "mensen uit het doelgroepenregister aan de kant, en het kabinet heeft de heffing opnieuw niet ingezet.1")
    page = f"Brief regering\nKamerstuk 29544, nr. 1198\n\n{body}\n\nNoten\n\nKamerstuk 34 352, nr. 301\nKamerstuk 36 410 XV, nr. 27\n"
    document = read_page(tmp_path, page)
    assert document.facts["identifiers"] == ["29544-1198"]
    assert "Kamerstuk 34 352, nr. 301" in document.text and "Kamerstuk 36 410 XV, nr. 27" in document.text
    assert_exact(document)


def test_the_paper_an_appendix_belongs_to_is_metadata_not_a_citation(tmp_path):
    page = "Deel deze pagina\nHoort bij\tKamerstuk 26 448, nr. 187\nGepubliceerd: 3 maart 2004\n\nDe ketenpartners melden voortgang.\n"
    document = read_page(tmp_path, page)
    assert document.facts["metadata"]["Hoort bij"] == "Kamerstuk 26 448, nr. 187"
    assert "26 448" not in document.text
    assert_exact(document)


def test_the_party_lists_ending_in_their_side_under_a_vote_count_are_chrome(tmp_path):
    # tweedekamer.nl: the count, then each side's parties, the side last
    page = (
        "Indiener          D.G.M. Ceder (ChristenUnie)\nBesluit           Aangenomen.\n\n"
        "Stemmingsuitslag\nVoor: 118   Tegen: 32\n"
        "ChristenUnie, CDA, SP, GroenLinks, PvdA, D66, PVV, Volt, DENK, BBB, JA21, SGP, 50PLUS, BIJ1 voor\n"
        "VVD, FvD tegen\n\n"
        "De Kamer, gehoord de beraadslaging, verzoekt de regering de IOAZ te behouden, want zij stemmen voor\n"
    )
    document = read_page(tmp_path, page)
    assert "BIJ1" not in document.text and "FvD" not in document.text
    assert "verzoekt de regering de IOAZ te behouden, want zij stemmen voor" in " ".join(document.text.split())
    assert_exact(document)
