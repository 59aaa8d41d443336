"""Motion mentions: submitter shapes, numbered motions, ids from references, footnotes and debates,
motion documents, decoys, and the real corpus."""

from __future__ import annotations

import pytest
import spacy

import kg.extractors.kamerstuk  # noqa: F401  (registers kg_kamerstuk_refs)
import kg.extractors.motions  # noqa: F401  (registers kg_motions)
from kg.extractors import base
from kg.extractors.motions import footnote_bodies, motion_label, split_names, title_name


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("nl")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("kg_kamerstuk_refs")
    pipeline.add_pipe("kg_motions")
    return pipeline


def run(nlp, text: str, footers: list[str] | None = None):
    doc = nlp.make_doc(text)
    doc._.kg_footers = footers or []
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def motions(nlp, text: str, footers: list[str] | None = None) -> list[tuple[str, str, dict]]:
    doc = run(nlp, text, footers)
    return [(s.text, s.kb_id_, base.span_attrs(s)) for s in base.mentions(doc, "motion")]


@pytest.mark.parametrize(
    ("text", "surface", "submitters", "label"),
    [
        ("Zoals gevraagd in de motie-Hamer c.s. over werk.", "motie-Hamer c.s.", ["Hamer"], "motie-Hamer c.s."),
        ("De motie-Azmani/Dijkgraaf is aangenomen.", "motie-Azmani/Dijkgraaf", ["Azmani", "Dijkgraaf"],
         "motie-Azmani/Dijkgraaf"),
        ("Ik verwijs naar de motie van het lid Van Hijum.", "motie van het lid Van Hijum", ["Van Hijum"],
         "motie-Van Hijum"),
        ("Gelet op de motie van de leden Van der Lee en De Kort wil ik", "motie van de leden Van der Lee en De Kort",
         ["Van der Lee", "De Kort"], "motie-Van der Lee/De Kort"),
        ("Over de motie Meeuwis cs het volgende.", "motie Meeuwis cs", ["Meeuwis"], "motie-Meeuwis c.s."),
        ("De motie van Heerma en Schouten verzocht de regering", "motie van Heerma en Schouten",
         ["Heerma", "Schouten"], "motie-Heerma/Schouten"),
        ("Eerder is de motie-Sahin/Terpstra-de Groot aangenomen.", "motie-Sahin/Terpstra-de Groot",
         ["Sahin", "Terpstra-de Groot"], "motie-Sahin/Terpstra-de Groot"),
        ("de motie van de leden Van ’t Wout en Kerstens, die", "motie van de leden Van ’t Wout en Kerstens",
         ["Van ’t Wout", "Kerstens"], "motie-Van ’t Wout/Kerstens"),
        ("de motie van het lid Jasper van Dijk over", "motie van het lid Jasper van Dijk", ["Jasper van Dijk"],
         "motie-Jasper van Dijk"),
        ("de motie van de leden Kromhout en El Hamdaoui is", "motie van de leden Kromhout en El Hamdaoui",
         ["Kromhout", "El Hamdaoui"], "motie-Kromhout/El Hamdaoui"),
    ],
)
def test_submitter_shapes(nlp, text, surface, submitters, label):
    ((span_text, key, attrs),) = motions(nlp, text)
    assert span_text == surface and key == ""
    assert attrs["submitters"] == submitters and attrs["label"] == label


def test_party_as_written(nlp):
    ((_, _, attrs),) = motions(nlp, "de motie van het lid Hamer (PvdA) over scholing")
    assert attrs["submitters"] == ["Hamer"] and attrs["parties"] == ["PvdA"]


@pytest.mark.parametrize(
    "text",
    [
        "Hierna informeren wij u per motie over de afspraken.",
        "De motie verzoekt de regering te onderzoeken.",
        "Motie\nDe Kamer,\ngehoord de beraadslaging,",
        "Over de motie van de Kamer is niets bekend.",
        "de motie 2 maanden geleden en de moties 2018",
        "Deze motie van vorig jaar is uitgevoerd.",
        "Stemmingen moties Re-integratie en Wet werk en bijstand",  # a compound in a title, not a name
        "5. Uitvoering van moties\nUw Kamer heeft gevraagd",  # a pronoun opening the next line
    ],
)
def test_decoys_are_not_motions(nlp, text):
    assert motions(nlp, text) == []


