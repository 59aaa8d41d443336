"""kg_persons: cued names, roles, parties and ministries from the gazetteer's spans, name keys."""

from __future__ import annotations

import re

import pytest
import spacy

from kg.extractors import persons  # noqa: F401  (registers kg_persons)
from kg.extractors.base import add_mention, mentions, span_attrs
from kg.extractors.persons import display_name, family_name, person_key, strip_titles

PARTIES = {"VVD": "id/partij/vvd", "SP": "id/partij/sp", "PvdA": "id/partij/pvda"}
MINISTRY = "id/organisatie/ministerie-szw"


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    return nlp


def mark(doc, category, surface, key):
    """What the gazetteer would write: a span for every occurrence of ``surface``."""
    for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", doc.text):
        span = doc.char_span(*match.span(), alignment_mode="contract")
        if span is not None:
            add_mention(doc, category, span, key)


def run(nlp, text, parties=True, ministry=True):
    doc = nlp.make_doc(text)
    for pipe_name, pipe in nlp.pipeline:
        doc = pipe(doc)
    if parties:
        for surface, key in PARTIES.items():
            mark(doc, "party", surface, key)
    if ministry:
        mark(doc, "organisation", "Sociale Zaken en Werkgelegenheid", MINISTRY)
    return nlp.get_pipe("kg_persons")(doc) if nlp.has_pipe("kg_persons") else persons.find_persons(doc)


def found(doc):
    return [(s.text, span_attrs(s)) for s in mentions(doc, "person")]


def names(doc):
    return [span_attrs(s)["name"] for s in mentions(doc, "person")]


@pytest.mark.parametrize(
    ("name", "family", "key"),
    [
        ("T. van Ark", "Van Ark", "van-ark"),
        ("Van Ark", "Van Ark", "van-ark"),
        ("Jasper van Dijk", "Van Dijk", "van-dijk"),
        ("J. P. H. Donner", "Donner", "donner"),
        ("M.A. Oudejans", "Oudejans", "oudejans"),
        ("Kraaijeveld-Wouters", "Kraaijeveld-Wouters", "kraaijeveld-wouters"),
        ("Terpstra-de Groot", "Terpstra-de Groot", "terpstra-de-groot"),
        ("Van ’t Wout", "Van ’t Wout", "van-t-wout"),
        ("Michel Rog", "Rog", "rog"),
    ],
)
def test_family_name_and_key(name, family, key):
    assert family_name(name) == family
    assert person_key(name) == key


def test_display_name_capitalises_leading_tussenvoegsel_only():
    assert display_name("van Hijum") == "Van Hijum"
    assert display_name("T. Van Ark") == "T. van Ark"
    assert display_name("Jasper  van\nDijk") == "Jasper van Dijk"


def test_member_with_party(nlp):
    doc = run(nlp, "Vragen van het lid De Kort (VVD) aan de Staatssecretaris van Sociale Zaken en Werkgelegenheid.")
    [(text, attrs)] = found(doc)
    assert text == "De Kort"
    assert attrs["role"] == "Kamerlid" and attrs["party"] == "id/partij/vvd"
    assert attrs["signatory"] is False


def test_member_with_given_name(nlp):
    doc = run(nlp, "Vragen van het lid Jasper van Dijk (SP) aan de Minister.")
    [(text, attrs)] = found(doc)
    assert text == "Jasper van Dijk" and attrs["party"] == "id/partij/sp"


def test_party_resolved_through_other_party_spans(nlp):
    doc = run(nlp, "De VVD is tevreden. Vragen van het lid Jansen (VVD ) over iets.", parties=False)
    mark(doc, "party", "VVD", PARTIES["VVD"])
    doc.spans["person"] = []
    doc.spans["party"] = [s for s in doc.spans["party"] if s.start_char < 10]
    persons.find_persons(doc)
    assert span_attrs(mentions(doc, "person")[0])["party"] == "id/partij/vvd"


def test_unmarked_party_is_left_unset(nlp):
    doc = run(nlp, "Vragen van het lid Jansen (XYZ) over iets.", parties=False)
    assert "party" not in span_attrs(mentions(doc, "person")[0])


def test_members_list_and_lowercase_tussenvoegsel(nlp):
    doc = run(nlp, "Motie 50 van het Lid van Hijum cs verzoekt. Motie 51 van de Leden Van Hijum en Spekman verzoekt.")
    assert names(doc) == ["Van Hijum", "Van Hijum", "Spekman"]
    assert {span_attrs(s)["role"] for s in mentions(doc, "person")} == {"Kamerlid"}


