"""The state shared by the writer modules: one document's identity, its named graph and its quads."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import datetime

from pyoxigraph import Literal, NamedNode, Quad

from kg import __version__
from kg.extractors.base import document_facts
from kg.pipeline import PipelineInfo
from kg.readers.contract import CleanedText, SourceText
from kg.vocab import XSD, Minter, build_key, item_scope, work_scope

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_KAMERSTUK_ID = re.compile(r"^(?P<dossier>[0-9]{4,6}(?:-[A-Z0-9]+)?)-(?P<number>[0-9A-Z]+)$")


def count(value: int) -> Literal:
    """An offset or count: NIF and kg declare them ``xsd:nonNegativeInteger``."""
    return Literal(str(value), datatype=XSD.nonNegativeInteger)


def dutch(text: str) -> Literal:
    return Literal(text, language="nl")


def joint_groups(identifiers: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """Group the ids of one joint Kamerstuk: ``['28719-59', '30982-59']`` -> ``[('28719-59', ('28719', '30982'))]``.

    A Kamerstuk printed for several dossiers at once ("28 719 en 30 982, nr. 59") is one document
    with one id (KOOP's: the first dossier's) that is part of each dossier. Ids that share their number
    but not their dossier are such a group; the first one is the id, the dossiers are listed in order.
    Handelingen and Aanhangsel ids form groups of one.
    """
    groups: list[tuple[str, list[str]]] = []
    by_number: dict[str, int] = {}
    for identifier in identifiers:
        match = _KAMERSTUK_ID.match(identifier)
        if not match:
            groups.append((identifier, []))
            continue
        index = by_number.get(match["number"])
        if index is not None and match["dossier"] not in groups[index][1]:
            groups[index][1].append(match["dossier"])
            continue
        by_number[match["number"]] = len(groups)
        groups.append((identifier, [match["dossier"]]))
    return [(identifier, tuple(dossiers)) for identifier, dossiers in groups]


class DocumentGraph:
    """One document's identity (work, item, scope, graph) and the quads written so far."""

    def __init__(
        self,
        source: SourceText,
        cleaned: CleanedText,
        doc,
        info: PipelineInfo,
        minter: Minter,
        started: datetime,
        ended: datetime,
    ) -> None:
        self.source, self.cleaned, self.doc, self.info, self.mint = source, cleaned, doc, info, minter
        self.started, self.ended = started, ended
        self.facts = document_facts(doc)
        own = [i for i in self.facts.get("identifiers") or [] if i]
        self.own_groups = joint_groups(own)
        self.own_ids = set(own)
        self.identifier = self.own_groups[0][0] if self.own_groups else None
        self.scope = work_scope(self.identifier, source.sha256)
        self.graph = minter.document_graph(self.scope, source.sha256)
        self.work = minter.work(self.scope)
        self.item = minter.item(source.sha256)
        self.context = minter.text(self.scope, source.sha256)
        self.activity = minter.activity(build_key(source.sha256, __version__, info.model))
        date = str(self.facts.get("date") or "")
        self.date = date if _ISO_DATE.match(date) else None
        self.quads: set[Quad] = set()
        self.entities: dict[str, set[NamedNode]] = defaultdict(set)
        self.sentences: dict[tuple[int, int], NamedNode | None] = {}  # kg.rdf.nif's, by char offsets
        self.sentence_starts: list[int] | bool | None = None  # kg.rdf.nif's, read on first use
        self.people: dict | None = None  # fuller names per surname, filled by kg.rdf.persons on first use

    def add(self, s: NamedNode, p: NamedNode, o) -> None:
        self.quads.add(Quad(s, p, o, self.graph))

    def iri(self, path: str) -> NamedNode:
        """An IRI under the base (``'id/partij/sp'``)."""
        return self.mint.iri(path)

    def local(self, path: str) -> NamedNode:
        """An IRI minted under this document's work: ``id/{scope}/{path}``."""
        return self.mint.iri(f"id/{self.scope}/{path}")

    def derived(self, path: str) -> NamedNode:
        """An IRI for a claim derived from this item's text (``id/{scope}/{hash}/{path}``): two
        printings of one work make two claims, each with its own evidence."""
        return self.mint.iri(f"id/{item_scope(self.scope, self.source.sha256)}/{path}")

    def text_node(self, start: int, end: int) -> NamedNode:
        return self.mint.text(self.scope, self.source.sha256, start, end)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        return self.cleaned.raw_span(start, end)