def test_a_dossier_number_after_motie_is_the_reference_not_a_motion_number(nlp):
    found = motions(nlp, "Gewijzigde motie 30 545, nr. 47\n\nIn stemming komt de motie-Wiersma-de Boer.")
    assert [(t, k) for t, k, _ in found] == [("motie", "30545-47"), ("motie-Wiersma-de Boer", "")]


def test_reference_right_after_the_motion_gives_its_id(nlp):
    found = motions(nlp, "Eerder is de motie-Sahin/Terpstra-de Groot aangenomen (Kamerstuk 29 544, nr. 1071).")
    assert [(k, a["dossier"], a["number"]) for _, k, a in found] == [("29544-1071", "29544", "1071")]
    later = motions(nlp, "De motie-Hamer c.s. is aangenomen. Zie de brief (Kamerstuk 29 544, nr. 1071).")
    assert [k for _, k, _ in later] == [""]
    topic = motions(nlp, "Op de motie-Bulthuis over praktijkroutes in het mbo (Kamerstuk 35 925 XV,\nnr. 48) ga ik in.")
    assert [k for _, k, _ in topic] == ["35925-XV-48"]
    letter = motions(nlp, "Over de motie-Bulthuis heb ik u geïnformeerd bij brief (Kamerstuk 35 925 XV, nr. 50).")
    assert [k for _, k, _ in letter] == [""]


def test_footnote_marker_gives_the_id(nlp):
    text = (
        "Hoe staat het met de uitvoering van de motie-De Kort/Pouw-Verweij? 8 Is de matching verbeterd?\n"
        "Worden particuliere partijen meegenomen?\n\n"
        "8 Kamerstuk 36 200-XV, nr. 37.\n"
        " Antwoord 11\nOver de uitvoering van de genoemde motie-De Kort/Pouw-Verweij is uw Kamer geïnformeerd.\n"
    )
    assert [(t, k) for t, k, _ in motions(nlp, text)] == [
        ("motie-De Kort/Pouw-Verweij", "36200-XV-37"),
        ("motie-De Kort/Pouw-Verweij", "36200-XV-37"),
    ]


def test_footnote_marker_at_sentence_end_and_glued(nlp):
    text = (
        "De motie van Heerma en Schouten van 29 maart 2016 verzocht de regering om werkgevers toegang te "
        "geven tot de profielen bij het UWV10. Daar is gehoor aan gegeven.\n\n"
        "10 Kamerstuk 34 352, nr. 13\n"
        "11 Zie www.example.nl\n\n"
        "29 Kamerstuk 11 111, nr. 1\n"
    )
    assert [k for _, k, _ in motions(nlp, text)] == ["34352-13"]


def test_a_section_number_after_the_sentence_is_no_footnote_marker(nlp):
    text = (
        "Het voorstel geeft invulling aan de motie-Palland/Maatoug over de boetes.\n\n2. Hoofdlijnen\n\n"
        "Het voorstel bevat maatregelen.\n\n2 Kamerstukken II 2022/23, 36 200 XV, nr. 38.\n"
    )
    assert [(t, k) for t, k, _ in motions(nlp, text)] == [("motie-Palland/Maatoug", "")]


def test_glued_marker_after_cum_suis(nlp):
    text = "Uw Kamer nam de motie van het lid Raemakers c.s.23 aan. Verder 2.714 banen.\n\n23 Kamerstuk 34 725 XV, nr. 10.\n"
    ((surface, key, attrs),) = motions(nlp, text)
    # The span follows spaCy's tokens, which keep "c.s.23" whole in uncleaned text.
    assert surface.startswith("motie van het lid Raemakers c.s.") and key == "34725-XV-10"
    assert attrs["label"] == "motie-Raemakers c.s."


def test_footnote_bodies():
    text = "Tekst 1 hier.\n\n1 Kamerstuk 34 352, nr. 1.\n2 Een rapport dat\nover twee regels loopt\n3 Nog een\n Vraag 2\n"
    bodies = footnote_bodies(text)
    assert sorted(bodies) == [1, 2, 3]
    start, end = bodies[2][0]
    assert text[start:end] == "2 Een rapport dat\nover twee regels loopt\n"


