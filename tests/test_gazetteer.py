"""kg_gazetteer: vocabulary labels found in text, with the keys, cases and spans kg relies on."""

from __future__ import annotations

import logging

import pytest
import spacy
from spacy.tokens import Doc

import kg.extractors.gazetteer  # noqa: F401  (registers kg_gazetteer)
from kg.extractors.base import mentions, span_attrs
from kg.readers.pdftext import clean

CATEGORIES = ("organisation", "party", "instrument", "law")


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kg_gazetteer")
    return nlp


def found(doc: Doc, category: str) -> list[tuple[str, str]]:
    """(surface text, key) of each mention of ``category``, whitespace runs shown as one space."""
    return [(" ".join(span.text.split()), span.kb_id_) for span in mentions(doc, category)]


def keys(doc: Doc, category: str) -> set[str]:
    return {span.kb_id_ for span in mentions(doc, category)}


def test_abbreviation_and_full_name_map_to_one_key(nlp):
    doc = nlp("Het Uitvoeringsinstituut Werknemersverzekeringen (UWV) voert de WW uit; de Werkloosheidswet is van 1986.")
    assert found(doc, "organisation") == [
        ("Uitvoeringsinstituut Werknemersverzekeringen", "id/organisatie/uwv"),
        ("UWV", "id/organisatie/uwv"),
    ]
    assert found(doc, "law") == [("WW", "id/wet/ww"), ("Werkloosheidswet", "id/wet/ww")]
    doc = nlp("IPS (Individuele Plaatsing en Steun) en de Nederlandse Arbeidsinspectie, voorheen de Inspectie SZW.")
    assert keys(doc, "instrument") == {"id/instrument/ips"}
    assert [key for _, key in found(doc, "organisation")] == ["id/organisatie/nla", "id/organisatie/nla"]


def test_a_label_followed_by_what_makes_it_something_else_is_no_mention(nlp):
    doc = nlp("Aan de orde is het tweeminutendebat Arbeidsmarktbeleid (CD 6/7). Janmaat (CD) sprak namens de CD.")
    assert [text for text, _ in found(doc, "party")] == ["CD", "CD"]


def test_plurals_and_old_spellings_come_from_hidden_labels(nlp):
    doc = nlp("Twee jobcoaches begeleiden reïntegratietrajecten; reintegratiebedrijven en de no risk polis.")
    assert found(doc, "instrument") == [
        ("jobcoaches", "id/instrument/jobcoaching"),
        ("reïntegratietrajecten", "id/instrument/re-integratietraject"),
        ("no risk polis", "id/instrument/no-riskpolis"),
    ]
    assert found(doc, "organisation") == [("reintegratiebedrijven", "id/organisatie/re-integratiebedrijven")]


def test_case_rules_keep_ordinary_words_out(nlp):
    doc = nlp("Ik denk dat DENK en Volt het eens zijn; een spanning van 230 volt. Denk daar eens over na.")
    assert found(doc, "party") == [("DENK", "id/partij/denk"), ("Volt", "id/partij/volt")]
    doc = nlp("Het rijk van de verbeelding is rijk; Rijk en gemeenten spraken af dat de rekenkamer van Delft en de Rekenkamer ...")
    assert found(doc, "organisation") == [
        ("Rijk", "id/organisatie/rijksoverheid"),
        ("gemeenten", "id/organisatie/gemeenten"),
        ("Rekenkamer", "id/organisatie/algemene-rekenkamer"),
    ]
    # Abbreviations match as written; other labels in any case.
    doc = nlp("De uwv-achtige ww-regeling. PARTICIPATIEWET en participatiewet.")
    assert found(doc, "organisation") == []
    assert found(doc, "law") == [
        ("PARTICIPATIEWET", "id/wet/participatiewet"),
        ("participatiewet", "id/wet/participatiewet"),
    ]
    doc = nlp("Mensen met meer perspectief op werk; het programma Perspectief op Werk.")
    assert found(doc, "instrument") == [("Perspectief op Werk", "id/instrument/perspectief-op-werk")]


