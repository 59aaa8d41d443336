"""Write ontology/personen.ttl, kg's register of Kamerleden and bewindspersonen, from OpenKamer's fixtures.

Usage::

    python ontology/tools/make_person_register.py FIXTURE_DIR [-o ontology/personen.ttl]

FIXTURE_DIR holds OpenKamer's ``person.json``, ``parliament.json`` and ``government.json``
(``website/fixtures/`` of https://github.com/openkamer/openkamer). Only facts are taken over (names,
dates, ids); ``ontology/README.md`` records the source and its licence. The fixtures are not shipped.

What is left out, and why (a wrong id is worse than none):

* persons without a first name: OpenKamer's stubs created from a surname in a document; their
  Wikidata ids come from a search by surname and are often wrong (the stub "Israel" links Q801, the
  country);
* persons with neither a Wikidata nor a Parlement.com id: nothing ties them to a real person;
* a Tweede Kamer person id that OpenKamer gives to two persons: it was found by surname and cannot
  be told right from wrong;
* a party Wikidata id that OpenKamer gives to two parties.

Parties and ministries are linked to kg's own concepts (partijen.ttl, organisaties.ttl) when one of
those concepts has the OpenKamer name as a label; the others are described here as plain
organisations so every membership has somewhere to point.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from ttl_terms import literal, slug

ONTOLOGY = Path(__file__).resolve().parent.parent
SOURCE_REPO = "https://github.com/openkamer/openkamer"

#: OpenKamer's government position codes -> (role label, role slug).
POSITIONS = {
    "MIN": ("Minister", "minister"),
    "MWP": ("Minister", "minister"),  # zonder portefeuille: the post is named by its extra_info
    "SOS": ("Staatssecretaris", "staatssecretaris"),
    "PMI": ("Minister-president", "minister-president"),
    "DPM": ("Viceminister-president", "viceminister-president"),
}

#: Typing errors in the source, corrected (each checked against the other spelling in the same file).
SPELLING = {"buitenlandse handel en ontwikkelinssamenwerking": "buitenlandse handel en ontwikkelingssamenwerking"}


def date(value: str) -> str:
    return f'"{value}"^^xsd:date'


def concept_labels(file_name: str, prefix: str) -> dict[str, str]:
    """Casefolded label -> relative concept IRI, for the concepts of one kg vocabulary file."""
    return {label.casefold(): path for path, label, _ in _labels(file_name, prefix)}


def pref_labels(file_name: str, prefix: str) -> dict[str, str]:
    """Relative concept IRI -> its skos:prefLabel."""
    return {path: label for path, label, kind in _labels(file_name, prefix) if kind == "prefLabel"}


def _labels(file_name: str, prefix: str) -> list[tuple[str, str, str]]:
    import rdflib

    graph = rdflib.Graph()
    graph.parse(ONTOLOGY / file_name, format="turtle", publicID="http://kg.invalid/")
    skos = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
    labels = []
    for prop in (skos.prefLabel, skos.altLabel, skos.hiddenLabel):
        for subject, _, label in sorted(graph.triples((None, prop, None))):
            path = str(subject).removeprefix("http://kg.invalid/")
            if path.startswith(prefix):
                labels.append((path, str(label), prop.rsplit("#", 1)[-1]))
    return labels


def initials_of(value: str) -> str:
    """``'J.P.H.'``, ``'J. P. H.'`` -> ``'J.P.H.'``."""
    return "".join(value.split())


class Register:
    def __init__(self, fixtures: Path) -> None:
        self.persons = self._load(fixtures / "person.json")
        self.parliament = self._load(fixtures / "parliament.json")
        self.government = self._load(fixtures / "government.json")
        self.lines: list[str] = []
        self.party_iris: dict[int, str] = {}
        self.ministry_iris: dict[int, str] = {}
        self.extra_orgs: dict[str, list[str]] = {}
        self.counts: Counter[str] = Counter()

    @staticmethod
    def _load(path: Path) -> dict[str, dict[int, dict]]:
        by_model: dict[str, dict[int, dict]] = defaultdict(dict)
        for record in json.loads(path.read_text(encoding="utf-8")):
            by_model[record["model"]][record["pk"]] = record["fields"]
        return by_model

    # -- persons -------------------------------------------------------------------------------

    def person_keys(self) -> dict[int, str]:
        """Register person pk -> IRI key ``{full-name}-{birth year}`` (birth year left out when unknown)."""
        keys: dict[int, str] = {}
        for pk, p in self.persons["person.person"].items():
            if not p["forename"].strip() or not (p["wikidata_id"] or p["parlement_and_politiek_id"]):
                self.counts["persons left out (stub or no id)"] += 1
                continue
            name = " ".join(x for x in (p["forename"], p["surname_prefix"], p["surname"]) if x)
            year = (p["birthdate"] or "")[:4]
            keys[pk] = slug(name) + (f"-{year}" if year else "")
        clashes = {k for k, n in Counter(keys.values()).items() if n > 1}
        for pk in [pk for pk, key in keys.items() if key in clashes]:
            p = self.persons["person.person"][pk]
            keys[pk] += "-" + slug(p["parlement_and_politiek_id"] or p["wikidata_id"])
        return keys

    def write_person(self, key: str, p: dict, tk_ids: Counter) -> None:
        forename, prefix, surname = (" ".join(p[f].split()) for f in ("forename", "surname_prefix", "surname"))
        initials = initials_of(p["initials"])
        family = " ".join(x for x in (prefix, surname) if x)
        standalone = family[:1].upper() + family[1:]  # 'Van Dijk', as a Kamerstuk writes it alone
        full = " ".join(x for x in (forename, family) if x)
        alt = [standalone]
        if initials:
            alt.append(f"{initials} {family}")
        out = [
            f"<id/persoon/{key}>",
            "    a foaf:Person , person:Person ;",
            f"    foaf:name {literal(full)} ;",
            f"    skos:prefLabel {literal(full, 'nl')} ;",
            f"    skos:altLabel {' , '.join(literal(a, 'nl') for a in dict.fromkeys(alt))} ;",
            f"    foaf:givenName {literal(forename)} ;",
            f"    foaf:familyName {literal(standalone)} ;",
            f"    kg:surname {literal(surname)} ;",
        ]
        if prefix:
            out.append(f"    kg:surnamePrefix {literal(prefix)} ;")
        if initials:
            out.append(f"    kg:initials {literal(initials)} ;")
        if p["birthdate"]:
            out.append(f"    schema:birthDate {date(p['birthdate'])} ;")
        if p["wikidata_id"]:
            out.append(f"    skos:exactMatch wd:{p['wikidata_id']} ;")
            self.counts["persons with a Wikidata link"] += 1
        if p["parlement_and_politiek_id"]:
            pdc = p["parlement_and_politiek_id"]
            out.append(f"    kg:parlementComId {literal(pdc)} ;")
            out.append(f"    foaf:isPrimaryTopicOf <https://www.parlement.com/id/{pdc}/> ;")
            self.counts["persons with a Parlement.com id"] += 1
        if p["tk_id"] and tk_ids[p["tk_id"]] == 1:
            out.append(f"    kg:tweedeKamerId {literal(p['tk_id'])} ;")
            self.counts["persons with a Tweede Kamer id"] += 1
        elif p["tk_id"]:
            self.counts["Tweede Kamer ids dropped (given to two persons)"] += 1
        out.append(f"    dcterms:source <{SOURCE_REPO}> .")
        self.lines += out + [""]
        self.counts["persons"] += 1

    # -- organisations -------------------------------------------------------------------------

    def map_parties(self) -> None:
        labels = concept_labels("partijen.ttl", "id/partij/")
        parties = self.parliament["parliament.politicalparty"]
        wd_counts = Counter(p["wikidata_id"] for p in parties.values() if p["wikidata_id"])
        for pk, party in sorted(parties.items()):
            path = labels.get(party["name"].casefold()) or labels.get(party["name_short"].casefold())
            wd = party["wikidata_id"] if party["wikidata_id"] and wd_counts[party["wikidata_id"]] == 1 else ""
            if path is None:
                path = f"id/partij/{slug(party['name'])}"
                lines = [f"<{path}>", "    a org:Organization , kg:PoliticalParty ;",
                         f"    rdfs:label {literal(party['name'], 'nl')} ;"]
                if party["founded"]:
                    lines.append(f"    schema:foundingDate {date(party['founded'])} ;")
                self.counts["parties described here"] += 1
            else:
                lines = [f"<{path}>"]
                self.counts["parties mapped to partijen.ttl"] += 1
            if wd:
                lines.append(f"    skos:exactMatch wd:{wd} ;")
                self.counts["party Wikidata links"] += 1
            self.party_iris[pk] = path
            if len(lines) > 1:
                lines[-1] = lines[-1][:-2] + " ."
                self.extra_orgs[path] = lines

    def map_ministries(self) -> None:
        labels = concept_labels("organisaties.ttl", "id/organisatie/")
        self.org_labels = pref_labels("organisaties.ttl", "id/organisatie/")
        for pk, ministry in sorted(self.government["government.ministry"].items()):
            name = ministry["name"]
            path = labels.get(f"ministerie van {name}".casefold()) or labels.get(name.casefold())
            if path is None:
                label = f"Ministerie van {name[:1].upper()}{name[1:]}"
                path = f"id/organisatie/{slug(label)}"
                self.org_labels[path] = label
                self.extra_orgs.setdefault(path, [
                    f"<{path}>", "    a org:Organization , schema:GovernmentOrganization ;",
                    f"    rdfs:label {literal(label, 'nl')} .",
                ])
            self.ministry_iris[pk] = path

    def write_cabinets(self) -> None:
        for government in sorted(self.government["government.government"].values(), key=lambda g: g["date_formed"]):
            lines = [f"<id/kabinet/{government['slug']}>", "    a org:Organization , kg:Cabinet ;",
                     f"    rdfs:label {literal(government['name'], 'nl')} ;",
                     f"    schema:foundingDate {date(government['date_formed'])} ;"]
            if government["date_dissolved"]:
                lines.append(f"    schema:dissolutionDate {date(government['date_dissolved'])} ;")
            if government["wikidata_id"]:
                lines.append(f"    skos:exactMatch wd:{government['wikidata_id']} ;")
            lines.append(f"    dcterms:source <{SOURCE_REPO}> .")
            self.lines += lines + [""]

    # -- memberships ---------------------------------------------------------------------------

    def membership(self, person: str, organisation: str, role: str, post: str | None,
                   start: str | None, end: str | None, extra: list[str] = ()) -> None:
        name = f"{person}--{organisation.rsplit('/', 1)[-1]}--{role}--{start or 'onbekend'}"
        if self.seen.get(name, end) == end and name in self.seen:
            self.counts["memberships listed twice in the source (written once)"] += 1
            return
        if name in self.seen:  # same start, another end: both are stated, told apart by the end
            name += f"--{end or 'onbekend'}"
        self.seen[name] = end
        node = f"id/lidmaatschap/{name}"
        lines = [f"<{node}>", "    a org:Membership ;", f"    org:member <id/persoon/{person}> ;",
                 f"    org:organization <{organisation}> ;", f"    org:role <id/rol/{role}> ;"]
        if post:
            lines.append(f"    opengov:post <{post}> ;")
        lines += [f"    {line} ;" for line in extra]
        if start or end:
            lines.append(f"    org:memberDuring <{node}#periode> ;")
        lines[-1] = lines[-1][:-2] + " ."
        if start or end:
            lines += ["", f"<{node}#periode>", "    a time:Interval ;"]
            if start:
                lines.append(f"    time:hasBeginning <{node}#begin> ;")
            if end:
                lines.append(f"    time:hasEnd <{node}#einde> ;")
            lines[-1] = lines[-1][:-2] + " ."
            # Instants as IRIs, not blank nodes: exports of the same input stay byte-identical.
            for fragment, value in (("begin", start), ("einde", end)):
                if value:
                    lines += ["", f"<{node}#{fragment}>", f"    a time:Instant ; time:inXSDDate {date(value)} ."]
        self.lines += lines + [""]
        self.counts[f"memberships: {role}"] += 1

    def write_memberships(self, keys: dict[int, str]) -> None:
        for record in sorted(self.parliament["parliament.parliamentmember"].values(),
                             key=lambda r: (r["person"], r["joined"] or "")):
            if record["person"] in keys:
                self.membership(keys[record["person"]], "id/organisatie/tweede-kamer", "kamerlid",
                                "id/post/kamerlid--tweede-kamer", record["joined"], record["left"])
        for record in sorted(self.parliament["parliament.partymember"].values(),
                             key=lambda r: (r["person"], r["joined"] or "", r["party"])):
            if record["person"] in keys and record["party"] in self.party_iris:
                self.membership(keys[record["person"]], self.party_iris[record["party"]], "partijlid", None,
                                record["joined"], record["left"])
        positions = self.government["government.governmentposition"]
        governments = self.government["government.government"]
        for record in sorted(self.government["government.governmentmember"].values(),
                             key=lambda r: (r["person"], r["start_date"] or "", r["position"])):
            if record["person"] not in keys:
                continue
            position = positions[record["position"]]
            role_label, role = POSITIONS[position["position"]]
            ministry = self.ministry_iris.get(position["ministry"])
            cabinet = f"id/kabinet/{governments[position['government']]['slug']}"
            extra = SPELLING.get(position["extra_info"], position["extra_info"])
            if position["position"] == "MWP" and extra:
                post = f"id/post/minister-voor-{slug(extra)}"
            elif ministry and position["position"] in ("MIN", "SOS", "MWP"):
                post = f"id/post/{role}--{ministry.rsplit('/', 1)[-1]}"
            else:
                post = f"id/post/{role}"
            self.posts.setdefault(post, (role_label, role, ministry, extra))
            self.membership(keys[record["person"]], ministry or cabinet, role, post,
                            record["start_date"], record["end_date"], [f"kg:cabinet <{cabinet}>"])

    def write_posts(self) -> None:
        for post, (role_label, role, ministry, extra) in sorted(self.posts.items()):
            if post.startswith("id/post/minister-voor-"):
                label = f"Minister voor {extra[:1].upper()}{extra[1:]}"
            elif ministry:
                label = f"{role_label}, {self.org_labels[ministry]}"
            else:
                label = role_label
            lines = [f"<{post}>", "    a org:Post ;", f"    rdfs:label {literal(label, 'nl')} ;",
                     f"    org:role <id/rol/{role}> ;"]
            if ministry:
                lines.append(f"    org:postIn <{ministry}> ;")
            lines[-1] = lines[-1][:-2] + " ."
            self.lines += lines + [""]
        self.lines += [
            "<id/post/kamerlid--tweede-kamer>", "    a org:Post ;", '    rdfs:label "Kamerlid, Tweede Kamer"@nl ;',
            "    org:role <id/rol/kamerlid> ;", "    org:postIn <id/organisatie/tweede-kamer> .", "",
        ]
        roles = {role: label for label, role in POSITIONS.values()} | {"kamerlid": "Kamerlid", "partijlid": "Partijlid"}
        for role, label in sorted(roles.items()):
            self.lines += [f"<id/rol/{role}>", "    a org:Role ;", f"    skos:prefLabel {literal(label, 'nl')} .", ""]

    # -- the file ------------------------------------------------------------------------------

    def render(self, commit: str) -> str:
        self.posts: dict[str, tuple] = {}
        self.seen: dict[str, str | None] = {}
        keys = self.person_keys()
        self.map_parties()
        self.map_ministries()
        tk_ids = Counter(p["tk_id"] for p in self.persons["person.person"].values() if p["tk_id"])
        for pk in sorted(keys, key=keys.get):
            self.write_person(keys[pk], self.persons["person.person"][pk], tk_ids)
        self.write_cabinets()
        self.write_memberships(keys)
        self.write_posts()
        for path in sorted(self.extra_orgs):
            self.lines += self.extra_orgs[path] + [""]
        header = HEADER.format(repo=SOURCE_REPO, commit=commit,
                               counts="\n".join(f"#   {k}: {v}" for k, v in sorted(self.counts.items())))
        return header + "\n".join(self.lines)


HEADER = """\
# kg's person register: Kamerleden and bewindspersonen with their name forms, ids and dated
# memberships (FOAF, W3C ORG, OWL-Time, SKOS). GENERATED by ontology/tools/make_person_register.py;
# do not edit by hand, regenerate.
#
# Source: {repo} at commit {commit}, files website/fixtures/person.json,
# parliament.json and government.json (facts only; source and licence in ontology/README.md).
#
# RELATIVE IRIs, resolved against the build's base like the other vocabulary files.
# Person IRIs: <id/persoon/{{first name, tussenvoegsel, surname}}-{{birth year}}>.
# Every membership (Kamer seat, party, government post) is an org:Membership with org:role and, when
# the source gives a date, org:memberDuring a time:Interval; government posts add opengov:post and
# kg:cabinet. An undated membership is stated without an interval, never with a guessed one.
#
# Counts:
{counts}