def test_numbered_motions_take_the_dossier_of_the_reference_listing_them(nlp):
    text = (
        "Wij informeren u over de aangenomen moties (Tweede Kamer, vergaderjaar 2007–2008, 28 719, nrs. 49, "
        "50, 51 en 53).\n\nDe moties 49, 50 en 51 vragen om inzicht. Het Plan waar motie 49 van het Lid van "
        "Hijum cs om vraagt.\n\nMotie 49\n\nMotie 49 verzoekt om een plan.\n\nIn motie nr. 53 constateren de indieners"
    )
    found = motions(nlp, text)
    by_surface = {}
    for surface, key, attrs in found:
        by_surface.setdefault(surface, []).append(key)
    assert {k for _, k, _ in found} == {"28719-49", "28719-50", "28719-51", "28719-53"}
    assert by_surface["moties 49"] == ["28719-49"] and by_surface["moties 49, 50 en 51"] == ["28719-51"]
    assert by_surface["motie 49 van het Lid van Hijum cs"] == ["28719-49"]
    assert by_surface["Motie 49"] == ["28719-49", "28719-49"]
    assert by_surface["motie nr. 53"] == ["28719-53"]
    van_hijum = [a for s, _, a in found if s.startswith("motie 49 van")][0]
    assert van_hijum["submitters"] == ["Van Hijum"] and van_hijum["label"] == "motie-Van Hijum c.s."


def test_numbered_motion_falls_back_to_the_own_dossier(nlp):
    found = motions(nlp, "Motie 12\n\nMotie 12 verzoekt de regering.", ["Tweede Kamer, vergaderjaar 2019–2020, 31 234, nr. 40 2"])
    assert {k for _, k, _ in found} == {"31234-12"}
    assert motions(nlp, "Motie 12 verzoekt de regering.")[0][1] == ""


def test_one_submitter_group_shares_its_only_id(nlp):
    text = (
        "Ik informeer u over de motie van het lid Raemakers c.s. Deze motie gaat over profielen.\n"
        "Uw Kamer heeft ingestemd met een motie van het lid Raemakers c.s. 23 Op 24 juni 2016 bent u geïnformeerd.\n\n"
        "23 Kamerstuk 34 725 XV, nr. 10.\n"
    )
    assert [k for _, k, _ in motions(nlp, text)] == ["34725-XV-10", "34725-XV-10"]
    ambiguous = "motie 49 van het lid Bos cs en motie 50 van het lid Bos cs (28 719, nrs. 49 en 50); de motie-Bos c.s."
    assert [k for _, k, _ in motions(nlp, ambiguous)][-1] == ""


def test_an_eerste_kamer_debate_assigns_a_letter(nlp):
    text = (
        "De motie luidt:\n\nMotie\nDe Kamer,\ngehoord de beraadslaging,\nverzoekt de regering iets,\n"
        "en gaat over tot de orde van de dag.\n\nDe voorzitter: Deze motie is voorgesteld door de leden Kox, "
        "Meindertsma-Çakır en De Vos. Zij krijgt letter F (28870).\n"
    )
    found = motions(nlp, text)
    assert found[-1][1] == "28870-F"
    assert found[-1][2]["submitters"] == ["Kox", "Meindertsma-Çakır", "De Vos"]


def test_debate_assigns_the_number(nlp):
    text = (
        "De motie luidt:\n\nMotie\nDe Kamer,\ngehoord de beraadslaging,\nverzoekt de regering iets,\n"
        "en gaat over tot de orde van de dag.\n\nDe voorzitter:\n"
        "Deze motie is voorgesteld door de leden Kromhout en El Hamdaoui.\nZij krijgt nr. 117 (29544).\n\n"
        "Staatssecretaris Oudejans:\nIk begin met de motie op stuk nr. 117\nvan de heer Kromhout. "
        "Dan de motie op stuk nr. 118 (Kamerstuk 31 234 XV, nr. 118).\n"
        "Motie van het lid Bos over iets\nDe Kamer, ...\nZij krijgt nr. 12 (31 234 XV).\n"
    )
    found = motions(nlp, text)
    assert found[0][0] == "Zij krijgt nr. 117 (29544)" and found[0][1] == "29544-117"
    assert found[0][2]["submitters"] == ["Kromhout", "El Hamdaoui"]
    assert found[0][2]["label"] == "motie-Kromhout/El Hamdaoui"
    assert [k for _, k, _ in found[1:]] == ["29544-117", "31234-XV-118", "31234-XV-12", "31234-XV-12"]
    assert found[-1][2]["submitters"] == ["Bos"]
    assert not base.document_facts(run(nlp, text)).get("type")