def test_a_heading_in_capitals_names_what_its_mixed_case_label_names(nlp):
    doc = nlp("TWEEDE KAMER DER STATEN-GENERAAL\nMOTIE VAN HET LID KLAVER (GROENLINKS) OVER DE RVS")
    assert found(doc, "organisation") == [("TWEEDE KAMER DER STATEN-GENERAAL", "id/organisatie/tweede-kamer"),
                                          ("RVS", "id/organisatie/rvs")]  # 'RVS' is a label; 'RvS' in capitals gives way
    assert found(doc, "party") == [("GROENLINKS", "id/partij/groenlinks")]
    assert found(nlp("De pvda en de Groenlinks-achtige staten-generaal."), "party") == []


def test_names_inside_hyphenated_compounds(nlp):
    doc = nlp("De VVD-fractie, de GroenLinks-PvdA-fractie en CDA'ers vroegen naar IPS-trajecten en de Wajong-uitkering.")
    assert found(doc, "party") == [
        ("VVD-fractie", "id/partij/vvd"),
        ("GroenLinks-PvdA-fractie", "id/partij/groenlinks-pvda"),
        ("CDA'ers", "id/partij/cda"),
    ]
    assert found(doc, "instrument") == [("IPS-trajecten", "id/instrument/ips")]
    assert found(doc, "law") == [("Wajong-uitkering", "id/wet/wajong")]


def test_slash_lists_and_elided_compounds(nlp):
    doc = nlp("Het budget voor WAO/WIA/ZW en dagbesteding/Wmo; werkgevers- en vakorganisaties.")
    assert [key for _, key in found(doc, "law")] == ["id/wet/wao", "id/wet/wia", "id/wet/zw", "id/wet/wmo"]
    assert found(doc, "instrument") == [("dagbesteding/Wmo", "id/instrument/dagbesteding")]
    assert found(doc, "organisation")[0] == ("werkgevers-", "id/organisatie/werkgeversorganisaties")
    # written as one phrase, the two are the social partners
    doc = nlp("Wij spreken met de werkgevers- en werknemersorganisaties.")
    assert found(doc, "organisation") == [("werkgevers- en werknemersorganisaties", "id/organisatie/sociale-partners")]


def written(doc: Doc, category: str) -> list[tuple[str, str]]:
    """(the characters a mention stands for, key): a name inside a compound token is its own part."""
    return [
        (doc.text[slice(*span_attrs(span).get("part", (span.start_char, span.end_char)))], span.kb_id_)
        for span in mentions(doc, category)
    ]


def test_names_inside_a_compound_token_are_their_own_characters(nlp):
    doc = nlp("De VVD-fractie over WAO/WIA en dagbesteding/Wmo.")
    assert written(doc, "party") == [("VVD", "id/partij/vvd")]
    assert written(doc, "law") == [("WAO", "id/wet/wao"), ("WIA", "id/wet/wia"), ("Wmo", "id/wet/wmo")]
    assert written(doc, "instrument") == [("dagbesteding", "id/instrument/dagbesteding")]


def test_a_compound_label_also_names_the_law_of_its_modifier(nlp):
    # the instrument is the whole word, the law its modifier; one of a kind names nothing more
    doc = nlp("Wie een Wsw-indicatie had, kreeg een plaats in een Wsw-bedrijf.")
    assert written(doc, "instrument") == [("Wsw-indicatie", "id/instrument/wsw-indicatie")]
    assert written(doc, "organisation") == [("Wsw-bedrijf", "id/organisatie/sw-bedrijven")]
    assert written(doc, "law") == [("Wsw", "id/wet/wsw"), ("Wsw", "id/wet/wsw")]
    assert found(nlp("De Wajong-uitkering."), "law") == [("Wajong-uitkering", "id/wet/wajong")]


def test_common_nouns_are_not_split_off_compounds(nlp):
    doc = nlp("De gemeente-ambtenaren en werkgevers-, werknemers- en cliëntvertegenwoordigers.")
    assert found(doc, "organisation") == []


def test_longest_match_wins_across_categories(nlp):
    doc = nlp("De Wet banenafspraak en quotum arbeidsbeperkten regelt de banenafspraak. De Inspectie SZW en de Kandidatenverkenner banenafspraak.")
    assert found(doc, "law") == [
        ("Wet banenafspraak en quotum arbeidsbeperkten", "id/wet/wet-banenafspraak"),
    ]
    assert found(doc, "instrument") == [
        ("banenafspraak", "id/instrument/banenafspraak"),
        ("Kandidatenverkenner banenafspraak", "id/instrument/kandidatenverkenner"),
    ]
    assert found(doc, "organisation") == [("Inspectie SZW", "id/organisatie/nla")]


