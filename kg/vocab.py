"""Namespaces and IRI minting: the one place that knows how kg names things.

IRIs are derived from content only (official ids, name parts, content hashes), never from file
names, run order or random numbers: two builds of the same input name every node the same way,
and renaming a file changes no IRI.

A document kg reads is a *work* named after its official id in its own series
(``id/kamerstuk/34950-XV-9``, ``id/handelingen/h-tk-20072008-75``,
``id/aanhangsel/ah-tk-20192020-961``), or ``id/document/{content hash}`` without one. Each file read
is an *item* (``id/item/{content hash}``). What a document says (its named graph, questions,
answers, associations) is minted under the work's *scope*; text positions are minted under the
scope plus the content hash, because offsets belong to one file's bytes.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from pyoxigraph import NamedNode

DEFAULT_BASE = "https://w3id.org/kamerstukken-kg/"
KG = "https://w3id.org/kamerstukken-kg/def#"
KOOP = "https://zoek.officielebekendmakingen.nl/"

PREFIXES: dict[str, str] = {
    "kg": KG,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "org": "http://www.w3.org/ns/org#",
    "opengov": "http://www.w3.org/ns/opengov#",
    "person": "http://www.w3.org/ns/person#",
    "schema": "http://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "itsrdf": "http://www.w3.org/2005/11/its/rdf#",
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "time": "http://www.w3.org/2006/time#",
    "wd": "http://www.wikidata.org/entity/",
}


class Namespace:
    """``NS.term`` -> ``NamedNode``; attribute access keeps writer code readable.

    A term is made on first access and kept as an attribute, so the writers' hundreds of thousands
    of ``NIF.beginIndex`` lookups per build are plain attribute reads.
    """

    def __init__(self, iri: str) -> None:
        self._iri = iri

    def __getattr__(self, name: str) -> NamedNode:
        node = NamedNode(self._iri + name)
        setattr(self, name, node)
        return node

    def __getitem__(self, name: str) -> NamedNode:
        return NamedNode(self._iri + name)


RDF, RDFS, OWL, XSD = (Namespace(PREFIXES[p]) for p in ("rdf", "rdfs", "owl", "xsd"))
DCTERMS, FOAF, ORG, OPENGOV, PERSON, SCHEMA, SKOS, PROV, NIF, ITSRDF, VOID, DCAT, TIME = (
    Namespace(PREFIXES[p])
    for p in (
        "dcterms", "foaf", "org", "opengov", "person", "schema", "skos", "prov", "nif", "itsrdf", "void", "dcat", "time",
    )
)
#: ISO 639-3 code of Dutch as a Lexvo IRI, the form nif:predLang expects.
DUTCH = NamedNode("http://lexvo.org/id/iso639-3/nld")
KGV = Namespace(KG)

#: The class each mention category is recorded as (``itsrdf:taClassRef``); queries map it back.
CATEGORY_CLASSES: dict[str, NamedNode] = {
    "organisation": ORG.Organization,
    "person": FOAF.Person,
    "party": KGV.PoliticalParty,
    "instrument": KGV.Instrument,
    "law": KGV.Law,
    "motion": OPENGOV.Motion,
    "kamerstuk": KGV.ParliamentaryDocument,
    "webpage": FOAF.Document,  # a web address the text cites (kg.rdf.web_references), no extractor category
}

#: KOOP's id patterns per series; only ids of these shapes get a link to officielebekendmakingen.nl.
KOOP_PATTERNS: dict[str, re.Pattern] = {
    "kamerstuk": re.compile(r"^[0-9]{4,6}(?:-[A-Z0-9]+)?-[0-9A-Z]+$"),  # kst-34950-XV-9, kst-31234-J
    "aanhangsel": re.compile(r"^ah-(?:tk|ek)-[0-9]{8}-[0-9]+$"),  # ah-tk-20192020-961
    "handelingen": re.compile(r"^h-(?:tk|ek)-[0-9]{8}-[0-9]+-[0-9]+$"),  # h-tk-20192020-75-5 (meeting-item)
}


def slug(text: str) -> str:
    """Lower-case ASCII slug: ``'T. van Ark'`` -> ``'t-van-ark'``, ``'Reïntegratie'`` -> ``'reintegratie'``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def check_base(base: str) -> str:
    """Return ``base`` if kg can mint every IRI under it, else raise ValueError saying why.

    It must be an absolute http(s) IRI with a host, without query or fragment (kg appends
    ``#char=...`` to text IRIs, so a ``#`` in the base would give two fragments), ending in '/',
    and valid as an IRI once a path is appended (no spaces, no malformed ``%`` escapes).
    """
    from urllib.parse import urlsplit

    def refuse(why: str) -> ValueError:
        return ValueError(f"base IRI {base!r} {why}; give an absolute http(s) IRI ending in '/' (e.g. {DEFAULT_BASE})")

    try:
        parts = urlsplit(base)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        raise refuse("is not a well-formed IRI") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise refuse("must start with http:// or https:// and name a host")
    if "#" in base or "?" in base:
        raise refuse("may not contain '#' or '?'")
    if not base.endswith("/"):
        raise refuse("must end with '/'")
    try:
        NamedNode(base + "text/x#char=0,1")
    except ValueError as error:
        raise refuse(f"is not a valid IRI ({error})") from None
    return base