def test_motion_named_after_submitters(nlp):
    doc = run(nlp, "De uitvoering van de motie-Kromhout/Bulthuis en de motie van Heerma en Schouten van 29 maart 2016.")
    # "motie-Kromhout/Bulthuis" is one token: one span can carry only one of the two names
    assert sorted(names(doc)) == ["Heerma", "Kromhout", "Schouten"]


def test_role_with_ministry_in_parentheses(nlp):
    doc = run(
        nlp,
        "Antwoord van Minister Koolmees (Sociale Zaken en Werkgelegenheid) en van Staatssecretaris Van Ark "
        "(Sociale Zaken en Werkgelegenheid) (ontvangen 6 december 2019).",
    )
    got = {text: (a["role"], a.get("organisation")) for text, a in found(doc)}
    assert got == {"Koolmees": ("Minister", MINISTRY), "Van Ark": ("Staatssecretaris", MINISTRY)}


def test_ministry_left_unset_when_not_marked(nlp):
    doc = run(nlp, "Antwoord van Staatssecretaris Nobel (Sociale Zaken en Werkgelegenheid).", ministry=False)
    [(_, attrs)] = found(doc)
    assert "organisation" not in attrs


@pytest.mark.parametrize(
    "text",
    [
        "De Minister van Financiën heeft gereageerd.",
        "de Minister voor Armoedebeleid, Participatie en Pensioenen en ik sturen een brief.",
        "De Staatssecretaris heeft het rapport ontvangen.",
        "Het antwoord van de Staatssecretaris\nDe Minister heeft later ook gereageerd.",
        "mede namens de Minister van Sociale Zaken en Werkgelegenheid (ontvangen 11 november 2024).",
        "De Minister SZW stelt deze middelen beschikbaar.",
        "De voorzitter:\nIk geef het woord aan de Staatssecretaris.",
        "De leden van de VVD-fractie vragen het lid van de Raad van State om advies.",
    ],
)
def test_no_person_without_a_name(nlp, text):
    assert found(run(nlp, text)) == []


def test_title_after_role_takes_role_and_ministry(nlp):
    doc = run(nlp, "Namens de minister van Sociale Zaken en Werkgelegenheid, mevrouw Van Gennip, is geantwoord.")
    [(text, attrs)] = found(doc)
    assert text == "Van Gennip" and attrs["role"] == "Minister" and attrs["organisation"] == MINISTRY


def test_titles_are_not_part_of_the_name(nlp):
    doc = run(nlp, "Het onderzoek van dr. mr. J. Jansen is genoemd door mevrouw Terpstra-de Groot.")
    assert names(doc) == ["J. Jansen", "Terpstra-de Groot"]


def test_speaker_lines(nlp):
    text = (
        "De voorzitter:\nIk geef het woord aan de heer Kromhout.\n\n"
        "De heer Kromhout (PvdA):\nVoorzitter. Dank.\n\n"
        "Mevrouw Terpstra-de Groot (VVD):\nVoorzitter.\n\n"
        "Staatssecretaris Oudejans:\nVoorzitter. Dank voor de vragen.\n"
    )
    doc = run(nlp, text)
    speakers = {a["name"]: a for _, a in found(doc) if a["speaker"]}
    assert set(speakers) == {"Kromhout", "Terpstra-de Groot", "Oudejans"}
    assert speakers["Kromhout"]["party"] == "id/partij/pvda"
    assert speakers["Oudejans"]["role"] == "Staatssecretaris"
    # the first, non-speaker mention of Kromhout shares the party seen at his speaker line
    assert all(a["party"] == "id/partij/pvda" for _, a in found(doc) if a["name"] == "Kromhout")


def test_ministerial_signatures(nlp):
    text = (
        "Wij beschouwen deze maatregelen als adequaat.\n\n"
        "De minister van Sociale Zaken en Werkgelegenheid,\nJ. P. H. Donner\n\n"
        "De staatssecretaris van Sociale Zaken en Werkgelegenheid,\nA. Aboutaleb\n"
    )
    got = {t: (a["role"], a.get("organisation"), a["signatory"]) for t, a in found(run(nlp, text))}
    assert got == {
        "J. P. H. Donner": ("Minister", MINISTRY, True),
        "A. Aboutaleb": ("Staatssecretaris", MINISTRY, True),
    }


def test_committee_signatures(nlp):
    text = "Vragen en antwoorden zijn hierna afgedrukt.\n\nDe voorzitter van de commissie,\nRog\n\nDe adjunct-griffier van de commissie,\nKraaijeveld-Wouters\n"
    got = {t: (a["role"], a["signatory"]) for t, a in found(run(nlp, text))}
    assert got == {"Rog": ("Commissievoorzitter", True), "Kraaijeveld-Wouters": ("Adjunct-griffier", True)}