def test_labels_broken_across_lines(nlp):
    doc = nlp("gemeenten bieden beschut\nwerk aan en werken met sociaal \n ontwikkelbedrijven en de Algemene\nRekenkamer")
    assert found(doc, "instrument") == [("beschut werk", "id/instrument/beschut-werk")]
    assert found(doc, "organisation") == [
        ("gemeenten", "id/organisatie/gemeenten"),
        ("sociaal ontwikkelbedrijven", "id/organisatie/sociaal-ontwikkelbedrijven"),
        ("Algemene Rekenkamer", "id/organisatie/algemene-rekenkamer"),
    ]
    spans = mentions(doc, "organisation")
    assert spans[1].text.startswith("sociaal") and spans[1].text.endswith("ontwikkelbedrijven")


def test_curly_apostrophes_match_plain_ones(nlp):
    doc = nlp("In de 35 arbeidsmarktregio\u2019s en met IRO\u2019s.")
    assert found(doc, "organisation") == [("arbeidsmarktregio\u2019s", "id/organisatie/arbeidsmarktregios")]
    assert found(doc, "instrument") == [("IRO", "id/instrument/iro")]


def test_works_on_hand_built_docs_and_empty_text(nlp):
    words = ["Het", "UWV", "en", "de", "SP", "over", "loonkostensubsidie", "."]
    doc = Doc(nlp.vocab, words=words, pos=["DET", "PROPN", "CCONJ", "DET", "PROPN", "ADP", "NOUN", "PUNCT"])
    doc = nlp.get_pipe("kg_gazetteer")(doc)
    assert [keys(doc, c) for c in CATEGORIES] == [
        {"id/organisatie/uwv"}, {"id/partij/sp"}, {"id/instrument/loonkostensubsidie"}, set()
    ]
    empty = nlp("")
    assert all(mentions(empty, c) == [] for c in CATEGORIES)


def test_extra_vocabulary_files_add_concepts(tmp_path, caplog):
    extra = tmp_path / "extra.ttl"
    extra.write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix kg: <https://w3id.org/kamerstukken-kg/def#> .\n"
        '<id/instrument/baanbrekers> a skos:Concept , kg:Instrument ; skos:prefLabel "Baanbrekersregeling"@nl .\n'
        '<https://elsewhere.example/x> a skos:Concept , kg:Instrument ; skos:prefLabel "Buitenregeling"@nl .\n',
        encoding="utf-8",
    )
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is not turtle <", encoding="utf-8")
    nlp = spacy.blank("nl")
    with caplog.at_level(logging.WARNING):
        nlp.add_pipe(
            "kg_gazetteer",
            config={"extra_vocabularies": [str(extra), str(broken), str(tmp_path / "missing.ttl")]},
        )
    doc = nlp("De Baanbrekersregeling, de Buitenregeling en jobcoaching.")
    assert found(doc, "instrument") == [
        ("Baanbrekersregeling", "id/instrument/baanbrekers"),
        ("jobcoaching", "id/instrument/jobcoaching"),
    ]
    assert "broken.ttl" in caplog.text and "missing.ttl" in caplog.text and "elsewhere.example" in caplog.text


