"""Entity parameters as people write them: a label (``UWV``), a short id (``uwv``,
``organisatie/uwv``, ``34950-XV-9``) or the full IRI, resolved against the store.

Tables show short forms, so ``--param entity=`` must accept them too; a value that names more than
one entity is refused with the candidates rather than guessed.
"""

from __future__ import annotations

import re

from kg.store import KGStore
from kg.vocab import PREFIXES, slug

#: Properties whose value names an entity.
_NAMING = ("rdfs:label", "skos:prefLabel", "skos:altLabel", "dcterms:identifier", "foaf:name")
_SHOWN = 5


class EntityNotFound(Exception):
    """No entity, or more than one, answers to a value; ``str(e)`` is a one-line message.

    ``param`` names the saved-query parameter the value was given for, when there was one.
    """

    param: str | None = None


def is_absolute_iri(value: str) -> bool:
    return value.startswith("urn:") or bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", value))


def resolve_entity(store: KGStore, value: str) -> str:
    """The IRI of the one entity ``value`` names (an IRI is returned as it is)."""
    if is_absolute_iri(value):
        return value
    wanted = value.strip().casefold()
    tail = "/" + "/".join(slug(part) for part in wanted.split("/") if part)
    values = " ".join(f"({p})" for p in (f"<{PREFIXES[n.split(':')[0]]}{n.split(':')[1]}>" for n in _NAMING))
    rows = store.query(
        f"SELECT DISTINCT ?e ?name WHERE {{ VALUES (?p) {{ {values} }} ?e ?p ?name FILTER(isIRI(?e)) }}"
    )
    matches: set[str] = set()
    for row in rows:
        iri, name = row["e"].value, row["name"].value
        if name.casefold() == wanted or iri.casefold().endswith(tail) or iri.casefold().endswith("/" + wanted):
            matches.add(iri)
    if not matches:
        for row in store.query("SELECT DISTINCT ?e WHERE { ?m itsrdf:taIdentRef ?e }"):
            if row["e"].value.casefold().endswith(tail):
                matches.add(row["e"].value)
    if len(matches) == 1:
        return matches.pop()
    if not matches:
        raise EntityNotFound(f"no entity is called or identified by {value!r}; 'kg query entities' lists them, "
                             "or pass the full IRI")
    shown = ", ".join(sorted(matches)[:_SHOWN]) + (" …" if len(matches) > _SHOWN else "")
    raise EntityNotFound(f"{value!r} names {len(matches)} entities ({shown}); pass one of their IRIs")


def resolve_params(store: KGStore, saved, given: dict[str, str]) -> dict[str, str]:
    """``given`` with every ``iri`` parameter of ``saved`` written as a label or short id replaced by the entity's IRI."""
    resolved = dict(given)
    for param in saved.params:
        value = given.get(param.name)
        if param.type == "iri" and value and not is_absolute_iri(value):
            try:
                resolved[param.name] = resolve_entity(store, value)
            except EntityNotFound as error:
                error.param = param.name
                raise
    return resolved
