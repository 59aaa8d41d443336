"""The data behind kg's HTML pages (entity, document, home, search), shared by ``kg serve`` and ``kg publish``.

Views read the store with bounded ``GRAPH ?g`` queries (see :mod:`kg.web.describe`) and return plain
dataclasses; templates only lay them out. A read-only store never changes under a running server,
so results are cached for its lifetime.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode

from kg.output import shorten
from kg.vocab import DCTERMS, ITSRDF, NIF, PREFIXES, RDF, SKOS
from kg.web import describe

#: A text's ``nif:sourceUrl`` is the document, or the item (file) of it: ``kg:itemOf?`` reaches the document either way.
TEXT_OF = "nif:sourceUrl/kg:itemOf?"
#: Entry-point classes on the home page: (heading, class IRIs whose members are ranked by mentions).
ENTRY_CLASSES = (
    ("Instrumenten", (PREFIXES["kg"] + "Instrument",)),
    ("Organisaties", (PREFIXES["org"] + "Organization",)),
    ("Personen", (PREFIXES["foaf"] + "Person",)),
    ("Wetten", (PREFIXES["kg"] + "Law",)),
)
#: Statements shown on a page as mentions or text, not as links.
_MENTION_PREDICATES = (ITSRDF.taIdentRef, NIF.referenceContext, NIF.sourceUrl)


@dataclass(frozen=True)
class Site:
    """Where pages live: ``root`` prefixes local links; a static site adds ``.html`` and links only ``id/`` pages."""

    base: str
    root: str = "/"
    suffix: str = ""
    static: bool = False

    def href(self, iri: str) -> str | None:
        if iri.startswith(self.base):
            path = iri[len(self.base):].split("#", 1)[0]
            if path.startswith("id/"):
                return f"{self.root}doc/{path[3:]}{self.suffix}"
            return None if self.static else f"{self.root}{path}"
        return iri if iri.startswith(("http://", "https://")) else None

    def url(self, path: str) -> str:
        return f"{self.root}{path}"

    def short(self, iri: str) -> str:
        """An IRI as a reader scans it: the path under the base (``kamerstuk/29544-1101``), else prefixed."""
        if iri.startswith(self.base):
            path = iri[len(self.base):]
            return path[3:] if path.startswith("id/") else path
        return shorten(NamedNode(iri))


@dataclass(frozen=True)
class Link:
    label: str
    iri: str
    href: str | None
    external: bool = False


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


class Views:
    """Page data for one read-only store; every method is cached (the store cannot change)."""

    def __init__(self, store, site: Site, *, max_links: int = 200, max_mentions: int = 300) -> None:
        self.store, self.site = store, site
        self.max_links, self.max_mentions = max_links, max_mentions
        self.entity = functools.lru_cache(maxsize=2048)(self._entity)
        self.home = functools.lru_cache(maxsize=1)(self._home)
        self.search = functools.lru_cache(maxsize=512)(self._search)
        self._graphs = functools.lru_cache(maxsize=1)(self._graph_links)

    # -- links ------------------------------------------------------------------------------------

    def link(self, iri: str, labels: dict[str, str]) -> Link:
        href = self.site.href(iri)
        label = labels.get(iri) or self.site.short(iri)
        return Link(label, iri, href, external=bool(href) and not iri.startswith(self.site.base))

    def links(self, iris) -> dict[str, Link]:
        iris = set(iris)
        labels = describe.labels(self.store, iris)
        return {iri: self.link(iri, labels) for iri in iris}

    def _graph_links(self) -> dict[str, Link]:
        """Named graph -> link to the document it was read from (or the graph's own name)."""
        found: dict[str, Link] = {}
        rows = self.store.query(
            "SELECT ?g ?doc ?src WHERE { GRAPH ?g { ?g kg:sourceFile ?src OPTIONAL { ?file kg:sourceFile ?src ; a ?type "
            "FILTER(?type IN (kg:Document, kg:Item)) OPTIONAL { ?file kg:itemOf ?work } } } BIND(COALESCE(?work, ?file) AS ?doc) }"
        )
        for row in rows:
            graph = row["g"].value
            if row["doc"] is not None:
                found[graph] = Link(row["src"].value, row["doc"].value, self.site.href(row["doc"].value))
            else:
                found.setdefault(graph, Link(row["src"].value, graph, None))
        for graph in self.store.store.named_graphs():
            if isinstance(graph, NamedNode) and graph.value not in found:
                found[graph.value] = Link(graph.value.rstrip("/").rsplit("/", 1)[-1], graph.value, None)
        return found

    def graph_link(self, graph) -> Link:
        return self._graphs().get(graph.value) or Link(shorten(graph), graph.value, None)

    # -- entity and document pages ----------------------------------------------------------------

    def _entity(self, iri: str) -> EntityPage | None:
        node = NamedNode(iri)
        if not describe.exists(self.store, node):
            return None
        own = describe.statements(self.store, node, limit=self.max_links * 5)
        inbound = describe.incoming(self.store, node, limit=self.max_links, skip=_MENTION_PREDICATES)
        linked = {q.object.value for q in own if isinstance(q.object, NamedNode)}
        linked |= {q.predicate.value for q in own + inbound} | {q.subject.value for q in inbound if isinstance(q.subject, NamedNode)}
        links = self.links(linked | {iri})
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
            graph_links = tuple(sorted((self.graph_link(g) for g in graphs), key=lambda l: l.label))
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
            (links[p], sorted(((links[s], tuple(self.graph_link(g) for g in graphs)) for s, graphs in subjects.items()),
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
        links = self.links(per_document)
        dates = self._dates(per_document)
        result = [DocumentMentions(links[d], dates.get(d, ""), counts[d], ev) for d, ev in per_document.items()]
        result.sort(key=lambda m: (m.date, m.document.label), reverse=True)
        return result, total

    def _dates(self, iris) -> dict[str, str]:
        dates: dict[str, str] = {}
        for quad in describe.named_quads(self.store, iris, (DCTERMS.date,)):
            subject = quad.subject.value
            dates[subject] = min(dates.get(subject, quad.object.value), quad.object.value)
        return dates

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
        links = self.links(entity for _, _, entity in spans)
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
        links = self.links(cites + cited_by)
        return [links[i] for i in cites], [links[i] for i in cited_by]

    # -- home and search --------------------------------------------------------------------------

    def _home(self) -> dict:
        numbers: dict[str, int] = {}
        for row in self.store.query(
            "SELECT ?p ?n WHERE { GRAPH ?g { ?ds a void:Dataset ; ?p ?n } VALUES ?p { void:triples void:entities void:distinctSubjects } }"
        ):
            numbers[shorten(row["p"])] = int(row["n"].value)
        classes = {
            row["c"].value: int(row["n"].value)
            for row in self.store.query(
                "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?c } "
                "VALUES ?c { kg:Document kg:Kamerstuk kg:ParliamentaryDocument foaf:Person org:Organization kg:Instrument kg:Law"
                " opengov:Motion } } GROUP BY ?c"
            )
        }
        counted = self.links(classes)
        class_counts = sorted(((counted[c], n) for c, n in classes.items()), key=lambda item: -item[1])

        most_cited = [
            (row["k"].value, int(row["n"].value))
            for row in self.store.query(
                "SELECT ?k (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?g { ?d dcterms:references ?k } "
                "FILTER(?d != ?k) FILTER NOT EXISTS { GRAPH ?g3 { ?d dcterms:identifier ?id } GRAPH ?g4 { ?k dcterms:identifier ?id } } } "
                "GROUP BY ?k ORDER BY DESC(?n) ?k LIMIT 10"
            )
        ]
        sections = []
        for heading, class_iris in ENTRY_CLASSES:
            values = " ".join(str(NamedNode(c)) for c in class_iris)
            ranked = [
                (row["e"].value, int(row["n"].value))
                for row in self.store.query(
                    f"SELECT ?e (COUNT(DISTINCT ?m) AS ?n) WHERE {{ VALUES ?c {{ {values} }} GRAPH ?g {{ ?m itsrdf:taIdentRef ?e }} "
                    f"FILTER EXISTS {{ GRAPH ?g2 {{ ?e a ?c }} }} }} GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT 12"
                )
            ]
            links = self.links(e for e, _ in ranked)
            sections.append((heading, [(links[e], n) for e, n in ranked]))
        recent_rows = [
            (row["d"].value, row["date"].value)
            for row in self.store.query(
                "SELECT ?d (MIN(STR(?date)) AS ?date) WHERE { GRAPH ?g { ?d a kg:Document ; dcterms:date ?date } } "
                "GROUP BY ?d ORDER BY DESC(?date) ?d LIMIT 10"
            )
        ]
        links = self.links([k for k, _ in most_cited] + [d for d, _ in recent_rows])
        titles = self._titles([d for d, _ in recent_rows] + [k for k, _ in most_cited])
        return {
            "numbers": numbers,
            "classes": class_counts,
            "most_cited": [(links[k], titles.get(k, ""), n) for k, n in most_cited],
            "sections": sections,
            "recent": [(links[d], titles.get(d, ""), date) for d, date in recent_rows],
        }

    def _titles(self, iris) -> dict[str, str]:
        titles: dict[str, str] = {}
        for quad in sorted(describe.named_quads(self.store, set(iris), (DCTERMS.title,)), key=lambda q: q.object.value):
            titles.setdefault(quad.subject.value, " ".join(quad.object.value.split()))
        return titles

    def _search(self, text: str, limit: int = 50) -> list[tuple[Link, str, list[Link]]]:
        """Resources under the base whose label, alias or identifier contains ``text`` (exact matches first)."""
        needle = " ".join(text.split()).lower()
        if not needle:
            return []
        needle_term, base_term = Literal(needle), Literal(self.site.base + "id/")
        rows = self.store.query(
            f"""SELECT ?s (MIN(?rank) AS ?best) (SAMPLE(?l) AS ?matched) WHERE {{
                 VALUES ?p {{ skos:prefLabel skos:altLabel rdfs:label foaf:name dcterms:title dcterms:identifier }}
                 GRAPH ?g {{ ?s ?p ?l }}
                 FILTER(isIRI(?s) && STRSTARTS(STR(?s), {base_term}))
                 BIND(LCASE(STR(?l)) AS ?lower)
                 FILTER(CONTAINS(?lower, {needle_term}))
                 BIND(IF(?lower = {needle_term}, 0, IF(STRSTARTS(?lower, {needle_term}), 1, 2)) AS ?rank)
               }} GROUP BY ?s ORDER BY ?best ?s LIMIT {int(limit)}"""
        )
        hits = [(row["s"].value, row["matched"].value) for row in rows]
        links = self.links(iri for iri, _ in hits)
        types = self.types_of([iri for iri, _ in hits])
        return [(links[iri], matched, types.get(iri, [])) for iri, matched in hits]

    def types_of(self, iris) -> dict[str, list[Link]]:
        """The classes of each IRI, as links, sorted by class IRI."""
        pairs = sorted({(q.subject.value, q.object.value) for q in describe.named_quads(self.store, iris, (RDF.type,))},
                       key=lambda pair: pair[1])
        links = self.links(c for _, c in pairs)
        result: dict[str, list[Link]] = {}
        for subject, cls in pairs:
            result.setdefault(subject, []).append(links[cls])
        return result