@prefix kg:      <https://w3id.org/kamerstukken-kg/def#> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix foaf:    <http://xmlns.com/foaf/0.1/> .
@prefix org:     <http://www.w3.org/ns/org#> .
@prefix opengov: <http://www.w3.org/ns/opengov#> .
@prefix person:  <http://www.w3.org/ns/person#> .
@prefix schema:  <http://schema.org/> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix time:    <http://www.w3.org/2006/time#> .
@prefix wd:      <http://www.wikidata.org/entity/> .

"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("fixtures", type=Path, help="directory with person.json, parliament.json, government.json")
    parser.add_argument("-o", "--output", type=Path, default=ONTOLOGY / "personen.ttl")
    parser.add_argument("--commit", default="unknown", help="commit of the OpenKamer repository the fixtures come from")
    args = parser.parse_args(argv)
    missing = [n for n in ("person.json", "parliament.json", "government.json") if not (args.fixtures / n).is_file()]
    if missing:
        print(f"Error: {', '.join(missing)} not found in {args.fixtures}; pass OpenKamer's website/fixtures directory",
              file=sys.stderr)
        return 4
    register = Register(args.fixtures)
    args.output.write_text(register.render(args.commit), encoding="utf-8")
    for key, value in sorted(register.counts.items()):
        print(f"{key}: {value}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
