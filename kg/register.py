"""kg's person register (``ontology/personen.ttl``): name forms, party memberships and posts with dates.

Extractors and the RDF writer use it to tell persons apart: a mention resolves to a register person
only when exactly one person fits its name parts (surname with tussenvoegsel, initials or first name),
its party and role, and the document's date; otherwise it stays a person of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

from pyoxigraph import NamedNode, RdfFormat, parse

_BASE = "http://kg.invalid/"  # the file's relative IRIs resolve against this, then are cut back to paths
_FOAF = "http://xmlns.com/foaf/0.1/"
_KG = "https://w3id.org/kamerstukken-kg/def#"
_ORG = "http://www.w3.org/ns/org#"
_TIME = "http://www.w3.org/2006/time#"
_OPENGOV = "http://www.w3.org/ns/opengov#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclass(frozen=True)
class Membership:
    """One dated (or undated) membership: a Kamer seat, a party, a government post."""

    organisation: str  # relative IRI path, e.g. 'id/partij/sp'
    role: str  # 'kamerlid', 'partijlid', 'minister', 'staatssecretaris', ...
    post: str | None
    start: str | None  # ISO date
    end: str | None

    def covers(self, date: str | None) -> bool:
        """True when ``date`` (ISO) lies in the membership, or when either is unknown."""
        if not date:
            return True
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(frozen=True)
class RegisterPerson:
    path: str  # 'id/persoon/jasper-van-dijk-1971'
    name: str  # 'Jasper van Dijk'
    given_name: str
    initials: str  # 'J.J.' ('' when unknown)
    surname_prefix: str  # 'van'
    surname: str  # 'Dijk'
    family_name: str  # 'Van Dijk', as written alone
    labels: tuple[str, ...]  # every name form: full name, 'Van Dijk', 'J.J. van Dijk'
    memberships: tuple[Membership, ...] = field(default=())

    def parties(self, date: str | None = None) -> set[str]:
        return {m.organisation for m in self.memberships if m.role == "partijlid" and m.covers(date)}

    def roles(self, date: str | None = None) -> set[str]:
        return {m.role for m in self.memberships if m.covers(date)}

    def posts(self, date: str | None = None) -> set[str]:
        return {m.post for m in self.memberships if m.post and m.covers(date)}


@lru_cache(maxsize=1)
def load_register() -> tuple[RegisterPerson, ...]:
    """Every person of the shipped register, in file order."""
    data = files("kg.ontology").joinpath("personen.ttl").read_bytes()
    values: dict[str, dict[str, list[str]]] = {}
    for triple in parse(data, format=RdfFormat.TURTLE, base_iri=_BASE):
        obj = triple.object
        value = obj.value
        if isinstance(obj, NamedNode):
            value = value.removeprefix(_BASE)
        values.setdefault(triple.subject.value.removeprefix(_BASE), {}).setdefault(triple.predicate.value, []).append(value)

    def one(node: dict[str, list[str]], predicate: str) -> str | None:
        found = node.get(predicate)
        return found[0] if found else None

    def instant(interval: str | None, predicate: str) -> str | None:
        point = one(values.get(interval or "", {}), _TIME + predicate)
        return one(values.get(point or "", {}), _TIME + "inXSDDate")

    memberships: dict[str, list[Membership]] = {}
    for node in values.values():
        if _ORG + "Membership" not in node.get(_RDF_TYPE, []):
            continue
        interval = one(node, _ORG + "memberDuring")
        memberships.setdefault(one(node, _ORG + "member") or "", []).append(
            Membership(
                organisation=one(node, _ORG + "organization") or "",
                role=(one(node, _ORG + "role") or "").rsplit("/", 1)[-1],
                post=one(node, _OPENGOV + "post"),
                start=instant(interval, "hasBeginning"),
                end=instant(interval, "hasEnd"),
            )
        )
    persons = []
    for path, node in values.items():
        if _FOAF + "Person" not in node.get(_RDF_TYPE, []):
            continue
        labels = [*node.get(_SKOS + "prefLabel", []), *node.get(_SKOS + "altLabel", [])]
        persons.append(
            RegisterPerson(
                path=path,
                name=one(node, _FOAF + "name") or "",
                given_name=one(node, _FOAF + "givenName") or "",
                initials=one(node, _KG + "initials") or "",
                surname_prefix=one(node, _KG + "surnamePrefix") or "",
                surname=one(node, _KG + "surname") or "",
                family_name=one(node, _FOAF + "familyName") or "",
                labels=tuple(dict.fromkeys(labels)),
                memberships=tuple(memberships.get(path, ())),
            )
        )
    return tuple(persons)


@lru_cache(maxsize=1)
def _by_family_name() -> dict[str, tuple[RegisterPerson, ...]]:
    index: dict[str, list[RegisterPerson]] = {}
    for person in load_register():
        index.setdefault(person.family_name.casefold(), []).append(person)
    return {key: tuple(found) for key, found in index.items()}


def persons_named(family_name: str) -> tuple[RegisterPerson, ...]:
    """Register persons with this surname-with-tussenvoegsel (``'Van Dijk'``, case-insensitive)."""
    return _by_family_name().get(" ".join(family_name.split()).casefold(), ())


def name_forms() -> dict[str, tuple[str, ...]]:
    """Person IRI path -> every name form of that person (for gazetteers and evaluation)."""
    return {person.path: person.labels for person in load_register()}


#: Roles the register dates (its org:role slugs); other roles (griffier, voorzitter) are no evidence.
_REGISTER_ROLES = {"kamerlid", "minister", "staatssecretaris", "minister-president", "viceminister-president"}


def _given_matches(person: RegisterPerson, given: str) -> bool:
    """'Jasper' fits 'Jasper'; 'Piet Hein' fits 'Piet Hein'; 'Piet' fits 'Piet Hein' (first given name)."""
    written, known = given.casefold().split(), person.given_name.casefold().split()
    return bool(written) and known[: len(written)] == written


def _initials_match(person: RegisterPerson, initials: str) -> bool:
    """'J.J.' fits 'J.J.'; 'J.' fits 'J.J.' (a document may print only the first) and 'B.C.' fits 'B.' (the
    register may know only the first); 'G.' does not fit 'J.J.'."""
    known = (person.initials or (person.given_name[:1] + "." if person.given_name else "")).casefold()
    written = initials.casefold()
    return bool(known) and (known.startswith(written) or written.startswith(known))


def resolve(
    family_name: str,
    *,
    given_name: str = "",
    initials: str = "",
    party: str | None = None,
    role: str | None = None,
    organisation: str | None = None,
    date: str | None = None,
) -> RegisterPerson | None:
    """The one register person a mention can be, or None.

    Name parts narrow the candidates (same surname with tussenvoegsel; same first name or initials
    when written); the party, the role (with its ministry) and the document date must then fit the
    person's memberships. A mention by surname alone resolves only with a date that falls in one of
    the candidate's dated memberships: an undated "Van Dijk" could be any of six. Nothing is decided
    by elimination of what the register does not know: it stops in 2019.
    """
    candidates = list(persons_named(family_name))
    if given_name:
        candidates = [p for p in candidates if _given_matches(p, given_name)]
    elif initials:
        candidates = [p for p in candidates if _initials_match(p, initials)]
    if party:
        candidates = [p for p in candidates if party in p.parties(date)]
    role_slug = (role or "").casefold().replace(" ", "-")
    if role_slug in _REGISTER_ROLES:
        candidates = [p for p in candidates if role_slug in p.roles(date)]
        if organisation and role_slug != "kamerlid":
            in_organisation = [
                p for p in candidates
                if any(m.role == role_slug and m.organisation == organisation and m.covers(date) for m in p.memberships)
            ]
            candidates = in_organisation
    if not given_name and not initials:
        if not date:
            return None
        candidates = [p for p in candidates if any(m.start and m.covers(date) for m in p.memberships)]
    return candidates[0] if len(candidates) == 1 else None
