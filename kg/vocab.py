"""Namespaces and IRI minting: the one place that knows how kg names things.

IRIs are derived from content only (normalized ids, labels, file names), never from run order or
random numbers, so two builds of the same input name every node the same way.
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
}


class Namespace:
    """``NS.term`` -> ``NamedNode``; attribute access keeps writer code readable."""

    def __init__(self, iri: str) -> None:
        self._iri = iri

    def __getattr__(self, name: str) -> NamedNode:
        return NamedNode(self._iri + name)

    def __getitem__(self, name: str) -> NamedNode:
        return NamedNode(self._iri + name)


RDF, RDFS, OWL, XSD = (Namespace(PREFIXES[p]) for p in ("rdf", "rdfs", "owl", "xsd"))
DCTERMS, FOAF, ORG, OPENGOV, PERSON, SCHEMA, SKOS, PROV, NIF, ITSRDF, VOID, DCAT = (
    Namespace(PREFIXES[p])
    for p in ("dcterms", "foaf", "org", "opengov", "person", "schema", "skos", "prov", "nif", "itsrdf", "void", "dcat")
)
KGV = Namespace(KG)

#: The class each mention category is recorded as (``itsrdf:taClassRef``); queries map it back.
CATEGORY_CLASSES: dict[str, NamedNode] = {
    "organisation": ORG.Organization,
    "person": FOAF.Person,
    "party": KGV.PoliticalParty,
    "instrument": KGV.Instrument,
    "law": KGV.Law,
    "motion": OPENGOV.Motion,
    "kamerstuk": KGV.Kamerstuk,
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

    def document_graph(self, source_slug: str) -> NamedNode:
        return self.iri(f"graph/document/{source_slug}")

    @property
    def ontology_graph(self) -> NamedNode:
        return self.iri("graph/ontology")

    @property
    def dataset_graph(self) -> NamedNode:
        return self.iri("graph/dataset")

    def kamerstuk(self, identifier: str) -> NamedNode:
        return self.iri(f"id/kamerstuk/{identifier}")

    def dossier(self, number: str) -> NamedNode:
        return self.iri(f"id/dossier/{number}")

    def document(self, source_slug: str) -> NamedNode:
        return self.iri(f"id/document/{source_slug}")

    def person(self, key: str) -> NamedNode:
        return self.iri(f"id/persoon/{key}")

    def text(self, source_slug: str, start: int | None = None, end: int | None = None) -> NamedNode:
        suffix = "" if start is None else f"#char={start},{end}"
        return self.iri(f"text/{source_slug}{suffix}")


def source_slug(file_name: str) -> str:
    """The slug naming a source file's graph and text: its stem, slugified."""
    stem = file_name.rsplit(".", 1)[0] if "." in file_name else file_name
    return slug(stem)


def koop_url(identifier: str) -> str:
    """Official publication page of a Kamerstuk/Handelingen id on officielebekendmakingen.nl."""
    if re.match(r"^a?h-", identifier):
        return f"{KOOP}{identifier}"
    return f"{KOOP}kst-{identifier}"


def build_key(content_sha256: str, kg_version: str, model: str) -> str:
    """Names a document's build activity; a rebuild is needed exactly when it changes."""
    return hashlib.sha256(f"{content_sha256} {kg_version} {model}".encode()).hexdigest()[:16]