def test_signature_name_with_lowercase_tussenvoegsel(nlp):
    text = "Tot slot.\n\nDe Staatssecretaris van Sociale Zaken en Werkgelegenheid,\nT. van Ark\n"
    [(text, attrs)] = found(run(nlp, text))
    assert text == "T. van Ark" and attrs["name"] == "T. van Ark" and attrs["signatory"]


def test_surname_repeated_later_gets_same_attributes(nlp):
    text = "Antwoord van Staatssecretaris Van Ark (Sociale Zaken en Werkgelegenheid). Later schreef Van Ark opnieuw."
    doc = run(nlp, text)
    assert [t for t, _ in found(doc)] == ["Van Ark", "Van Ark"]
    assert found(doc)[1][1]["role"] == "Staatssecretaris" and found(doc)[1][1]["signatory"] is False


def test_surname_after_place_preposition_is_skipped(nlp):
    doc = run(nlp, "Het lid Arnhem vroeg iets. Het bedrijf Scalabor in Arnhem helpt.")
    assert [t for t, _ in found(doc)] == ["Arnhem"]


def test_strip_titles(nlp):
    doc = nlp.make_doc("mevrouw Oudejans")
    assert strip_titles(doc[:]).text == "Oudejans"
    doc = nlp.make_doc("de heer Kromhout")
    assert strip_titles(doc[:]).text == "Kromhout"


def test_bad_input_does_not_crash(nlp):
    for text in ("", "\n\n\n", "Minister", "het lid (VVD):", "De Minister van ,\n\n"):
        run(nlp, text)


def test_hyphenated_motion_name_keeps_full_name(nlp):
    doc = run(nlp, "In het licht van de eerdere motie-Van Wieringen-Bos c.s. over IPS.")
    [(text, attrs)] = found(doc)
    assert attrs["name"] == "Van Wieringen-Bos" and text in "motie-Van Wieringen-Bos"


def test_person_span_never_shares_a_motion_span(nlp):
    doc = nlp.make_doc("Zie de motie-Kromhout over beschut werk.")
    add_mention(doc, "motion", doc[2:3], "", label="motie-Kromhout")
    persons.find_persons(doc)
    assert mentions(doc, "person") == []
    assert span_attrs(mentions(doc, "motion")[0]) == {"label": "motie-Kromhout"}


def _motion_document(nlp, text, submitters):
    """A motion document as kg_motions leaves it: the facts and a motion span over the header."""
    doc = nlp.make_doc(text)
    doc._.kg_document = {"type": "motie", "submitters": submitters}
    header = text.split("\n", 1)[0]
    add_mention(doc, "motion", doc.char_span(0, len(header)), "", submitters=submitters)
    return persons.find_persons(doc)


def test_motion_document_submitters_from_the_signature_lines(nlp):
    text = "Nr. 87 MOTIE VAN DE LEDEN KARABULUT EN VAN WEYENBERG\nDe Kamer,\nverzoekt de regering,\nen gaat over tot de orde van de dag.\nKarabulut\nVan Weyenberg\n"
    doc = _motion_document(nlp, text, ["Karabulut", "Van Weyenberg"])
    assert [(s.text, span_attrs(s)["name"], span_attrs(s)["role"], span_attrs(s)["signatory"]) for s in mentions(doc, "person")] == [
        ("Karabulut", "Karabulut", "Kamerlid", True),
        ("Van Weyenberg", "Van Weyenberg", "Kamerlid", True),
    ]


def test_motion_document_submitters_from_the_header_without_signature(nlp):
    doc = _motion_document(nlp, "Nr. 12 MOTIE VAN DE LEDEN VAN WEYENBERG EN DE KORT\nDe Kamer,\n", ["Van Weyenberg", "De Kort"])
    assert [(s.text, span_attrs(s)["name"]) for s in mentions(doc, "person")] == [
        ("VAN WEYENBERG", "Van Weyenberg"),
        ("DE KORT", "De Kort"),
    ]


def test_submitters_only_count_in_a_motion_document(nlp):
    doc = nlp.make_doc("Karabulut\n")
    doc._.kg_document = {"type": "brief", "submitters": ["Karabulut"]}
    assert mentions(persons.find_persons(doc), "person") == []


def test_names_beyond_latin_1(nlp):
    text = "Vragen van het lid Ağaoğlu (VVD). De heer Şahin (PvdA):\nDank.\n\nMevrouw Öztürk-Çelik (SP):\nJa."
    assert names(run(nlp, text)) == ["Ağaoğlu", "Şahin", "Öztürk-Çelik"]


