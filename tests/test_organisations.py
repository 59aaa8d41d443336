"""kg_organisation_names: municipalities, bureaus, sw-bedrijven and committees named by shape."""

from __future__ import annotations

import pytest

from kg.extractors.base import mentions, span_attrs
from kg.pipeline import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()[0]


def organisations(nlp, text):
    doc = nlp(text)
    return [(s.text, s.kb_id_, span_attrs(s).get("name"), span_attrs(s).get("member_of")) for s in mentions(doc, "organisation")]


def test_municipality_is_an_organisation_of_its_own_in_the_group_gemeenten(nlp):
    found = organisations(nlp, "De gemeente Utrecht en de gemeente Súdwest-Fryslân doen mee.")
    assert found == [
        ("gemeente Utrecht", "id/organisatie/gemeente-utrecht", "gemeente Utrecht", "id/organisatie/gemeenten"),
        ("gemeente Súdwest-Fryslân", "id/organisatie/gemeente-sudwest-fryslan", "gemeente Súdwest-Fryslân", "id/organisatie/gemeenten"),
    ]


def test_the_municipality_of_a_local_office(nlp):
    found = organisations(nlp, "Wethouder Anouk Grzelak-de Haan van Zaanstad vertelde het. De burgemeester van "
                               "Venlo en wethouder Jan van Tilburg kwamen; wethouder Bert de Vries van Sociale Zaken niet.")
    assert [(text, key) for text, key, _, _ in found] == [
        ("Zaanstad", "id/organisatie/gemeente-zaanstad"), ("Venlo", "id/organisatie/gemeente-venlo")]


def test_listed_municipalities_with_connectors(nlp):
    found = organisations(nlp, "De gemeenten Bergen op Zoom, Alphen aan den Rijn en 's-Hertogenbosch werken samen.")
    assert [name for _, _, name, _ in found] == [
        "gemeente Bergen op Zoom", "gemeente Alphen aan den Rijn", "gemeente 's-Hertogenbosch",
    ]


def test_a_register_name_sets_where_a_municipality_ends(nlp):
    found = organisations(nlp, "De gemeenten Assen, Aa en Hunze en Tynaarlo werken samen; de gemeente Amsterdam de Work First-aanpak.")
    assert [name for _, _, name, _ in found] == [
        "gemeente Assen", "gemeente Aa en Hunze", "gemeente Tynaarlo", "gemeente Amsterdam",
    ]
    assert [name for _, _, name, _ in organisations(nlp, "de gemeente Den Haag")] == ["gemeente Den Haag"]  # not in the register: the shape


def test_the_group_stays_where_no_name_follows(nlp):
    found = organisations(nlp, "De gemeente. Daarom zegt de gemeente Dat niet. Gemeenten en UWV.")
    assert [key for _, key, _, _ in found] == ["id/organisatie/gemeenten"] * 3 + ["id/organisatie/uwv"]