def test_a_motion_named_after_one_member_is_the_one_the_document_gives_that_member_first_of(nlp):
    text = (
        "De voorzitter: Deze motie is voorgesteld door de leden Kox, Slagter-Roukema en Thissen.\n"
        "Zij krijgt letter E (31698).\n\nStaatssecretaris Klijnsma:\nIk ontraad daarom de motie van de heer Kox. "
        "De motie-Thissen ken ik niet.\n"
    )
    assert [k for _, k, _ in motions(nlp, text)] == ["31698-E", "31698-E", ""]


MOTION_DOCUMENT = (
    " 34 352 Participatiewet\nNr. 248 MOTIE VAN DE LEDEN KROMHOUT EN VAN ’T WOUT\n"
    "Voorgesteld 7 juli 2022\nDe Kamer,\ngehoord de beraadslaging,\n"
    "constaterende dat er wachtlijsten zijn 1;\n"
    "verzoekt de regering, mede in het licht van de eerdere motie-Van Wieringen-Bos c.s. (Kamerstuk 29 544,\n"
    "nr. 1087), afspraken te maken,\nen gaat over tot de orde van de dag.\nKromhout\nVan ’t Wout\n\n"
    "1 Kamerstuk 34 352, nr. 236.\n"
)


def test_motion_document(nlp):
    doc = run(nlp, MOTION_DOCUMENT, ["Tweede Kamer, vergaderjaar 2021–2022, 34 352, nr. 248 1"])
    facts = base.document_facts(doc)
    assert facts["type"] == "motie" and facts["submitters"] == ["Kromhout", "Van ’t Wout"]
    assert facts["identifiers"] == ["34352-248"]
    own, cited = base.mentions(doc, "motion")
    assert own.text == "Nr. 248 MOTIE VAN DE LEDEN KROMHOUT EN VAN ’T WOUT" and own.kb_id_ == "34352-248"
    assert base.span_attrs(own)["label"] == "motie-Kromhout/Van ’t Wout"
    assert base.span_attrs(own)["dossier"] == "34352" and base.span_attrs(own)["number"] == "248"
    assert cited.kb_id_ == "29544-1087" and base.span_attrs(cited)["label"] == "motie-Van Wieringen-Bos c.s."


def test_motion_document_without_signatures_uses_the_header(nlp):
    doc = run(nlp, "Nr. 120 MOTIE VAN HET LID VAN DER LEE\nVoorgesteld 1 mei 2020\nDe Kamer,\ngehoord de beraadslaging,\n")
    facts = base.document_facts(doc)
    assert facts["type"] == "motie" and facts["submitters"] == ["Van der Lee"]
    ((own),) = base.mentions(doc, "motion")
    assert own.kb_id_ == "" and base.span_attrs(own)["number"] == "120"


def test_motion_document_without_header(nlp):
    text = "Voorgesteld 7 juli 2022\nDe Kamer,\ngehoord de beraadslaging,\nverzoekt de regering iets,\nen gaat over tot de orde van de dag.\nBulthuis\n"
    doc = run(nlp, text, ["Tweede Kamer, vergaderjaar 2021–2022, 34 352, nr. 249 1"])
    facts = base.document_facts(doc)
    assert facts["type"] == "motie" and facts["submitters"] == ["Bulthuis"]
    ((own),) = base.mentions(doc, "motion")
    assert own.kb_id_ == "34352-249" and base.span_attrs(own)["label"] == "motie-Bulthuis"


def test_names():
    assert title_name("VAN ’T WOUT") == "Van ’t Wout"
    assert title_name("TERPSTRA-DE GROOT") == "Terpstra-de Groot"
    assert title_name("DE KORT") == "De Kort"
    assert split_names("van Hijum en Spekman") == ["Van Hijum", "Spekman"]
    assert split_names("De Kort/Pouw-Verweij") == ["De Kort", "Pouw-Verweij"]
    assert split_names("Hamer en Kamer") == ["Hamer"]
    assert motion_label(["A", "B", "C"]) == "motie-A/B/C"
    assert motion_label(["Hamer"], cum_suis=True) == "motie-Hamer c.s."
    assert motion_label([]) == ""


def test_survives_odd_input(nlp):
    for text in ("", "motie", "Motie 9999", "motie-", "Zij krijgt nr. 5 ()", "MOTIE VAN HET LID \n\n"):
        run(nlp, text)