def test_attendance_list_after_a_colon_with_a_role_in_parentheses(nlp):
    text = "Aanwezig: de leden Noorman-den Uyl (voorzitter), Bussemaker, Koşer Kaya en Van der Vlies.\n\nDe voorzitter: Welkom."
    got = {a["name"]: a.get("role") for _, a in found(run(nlp, text))}
    assert got == {"Noorman-den Uyl": "Commissievoorzitter", "Bussemaker": None, "Koşer Kaya": None, "Van der Vlies": None}


def test_attendance_list_after_a_colon_without_a_members_phrase(nlp):
    """'Aanwezig: Ortega-Martijn (voorzitter), ...' as besluitenlijsten write it; a name wrapped at the
    list's end does not run into the next line's key ('Bewindspersonen: n.v.t.')."""
    text = "Aanwezig: Ortega-Martijn (voorzitter), Van Hijum, Koşer Kaya,\nDe Jong, Sörensen\nBewindspersonen: n.v.t.\n"
    got = {a["name"]: a.get("role") for _, a in found(run(nlp, text))}
    assert got == {"Ortega-Martijn": "Commissievoorzitter", "Van Hijum": None, "Koşer Kaya": None, "De Jong": None, "Sörensen": None}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het woord is aan mevrouw Anne-Marie Ğünay-Hoekstra.", ["Anne-Marie Ğünay-Hoekstra"]),
        ("Daarna sprak mevrouw Anne-Marie Hoekstra.", ["Anne-Marie Hoekstra"]),
        # a hyphenated surname and a party: no first name 'Bektaşoğlu-Verhoef' of a Mr 'van Volt'
        ("Het woord is aan mevrouw Bektaşoğlu-Verhoef van Volt.", ["Bektaşoğlu-Verhoef"]),
    ],
)
def test_a_hyphenated_first_name_before_a_surname(nlp, text, expected):
    assert names(run(nlp, text)) == expected


def test_a_signature_with_initials_over_its_function(nlp):
    text = "Met vriendelijke groet,\n\nT.M. Kaldenhoven-Mos\nGriffier vaste commissie SZW\n"
    assert names(run(nlp, text)) == ["T.M. Kaldenhoven-Mos"]


def test_attendance_list_with_a_first_name_and_surname_wrapped_over_a_line(nlp):
    text = "Aanwezig zijn negen leden der Kamer, te weten: Aartsen, Ceder, Jimmy\nDijk, Inge van Dijk en Flach,\n"
    assert names(run(nlp, text)) == ["Aartsen", "Ceder", "Jimmy Dijk", "Inge van Dijk", "Flach"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Op het werkbezoek vertelde voorzitter Anneke Dijkstra-van der Molen over de ondernemingsraad.", "Anneke Dijkstra-van der Molen"),
        ("Met vriendelijke groet,\n\nJan-Willem van 't Hoff, secretaris\n", "Jan-Willem van 't Hoff"),
        ("Hoogachtend,\nIlse Kuijpers-Mäkinen, voorzitter Landelijke Cliëntenraad\n", "Ilse Kuijpers-Mäkinen"),
        # a participants' list: any function in lower case, held at a body
        ("Blok 2: Werkgevers\nI. Terpstra-Wolff, senior adviseur arbeidsmarkt bij de AWVN — position paper\n", "I. Terpstra-Wolff"),
        ("Blok 3\nE. Kızılkaya, lid van de Landelijke Cliëntenraad\n", "E. Kızılkaya"),
    ],
)
def test_a_function_outside_parliament_before_or_after_a_full_name(nlp, text, name):
    assert names(run(nlp, text)) == [name]


@pytest.mark.parametrize(
    "text",
    ["De voorzitter Stichting Werk sprak.", "De secretaris Generaal Jansen sprak.", "Hij sprak met voorzitter Cedris."],
)
def test_a_function_before_a_body_or_a_single_word_names_no_one(nlp, text):
    assert names(run(nlp, text)) == []


@pytest.mark.parametrize("text", ["Zie bijlage\nA. Inleiding, met een overzicht\n", "B. Algemeen deel\n"])
def test_a_lettered_heading_is_no_participant(nlp, text):
    assert names(run(nlp, text)) == []


def test_a_double_surname_in_justified_pdf_text(nlp):
    text = "Samenstelling: Kerstens  (PvdA),  Blanksma-van  den  Heuvel\n(VVD), Ulenbelt (SP)."
    assert names(run(nlp, text)) == ["Kerstens", "Blanksma-van den Heuvel", "Ulenbelt"]