@pytest.mark.parametrize(
    ("text", "name", "group"),
    [
        ("Het onderzoeksbureau Bartels evalueerde.", "Bartels", None),
        ("Bij sw-bedrijf Ergon werken velen.", "Ergon", "id/organisatie/sw-bedrijven"),
        ("Er komt een sociaal ontwikkelbedrijf, Werkzaak Betuwe, dat de taken overneemt.", "Werkzaak Betuwe",
         "id/organisatie/sociaal-ontwikkelbedrijven"),
        ("Het sw-bedrijf, Ergon en UWV.", None, None),  # a list, not a name set off by commas
        ("Het Werkgeversservicepunt Drechtsteden helpt.", "Werkgeversservicepunt Drechtsteden", "id/organisatie/werkgeversservicepunten"),
        ("Het advies van de commissie-Borstlap volgt.", "commissie-Borstlap", None),
        # a foundation's, an association's and a joint scheme's legal name starts with its kind
        ("De Stichting Werkgevers Drenthe doet mee.", "Stichting Werkgevers Drenthe", None),
        ("De Stichting Werk voor Iedereen Brabant schrijft.", "Stichting Werk voor Iedereen Brabant", None),
        ("Het Werkvoorzieningschap Zuidoost-Brabant bezuinigt.", "Werkvoorzieningschap Zuidoost-Brabant", "id/organisatie/sw-bedrijven"),
        ("Op het Werkplein Drentsche Aa.", "Werkplein Drentsche Aa", "id/organisatie/werkpleinen"),
        ("mevrouw K. Jansen, directeur-bestuurder, Ontwikkelbedrijf Noord", "Ontwikkelbedrijf Noord",
         "id/organisatie/sociaal-ontwikkelbedrijven"),
    ],
)
def test_kind_word_and_name(nlp, text, name, group):
    assert [(n, g) for _, _, n, g in organisations(nlp, text) if n] == ([(name, group)] if name else [])


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # an 'en' inside the name joins capitalised words
        ("Het Ontwikkelbedrijf Werk en Inkomen Amersfoort helpt.", ["Ontwikkelbedrijf Werk en Inkomen Amersfoort"]),
        ("De Stichting Blijvend Certificeren en Meten toetst.", ["Stichting Blijvend Certificeren en Meten"]),
        # and joins two names where a municipality, a kind word or a known name follows it
        ("De Sociale Dienst Drechtsteden en Leiden werken samen.", ["Sociale Dienst Drechtsteden"]),
        ("De Stichting Werkgevers Drenthe en Werkplein Emmen.", ["Stichting Werkgevers Drenthe", "Werkplein Emmen"]),
        ("De Stichting Werkgevers Drenthe en Divosa.", ["Stichting Werkgevers Drenthe"]),
        ("De Stichting Werkgevers Drenthe en UWV.", ["Stichting Werkgevers Drenthe"]),
        ("Het Werkplein Drentsche Aa en De gemeente.", ["Werkplein Drentsche Aa"]),
    ],
)
def test_an_en_inside_a_named_kind(nlp, text, names):
    assert [n for _, _, n, _ in organisations(nlp, text) if n] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a participants' list: the body after a person's function
        ("mevrouw ir. E.M. Ouderkerk-Ağbaba, directeur Senzer\n", ["Senzer"]),
        ("de heer Johan Pels, directeur Werkzaak Rivierenland\n", ["Werkzaak Rivierenland"]),
        ("de heer T. Pels, programmamanager Werkcentrum Drechtsteden\n", ["Werkcentrum Drechtsteden"]),
        # not a unit of a body named before it, nor a place, nor without a person before it
        ("de heer R.J. Terwisscha (UWV, directeur Sociaal Medische\nZaken)", []),
        ("mevrouw K. Jansen, directeur Emmen\n", []),
        ("Zo zei het, directeur Senzer\n", []),
        # lower case 'ontwikkelbedrijf' describes the company; a regio keeps its kind
        ("over het ontwikkelbedrijf Lingezegen Werkt.", ["Lingezegen Werkt"]),
        # capitalised at a quote's start, where the text also names it bare: one company
        ('Het bericht "Ontwikkelbedrijf Lingezegen Werkt gaat dicht". Lingezegen Werkt zwijgt.', ["Lingezegen Werkt"] * 2),
        ("Het Ontwikkelbedrijf Noord helpt.", ["Ontwikkelbedrijf Noord"]),
        ("in de arbeidsmarktregio Parkstad Limburg.", ["Arbeidsmarktregio Parkstad Limburg"]),
        ("De Stichting Samen naar Werk helpt.", ["Stichting Samen naar Werk"]),
    ],
)
def test_bodies_named_in_a_participants_list_and_by_a_described_kind(nlp, text, names):
    assert [n for _, _, n, _ in organisations(nlp, text) if n] == names


def test_a_kind_word_before_a_name_is_also_its_group(nlp):
    found = organisations(nlp, "Bij sw-bedrijf Ergon in Eindhoven werken velen.")
    assert [(text, key) for text, key, _, _ in found] == [
        ("sw-bedrijf", "id/organisatie/sw-bedrijven"), ("Ergon", "id/organisatie/ergon"),
    ]


def test_vocabulary_names_keep_their_concept(nlp):
    found = organisations(nlp, "De Stichting van de Arbeid en het onderzoeksbureau Regioplan.")
    assert [key for _, key, _, _ in found] == ["id/organisatie/stichting-van-de-arbeid", "id/organisatie/regioplan"]


def test_offsets_survive_letters_that_lower_case_to_two(nlp):
    found = organisations(nlp, "İstanbul en de gemeente Utrecht.")
    assert [(text, name) for text, _, name, _ in found] == [("gemeente Utrecht", "gemeente Utrecht")]


def test_a_name_with_its_kind_in_apposition(nlp):
    found = organisations(nlp, "Vanochtend meldde de krant dat Emco, het sociale werkbedrijf in Emmen, banen schrapt.")
    assert [(text, name, group) for text, _, name, group in found if name] == [
        ("Emco", "Emco", "id/organisatie/sociaal-ontwikkelbedrijven")]


