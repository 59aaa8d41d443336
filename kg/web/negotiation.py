"""Content negotiation: which serialization a client gets, from its ``Accept`` header or a file suffix.

Formats are named as in ``kg query --format`` (``json``, ``turtle``, ...) so the server hands the
choice to :func:`kg.output.write_result` unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    suffix: str
    aliases: tuple[str, ...] = ()

    @property
    def content_type(self) -> str:
        textual = self.media_type.startswith("text/") or self.media_type.endswith(("json", "+xml", "xml"))
        return f"{self.media_type}; charset=utf-8" if textual else self.media_type


#: SELECT/ASK results (SPARQL 1.1 Query Results formats); the first is the default.
RESULT_FORMATS = (
    Format("json", "application/sparql-results+json", ".srj", ("application/json",)),
    Format("xml", "application/sparql-results+xml", ".srx", ("application/xml", "text/xml")),
    Format("csv", "text/csv", ".csv"),
    Format("tsv", "text/tab-separated-values", ".tsv"),
)
#: RDF graphs (CONSTRUCT/DESCRIBE results, resource descriptions); the first is the default.
GRAPH_FORMATS = (
    Format("turtle", "text/turtle", ".ttl", ("application/x-turtle",)),
    Format("ntriples", "application/n-triples", ".nt", ("text/plain",)),
    Format("jsonld", "application/ld+json", ".jsonld", ("application/json",)),
    Format("rdfxml", "application/rdf+xml", ".rdf"),
)
#: Formats that keep the named graph each statement comes from (resource descriptions, dumps).
DATASET_FORMATS = (
    Format("trig", "application/trig", ".trig"),
    Format("nquads", "application/n-quads", ".nq"),
)
HTML = Format("html", "text/html", ".html", ("application/xhtml+xml",))

BY_NAME = {f.name: f for f in (*RESULT_FORMATS, *GRAPH_FORMATS, *DATASET_FORMATS, HTML)}
BY_SUFFIX = {f.suffix: f for f in (*GRAPH_FORMATS, *DATASET_FORMATS, HTML)}


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """``Accept`` header -> [(media range, q)], best first; a missing header accepts anything."""
    if not header or not header.strip():
        return [("*/*", 1.0)]
    ranges = []
    for position, part in enumerate(header.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        if not media:
            continue
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        # More specific ranges win ties (RFC 9110: text/turtle over text/* over */*).
        specificity = 0 if media == "*/*" else 1 if media.endswith("/*") else 2
        ranges.append((media.lower(), q, specificity, -position))
    ranges.sort(key=lambda r: (r[1], r[2], r[3]), reverse=True)
    return [(media, q) for media, q, _, _ in ranges]


def _quality(fmt: Format, accepted: list[tuple[str, float]]) -> float:
    best = -1.0
    types = (fmt.media_type, *fmt.aliases)
    for media, q in accepted:
        if media in types:
            return q  # an exact match overrides wildcards
        major = media.split("/", 1)[0]
        if media == "*/*" or (media.endswith("/*") and any(t.startswith(major + "/") for t in types)):
            best = max(best, q * 0.999)  # a wildcard match ranks just below an exact one of equal q
    return best


def choose(accept: str | None, offered: tuple[Format, ...] | list[Format]) -> Format | None:
    """The offered format the client likes best (ties: the order of ``offered``), or None (-> 406)."""
    accepted = parse_accept(accept)
    scored = [(_quality(fmt, accepted), -index, fmt) for index, fmt in enumerate(offered)]
    quality, _, fmt = max(scored, key=lambda s: (s[0], s[1]))
    return fmt if quality > 0 else None


def format_param(value: str | None, offered: tuple[Format, ...] | list[Format]) -> Format | None:
    """A ``?format=`` override by name (``json``), suffix (``ttl``) or media type; None if not offered."""
    if not value:
        return None
    value = value.strip().lower()
    for fmt in offered:
        if value in (fmt.name, fmt.suffix.lstrip("."), fmt.media_type, *fmt.aliases):
            return fmt
    return None