def test_a_list_of_members_with_parties_keeps_surnames_of_two_words_after_a_tussenvoegsel(nlp):
    text = "Samenstelling: Rutte (VVD), Van Haersma Buma (PvdA), Van den Broek-Laman Trip (VVD) en Jan de Wit (SP)."
    assert names(run(nlp, text)) == ["Rutte", "Van Haersma Buma", "Van den Broek-Laman Trip", "Jan de Wit"]
    # a role word is no part of a surname
    assert names(run(nlp, "Daarop zei De Staatssecretaris Van Hoof (VVD) dat.")) == ["Van Hoof"]


def test_a_fractie_named_after_its_member_is_a_group_and_no_name(nlp):
    text = "Samenstelling: Nanninga (Fractie-Nanninga), Otten (Fractie-Otten) en Bruijn (VVD). Het lid van de Fractie-Nanninga vraagt."
    assert names(run(nlp, text)) == ["Nanninga", "Otten", "Bruijn"]


def test_attendance_list_with_roles(nlp):
    text = (
        "Aanwezig zijn negen leden der Kamer, te weten: Jansen, voorzitter, De Wit, Öztürk en Van der Berg,\n"
        "en de heer Koolmees, minister van Sociale Zaken en Werkgelegenheid.\n\nDe voorzitter: Welkom."
    )
    got = {a["name"]: a.get("role") for _, a in found(run(nlp, text))}
    assert got == {
        "Jansen": "Commissievoorzitter", "De Wit": None, "Öztürk": None, "Van der Berg": None, "Koolmees": "Minister",
    }
    koolmees = [a for _, a in found(run(nlp, text)) if a["name"] == "Koolmees"][0]
    assert koolmees["organisation"] == MINISTRY


@pytest.mark.parametrize(
    "text",
    [
        "De voorzitter van de commissie, Jansen De griffier van de commissie, De Vries\n",
        "De voorzitter van de commissie,\n\nJansen\n\nDe griffier van de commissie,\n\n\nDe Vries\n",
        "Voorzitter: Jansen\nGriffier: De Vries\n",
        "Tijd\t10.00 - 13.30 uur\nVoorzitter\tJansen\nGriffier\tDe Vries\n",
        "Status: gecorrigeerd  |  Voorzitter: Jansen  |  Griffier: De Vries\n",
        "Voorzitter\nJansen\nGriffier\nDe Vries\n",
        "De fungerend voorzitter van de commissie,\nJansen\nDe adjunct-griffier van de commissie,\nDe Vries\n",
    ],
)
def test_committee_signatures_in_web_layout(nlp, text):
    got = {a["name"]: (a["role"], a["signatory"]) for _, a in found(run(nlp, text))}
    assert set(got) == {"Jansen", "De Vries"}
    assert got["Jansen"] == ("Commissievoorzitter", True)
    assert got["De Vries"][0] in {"Griffier", "Adjunct-griffier"}


def test_a_signature_with_the_function_under_the_name(nlp):
    text = (
        "De commissie ontvangt uw antwoord graag.\n\nHoogachtend,\n\nA.J.M. Swinkels-Teunissen\n\n"
        "Voorzitter van de vaste commissie voor Sociale Zaken en Werkgelegenheid\n\n"
        "Inleiding\nVoorzitter van de commissie is op dit moment niemand.\n"
    )
    got = {a["name"]: (a["role"], a["signatory"]) for _, a in found(run(nlp, text))}
    assert got == {"A.J.M. Swinkels-Teunissen": ("Commissievoorzitter", True)}


def test_debate_chair_and_titles_in_a_role_line_are_not_names(nlp):
    text = "De voorzitter:\nIk geef het woord aan de minister.\nVoorzitter: Dank u wel voor het woord.\n"
    assert found(run(nlp, text)) == []


def test_local_and_executive_functions_before_a_name(nlp):
    text = (
        "De delegatie werd ontvangen door wethouder J. Bruinsma-de Klerk (Werk en Sociale Zaken). "
        "Directeur M. Lubbers-Ünal wees op begeleid werken. Ook burgemeester Öztürk was er, "
        "net als de wethouder Werk en Inkomen en de heer Nobel, staatssecretaris Participatie en Integratie."
    )
    assert {a["name"] for _, a in found(run(nlp, text))} == {"J. Bruinsma-de Klerk", "M. Lubbers-Ünal", "Öztürk", "Nobel"}


def test_colleagues_and_party_groups(nlp):
    text = "Ik ben het eens met collega Jansen en mijn fractiegenoot Öztürk. De leden van de PvdA-fractie vragen iets."
    got = {a["name"]: a.get("role") for _, a in found(run(nlp, text))}
    assert got == {"Jansen": None, "Öztürk": "Kamerlid"}