#: The motions each corpus file refers to (Kamerstuk ids), read by hand from the files.
CORPUS_MOTIONS = {
    "000_8a5eb297b5e0ebbc.txt": set(),
    "001_6be19fef0512fa7b.txt": {"36200-XV-37"},
    "002_6483e884d4d42ea1.txt": {"28719-49", "28719-50", "28719-51", "28719-53"},
    "003_04a32c7a5231b5fd.txt": {"34725-XV-10", "34550-XV-31"},
    "004_d23de44939d176b2.txt": {"34352-13"},
}
CORPUS_LABELS = {
    "001_6be19fef0512fa7b.txt": {"motie-De Kort/Pouw-Verweij"},
    "002_6483e884d4d42ea1.txt": {"motie-Van Hijum c.s.", "motie-Van Hijum/Spekman"},
    "003_04a32c7a5231b5fd.txt": {"motie-Raemakers c.s.", "motie-Van ’t Wout/Kerstens"},
    "004_d23de44939d176b2.txt": {"motie-Heerma/Schouten"},
}


@pytest.mark.parametrize("name", sorted(CORPUS_MOTIONS))
def test_corpus_motions(nlp, corpus_dir, name):
    from kg.readers.pdftext import clean

    cleaned = clean((corpus_dir / name).read_text(encoding="utf-8"))
    doc = run(nlp, cleaned.text, cleaned.footers)
    found = base.mentions(doc, "motion")
    assert {s.kb_id_ for s in found} == CORPUS_MOTIONS[name]
    labels = {base.span_attrs(s)["label"] for s in found if base.span_attrs(s)["submitters"]}
    assert labels == CORPUS_LABELS.get(name, set())
    assert "type" not in base.document_facts(doc)


def test_works_without_sentence_boundaries():
    bare = spacy.blank("nl")
    bare.add_pipe("kg_kamerstuk_refs")
    bare.add_pipe("kg_motions")
    doc = bare("De motie van Heerma en Schouten verzocht de regering iets bij het UWV 10. Klaar.\n\n10 Kamerstuk 34 352, nr. 13\n")
    assert [s.kb_id_ for s in base.mentions(doc, "motion")] == ["34352-13"]


def test_motion_named_by_neither_submitter_nor_number_takes_the_reference_in_its_clause(nlp):
    own = motions(nlp, "Ik herinner aan mijn motie over de sociale infrastructuur (Kamerstuk 33 161,\nnr. 118). Maakt zij afspraken?")
    assert [(s, k) for s, k, _ in own] == [("motie", "33161-118")]
    adopted = motions(nlp, "Het kabinet voert de aangenomen motie (Kamerstuk 33 161, nr. 118) uit.")
    assert [k for _, k, _ in adopted] == ["33161-118"]
    assert motions(nlp, "Onze motie is al toegelicht. Zie de brief (Kamerstuk 33 161, nr. 118).") == []
    assert motions(nlp, "De motie over het rapport van de inspectie (Kamerstuk 33 161, nr. 118) is bekend.") == []


def test_reference_after_a_relative_clause_about_the_motion(nlp):
    adopted = motions(nlp, "Zij wijzen op de motie-Oosterkamp c.s., die de Tweede Kamer heeft aangenomen (Kamerstukken II 2013/14, 33 161,\nnr. 118), over het behoud.")
    assert [k for _, k, _ in adopted] == ["33161-118"]
    other = motions(nlp, "Zij wijzen op de motie-Oosterkamp c.s., die in de brief staat (Kamerstuk 33 161, nr. 118).")
    assert [k for _, k, _ in other] == [""]


def test_motion_document_header_with_cum_suis_takes_every_signer(nlp):
    text = (
        "Nr. 12 MOTIE VAN HET LID JANSEN C.S.\nVoorgesteld 3 maart 2020\nDe Kamer,\ngehoord de beraadslaging,\n"
        "verzoekt de regering iets te doen,\nen gaat over tot de orde van de dag.\nJansen\nDe Wit\nÖztürk\n"
    )
    facts = base.document_facts(run(nlp, text))
    assert facts["type"] == "motie" and facts["submitters"] == ["Jansen", "De Wit", "Öztürk"]


def test_motion_document_header_with_cum_suis_and_no_signers(nlp):
    text = "Nr. 12 MOTIE VAN HET LID ŞAHIN C.S.\nVoorgesteld 3 maart 2020\nDe Kamer,\ngehoord de beraadslaging,\n"
    doc = run(nlp, text)
    assert base.document_facts(doc)["submitters"] == ["Şahin"]
    [header] = base.mentions(doc, "motion")
    assert base.span_attrs(header)["label"] == "motie-Şahin c.s."


