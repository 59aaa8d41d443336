"""The data behind kg's HTML pages, shared by ``kg serve`` and ``kg publish``.

Views read the store with bounded ``GRAPH ?g`` queries (see :mod:`kg.web.describe`) and return plain
dataclasses; templates only lay them out. A read-only store never changes under a running server,
so results are cached for its lifetime.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode

from kg.output import shorten
from kg.vocab import ITSRDF, NIF, RDF, SKOS
from kg.web import describe
from kg.web.home import HomePages
from kg.web.links import Link, Linker, Site

#: A text's ``nif:sourceUrl`` is the document, or the item (file) of it: ``kg:itemOf?`` reaches the document either way.
TEXT_OF = "nif:sourceUrl/kg:itemOf?"
#: Statements shown on a page as mentions or text, not as links.
_MENTION_PREDICATES = (ITSRDF.taIdentRef, NIF.referenceContext, NIF.sourceUrl)


@dataclass(frozen=True)
class Value:
    """An object of a statement: a link, or a literal's text; ``graphs`` are where the statement comes from."""

    link: Link | None
    text: str
    graphs: tuple[Link, ...]
    language: str = ""
    datatype: str = ""


@dataclass(frozen=True)
class Evidence:
    """A sentence with the mention cut out, so the page can highlight it."""

    before: str
    mark: str
    after: str


@dataclass
class DocumentMentions:
    document: Link
    date: str
    count: int
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True)
class TextPart:
    text: str
    link: Link | None = None


@dataclass
class EntityPage:
    iri: str
    label: str
    types: list[Link]
    definition: str
    facts: list[tuple[Link, list[Value]]]
    incoming: list[tuple[Link, list[tuple[Link, tuple[Link, ...]]]]]
    mentions: list[DocumentMentions]
    mention_total: int
    text: list[TextPart] | None
    text_source: str
    cites: list[Link]
    cited_by: list[Link]
    truncated: bool


def _one_line(text: str) -> str:
    """Collapse runs of white space but keep one at either end, so cut-out pieces join up again."""
    if not text:
        return ""
    inner = " ".join(text.split())
    return (" " if text[0].isspace() else "") + inner + (" " if text[-1].isspace() and inner else "")


