"""Numbered questions and answers, minted under the work (``id/{work}/vraag/3``), with Dutch texts."""

from __future__ import annotations

import re

from pyoxigraph import NamedNode

from kg.extractors.base import mentions, span_attrs
from kg.rdf.graph import DocumentGraph, count, dutch
from kg.rdf.persons import person
from kg.vocab import DCTERMS, KGV, RDF, SCHEMA

_MINISTERIAL_ROLES = {"minister", "staatssecretaris"}
_QA_HEADING = re.compile(r"^\s*(?:(?:vraag|vragen|antwoord(?:en)?)\b[^\n]*|\d+[.)]?[ \t]*)\n", re.IGNORECASE)


def body(text: str) -> str:
    """A question's or answer's text without its heading line ("Vraag 3", "Antwoord 3 & 4", "12")."""
    return " ".join(_QA_HEADING.sub("", text, count=1).split())


def write_questions(g: DocumentGraph) -> None:
    questions: dict[int, NamedNode] = {}
    first_question = None
    questioner = g.facts.get("questioner")
    for span in mentions(g.doc, "question"):
        first_question = span.start_char if first_question is None else min(first_question, span.start_char)
        for number in span_attrs(span).get("numbers") or []:
            node = questions[number] = g.local(f"vraag/{number}")
            g.add(node, RDF.type, KGV.Question)
            g.add(node, RDF.type, SCHEMA.Question)
            g.add(node, KGV.number, count(number))
            g.add(node, DCTERMS.isPartOf, g.work)
            g.add(node, SCHEMA.text, dutch(body(span.text)))
            if questioner:
                g.add(node, KGV.questioner, person(g, questioner))
    answerers = [
        span
        for span in mentions(g.doc, "person")
        if str(span_attrs(span).get("role", "")).casefold() in _MINISTERIAL_ROLES
        and (first_question is None or span.start_char < first_question or span_attrs(span).get("signatory"))
    ]
    for span in mentions(g.doc, "answer"):
        numbers = span_attrs(span).get("numbers") or []
        if not numbers:
            continue
        node = g.local(f"antwoord/{'-'.join(str(n) for n in numbers)}")
        g.add(node, RDF.type, KGV.Answer)
        g.add(node, RDF.type, SCHEMA.Answer)
        g.add(node, DCTERMS.isPartOf, g.work)
        g.add(node, SCHEMA.text, dutch(body(span.text)))
        for number in numbers:
            g.add(node, KGV.answers, questions.get(number) or g.local(f"vraag/{number}"))
        for answerer in answerers:
            attrs = span_attrs(answerer)
            g.add(node, DCTERMS.creator, person(g, attrs.get("name") or answerer.text, attrs))