def test_motion_document_title_in_sentence_case(nlp):
    text = (
        "Motie van het lid Jansen c.s. over werk voor iedereen\nVoorgesteld 3 maart 2020\nDe Kamer,\n"
        "gehoord de beraadslaging,\nverzoekt de regering,\nen gaat over tot de orde van de dag.\nJansen\nDe Wit\n"
    )
    assert base.document_facts(run(nlp, text))["submitters"] == ["Jansen", "De Wit"]


def test_hyphenated_motion_with_names_beyond_latin_1(nlp):
    found = motions(nlp, "Zie de motie-Öztürk/Ağaoğlu over werk.")
    assert found[0][2]["submitters"] == ["Öztürk", "Ağaoğlu"]


def test_header_names_end_at_cum_suis_and_signatures_may_follow_footnotes(nlp):
    text = (
        "Nr. E MOTIE VAN HET LID VAN DIJK-DE VRIES C.S.\nOVER DE DOELGROEPVERKLARING\nVoorgesteld 8 december 2015\n"
        "De Kamer,\ngehoord de beraadslaging,\nverzoekt de regering iets,\nen gaat over tot de orde van de dag.\n\n"
        "1 Kamerstukken I 2015/16, 34 304, C.\n Van Dijk-de Vries\nSchalk-Ünal\n"
    )
    assert base.document_facts(run(nlp, text))["submitters"] == ["Van Dijk-de Vries", "Schalk-Ünal"]


def test_a_motion_page_names_its_own_motion_once_as_the_kamer_does(nlp):
    """The page title 'Motie van het lid Palland c.s. …' above the 'MOTIE VAN HET LID PALLAND C.S.'
    header, signed by three: one motion, the document's own, labelled motie-Palland c.s."""
    text = (
        "Motie van het lid Palland c.s. over een vrijlating voor deeltijdwerk\n\n"
        "Nr. 48 MOTIE VAN HET LID PALLAND C.S.\nVoorgesteld 18 november 2021\nDe Kamer,\n"
        "gehoord de beraadslaging,\nverzoekt de regering iets te doen,\nen gaat over tot de orde van de dag.\n"
        "Palland\nVan Kent\nÖztürk\n"
    )
    doc = run(nlp, text, ["Tweede Kamer, vergaderjaar 2021–2022, 35 925 XV, nr. 48 1"])
    assert base.document_facts(doc)["submitters"] == ["Palland", "Van Kent", "Öztürk"]
    found = base.mentions(doc, "motion")
    assert {s.kb_id_ for s in found} == {"35925-XV-48"}
    assert {base.span_attrs(s)["label"] for s in found} == {"motie-Palland c.s."}


@pytest.mark.parametrize(
    ("text", "label", "key"),
    [
        # a surname of two capitalised words, as the register knows it
        ("Zie de motie-Koşer Kaya c.s. (Kamerstuk 32 500 XV, nr. 34), die vraagt.", "motie-Koşer Kaya c.s.", "32500-XV-34"),
        # a first name and its surname wrapped over a line
        ("zoals de motie-Jasper van\nDijk/Renkema verzoekt.", "motie-Jasper van Dijk/Renkema", ""),
        # two capitalised words the register does not know as one surname
        ("Want de motie-Jansen Vandaag is aangenomen.", "motie-Jansen", ""),
    ],
)
def test_names_of_more_than_one_word_after_motie(nlp, text, label, key):
    [(_, found_key, attrs)] = motions(nlp, text)
    assert (attrs["label"], found_key) == (label, key)


def test_the_heading_of_votes_names_a_debates_topic_not_a_submitter(nlp):
    text = "Stemmingen moties Arbeidsmarktbeleid\n\nAan de orde zijn de stemmingen over de motie-Van Kent/Maatoug.\n"
    assert [attrs["label"] for _, _, attrs in motions(nlp, text)] == ["motie-Van Kent/Maatoug"]


def test_a_footnote_number_glued_to_its_body_gives_the_motions_id(nlp):
    text = "Zoals de motie-Ceder2 vroeg, doen wij dat.\n\n1Kamerstuk 29 544, nr. 1158.\n2Kamerstuk 29 544, nr. 1161.\n"
    assert footnote_bodies(text).keys() == {1, 2}