# The entities a domain expert lists for each corpus file (by reading it), as concept keys without
# their "id/<kind>/" prefix. Generic terms and one-off bodies without a concept (Bureau Bartels,
# Mediatest, LWI's, RMC's) are not in the vocabularies and so not expected.
EXPECTED = {
    "000_8a5eb297b5e0ebbc.txt": {
        "organisation": {"adr", "algemene-rekenkamer", "arbeidsmarktregios", "centrumgemeenten", "commissie-szw", "gemeenten",
                         "re-integratiebedrijven", "regering", "szw", "uwv"},
        "party": set(),
        "instrument": {"banenafspraak", "doelgroepenregister", "esf", "ips", "jobcoaching", "kandidatenverkenner",
                       "loonwaardebepaling", "matchen-op-werk", "naar-werk", "no-riskpolis", "re-integratietraject", "scholing",
                       "studieregeling", "vervoersvoorziening", "werkfit", "werkvoorzieningen"},
        "law": {"aov-bes", "aww-bes", "ov-bes", "participatiewet", "wajong", "wao", "waz", "wga", "wia", "zv-bes", "zw"},
    },
    "001_6be19fef0512fa7b.txt": {
        "organisation": {"arbeidsmarktregios", "centerdata", "gemeenten", "nla", "re-integratiebedrijven",
                         "regionale-mobiliteitsteams", "rijksoverheid", "sbb", "scp", "sociaal-ontwikkelbedrijven", "sociale-dienst", "szw",
                         "uitzendbureaus", "uwv", "vakbonden", "werkcentra", "werkgevers", "werkgeversorganisaties",
                         "werkgeversservicepunten"},
        "party": {"vvd"},
        "instrument": {"banenafspraak", "beschut-werk", "detachering", "jobcarving", "jobcoaching", "loonkostensubsidie",
                       "loonkostenvoordeel", "programma-participatiewet-in-balans", "quotumregeling", "scholing", "vum"},
        "law": {"participatiewet", "wajong", "wsw"},
    },
    "002_6483e884d4d42ea1.txt": {
        "organisation": {"cbs", "cwi", "gemeenten", "kabinet", "re-integratiebedrijven", "rwi", "seo", "sociale-partners",
                         "szw", "tweede-kamer", "uwv", "vng", "werkgevers"},
        "party": set(),
        "instrument": {"duaal-traject", "iro", "re-integratietraject", "resultaatsfinanciering", "scholing",
                       "sociale-activering", "werkstage", "work-first"},
        "law": {"ww", "wwb"},
    },
    "003_04a32c7a5231b5fd.txt": {
        "organisation": {"arbeidsmarktregios", "awvn", "bzk", "cbs", "clientenraden", "gemeenten", "ggz", "kabinet",
                         "nla", "oecd", "panteia", "regering", "rijksoverheid", "rmc-regios", "scp", "seo",
                         "sw-bedrijven", "sociale-dienst", "sociale-partners", "staten-generaal", "szw",
                         "trimbos-instituut", "tweede-kamer", "uwv", "uwv-werkbedrijf", "verbond-sectorwerkgevers-overheid",
                         "werkgevers", "werkgeversservicepunten"},
        "party": set(),
        "instrument": {"advies-beschut-werk", "arbeidsondersteuning", "banenafspraak", "beschut-werk", "dagbesteding",
                       "detachering", "doelgroepenregister", "herbeoordeling", "re-integratieverplichtingen", "inclusief-herontwerp-van-werk", "ips", "jobcarving", "jobcoaching", "kandidatenverkenner",
                       "loondispensatie", "loonkostensubsidie", "matchen-op-werk", "no-riskpolis", "quotumregeling",
                       "re-integratietraject", "sociale-activering", "tegenprestatie", "uitkeringsregeling", "werkregeling"},
        "law": {"participatiewet", "schattingsbesluit", "suwi", "wajong", "wet-banenafspraak", "wiw", "wmo", "wsw",
                "ww", "wwb", "zw"},
    },
    "004_d23de44939d176b2.txt": {
        "organisation": {"arbeidsmarktregios", "gemeenten", "kabinet", "nla", "regering", "sociaal-ontwikkelbedrijven",
                         "sociale-dienst", "sw-bedrijven", "szw", "uwv", "vng", "werkgevers", "werkgeversservicepunten", "werkkamer"},
        "party": {"sp"},
        "instrument": {"banenafspraak", "beschut-werk", "breed-offensief", "kandidatenverkenner", "perspectief-op-werk",
                       "vum"},
        "law": {"besluit-suwi", "participatiewet", "suwi", "wet-banenafspraak", "wsw"},
    },
}


@pytest.mark.parametrize("source", sorted(EXPECTED))
def test_corpus_documents_yield_the_expected_entities(nlp, corpus_dir, source):
    doc = nlp(clean((corpus_dir / source).read_text(encoding="utf-8")).text)
    for category in CATEGORIES:
        got = {key.rsplit("/", 1)[1] for key in keys(doc, category)}
        assert got == EXPECTED[source][category], f"{source} {category}"
        spans = sorted(mentions(doc, category), key=lambda s: (s.start, s.end))
        for left, right in zip(spans, spans[1:]):
            assert left.end <= right.start or (left.start, left.end) == (right.start, right.end), (
                f"{source}: overlapping {category} mentions {left.text!r} / {right.text!r}"
            )


