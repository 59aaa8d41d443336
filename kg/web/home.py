"""The home page (the dataset's numbers and entry points) and the label search."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode

from kg.output import shorten
from kg.vocab import PREFIXES
from kg.web.links import Link, Linker

#: Entry-point classes on the home page: (heading, class IRIs whose members are ranked by mentions).
ENTRY_CLASSES = (
    ("Instrumenten", (PREFIXES["kg"] + "Instrument",)),
    ("Organisaties", (PREFIXES["org"] + "Organization",)),
    ("Personen", (PREFIXES["foaf"] + "Person",)),
    ("Wetten", (PREFIXES["kg"] + "Law",)),
)


class HomePages:
    """Home and search over one store; callers cache the results (a read-only store does not change)."""

    def __init__(self, linker: Linker) -> None:
        self.linker, self.store, self.site = linker, linker.store, linker.site

    def home(self) -> dict:
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
        counted = self.linker.links(classes)
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
            links = self.linker.links(e for e, _ in ranked)
            sections.append((heading, [(links[e], n) for e, n in ranked]))
        recent_rows = [
            (row["d"].value, row["date"].value)
            for row in self.store.query(
                "SELECT ?d (MIN(STR(?date)) AS ?date) WHERE { GRAPH ?g { ?d a kg:Document ; dcterms:date ?date } } "
                "GROUP BY ?d ORDER BY DESC(?date) ?d LIMIT 10"
            )
        ]
        links = self.linker.links([k for k, _ in most_cited] + [d for d, _ in recent_rows])
        titles = self.linker.titles([d for d, _ in recent_rows] + [k for k, _ in most_cited])
        return {
            "numbers": numbers,
            "classes": class_counts,
            "most_cited": [(links[k], titles.get(k, ""), n) for k, n in most_cited],
            "sections": sections,
            "recent": [(links[d], titles.get(d, ""), date) for d, date in recent_rows],
        }

    def search(self, text: str, limit: int = 50) -> list[tuple[Link, str, list[Link]]]:
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
        links = self.linker.links(iri for iri, _ in hits)
        types = self.linker.types_of([iri for iri, _ in hits])
        return [(links[iri], matched, types.get(iri, [])) for iri, matched in hits]