def test_given_name_with_lowercase_tussenvoegsel_of_a_known_surname(nlp):
    text = "Het lid De Wit (VVD) vroeg iets. Zoals Anna de Wit al zei, helpt de regeling. Zoals de wit gekalkte muur."
    doc = run(nlp, text)
    assert [(t, a["name"]) for t, a in found(doc)] == [("De Wit", "De Wit"), ("de Wit", "De Wit")]
    assert found(doc)[1][1]["party"] == "id/partij/vvd"


def test_upper_case_names_are_written_in_proper_case():
    assert display_name("DE WIT") == "De Wit" and display_name("ÖZTÜRK") == "Öztürk"
    assert display_name("J.P. Jansen") == "J.P. Jansen"


def test_name_before_its_party_in_parentheses(nlp):
    text = "Indieners Piet Jansen (VVD), Anna de Wit-Bakker (PvdA)\nVolgens Mevrouw Klaver (SP) niet. Het rapport (2019) en Nederland (VVD)."
    assert names(run(nlp, text)) == ["Piet Jansen", "Anna de Wit-Bakker", "Klaver"]


def test_full_names_from_the_person_register_need_no_cue(nlp):
    from kg.register import load_register

    person = next(p for p in load_register() if p.surname_prefix and p.given_name and " " not in p.given_name)
    text = f"Ook {person.given_name} {person.surname_prefix} {person.surname} vond dat. De {person.surname} stroomt."
    doc = run(nlp, text)
    assert names(doc) == [f"{person.given_name} {person.surname_prefix} {person.surname}"]


def test_surname_of_a_person_in_the_metadata_block_is_known(nlp):
    from kg.extractors.base import seed_reader_facts

    doc = nlp.make_doc("Jansen vraagt of de regering iets doet. Wat vindt Jansen daarvan?")
    seed_reader_facts(doc, {"persons": [{"name": "Piet Jansen", "party": "VVD", "role": "indiener", "start": 0, "end": 11}]})
    assert [(s.text, span_attrs(s)["name"]) for s in mentions(persons.find_persons(doc), "person")] == [
        ("Jansen", "Piet Jansen"), ("Jansen", "Piet Jansen"),
    ]


def test_role_word_ending_a_compound(nlp):
    got = {a["name"]: a.get("role") for _, a in found(run(nlp, "Volgens VVD-Kamerlid Jansen en oud-minister Donner niet."))}
    assert got == {"Jansen": "Kamerlid", "Donner": "Minister"}


def test_plausible_name_rejects_words_that_never_are_names():
    assert not persons.plausible_name("Sociale Zaken") and not persons.plausible_name("Tweede Kamerlid")
    assert persons.plausible_name("J. Klijnsma") and persons.plausible_name("Öztürk")


def test_a_citation_word_is_never_a_name(nlp):
    doc = run(nlp, "Zie ook de motie-Bikker, Kamerstuk 34 352, nr. 274, en de motie-Jansen, Handelingen II 2020/21.")
    assert names(doc) == ["Bikker", "Jansen"]


@pytest.mark.parametrize(
    ("header", "signatures", "expected"),
    [
        ("Nr. 25        AMENDEMENT VAN DE LEDEN DE GROOT-VAN DAM EN VERHOEVEN", "De Groot-van Dam\nVerhoeven",
         ["De Groot-van Dam", "Verhoeven"]),
        ("Nr. 12  GEWIJZIGD AMENDEMENT VAN HET LID BERGKAMP-VAN DIJK TER VERVANGING VAN DAT GEDRUKT ONDER NR. 9", "",
         ["Bergkamp-van Dijk"]),
        # the 'c.s.' of the header sign below the submitter
        ("Nr. 31  AMENDEMENT VAN HET LID GIJS VAN DIJK C.S.", "Gijs van Dijk\nSmeulders\nVan Kent\nÖztürk",
         ["Gijs van Dijk", "Smeulders", "Van Kent", "Öztürk"]),
        # the names go on in the PDF's narrow column: 'EN' ends the line
        ("Nr. 87           AMENDEMENT VAN DE LEDEN KERSTENS EN\n                 SCHOUTEN", "Kerstens\nSchouten",
         ["Kerstens", "Schouten"]),
    ],
)
def test_an_amendment_header_names_its_submitters(nlp, header, signatures, expected):
    text = f"{header}\nVoorgesteld 2 juni 2005\n\nDe ondergetekenden stellen het volgende amendement voor:\n\nI\n\nIn artikel 3 vervalt het tweede lid.\n\n{signatures}\n"
    doc = run(nlp, text)
    assert sorted(set(names(doc))) == sorted(expected)
    assert all(span_attrs(s)["signatory"] for s in mentions(doc, "person"))
    if signatures:  # the signature lines are the mentions, written as the names are spelled
        assert {s.text for s in mentions(doc, "person")} == set(expected)