class EntityPages:
    """The page of one resource: statements, links in, mentions with evidence, and for a document its citations and text."""

    def __init__(self, linker: Linker, *, max_links: int, max_mentions: int) -> None:
        self.linker, self.store, self.site = linker, linker.store, linker.site
        self.max_links, self.max_mentions = max_links, max_mentions

    def page(self, iri: str) -> EntityPage | None:
        node = NamedNode(iri)
        if not describe.exists(self.store, node):
            return None
        own = describe.statements(self.store, node, limit=self.max_links * 5)
        inbound = describe.incoming(self.store, node, limit=self.max_links, skip=_MENTION_PREDICATES)
        linked = {q.object.value for q in own if isinstance(q.object, NamedNode)}
        linked |= {q.predicate.value for q in own + inbound} | {q.subject.value for q in inbound if isinstance(q.subject, NamedNode)}
        links = self.linker.links(linked | {iri})
        label = describe.labels(self.store, [iri]).get(iri) or self.site.short(iri)

        types = [links[t] for t in dict.fromkeys(q.object.value for q in own if q.predicate == RDF.type and isinstance(q.object, NamedNode))]
        definition = next((q.object.value for q in own if q.predicate == SKOS.definition), "")
        facts: dict[str, list[Value]] = {}
        grouped: dict[tuple, set] = {}
        for quad in own:
            if quad.predicate == RDF.type:
                continue
            grouped.setdefault((quad.predicate.value, quad.object), set()).add(quad.graph_name)
        for (predicate, obj), graphs in grouped.items():
            graph_links = tuple(sorted((self.linker.graph_link(g) for g in graphs), key=lambda l: l.label))
            if isinstance(obj, NamedNode):
                value = Value(links[obj.value], links[obj.value].label, graph_links)
            elif isinstance(obj, Literal):
                datatype = "" if obj.language else shorten(obj.datatype)
                value = Value(None, obj.value, graph_links, obj.language or "", "" if datatype == "xsd:string" else datatype)
            else:
                value = Value(None, str(obj), graph_links)
            facts.setdefault(predicate, []).append(value)
        fact_list = [(links[p], sorted(values, key=lambda v: v.text.lower())) for p, values in facts.items()]
        fact_list.sort(key=lambda item: item[0].label.lower())

        by_predicate: dict[str, dict[str, set]] = {}
        for quad in inbound:
            if isinstance(quad.subject, NamedNode):
                by_predicate.setdefault(quad.predicate.value, {}).setdefault(quad.subject.value, set()).add(quad.graph_name)
        incoming_list = [
            (links[p], sorted(((links[s], tuple(self.linker.graph_link(g) for g in graphs)) for s, graphs in subjects.items()),
                              key=lambda item: item[0].label.lower()))
            for p, subjects in sorted(by_predicate.items())
        ]

        mentions, total = self._mentions(node)
        text, text_source = self._text(node)
        cites, cited_by = self._citations(node)
        return EntityPage(
            iri, label, types, definition, fact_list, incoming_list, mentions, total, text, text_source,
            cites, cited_by, truncated=len(own) >= self.max_links * 5 or len(inbound) >= self.max_links,
        )

    def _mentions(self, entity: NamedNode) -> tuple[list[DocumentMentions], int]:
        """Documents mentioning ``entity``, each with its evidence sentences (the mention cut out by its NIF offsets)."""
        total = 0
        for row in self.store.query(
            f"SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE {{ GRAPH ?g {{ ?m itsrdf:taIdentRef {entity} }} }}"
        ):
            total = int(row["n"].value)
        if not total:
            return [], 0
        rows = self.store.query(
            f"""SELECT DISTINCT ?doc ?m ?b ?e ?from ?snippet WHERE {{
                  GRAPH ?g {{ ?m itsrdf:taIdentRef {entity} ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:referenceContext ?ctx .
                              OPTIONAL {{ ?m nif:sentence ?s . ?s nif:beginIndex ?sb ; nif:endIndex ?se }} }}
                  GRAPH ?g2 {{ ?ctx nif:sourceUrl ?source ; nif:isString ?text }}
                  OPTIONAL {{ GRAPH ?g3 {{ ?source kg:itemOf ?work }} }}
                  BIND(COALESCE(?work, ?source) AS ?doc)
                  BIND(COALESCE(?sb, ?b) AS ?from)
                  BIND(SUBSTR(?text, ?from + 1, COALESCE(?se, ?e) - ?from) AS ?snippet)
                }} ORDER BY ?doc ?b ?m LIMIT {self.max_mentions}"""
        )
        per_document: dict[str, list[Evidence]] = {}
        counts: dict[str, int] = {}
        for row in rows:
            document = row["doc"].value
            counts[document] = counts.get(document, 0) + 1
            begin, end, start = (int(row[k].value) for k in ("b", "e", "from"))
            snippet = row["snippet"].value
            cut_from, cut_to = begin - start, end - start
            if 0 <= cut_from <= cut_to <= len(snippet):
                evidence = Evidence(_one_line(snippet[:cut_from]), _one_line(snippet[cut_from:cut_to]), _one_line(snippet[cut_to:]))
            else:  # offsets that do not fit the text: show the sentence, unhighlighted
                evidence = Evidence(_one_line(snippet), "", "")
            examples = per_document.setdefault(document, [])
            if len(examples) < 5 and evidence not in examples:
                examples.append(evidence)
        links = self.linker.links(per_document)
        dates = self.linker.dates(per_document)
        result = [DocumentMentions(links[d], dates.get(d, ""), counts[d], ev) for d, ev in per_document.items()]
        result.sort(key=lambda m: (m.date, m.document.label), reverse=True)
        return result, total

    def _text(self, document: NamedNode) -> tuple[list[TextPart] | None, str]:
        """The document's text (its NIF context) cut into plain parts and links for each entity mention."""
        context, text = None, None
        for row in self.store.query(
            f"SELECT ?ctx ?text WHERE {{ GRAPH ?g {{ ?ctx {TEXT_OF} {document} ; nif:isString ?text }} }} ORDER BY ?ctx LIMIT 1"
        ):
            context, text = row["ctx"], row["text"].value
        if context is None:
            return None, ""
        spans = [
            (int(row["b"].value), int(row["e"].value), row["entity"].value)
            for row in self.store.query(
                f"SELECT DISTINCT ?b ?e ?entity WHERE {{ GRAPH ?g {{ ?m nif:referenceContext {context} ; itsrdf:taIdentRef ?entity ;"
                " nif:beginIndex ?b ; nif:endIndex ?e } } ORDER BY ?b DESC(?e)"
            )
        ]
        links = self.linker.links(entity for _, _, entity in spans)
        parts: list[TextPart] = []
        position = 0
        for begin, end, entity in spans:
            if begin < position or end > len(text):
                continue  # overlapping or out-of-range mentions: keep the first, longest one
            parts.append(TextPart(text[position:begin]))
            parts.append(TextPart(text[begin:end], links[entity]))
            position = end
        parts.append(TextPart(text[position:]))
        return parts, context.value

    def _citations(self, node: NamedNode) -> tuple[list[Link], list[Link]]:
        """Kamerstukken this one cites, and those citing it (a document's own number is not a citation)."""
        def citations(pattern: str, variable: str):
            return self.store.query(
                f"SELECT DISTINCT ?{variable} WHERE {{ BIND({node} AS ?self) GRAPH ?g {{ {pattern} }} FILTER(?{variable} != ?self)"
                f" FILTER NOT EXISTS {{ GRAPH ?g3 {{ ?{variable} dcterms:identifier ?id }} GRAPH ?g4 {{ ?self dcterms:identifier ?id }} }} }}"
                f" ORDER BY ?{variable} LIMIT {self.max_links}"
            )

        out = citations(f"{node} dcterms:references ?cited", "cited")
        into = citations(f"?citing dcterms:references {node}", "citing")
        cites = [row["cited"].value for row in out]
        cited_by = [row["citing"].value for row in into]
        links = self.linker.links(cites + cited_by)
        return [links[i] for i in cites], [links[i] for i in cited_by]

    # -- home and search --------------------------------------------------------------------------


class Views:
    """Every page's data for one store and site, cached: ``entity(iri)``, ``home()``, ``search(text)``."""

    def __init__(self, store, site: Site, *, max_links: int = 200, max_mentions: int = 300) -> None:
        self.store, self.site = store, site
        self.linker = Linker(store, site)
        entities = EntityPages(self.linker, max_links=max_links, max_mentions=max_mentions)
        homes = HomePages(self.linker)
        self.entity = functools.lru_cache(maxsize=2048)(entities.page)
        self.home = functools.lru_cache(maxsize=1)(homes.home)
        self.search = functools.lru_cache(maxsize=512)(homes.search)
        self.links, self.types_of = self.linker.links, self.linker.types_of


__all__ = ["Views", "Site", "Link", "EntityPage"]