@pytest.mark.parametrize(
    ("text", "surface", "key"),
    [
        ("De no risk polis helpt.", "no risk polis", "id/instrument/no-riskpolis"),
        ("De noriskpolis helpt.", "noriskpolis", "id/instrument/no-riskpolis"),
        ("Twee loonwaardebepalingen volgen.", "loonwaardebepalingen", "id/instrument/loonwaardebepaling"),
        ("Er zijn drie praktijkroutes.", "praktijkroutes", "id/instrument/praktijkroute"),
        ("De loonkostensubsidieregeling blijft.", "loonkostensubsidieregeling", "id/instrument/loonkostensubsidie"),
        ("Alle praktijkroute-trajecten starten.", "praktijkroute-trajecten", "id/instrument/praktijkroute"),
        ("Werkgevers Servicepunten helpen.", "Werkgevers Servicepunten", "id/organisatie/werkgeversservicepunten"),
        ("Ik betrek de begeleid werken-regeling.", "begeleid werken-regeling", "id/instrument/begeleid-werken"),
        ("Vaak in Work First-projecten.", "Work First-projecten", "id/instrument/work-first"),
        # the spelling before 2005: a diaeresis where a hyphen now parts prefix and vowel
        ("Het persoonsgebonden reïntegratiebudget.", "persoonsgebonden reïntegratiebudget", "id/instrument/prb"),
        ("Zij kopen reïntegratietrajecten in.", "reïntegratietrajecten", "id/instrument/re-integratietraject"),
    ],
)
def test_spelling_variants_by_rule(nlp, text, surface, key):
    assert (surface, key) in found(nlp(text), "instrument") + found(nlp(text), "organisation")


def test_variants_do_not_swallow_the_next_word_or_an_elided_compound(nlp):
    doc = nlp("De no risk polis en de jobcoaches en werkgevers- en werknemersorganisaties.")
    assert found(doc, "instrument") == [("no risk polis", "id/instrument/no-riskpolis"), ("jobcoaches", "id/instrument/jobcoaching")]


def test_a_head_hyphenated_onto_a_name_of_several_words_needs_the_hyphen(nlp):
    doc = nlp("De begeleid werken-regeling, begeleid werkenregeling en de Work First-aanpak.")
    assert found(doc, "instrument") == [
        ("begeleid werken-regeling", "id/instrument/begeleid-werken"), ("Work First-aanpak", "id/instrument/work-first"),
    ]


def test_the_levy_is_an_instrument_of_its_own_next_to_the_quota_arrangement(nlp):
    doc = nlp("De quotumregeling voorziet in een quotumheffing per niet-vervulde arbeidsplaats.")
    assert found(doc, "instrument") == [
        ("quotumregeling", "id/instrument/quotumregeling"), ("quotumheffing", "id/instrument/quotumheffing"),
    ]


def test_the_sector_is_not_the_law(nlp):
    doc = nlp("Mensen in de sociale werkvoorziening houden hun rechten uit de Wet sociale werkvoorziening.")
    assert found(doc, "law") == [("Wet sociale werkvoorziening", "id/wet/wsw")]
    assert found(doc, "instrument") == [] and found(doc, "organisation") == []  # nor the sw-bedrijven


def test_number_forms():
    from kg.extractors.gazetteer import number_forms

    assert {"polissen", "polis"} <= number_forms("polis")
    assert "afspraken" in number_forms("afspraak") and "afspraak" in number_forms("afspraken")
    assert "plek" in number_forms("plekken") and "routes" in number_forms("route")


def test_number_forms_leave_out_spellings_dutch_never_writes():
    from kg.extractors.gazetteer import number_forms

    assert "banen" in number_forms("baan") and "baanen" not in number_forms("baan")
    assert "bedrijven" in number_forms("bedrijf") and "bedrijfen" not in number_forms("bedrijf")
    assert "routeen" not in number_forms("route") and "voucher's" not in number_forms("voucher")
    assert "regelingenen" not in number_forms("regelingen") and "regeling" in number_forms("regelingen")