def test_a_name_with_initials_set_off_by_commas_after_a_role(nlp):
    doc = run(nlp, "2. Brief van de staatssecretaris Participatie en Integratie, P.Q.R. Verbeek, d.d. 19 september 2024, Voortgang")
    assert [(s.text, span_attrs(s)["role"]) for s in mentions(doc, "person")] == [("P.Q.R. Verbeek", "Staatssecretaris")]
    assert names(run(nlp, "Brief van de minister, zoals gezegd, over de Participatiewet, d.d. 2 mei.")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Brief van lid/fractie/commissie - Tweede Kamerlid, Kalma P. (PvdA) - 17 maart", ("Kalma", "P. Kalma")),
        ("Tweede Kamerlid, Raak van A.A.G.M. (SP) - 25 maart", ("Raak", "A.A.G.M. van Raak")),
        ("Tweede Kamerlid, Beek, W.I.I. van (VVD) - 2 april", ("Beek", "W.I.I. van Beek")),
        ("Tweede Kamerlid, Graaf de Th.C. (VVD) - 3 mei", ("Graaf", "Th.C. de Graaf")),
        ("Initiatiefwetgeving - Tweede Kamerlid, Ham, van der (VVD) - 16 november", ("Ham", "Van der Ham")),
    ],
)
def test_the_kamers_sorted_name_before_a_party(nlp, text, expected):
    """The Kamer's registers write members surname first ('Raak van A.A.G.M. (SP)'): the name is
    turned round, and the party in the parentheses is the member's."""
    (surface, attrs), = found(run(nlp, text))
    assert (surface, attrs["name"]) == expected
    assert attrs["party"] == PARTIES[re.search(r"\((\w+)\)", text)[1]]


def test_a_sorted_looking_phrase_before_a_non_party_is_no_name(nlp):
    assert names(run(nlp, "De Minister van (SZW) en Sociale Zaken, van (Rijksoverheid).", ministry=False)) == []


def test_initials_then_the_first_name_in_parentheses(nlp):
    """The Kamer's 'A. (Aukje) de Vries (VVD)': one name, tussenvoegsel and all."""
    (surface, attrs), = found(run(nlp, "Brief - Tweede Kamerlid, A. (Aukje) de Vries (VVD) - 28 september 2016"))
    assert surface == "A. (Aukje) de Vries" and family_name(attrs["name"]) == "De Vries"


def test_name_parts_read_the_first_name_in_parentheses():
    from kg.rdf.persons import name_parts

    parts = name_parts("A. (Aukje) de Vries")
    assert (parts.given, parts.initials, parts.family) == ("Aukje", "A.", "De Vries")


def test_a_role_and_portfolio_then_the_name_before_a_dash(nlp):
    """A tweedekamer.nl 'zaak' line: 'Minister van Onderwijs, Cultuur en Wetenschap, R.H. Dijkgraaf - 22 februari 2023'."""
    doc = run(nlp, "Zaak: Brief regering\nMinister van Onderwijs, Cultuur en Wetenschap, R.H. Dijkgraaf - 22 februari 2023\n")
    assert [(s.text, span_attrs(s)["role"]) for s in mentions(doc, "person")] == [("R.H. Dijkgraaf", "Minister")]


def test_initials_of_two_letters_in_a_signature(nlp):
    doc = run(nlp, "De vice-president van de Raad van State,\nTh.C. de Graaf\n")
    assert [(s.text, span_attrs(s)["role"]) for s in mentions(doc, "person")] == [("Th.C. de Graaf", "Vice-president")]
    assert family_name("Th.C. de Graaf") == "De Graaf"


def test_a_function_outside_parliament_sets_off_a_name_in_apposition(nlp):
    """'de voorzitter van de X, Lotte de Wit,': a person, with no parliamentary role recorded."""
    doc = run(nlp, "Aangeboden samen met de voorzitter van de jongerenraad, Lotte de Wit, en de wethouder van Emmen, Şükrü Çelik, die spraken.")
    assert [(s.text, span_attrs(s).get("role")) for s in mentions(doc, "person")] == [("Lotte de Wit", None), ("Şükrü Çelik", None)]


def test_a_function_before_a_bare_surname_or_a_place_gives_no_person(nlp):
    doc = run(nlp, "De voorzitter van de commissie, Jansen, opende. De burgemeester van Utrecht, Amsterdam en Rotterdam schreef.")
    assert names(doc) == []


def test_a_fractievoorzitter_introduces_a_name(nlp):
    doc = run(nlp, "Hij werd door fractievoorzitter De Hoop Scheffer gepasseerd.")
    assert [(s.text, span_attrs(s).get("role")) for s in mentions(doc, "person")] == [("De Hoop Scheffer", None)]