class Minter:
    """Mints kg's instance IRIs under one base."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = check_base(base)

    def iri(self, path: str) -> NamedNode:
        return NamedNode(self.base + path)

    def document_graph(self, scope: str, content_sha256: str) -> NamedNode:
        """The named graph of what one item says: ``graph/{scope}/{hash}`` (``graph/{scope}`` when the
        scope is the hash already), so two items of one work never share a graph."""
        return self.iri(f"graph/{item_scope(scope, content_sha256)}")

    @property
    def ontology_graph(self) -> NamedNode:
        return self.iri("graph/ontology")

    @property
    def dataset_graph(self) -> NamedNode:
        return self.iri("graph/dataset")

    def publication(self, identifier: str) -> NamedNode:
        """A Kamerstuk, Handelingen or Aanhangsel item by its official id, under its series' path."""
        return self.iri(f"id/{series(identifier)}/{identifier}")

    def dossier(self, number: str) -> NamedNode:
        return self.iri(f"id/dossier/{number}")

    def work(self, scope: str) -> NamedNode:
        return self.iri(f"id/{scope}")

    def item(self, content_sha256: str) -> NamedNode:
        return self.iri(f"id/item/{short_hash(content_sha256)}")

    def person(self, key: str) -> NamedNode:
        return self.iri(f"id/persoon/{key}")

    def activity(self, digest: str) -> NamedNode:
        """A document build, named by :func:`build_key` (content, kg version, model): no file name."""
        return self.iri(f"build/{digest}")

    def text(self, scope: str, content_sha256: str, start: int | None = None, end: int | None = None) -> NamedNode:
        suffix = "" if start is None else f"#char={start},{end}"
        return self.iri(f"text/{item_scope(scope, content_sha256)}{suffix}")


def short_hash(content_sha256: str) -> str:
    """The first 16 hex digits of a content hash: what IRIs carry (the full hash is a literal)."""
    return content_sha256[:16]


def series(identifier: str) -> str:
    """``'kamerstuk'``, ``'handelingen'`` or ``'aanhangsel'`` for a normalized official id."""
    if identifier.startswith("ah-"):
        return "aanhangsel"
    if identifier.startswith("h-"):
        return "handelingen"
    return "kamerstuk"


def work_scope(identifier: str | None, content_sha256: str) -> str:
    """Path everything a document says is minted under: its series and id, else its content hash."""
    if identifier:
        return f"{series(identifier)}/{identifier}"
    return f"document/{short_hash(content_sha256)}"


def item_scope(scope: str, content_sha256: str) -> str:
    """The work's scope plus the content hash: where what one file's text says is minted."""
    digest = short_hash(content_sha256)
    return scope if scope.endswith(digest) else f"{scope}/{digest}"


def koop_url(identifier: str) -> str | None:
    """Official publication page on officielebekendmakingen.nl, only for ids of KOOP's own shapes."""
    kind = series(identifier)
    if not KOOP_PATTERNS[kind].match(identifier):
        return None
    return f"{KOOP}kst-{identifier}" if kind == "kamerstuk" else f"{KOOP}{identifier}"


def build_key(content_sha256: str, kg_version: str, model: str) -> str:
    """Names a document's build activity; a rebuild is needed exactly when it changes."""
    return hashlib.sha256(f"{content_sha256} {kg_version} {model}".encode()).hexdigest()[:16]
