"""Persons keyed on name parts, resolved against the register, with dated posts and party memberships.

Identity rules (``ontology/README.md``, "Persons"):

* a mention that fits exactly one register person (name parts, party, role, document date) is that
  person: ``id/persoon/jasper-van-dijk-1971``;
* otherwise a written first name or initials key the person: ``id/persoon/j-van-dijk``, with the
  party appended when known (``id/persoon/j-van-dijk--sp``), so namesakes of two parties never merge;
* a surname alone first takes the one fuller name of that surname in the same document; failing
  that, it is a person of this document only (``id/{work}/persoon/van-dijk``), which a shape reports.

What the document says about a person's post or party is an ``org:Membership`` minted under the
document, dated by the document's date (``org:memberDuring`` an interval that contains it).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pyoxigraph import Literal, NamedNode

from kg.extractors.names import is_initials
from kg.rdf.graph import DocumentGraph, dutch
from kg.register import resolve
from kg.vocab import FOAF, KGV, OPENGOV, ORG, PERSON, RDF, RDFS, SKOS, TIME, XSD, slug

_TWEEDE_KAMER = "id/organisatie/tweede-kamer"


@dataclass(frozen=True)
class NameParts:
    given: str  # 'Jasper' ('' when not written)
    initials: str  # 'J.J.' ('' when not written)
    family: str  # 'Van Dijk': surname with tussenvoegsel, as written alone

    @property
    def surname_only(self) -> bool:
        return not self.given and not self.initials

    @property
    def prefix_and_surname(self) -> str:
        """'van Dijk' after a first name or initials, 'Van Dijk' alone."""
        if self.surname_only:
            return self.family
        head, _, rest = self.family.partition(" ")
        return f"{head.lower()} {rest}" if rest and head.casefold() in _tussenvoegsels() else self.family

    @property
    def full(self) -> str:
        return " ".join(x for x in (self.given or self.initials, self.prefix_and_surname) if x)

    @property
    def key(self) -> str:
        return slug(self.full)


@lru_cache(maxsize=1)
def _tussenvoegsels() -> frozenset[str]:
    from kg.extractors.persons import _patterns

    return _patterns().tussenvoegsels


def name_parts(name: str) -> NameParts:
    """``'J. J. van Dijk'`` -> ('', 'J.J.', 'Van Dijk'); ``'Jasper van Dijk'`` -> ('Jasper', '', 'Van Dijk')."""
    from kg.extractors.persons import family_name

    words = name.split()
    family = family_name(name)
    before = words[: max(0, len(words) - len(family.split()))]
    initials = "".join(w for w in before if is_initials(w))
    given = " ".join(w.strip("()") for w in before if not is_initials(w))  # 'A. (Aukje) de Vries'
    return NameParts(given, initials, family)


@dataclass
class _Seen:
    """What a document says about one surname: its fuller names and the parties next to it."""

    names: set[NameParts]
    parties: set[str]


def _in_document(g: DocumentGraph, family: str) -> _Seen:
    if g.people is None:
        from kg.extractors.base import mentions, reader_facts, span_attrs
        from kg.rdf.labels import party_paths

        written = [(span_attrs(s).get("name") or s.text, span_attrs(s).get("party")) for s in mentions(g.doc, "person")]
        written += [(n, None) for n in [g.facts.get("questioner"), *(g.facts.get("submitters") or [])]]
        # 'Indiener D.G.M. Ceder (ChristenUnie)' in a page's metadata block is the 'Ceder' who signs below it
        written += [
            (found.get("name"), party_paths().get(str(found.get("party") or "").casefold()))
            for found in reader_facts(g.doc).get("persons") or []
            if isinstance(found, dict)
        ]
        g.people = {}
        for name, party in written:
            if not isinstance(name, str) or not name.strip():
                continue
            parts = name_parts(" ".join(name.split()))
            seen = g.people.setdefault(parts.family.casefold(), _Seen(set(), set()))
            if not parts.surname_only:
                seen.names.add(parts)
            if party:
                seen.parties.add(party)
    return g.people.get(family.casefold()) or _Seen(set(), set())


def person(g: DocumentGraph, name: str, attrs: dict | None = None) -> NamedNode:
    """The person node for ``name`` (see the module docstring), with the party and post of ``attrs``."""
    attrs = attrs or {}
    parts = name_parts(" ".join(name.split()))
    party, role, organisation = attrs.get("party"), attrs.get("role"), attrs.get("organisation")
    if parts.surname_only:
        seen = _in_document(g, parts.family)
        if len(seen.names) == 1:
            parts = next(iter(seen.names))
        if not party and len(seen.names) <= 1 and len(seen.parties) == 1:
            party = next(iter(seen.parties))
    if role and str(role).casefold() == "kamerlid" and not organisation:
        organisation = _TWEEDE_KAMER
    found = resolve(parts.family, given_name=parts.given, initials=parts.initials, party=party, role=role,
                    organisation=organisation, date=g.date)
    if found is not None:
        node = g.iri(found.path)  # names, ids and dated memberships are in the register
    elif parts.surname_only:
        node = g.local(f"persoon/{slug(parts.family)}")
        g.add(node, FOAF.name, Literal(parts.family))
    else:
        node = g.mint.person(parts.key + (f"--{party.rsplit('/', 1)[-1]}" if party else ""))
        g.add(node, FOAF.name, Literal(parts.full))
        if parts.given:
            g.add(node, FOAF.givenName, Literal(parts.given))
        if parts.initials:
            g.add(node, KGV.initials, Literal(parts.initials))
    g.add(node, RDF.type, FOAF.Person)
    g.add(node, RDF.type, PERSON.Person)
    if found is None:
        g.add(node, FOAF.familyName, Literal(parts.family))
        g.add(node, SKOS.altLabel, dutch(parts.family))
    if party:
        party_node = g.iri(party)
        g.add(node, ORG.memberOf, party_node)
        _stated_membership(g, node, party_node, "partijlid", None)
    if role:
        post_node = post(g, role, organisation)
        g.add(node, ORG.holds, post_node)
        _stated_membership(g, node, g.iri(organisation) if organisation else None, slug(role), post_node)
    return node


def _stated_membership(g: DocumentGraph, member: NamedNode, organisation: NamedNode | None, role: str,
                       post_node: NamedNode | None) -> None:
    """The membership or post holding this document states, dated by the document when it has a date."""
    held = (post_node or organisation).value.rsplit("/", 1)[-1]
    node = g.local(f"lidmaatschap/{member.value.rsplit('/', 1)[-1]}--{held}")
    g.add(node, RDF.type, ORG.Membership)
    g.add(node, ORG.member, member)
    g.add(node, ORG.role, g.iri(f"id/rol/{role}"))
    if organisation is not None:
        g.add(node, ORG.organization, organisation)
    if post_node is not None:
        g.add(node, OPENGOV.post, post_node)
    if g.date:
        interval, instant = NamedNode(node.value + "#periode"), NamedNode(node.value + "#datum")
        g.add(node, ORG.memberDuring, interval)
        g.add(interval, RDF.type, TIME.Interval)
        g.add(interval, TIME.inside, instant)
        g.add(instant, RDF.type, TIME.Instant)
        g.add(instant, TIME.inXSDDate, Literal(g.date, datatype=XSD.date))


def post(g: DocumentGraph, role: str, organisation: str | None) -> NamedNode:
    """The ``org:Post`` of a role in an organisation (``id/post/minister--szw``), as the register names it."""
    role_node = g.iri(f"id/rol/{slug(role)}")
    g.add(role_node, RDF.type, ORG.Role)
    g.add(role_node, SKOS.prefLabel, dutch(role))
    if organisation:
        from kg.rdf.labels import concept_label

        post_node = g.iri(f"id/post/{slug(role)}--{slug(organisation.rsplit('/', 1)[-1])}")
        g.add(post_node, RDFS.label, dutch(f"{role}, {concept_label(organisation)}"))
        g.add(post_node, ORG.postIn, g.iri(organisation))
    else:
        post_node = g.iri(f"id/post/{slug(role)}")
        g.add(post_node, RDFS.label, dutch(role))
    g.add(post_node, RDF.type, ORG.Post)
    g.add(post_node, ORG.role, role_node)
    return post_node