def test_a_name_inside_a_longer_one_is_the_longer_one():
    """'amendement-Wiersma-de Boer (VVD)': the party cue reads 'Boer', the amendment 'Wiersma-de Boer'."""
    from kg.extractors.tokenizer import customize_tokenizer

    kg_nlp = spacy.blank("nl")
    customize_tokenizer(kg_nlp)  # kg's tokenizer splits 'amendement-Wiersma-de' at its hyphens
    doc = run(kg_nlp, "Amendementen\n- amendement-Wiersma-de Boer (VVD) over afrekenen op uitstroom: aangenomen")
    assert [(s.text, span_attrs(s)["party"]) for s in mentions(doc, "person")] == [("Wiersma-de Boer", PARTIES["VVD"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Adjunct-griffier van de commissie,\nWitzke-Bąk\n", [("Witzke-Bąk", "Adjunct-griffier")]),
        ("De vice-president van de Raad van State,\nH. D. Tjeenk Willink\n", [("H. D. Tjeenk Willink", "Vice-president")]),
    ],
)
def test_a_signature_without_article_or_with_a_surname_of_two_words(nlp, text, expected):
    assert [(s.text, span_attrs(s)["role"]) for s in mentions(run(nlp, text), "person")] == expected
    assert names(run(nlp, "Voorzitter van de commissie, dat zei ik al.\n")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("de motie die wij met collega's Oomen-Ruijten en Schalk indienden", ["Oomen-Ruijten", "Schalk"]),
        ("met mijn fractiegenoten Jansen, De Wit en Öztürk", ["Jansen", "De Wit", "Öztürk"]),
        ("De Kamerleden Van Dijk en Kat vroegen het.", ["Van Dijk", "Kat"]),
    ],
)
def test_plural_cues_introduce_a_list_of_names(nlp, text, expected):
    assert names(run(nlp, text)) == expected


def test_a_besluitenlijsts_item_heading_and_a_division_after_a_function_are_no_names(nlp):
    doc = run(nlp, "2. Brieven\nAgendapunt\nBrief van de staatssecretaris van Sociale Zaken en Werkgelegenheid, "
                   "J. Klijnsma - 7 maart 2014\n\nGasten: drs. F. Hoekman, directeur Werkbedrijf van UWV.")
    assert names(doc) == ["J. Klijnsma", "F. Hoekman"]


def test_a_signature_under_a_capitalised_compound_post_and_a_speaker_with_a_two_word_surname(nlp):
    doc = run(
        nlp,
        "Mevrouw Van den Broek-Laman Trip (VVD):\nVoorzitter. Ik dank de staatssecretaris.\n\n"
        "De Vice-President van de Raad van State,\nH.D. Tjeenk Willink\n",
    )
    assert names(doc) == ["Van den Broek-Laman Trip", "H.D. Tjeenk Willink"]


def test_a_bare_register_surname_after_a_ministers_post_is_a_person(nlp):
    doc = run(
        nlp,
        "Zij verwijzen naar de brief van de minister van SZW, Asscher, van 3 maart 2014. "
        "De minister van Sociale Zaken, Justitie en Financiën schreef ook.",
    )
    assert names(doc) == ["Asscher"]


def test_the_town_of_a_local_office_ends_a_double_surname(nlp):
    doc = run(nlp, "Wethouder Maas-Wróblewski van Venlo heeft mij laten weten dat het werkt. "
                   "De burgemeester Scholten-Sánchez van Venlo kwam ook. Wethouder Jan van Tilburg zei het al.")
    assert [s.text for s in mentions(doc, "person")] == ["Maas-Wróblewski", "Scholten-Sánchez", "Jan van Tilburg"]


def test_a_line_may_break_between_initials_and_the_surname(nlp):
    doc = run(nlp, "De regiegroep, onder voorzitterschap van mevrouw H.\nMaréchal-Köhler, rapporteerde. "
                   "Het lid J.\nde Vries (VVD) vroeg het. Volgens bijlage H.\n\nDe minister zegt het.")
    assert [" ".join(s.text.split()) for s in mentions(doc, "person")] == ["H. Maréchal-Köhler", "J. de Vries"]


def test_a_signature_with_the_function_on_the_line_below_the_name(nlp):
    doc = run(nlp, "Met vriendelijke groet,\n\nMarjolein Kuźmińska-Braam\nvoorzitter Divosa\n\n"
                   "Aan de Tweede Kamer\nvoorzitter van de commissie")
    assert [s.text for s in mentions(doc, "person")] == ["Marjolein Kuźmińska-Braam"]
