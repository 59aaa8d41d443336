"""kg_law_names: law titles outside the vocabulary found by shape, vocabulary titles after
'wetsvoorstel', the gazetteer's spans left alone, and decoys."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

import kg.extractors.gazetteer  # noqa: F401  (registers kg_gazetteer)
import kg.extractors.laws  # noqa: F401  (registers kg_law_names)
from kg.extractors.base import mentions, span_attrs
from kg.extractors.tokenizer import customize_tokenizer
from kg.vocab import slug


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("nl")
    customize_tokenizer(nlp)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kg_gazetteer")
    nlp.add_pipe("kg_law_names")
    return nlp


def laws(doc: Doc) -> list[tuple[str, str, str]]:
    return [(" ".join(s.text.split()), s.kb_id_, span_attrs(s).get("name", "")) for s in mentions(doc, "law")]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Met het wetsvoorstel Wet vereenvoudiging\nWajong, dat ik dit voorjaar indien, wordt het eenvoudiger.",
         "Wet vereenvoudiging Wajong"),
        ("De Wet normering topinkomens die in 2013 inging, geldt ook hier.", "Wet normering topinkomens"),
        ("Zie de Wet op het financieel toezicht.", "Wet op het financieel toezicht"),
        ("De Wet aanpak fraude in de praktijk werkt goed.", "Wet aanpak fraude"),
        ("Het gaat om de Wet modernisering ziekteverzuim 2026 (Kamerstuk 36 100).", "Wet modernisering ziekteverzuim 2026"),
        ("De Wet toezicht in balans regelt dat.", "Wet toezicht in balans"),
        ("De Wet maatregelen werk en inkomen en enkele andere wetten.", "Wet maatregelen werk en inkomen"),
        ("Op grond van de Wet BIG mag dat niet.", "Wet BIG"),
        ("Het wetsvoorstel Invoeringswet Participatiewet is aangenomen.", "Invoeringswet Participatiewet"),
        ("In de Verzamelwet SZW 2018 staat dat.", "Verzamelwet SZW 2018"),
        ("De Pensioenwet geldt voor werknemers.", "Pensioenwet"),
        ("De premiedifferentiatie van de Wet Pemba verdwijnt.", "Wet Pemba"),
        ("Met de Wet Walvis en de loonaangifte wordt het eenvoudiger.", "Wet Walvis"),
        ("Het wetsvoorstel Wet Perspectief op Werk is ingediend.", "Wet Perspectief op Werk"),  # an instrument inside
        ("Met de Wet wijziging WW-stelsel wordt de duur beperkt.", "Wet wijziging WW-stelsel"),  # a law begins a word
    ],
)
def test_titles_outside_the_vocabulary(nlp, text, title):
    found = [(surface, key, name) for surface, key, name in laws(nlp(text)) if name]
    assert (title, f"id/wet/{slug(title)}", title) in found
    assert len(found) == 1


def test_gazetteer_spans_are_not_duplicated(nlp):
    doc = nlp("Met de Wet werk en zekerheid en de Wet WIA en de Wet Wajong is het ontslagrecht gewijzigd.")
    assert laws(doc) == [
        ("Wet werk en zekerheid", "id/wet/wwz", ""),
        ("WIA", "id/wet/wia", ""),
        ("Wet Wajong", "id/wet/wajong", ""),
    ]


def test_a_law_named_inside_a_title_stays_a_mention(nlp):
    found = laws(nlp("Het wetsvoorstel Invoeringswet Participatiewet is aangenomen."))
    assert ("Participatiewet", "id/wet/participatiewet", "") in found


def test_a_law_inside_a_programmes_name_is_part_of_the_name(nlp):
    doc = nlp("In het kader van het programma Participatiewet in balans komt het wetsvoorstel Participatiewet in balans.")
    assert laws(doc) == [("Participatiewet in balans", "id/wet/participatiewet-in-balans", "")]
    assert [(s.text, s.kb_id_) for s in mentions(doc, "instrument")] == [
        ("programma Participatiewet in balans", "id/instrument/programma-participatiewet-in-balans")]


def test_proposal_of_a_vocabulary_law_without_its_wet(nlp):
    doc = nlp("Deze afspraak wordt vastgelegd in het wetsvoorstel\nbanenafspraak en quotum arbeidsbeperkten, dat thans aanhangig is.")
    assert laws(doc) == [("banenafspraak en quotum arbeidsbeperkten", "id/wet/wet-banenafspraak", "")]
    assert [s.text for s in mentions(doc, "instrument")] == []  # the instrument inside the title is dropped


@pytest.mark.parametrize(
    "text",
    [
        "De wet is aangenomen. Deze wet regelt veel.",
        "Het wetsvoorstel en de wetgeving en de wettelijke taken.",
        "De Wetenschappelijke Raad voor het Regeringsbeleid schreef dat.",
        "Wet en regelgeving zijn complex. Wet- en regelgeving ook.",
        "De Invoeringswet bevat overgangsrecht; de Spoedwet werd aangenomen.",
        "Het wetsvoorstel dat ik indien, regelt dat.",
        "Wet\n\nwerk is belangrijk.",
        "De Wet Modernisering Ziekteverzuim komt er.",
        "De Wet Werk en Bijstand Gemeenten is nieuw.",
    ],
)
def test_decoys(nlp, text):
    assert [name for _, _, name in laws(nlp(text)) if name] == []


def test_the_model_s_verbs_end_a_title(nlp):
    words = ["De", "Wet", "aanpak", "schijnfraude", "verviel", "er", "."]
    pos = ["DET", "PROPN", "NOUN", "NOUN", "VERB", "ADV", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, pos=pos)
    doc = nlp.get_pipe("kg_law_names")(doc)
    assert laws(doc) == [("Wet aanpak schijnfraude", "id/wet/wet-aanpak-schijnfraude", "Wet aanpak schijnfraude")]
    without = nlp.get_pipe("kg_law_names")(Doc(nlp.vocab, words=words))
    assert laws(without) == [("Wet aanpak schijnfraude verviel", "id/wet/wet-aanpak-schijnfraude-verviel", "Wet aanpak schijnfraude verviel")]


def test_survives_odd_input(nlp):
    for text in ["", "Wet", "Wet ", "Wet op", "Wet op de", "Invoeringswet", "wetsvoorstel", "(Wet)", "Wet 2021"]:
        nlp(text)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("dat de staatssecretaris het wetsvoorstel Wet verbetering fietsparkeren aankondigt;", "Wet verbetering fietsparkeren"),
        ("nu de minister de Wet modernisering ziekteverzuim voorstelt, vragen wij", "Wet modernisering ziekteverzuim"),
        ("Zie de Wet op het financieel toezicht.", "Wet op het financieel toezicht"),  # a noun ending: toezicht
        ("Het gaat om de Wet invoering overgangsrecht.", "Wet invoering overgangsrecht"),
    ],
)
def test_a_verb_with_a_separable_particle_ends_a_title(nlp, text, title):
    assert [name for _, _, name in laws(nlp(text)) if name] == [title]


def test_a_title_ending_in_en_enkele_andere_wetten_is_the_law_its_short_form_names(nlp):
    """'Wet maatregelen Wet werk en bijstand en enkele andere wetten' is read whole, and keyed as the
    short 'Wet maatregelen Wet werk en bijstand', so both spellings are one law."""
    full = "Wet maatregelen Wet werk en bijstand en enkele andere wetten"
    key = f"id/wet/{slug('Wet maatregelen Wet werk en bijstand')}"
    assert (full, key, full) in laws(nlp(f"De norm kwam met de {full}. Sinds 2022 geldt dat."))
    assert ("Wet maatregelen Wet werk en bijstand", key, "Wet maatregelen Wet werk en bijstand") in laws(
        nlp("De Wet maatregelen Wet werk en bijstand en andere regels gelden.")
    )


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("van diensten door het UWV (Wet elektronische dienstverlening UWV) ontvangen", "Wet elektronische dienstverlening UWV"),
        ("op grond van de Wet openbaarmaking uitkomsten onderzoek Arbeidsinspectie.", "Wet openbaarmaking uitkomsten onderzoek Arbeidsinspectie"),
    ],
)
def test_a_title_may_end_in_the_body_it_is_about(nlp, text, title):
    assert title in [name for _, _, name in laws(nlp(text))]


def test_a_body_after_a_title_in_the_same_clause_is_not_part_of_it(nlp):
    found = laws(nlp("Sinds de Wet aanscherping handhaving UWV heeft meer taken."))
    assert [name for _, _, name in found if name] == ["Wet aanscherping handhaving"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("De vrijlating is in het wetsvoorstel Wet ruimere vrijlating verruimd, maar niet overal.", "Wet ruimere vrijlating"),
        ("Zo is de Wet verbetering dienstverlening werkzoekenden uitgebreid.", "Wet verbetering dienstverlening werkzoekenden"),
        ("Daarover gaat de Wet publieke gezondheid.", "Wet publieke gezondheid"),  # a noun ending, no participle
    ],
)
def test_a_past_participle_closing_the_clause_is_the_verb_not_the_title(nlp, text, title):
    assert [name for _, _, name in laws(nlp(text)) if name] == [title]


def test_a_bill_named_after_its_programme(nlp):
    """'het wetsvoorstel Breed offensief' is the bill; the programme 'Breed offensief' stays an instrument."""
    doc = nlp("Het wetsvoorstel Breed offensief volgt uit het Breed offensief.")
    assert laws(doc) == [("Breed offensief", "id/wet/wet-breed-offensief", "")]
    assert [s.kb_id_ for s in mentions(doc, "instrument")] == ["id/instrument/breed-offensief"]