def test_the_forms_matched_by_rule_are_the_concepts_hidden_labels():
    from kg.extractors.gazetteer import Concept, matched_forms, number_variants

    assert number_variants("sociaal ontwikkelbedrijf")[0] == "sociaal ontwikkelbedrijf"
    assert "sociaal ontwikkelbedrijven" in number_variants("sociaal ontwikkelbedrijf")
    voucher = Concept("id/instrument/voucher", "instrument", "scholingsvoucher", ("scholingsvoucher", "Scholingsvouchers"))
    forms = matched_forms(voucher)
    assert "scholingsvoucher" not in forms and not any(f.casefold() == "scholingsvouchers" for f in forms)
    assert matched_forms(Concept("id/partij/x", "party", "Partij", ("Partij",))) == []  # parties match as written
    assert matched_forms(Concept("id/organisatie/x", "organisation", "UWV", ("UWV",))) == []  # abbreviations too
    garantiebaan = Concept("id/instrument/garantiebaan", "instrument", "garantiebaan", ("garantiebaan",))
    assert "garantiebanen" in matched_forms(garantiebaan)
    traject = Concept("id/instrument/t", "instrument", "re-integratietraject", ("re-integratietraject",))
    assert {"reïntegratietraject", "reïntegratietrajecten"} <= set(matched_forms(traject))


def test_old_spelling_puts_the_diaeresis_back_after_a_prefix_only():
    from kg.extractors.vocabulary import old_spelling

    assert old_spelling("re-integratieverslag") == "reïntegratieverslag"
    assert old_spelling("Co-ordinatie") == "Coördinatie"
    assert old_spelling("lage-inkomensvoordeel") == "lage-inkomensvoordeel"  # a compound of two words keeps its hyphen
    assert old_spelling("core-in") == "core-in"


def test_the_ontology_graph_carries_the_matched_forms_as_hidden_labels():
    from kg.rdf.ontology import ontology_quads
    from kg.vocab import Minter

    minter = Minter()
    hidden = {
        (q.subject.value, q.object.value)
        for q in ontology_quads(minter)
        if q.predicate.value == "http://www.w3.org/2004/02/skos/core#hiddenLabel"
    }
    assert (minter.iri("id/instrument/garantiebaan").value, "garantiebanen") in hidden


@pytest.mark.parametrize(
    "text",
    ["Het woord is aan mevrouw Jansen van GroenLinks-PvdA.\n\nMevrouw Jansen:", "De GroenLinks-PvdA-fractie vraagt dat."],
)
def test_a_name_ending_in_a_capital_is_matched_whole_before_a_full_stop_or_hyphen(text):
    from kg.extractors.tokenizer import customize_tokenizer

    nlp = spacy.blank("nl")
    customize_tokenizer(nlp)
    nlp.add_pipe("kg_gazetteer")
    assert found(nlp(text), "party") == [("GroenLinks-PvdA", "id/partij/groenlinks-pvda")]


def test_lower_case_werkbedrijven_are_the_regional_ones_capitalised_werkbedrijf_is_not(nlp):
    doc = nlp("De werkbedrijven en een werkbedrijf in de regio. UWV Werkbedrijf en de divisie Werkbedrijf.")
    assert found(doc, "organisation") == [
        ("werkbedrijven", "id/organisatie/regionale-werkbedrijven"),
        ("werkbedrijf", "id/organisatie/regionale-werkbedrijven"),
        ("UWV Werkbedrijf", "id/organisatie/uwv-werkbedrijf"),
    ]


def test_parties_of_the_1990s_kamers_are_parties_with_the_register_s_iris(nlp):
    """RPF, GPV and the Centrum Democraten sat in the Kamer until 1998-2002; a member's party in
    parentheses is read as a party, and its IRI is the one the person register links to Wikidata."""
    doc = nlp("Schutte (GPV), Van Dijke (RPF) en Janmaat (CD) dienden het Gereformeerd Politiek Verbond voor.")
    assert found(doc, "party") == [
        ("GPV", "id/partij/gereformeerd-politiek-verbond"),
        ("RPF", "id/partij/reformatorische-politieke-federatie"),
        ("CD", "id/partij/centrum-democraten"),
        ("Gereformeerd Politiek Verbond", "id/partij/gereformeerd-politiek-verbond"),
    ]


def test_the_melkert_jobs_their_successors_and_the_crisis_measures_are_told_apart(nlp):
    doc = nlp("Na de Melkertbanen en de REW kwamen de ID-banen; in 2020 de NOW en de Tozo. Doe het now.")
    assert keys(doc, "instrument") == {
        "id/instrument/melkertbanen", "id/instrument/rew", "id/instrument/id-banen", "id/instrument/now", "id/instrument/tozo",
    }
    assert keys(nlp("De JWG ging op in de Wiw."), "law") == {"id/wet/jeugdwerkgarantiewet", "id/wet/wiw"}


