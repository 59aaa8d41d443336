"""What a reader found in a document's form rather than its prose (``kg.readers.contract``).

The persons of a metadata block become mentions with their party: the indiener is the work's
``dcterms:creator``, medeindieners are ``kg:coSubmitter``, answerers create the answers. The page a
file was saved from is the item's ``dcterms:source``: it is where these bytes came from.
"""

from __future__ import annotations

import re

from pyoxigraph import Literal, NamedNode

from kg.extractors.base import reader_facts
from kg.rdf.graph import DocumentGraph, dutch
from kg.rdf.labels import party_paths
from kg.rdf.nif import phrase, sentence_at
from kg.rdf.persons import person
from kg.vocab import DCTERMS, KGV, NIF, RDF

_URL = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")


def _line_around(raw: str, start: int, end: int) -> tuple[int, int]:
    """The stripped line of ``raw`` holding ``start:end``: the mention's sentence in a metadata block."""
    line_start = raw.rfind("\n", 0, start) + 1
    line_end = raw.find("\n", end)
    line_end = len(raw) if line_end < 0 else line_end
    line = raw[line_start:line_end]
    line_start += len(line) - len(line.lstrip())
    return line_start, line_start + len(line.strip())


def write_reader_facts(g: DocumentGraph) -> None:
    facts = reader_facts(g.doc)
    answers = [q.subject for q in g.quads if q.predicate == RDF.type and q.object == KGV.Answer]
    raw = g.source.raw
    from kg.extractors.persons import plausible_name

    for found in facts.get("persons") or []:
        name = " ".join(str(found.get("name") or "").split())
        if not name or not plausible_name(name):
            continue  # a ministry or a role split off a metadata line is no person
        attrs = {"party": party_paths().get(str(found.get("party") or "").casefold())}
        if found.get("post"):
            attrs["role"] = found["post"]
        entity = person(g, name, attrs)
        g.add(g.work, KGV.mentions, entity)
        role = found.get("role")
        if role == "indiener":
            g.add(g.work, DCTERMS.creator, entity)
        elif role == "medeindiener":
            g.add(g.work, KGV.coSubmitter, entity)
            g.add(g.work, DCTERMS.contributor, entity)
        elif role == "beantwoorder":
            for answer in answers:
                g.add(answer, DCTERMS.creator, entity)
        start, end = found.get("start"), found.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(raw):
            line_start, line_end = _line_around(raw, start, end)
            sentence = sentence_at(g, line_start, line_end, " ".join(raw[line_start:line_end].split()))
            surface = dutch(name) if (start, end) == (line_start, line_end) else Literal(name)  # one node, one form
            g.add(phrase(g, start, end, surface, entity, "person"), NIF.sentence, sentence)
    for source in facts.get("sources") or []:
        url = str(source.get("url") or "")
        if _URL.match(url):
            g.add(g.item, DCTERMS.source, NamedNode(url))
