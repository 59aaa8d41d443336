"""Links between pages: where a resource's page lives, and the label, date, title and types a link shows.

Lookups go by index (:func:`kg.web.describe.named_quads`), since a page links to dozens of resources.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from pyoxigraph import NamedNode

from kg.output import shorten
from kg.vocab import DCTERMS, RDF
from kg.web import describe


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


class Linker:
    """Links to resources of one store, as one :class:`Site` places them."""

    def __init__(self, store, site: Site) -> None:
        self.store, self.site = store, site
        self._graphs = functools.lru_cache(maxsize=1)(self._graph_links)

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

    def dates(self, iris) -> dict[str, str]:
        dates: dict[str, str] = {}
        for quad in describe.named_quads(self.store, iris, (DCTERMS.date,)):
            subject = quad.subject.value
            dates[subject] = min(dates.get(subject, quad.object.value), quad.object.value)
        return dates

    def titles(self, iris) -> dict[str, str]:
        titles: dict[str, str] = {}
        for quad in sorted(describe.named_quads(self.store, set(iris), (DCTERMS.title,)), key=lambda q: q.object.value):
            titles.setdefault(quad.subject.value, " ".join(quad.object.value.split()))
        return titles

    def types_of(self, iris) -> dict[str, list[Link]]:
        """The classes of each IRI, as links, sorted by class IRI."""
        pairs = sorted({(q.subject.value, q.object.value) for q in describe.named_quads(self.store, iris, (RDF.type,))},
                       key=lambda pair: pair[1])
        links = self.links(c for _, c in pairs)
        result: dict[str, list[Link]] = {}
        for subject, cls in pairs:
            result.setdefault(subject, []).append(links[cls])
        return result