def test_a_name_found_by_its_kind_word_is_that_organisation_when_repeated_bare(nlp):
    found = organisations(nlp, "De delegatie bezocht sw-bedrijf Ergon. Ergon voert de Wsw uit; bij Ergon werken velen. ERGON niet.")
    assert [(text, key) for text, key, _, _ in found] == [
        ("sw-bedrijf", "id/organisatie/sw-bedrijven"), ("Ergon", "id/organisatie/ergon"),
        ("Ergon", "id/organisatie/ergon"), ("Ergon", "id/organisatie/ergon"),
    ]


def test_only_names_of_the_listed_groups_are_read_when_repeated_bare(nlp):
    found = organisations(nlp, "Het onderzoeksbureau Bartels evalueerde. Bartels vond weinig. Dan de stichting Samen. Samen doen we meer.")
    assert [text for text, _, _, _ in found] == ["Bartels", "stichting Samen"]  # a foundation's name keeps its kind


def test_a_town_named_after_the_kind_word_is_not_the_company_when_repeated_bare(nlp):
    found = organisations(nlp, "Het sw-bedrijf Emmen krimpt. In Emmen werken velen.")
    assert [text for text, _, _, _ in found] == ["sw-bedrijf", "Emmen"]


def test_an_associations_name_may_hold_connectors_laws_and_instrument_words(nlp):
    doc = nlp("Brieven van de Landelijke Vereniging van Wsw-Cliëntenraden, de Beroepsvereniging van Jobcoaches "
              "en Stichting Wajong Werkt Mee. De jobcoaches van UWV en het werkgeversservicepunt van de Drechtsteden.")
    found = sorted((s.start_char, s.text) for s in mentions(doc, "organisation"))
    assert [text for _, text in found] == ["Landelijke Vereniging van Wsw-Cliëntenraden", "Beroepsvereniging van Jobcoaches",
                                           "Stichting Wajong Werkt Mee", "UWV", "werkgeversservicepunt"]
    # the law inside a legal name is still a mention of the law; an instrument word inside it is the name's
    assert [s.text for s in mentions(doc, "law")] == ["Wsw", "Wajong"]
    assert [s.text for s in mentions(doc, "instrument")] == ["jobcoaches"]


def test_a_region_named_after_the_rijk_is_not_the_rijk(nlp):
    doc = nlp("Werkbedrijf Rijk van Nijmegen plaatst mensen; het Rijk betaalt.")
    assert [s.text for s in mentions(doc, "organisation") if s.kb_id_ == "id/organisatie/rijksoverheid"] == ["Rijk"]
    assert [s.start_char for s in mentions(doc, "organisation") if s.text == "Rijk"] == [50]


def test_a_company_is_named_with_its_legal_form(nlp):
    found = organisations(nlp, "Het contract ging naar Werkpad Reïntegratie BV. En Groenwerk Oost B.V. en Soweco NV volgen.")
    assert [name for _, _, name, _ in found] == ["Werkpad Reïntegratie BV", "Groenwerk Oost B.V.", "Soweco NV"]


def test_a_sociale_dienst_is_named_with_its_kind(nlp):
    found = organisations(nlp, "De directeur van de Sociale Dienst Drechtsteden en de ISD Bollenstreek spraken.")
    assert [(name, group) for _, _, name, group in found] == [
        ("Sociale Dienst Drechtsteden", "id/organisatie/sociale-dienst"),
        ("ISD Bollenstreek", "id/organisatie/sociale-dienst"),
    ]


def test_after_the_plural_gemeenten_a_name_must_be_a_municipality(nlp):
    """'gemeenten Suwinet-Inkijk gebruiken': the verb's object, no municipality."""
    found = organisations(nlp, "Wij willen dat gemeenten Suwinet-Inkijk gebruiken, zoals de gemeenten Venlo en Zaanstad.")
    assert [name for _, _, name, _ in found if name] == ["gemeente Venlo", "gemeente Zaanstad"]


def test_an_eerste_kamer_fractie_named_after_its_leader_is_a_party(nlp):
    doc = nlp("De leden van de BBB-fractie en het lid Nanninga (Fractie-Nanninga) vragen. De fractie van de PvdA.")
    assert [(s.text, s.kb_id_) for s in mentions(doc, "party") if s.kb_id_.startswith("id/partij/fractie-")] == [
        ("Fractie-Nanninga", "id/partij/fractie-nanninga")]