def test_a_word_of_one_field_names_its_concept_only_in_a_sentence_of_that_field(nlp):
    doc = nlp("Het kabinet legt UWV een forse taakstelling op. De taakstelling voor de Wsw daalt. "
              "Gemeenten halen de taakstelling beschut werk niet.")
    found = [(s.text, s.sent.start) for s in mentions(doc, "instrument")]
    assert [text for text, _ in found] == ["taakstelling", "taakstelling beschut werk"]
    assert all(start > 0 for _, start in found)  # nothing in the first sentence, the budget cut


def test_a_bare_word_of_a_scheme_needs_a_sentence_of_its_field(nlp):
    doc = nlp("Zijn vrijlating uit de cel volgde. De vrijlating van 25% van de inkomsten blijft. "
              "Een inkomensvoorziening voor ouderen. Wie het werkleeraanbod weigert, krijgt geen inkomensvoorziening.")
    assert [(s.text, s.kb_id_) for s in mentions(doc, "instrument")] == [
        ("vrijlating", "id/instrument/inkomstenvrijlating"), ("werkleeraanbod", "id/instrument/werkleeraanbod"),
        ("inkomensvoorziening", "id/instrument/wij-inkomensvoorziening")]


def test_the_words_of_a_neighbouring_field_need_a_sentence_of_it(nlp):
    doc = nlp("De registratieplicht voor honden blijft. De registratieplicht voor uitleners in het Handelsregister "
              "geldt sinds 2012. De MAP van de gemeente. Na de brede intake volgt de MAP.")
    assert [(s.text, s.kb_id_) for s in mentions(doc, "instrument")] == [
        ("registratieplicht", "id/instrument/registratieplicht-intermediairs"),
        ("brede intake", "id/instrument/brede-intake"), ("MAP", "id/instrument/map")]


def test_abbreviations_differing_only_in_inner_capitals_are_two_labels(nlp):
    doc = nlp("Het advies van de RVS en dat van de RvS zelf.")
    assert [(s.text, s.kb_id_) for s in mentions(doc, "organisation")] == [
        ("RVS", "id/organisatie/rvs"), ("RvS", "id/organisatie/raad-van-state")]


def test_labour_law_terms_come_from_the_laws_and_their_bare_words_need_their_field(nlp):
    doc = nlp("De werkgever stelt een RI&E en een plan van aanpak op; de bedrijfsarts houdt een open spreekuur. "
              "Het kabinet stuurt een plan van aanpak tegen eenzaamheid. "
              "De minister kan een cao algemeen verbindend verklaren en dispensatie verlenen. "
              "Dispensatie van een examen is mogelijk. "
              "Na het zwangerschaps- en bevallingsverlof volgt het betaald ouderschapsverlof; de oproepovereenkomst "
              "en de payrollovereenkomst blijven, net als de cumulatiegrond en de ontslagvergunning van UWV.")
    assert [(s.text, s.kb_id_) for s in mentions(doc, "instrument")] == [
        ("RI&E", "id/instrument/rie"), ("plan van aanpak", "id/instrument/plan-van-aanpak"),
        ("open spreekuur", "id/instrument/open-spreekuur"),
        ("algemeen verbindend verklaren", "id/instrument/avv"), ("dispensatie", "id/instrument/avv-dispensatie"),
        ("zwangerschaps- en bevallingsverlof", "id/instrument/zwangerschaps-en-bevallingsverlof"),
        ("betaald ouderschapsverlof", "id/instrument/betaald-ouderschapsverlof"),
        ("oproepovereenkomst", "id/instrument/oproepovereenkomst"),
        ("payrollovereenkomst", "id/instrument/payrollovereenkomst"),
        ("cumulatiegrond", "id/instrument/cumulatiegrond"), ("ontslagvergunning", "id/instrument/ontslagvergunning")]
    in_passing = nlp("Flexibele arbeid, zoals tijdelijke banen en oproepcontracten. Na twee maanden is de proeftijd voorbij. "
                     "De Wab maakt de proeftijd langer.")
    assert found(in_passing, "instrument") == [("proeftijd", "id/instrument/proeftijd")]
    laws = nlp("De Algemene wet gelijke behandeling, de WGBL, de Wet AVV, Richtlijn 2003/88/EG en de Wsnp.")
    assert keys(laws, "law") == {"id/wet/awgb", "id/wet/wgbl", "id/wet/wet-avv", "id/wet/arbeidstijdenrichtlijn", "id/wet/wsnp"}


