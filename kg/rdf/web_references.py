"""Web addresses a document cites (its footnotes mostly) as ``dcterms:references`` of the work.

Each address is found in the cleaned text, so one broken over a line ("www.tweedeka-\\nmer.nl") is
read whole, and is written as a NIF phrase in its sentence like any mention: the raw slice as
``nif:anchorOf``, the address as read as ``kg:surfaceForm``. Only what makes a syntactically valid
http(s) IRI with a host name is kept; the rule is data (``extractors/data/web_addresses.json``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from pyoxigraph import Literal, NamedNode

from kg.datafiles import load_json
from kg.extractors.base import text_of
from kg.rdf.graph import DocumentGraph
from kg.rdf.nif import phrase, sentence_node, sentences_of
from kg.vocab import DCTERMS, FOAF, NIF, RDF

_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")


@dataclass(frozen=True)
class _Rules:
    pattern: re.Pattern
    trailing: str
    bare_scheme: str


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = load_json("kg.extractors.data", "web_addresses.json")
    return _Rules(re.compile(data["pattern"]), data["trailing"], data["bare_scheme"])


def _trimmed(written: str, trailing: str) -> str:
    """``written`` without the punctuation that closes its sentence or bracket."""
    while written and written[-1] in trailing:
        if written[-1] == ")" and written.count("(") >= written.count(")"):
            break  # (the address's own bracket, as in a Wikipedia title)
        written = written[:-1]
    return written


def as_iri(written: str) -> str | None:
    """The http(s) IRI a written address stands for, or None when it makes no valid one."""
    bare = not re.match(r"(?i)https?://", written)
    iri = _rules().bare_scheme + written if bare else written
    try:
        parts = urlsplit(iri)
        host, _ = parts.hostname or "", parts.port  # .port raises on a malformed port
        NamedNode(iri)  # pyoxigraph checks the IRI syntax (RFC 3987)
    except ValueError:
        return None
    if bare and host.count(".") < 2:  # 'www.' and no domain after it: a word, not an address
        return None
    return iri if parts.scheme.lower() in ("http", "https") and _HOST.fullmatch(host) else None


def web_addresses(text: str) -> list[tuple[int, int, str]]:
    """(start, end, IRI) of each valid web address in ``text``, trailing punctuation left out."""
    rules = _rules()
    found = []
    for match in rules.pattern.finditer(text):
        written = _trimmed(match.group(), rules.trailing)
        iri = as_iri(written) if written else None
        if iri:
            found.append((match.start(), match.start() + len(written), iri))
    return found


def write_web_references(g: DocumentGraph) -> None:
    text = text_of(g.doc)  # Doc.text joins every token again on each access
    for start, end, iri in web_addresses(text):
        page = NamedNode(iri)
        g.add(g.work, DCTERMS.references, page)
        g.add(page, RDF.type, FOAF.Document)
        raw_start, raw_end = g.raw_span(start, end)
        node = phrase(g, raw_start, raw_end, Literal(text[start:end]), page, "webpage")
        span = g.doc.char_span(start, end, alignment_mode="expand")
        sentence = sentence_node(g, sentences_of(span, g)) if span is not None else None
        if sentence is not None:
            g.add(node, NIF.sentence, sentence)
