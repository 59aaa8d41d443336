"""kg_relations: actor-instrument pairs per sentence, verbs from the table or from a parse."""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.tokens import Doc

from kg.extractors import relations as relations_module  # noqa: F401  (registers kg_relations)
from kg.extractors.base import add_mention, relations
from kg.extractors.relations import lemma_from_parts

ACTORS = {"UWV": "id/organisatie/uwv", "gemeenten": "id/organisatie/gemeenten", "Gemeenten": "id/organisatie/gemeenten"}
INSTRUMENTS = {
    "IPS-trajecten": "id/instrument/ips",
    "IPS": "id/instrument/ips",
    "jobcoaching": "id/instrument/jobcoaching",
    "Jobcoaching": "id/instrument/jobcoaching",
    "jobcoaches": "id/instrument/jobcoaching",
    "loonkostensubsidie": "id/instrument/loonkostensubsidie",
    "re-integratietrajecten": "id/instrument/re-integratietrajecten",
    "Kandidatenverkenner": "id/instrument/kandidatenverkenner",
}


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    return nlp


def mark(doc):
    for category, table in (("organisation", ACTORS), ("instrument", INSTRUMENTS)):
        taken = []
        for surface in sorted(table, key=len, reverse=True):
            for match in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", doc.text):
                span = doc.char_span(*match.span())
                if span is not None and not any(s < span.end and span.start < e for s, e in taken):
                    taken.append((span.start, span.end))
                    add_mention(doc, category, span, table[surface])
    return doc


def run(nlp, text):
    return nlp.get_pipe("kg_relations")(mark(nlp(text))) if nlp.has_pipe("kg_relations") else relations_module.find_relations(mark(nlp(text)))


def verbs(doc):
    return [(r["actor"].text, r["instrument"].text, r["verb"]) for r in relations(doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sinds 2019 koopt UWV IPS-trajecten in voor mensen met psychische aandoeningen.", "inkopen"),
        ("UWV heeft in 2021 ruim 1.300 IPS-trajecten ingekocht.", "inkopen"),
        ("Ook steeds meer gemeenten zetten IPS in voor bijstandsgerechtigden.", "inzetten"),
        ("UWV verstrekt jobcoaching aan werkgevers van Wajongers.", "verstrekken"),
        ("Gemeenten bieden jobcoaches aan op basis van een eigen verordening.", "aanbieden"),
        ("UWV stelt jobcoaching beschikbaar aan werkgevers.", "beschikbaar stellen"),
        ("Jobcoaching wordt door UWV beschikbaar gesteld.", "beschikbaar stellen"),
        ("UWV voert de IPS-trajecten uit.", "uitvoeren"),
        ("UWV heeft de Kandidatenverkenner ontwikkeld.", "ontwikkelen"),
        ("Gemeenten financieren loonkostensubsidie uit het gemeentefonds.", "financieren"),
        ("Gemeenten gebruiken loonkostensubsidie.", "gebruiken"),
        ("UWV vergoedt jobcoaching.", "vergoeden"),
    ],
)
def test_rules_verbs(nlp, text, expected):
    [(_, _, verb)] = verbs(run(nlp, text))
    assert verb == expected


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("De Kandidatenverkenner van UWV werkt nog steeds onvoldoende.", "UWV"),
        ("Het kabinet stelt middelen beschikbaar aan gemeenten om IPS aan te bieden.", "gemeenten"),  # they receive
        ("UWV koopt in het kader van de wet IPS-trajecten.", "UWV"),  # 'in het kader': preposition, not particle
        ("UWV meldt: gemeenten kopen re-integratietrajecten in; wij zetten jobcoaching in.", "UWV"),
    ],
)
def test_no_verb_when_the_text_does_not_say_how(nlp, text, actor):
    found = [v for a, _, v in verbs(run(nlp, text)) if a == actor]
    assert found and all(v is None for v in found)