def test_a_label_in_party_position_names_the_party_and_elsewhere_what_it_names_there(nlp):
    """AOV is the arbeidsongeschiktheidsverzekering or the BES pension law, but after a member's
    name in parentheses, or before '-fractie', the Algemeen Ouderen Verbond of the 1994 Kamer."""
    doc = nlp("Vragen van het lid Hendriks (AOV) over de AOW. De AOV-fractie is tegen. De AOV voor zelfstandigen komt er.")
    assert found(doc, "party") == [
        ("AOV", "id/partij/algemeen-ouderen-verbond"), ("AOV-fractie", "id/partij/algemeen-ouderen-verbond")]
    assert [s.text for s in mentions(doc, "law") if s.kb_id_ == "id/wet/aov-bes"] == ["AOV"]


def test_a_party_name_of_several_words_hyphenated_onto_fractie_is_the_party(nlp):
    doc = nlp("De leden van de Partij voor de Dieren-fractie en de Leefbaar Nederland-fractie; het Nederland-beleid.")
    assert found(doc, "party") == [
        ("Partij voor de Dieren-fractie", "id/partij/pvdd"), ("Leefbaar Nederland-fractie", "id/partij/leefbaar-nederland")]
    text = doc.text
    assert [text[s._.kg["part"][0]:s._.kg["part"][1]] for s in mentions(doc, "party")] == [
        "Partij voor de Dieren", "Leefbaar Nederland"]
    assert found(nlp("De Partij voor de Dieren-Fractie."), "party") == [("Partij voor de Dieren-Fractie", "id/partij/pvdd")]


def test_a_code_of_letters_and_digits_keeps_its_exact_form(nlp):
    """'G40' has no plural 'G40en': 'G40 en de G4' names the two networks, without the 'en'."""
    assert found(nlp("In de G40 en de G4 werken gemeenten samen."), "organisation")[:2] == [
        ("G40", "id/organisatie/g40"), ("G4", "id/organisatie/g4"),
    ]


def test_sanctions_of_handhaving_are_instruments_and_a_warning_only_in_its_field(nlp):
    assert keys(nlp("Bij schending van de inlichtingenplicht volgt een waarschuwing of een boete."), "instrument") >= {
        "id/instrument/waarschuwing", "id/instrument/bestuurlijke-boete"}
    assert "id/instrument/waarschuwing" not in keys(nlp("Het KNMI gaf een waarschuwing voor storm."), "instrument")


@pytest.mark.parametrize("customized", [False, True])
def test_an_acronym_ending_a_sentence_is_matched_without_its_stop(customized):
    """spaCy's Dutch special cases write every abbreviation in capitals too (``ww.``, werkwoord,
    as ``WW.``), which kept the stop on the acronym at a sentence's end; kg's tokenizer, blank or
    customized onto another pipeline, drops those and keeps the dotted ones (``B.V.``)."""
    from kg.extractors.tokenizer import blank_pipeline, customize_tokenizer

    if customized:
        nlp = spacy.blank("nl")
        customize_tokenizer(nlp)
    else:
        nlp = blank_pipeline("nl")
    assert [t.text for t in nlp.make_doc("recht op WW. Zie de B.V. en blz. 3")] == ["recht", "op", "WW", ".", "Zie", "de", "B.V.", "en", "blz.", "3"]
    nlp.add_pipe("kg_gazetteer")
    assert found(nlp("Hij krijgt WW. Zij vraagt deeltijd-WW."), "law") == [("WW", "id/wet/ww")]


def test_the_employee_insurances_parts_and_the_centrumgemeente(nlp):
    doc = nlp("De centrumgemeente van de regio en de gemeenten. UWV doet de poortwachtertoets en de "
              "eerstejaars-ZW-beoordeling; de premie WGA-flex en ZW-flex.")
    assert keys(doc, "organisation") == {"id/organisatie/centrumgemeenten", "id/organisatie/gemeenten", "id/organisatie/uwv"}
    assert keys(doc, "instrument") >= {"id/instrument/poortwachterstoets", "id/instrument/eerstejaars-zw-beoordeling",
                                       "id/instrument/wga-flex", "id/instrument/zw-flex"}
