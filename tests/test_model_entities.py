"""kg_model_entities: PERSON/ORG entities of a model become mentions where kg found nothing."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.extractors import model_entities  # noqa: F401  (registers kg_model_entities)
from kg.extractors.base import add_mention, mentions, span_attrs


@pytest.fixture()
def nlp():
    nlp = spacy.blank("nl")
    nlp.add_pipe("ner")  # never run: only its presence matters
    nlp.add_pipe("kg_model_entities")
    return nlp


def with_ents(nlp, words, ents):
    return Doc(nlp.vocab, words=words, ents=ents)


def test_person_and_org_added_with_names(nlp):
    words = ["Volgens", "Astrid", "Hendriks", "werkt", "Randstad", "Groep", "Nederland", "samen", "met", "UWV", "."]
    ents = ["O", "B-PERSON", "I-PERSON", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "B-ORG", "O"]
    doc = with_ents(nlp, words, ents)
    add_mention(doc, "organisation", doc[9:10], "id/organisatie/uwv")
    doc = nlp.get_pipe("kg_model_entities")(doc)
    [person] = mentions(doc, "person")
    assert person.text == "Astrid Hendriks" and span_attrs(person) == {"name": "Astrid Hendriks"}
    orgs = {(s.text, s.kb_id_, span_attrs(s).get("name")) for s in mentions(doc, "organisation")}
    assert orgs == {("UWV", "id/organisatie/uwv", None), ("Randstad Groep Nederland", "", "Randstad Groep Nederland")}


def test_entities_covered_by_kg_are_skipped(nlp):
    words = ["Minister", "Koolmees", "en", "de", "VVD", "."]
    doc = with_ents(nlp, words, ["O", "B-PERSON", "O", "O", "B-ORG", "O"])
    add_mention(doc, "person", doc[1:2], name="Koolmees", role="Minister")
    add_mention(doc, "party", doc[4:5], "id/partij/vvd")
    doc = nlp.get_pipe("kg_model_entities")(doc)
    assert len(mentions(doc, "person")) == 1 and mentions(doc, "organisation") == []


def test_titles_are_dropped_from_person_names(nlp):
    doc = with_ents(nlp, ["mevrouw", "Oudejans", "zegt"], ["B-PERSON", "I-PERSON", "O"])
    doc = nlp.get_pipe("kg_model_entities")(doc)
    assert [span_attrs(s)["name"] for s in mentions(doc, "person")] == ["Oudejans"]


@pytest.mark.parametrize(
    ("words", "ents"),
    [
        (["de", "gemeente", "zegt"], ["O", "B-ORG", "O"]),  # one lower-case word
        (["artikel", "34", "352"], ["B-ORG", "I-ORG", "I-ORG"]),  # digits
        (["De", "Raad", "van", "de", "Grote", "Stad", "Nu", "Hier"], ["B-ORG"] + ["I-ORG"] * 7),  # too long
        (["Jan", "zegt"], ["B-GPE", "O"]),  # other labels are ignored
    ],
)
def test_junk_is_filtered(nlp, words, ents):
    doc = nlp.get_pipe("kg_model_entities")(with_ents(nlp, words, ents))
    assert mentions(doc, "person") == [] and mentions(doc, "organisation") == []


def test_no_op_without_ner_or_entities():
    blank = spacy.blank("nl")
    component = blank.add_pipe("kg_model_entities")
    doc = Doc(blank.vocab, words=["Astrid", "Hendriks"], ents=["B-PERSON", "I-PERSON"])
    assert mentions(component(doc), "person") == []
    nlp = spacy.blank("nl")
    nlp.add_pipe("ner")
    doc = Doc(nlp.vocab, words=["Astrid", "Hendriks"])
    assert mentions(nlp.add_pipe("kg_model_entities")(doc), "person") == []