def test_one_relation_per_sentence_actor_instrument(nlp):
    doc = run(nlp, "UWV koopt IPS-trajecten in en UWV financiert IPS. Gemeenten zetten jobcoaching in.")
    keys = [(r["actor"].kb_id_, r["instrument"].kb_id_, r["sentence"].start) for r in relations(doc)]
    assert len(keys) == len(set(keys)) == 2
    assert relations(doc)[0]["verb"] in {"inkopen", "financieren"}
    assert relations(doc)[1]["sentence"].text == "Gemeenten zetten jobcoaching in."


def test_pairs_need_both_in_one_sentence(nlp):
    assert relations(run(nlp, "UWV is een uitvoeringsorganisatie. Jobcoaching helpt.")) == []
    assert relations(run(nlp, "Geen actoren of instrumenten hier.")) == []


def test_lemma_from_parts():
    assert lemma_from_parts("kopen", "in") == "inkopen"
    assert lemma_from_parts("stellen", "beschikbaar") == "beschikbaar stellen"
    assert lemma_from_parts("financieren", None) == "financieren"
    assert lemma_from_parts("halen", "op") == "ophalen"


def parsed(nlp, words, lemmas, heads, deps, pos):
    doc = Doc(nlp.vocab, words=words, lemmas=lemmas, heads=heads, deps=deps, pos=pos, sent_starts=[True] + [False] * (len(words) - 1))
    return doc


def test_parse_subject_and_particle(nlp):
    # UWV koopt scholing en IPS-trajecten in .
    words = ["UWV", "koopt", "scholing", "en", "IPS-trajecten", "in", "."]
    doc = parsed(
        nlp,
        words,
        lemmas=["UWV", "kopen", "scholing", "en", "IPS-traject", "in", "."],
        heads=[1, 1, 1, 4, 2, 1, 1],
        deps=["nsubj", "ROOT", "obj", "cc", "conj", "compound:prt", "punct"],
        pos=["PROPN", "VERB", "NOUN", "CCONJ", "NOUN", "ADP", "PUNCT"],
    )
    add_mention(doc, "organisation", doc[0:1], "id/organisatie/uwv")
    add_mention(doc, "instrument", doc[4:5], "id/instrument/ips")
    relations_module.find_relations(doc)
    assert verbs(doc) == [("UWV", "IPS-trajecten", "inkopen")]


def test_parse_passive_agent_and_unknown_verb(nlp):
    # Jobcoaching wordt door UWV opgehaald .   (a verb not in the table: lemma + particle)
    words = ["Jobcoaching", "wordt", "door", "UWV", "opgehaald", "."]
    doc = parsed(
        nlp,
        words,
        lemmas=["jobcoaching", "worden", "door", "UWV", "ophalen", "."],
        heads=[4, 4, 3, 4, 4, 4],
        deps=["nsubj:pass", "aux:pass", "case", "obl:agent", "ROOT", "punct"],
        pos=["NOUN", "AUX", "ADP", "PROPN", "VERB", "PUNCT"],
    )
    add_mention(doc, "organisation", doc[3:4], "id/organisatie/uwv")
    add_mention(doc, "instrument", doc[0:1], "id/instrument/jobcoaching")
    relations_module.find_relations(doc)
    assert verbs(doc) == [("UWV", "Jobcoaching", "ophalen")]


def test_parse_actor_not_subject_falls_back_to_no_verb(nlp):
    # De Kandidatenverkenner van UWV werkt .
    words = ["De", "Kandidatenverkenner", "van", "UWV", "werkt", "."]
    doc = parsed(
        nlp,
        words,
        lemmas=["de", "kandidatenverkenner", "van", "UWV", "werken", "."],
        heads=[1, 4, 3, 1, 4, 4],
        deps=["det", "nsubj", "case", "nmod", "ROOT", "punct"],
        pos=["DET", "NOUN", "ADP", "PROPN", "VERB", "PUNCT"],
    )
    add_mention(doc, "organisation", doc[3:4], "id/organisatie/uwv")
    add_mention(doc, "instrument", doc[1:2], "id/instrument/kandidatenverkenner")
    relations_module.find_relations(doc)
    assert verbs(doc) == [("UWV", "Kandidatenverkenner", None)]
