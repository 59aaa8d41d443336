"""Organisations outside kg's vocabulary, named by a kind word and a proper name.

No list keeps up with the 342 municipalities, the research bureaus and the sw-bedrijven a
Kamerstuk names, but they come in fixed shapes (words in ``extractors/data/organisations.json``):

* ``de gemeente Utrecht``, ``de gemeenten Utrecht en Zwolle``: each municipality is an organisation
  of its own (label ``gemeente Utrecht``), a member of the actor group gemeenten;
* ``onderzoeksbureau Regioplan``, ``sw-bedrijf Ergon``: the name after the kind word is the
  organisation, a member of the kind's actor group where it has one;
* ``Werkgeversservicepunt Drechtsteden``: the kind word is part of the name;
* ``het ontwikkelbedrijf Lingezegen Werkt``: a kind in lower case that describes a company, whose
  name alone is the label;
* ``de commissie-Borstlap``: a committee named after its chair;
* ``Emco, het sociale werkbedrijf in Emmen``: a name with its kind in apposition;
* ``mevrouw E. Ouderkerk, directeur Senzer``: the body after a person's function in a list;
* ``(Fractie-Nanninga)``: an Eerste Kamer fractie named after its leader, written as a party.

A name of an sw-bedrijf, sociaal ontwikkelbedrijf, re-integratiebedrijf or uitzendbureau found so
is the same organisation where the document later names it bare (``Ergon voert de Wsw uit``).

Runs after ``kg_gazetteer``: a name the vocabulary knows keeps its concept, and the actor-group span
of the kind word inside a found name (``gemeente`` in ``gemeente Utrecht``) is dropped, so the
document mentions the municipality, not the group. Keys are ``id/organisatie/<slug of the label>``
(a fractie's ``id/partij/fractie-<name>``);
``name`` and ``member_of`` go into the span attributes for the writer.
"""

from __future__ import annotations

import regex as re  # the regex module: names.py's \p{Lu}/\p{Ll} letter classes
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from kg.datafiles import load_json
from kg.extractors import names as nameparts
from kg.extractors.base import CATEGORIES, add_mention, mentions, run_guarded, text_of
from kg.extractors.vocabulary import load_vocabulary, local_offices, municipality_names
from kg.vocab import slug


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return load_json("kg.extractors.data", "organisations.json")


def _entries(table: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in table.items() if not k.startswith("_")}


def _words(words) -> str:
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))




@dataclass(frozen=True)
class _Patterns:
    municipality: re.Pattern
    office_town: re.Pattern
    kind: re.Pattern
    named_kind: re.Pattern
    committee: re.Pattern
    leader_fractie: re.Pattern
    function_held: re.Pattern
    person_before: re.Pattern
    legal_form: re.Pattern
    apposition: re.Pattern
    name_before: re.Pattern
    list_tail: re.Pattern
    name_conjunction: re.Pattern
    not_names: frozenset[str]
    kinds: dict[str, str | None]
    named_kinds: dict[str, str | None]
    kind_heads: frozenset[str]  # the first words of kind words, named kinds and 'gemeente' (casefolded)
    appositions: dict[str, str | None]
    groups: frozenset[str]  # the actor groups a found organisation can belong to


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = _data()
    cap = rf"(?:['’]s-|['’]t[ \t])?(?:{nameparts.CAPITALISED}|[{nameparts.UPPER}]{{2,}}[{nameparts.LOWER}]*)"
    connector = _words(data["name_connectors"]["words"])
    name = rf"(?P<name>{cap}(?:-{cap})*(?:[ \t]+(?:(?:{connector})[ \t]+)*{cap}(?:-{cap})*)*)(?![\w-])"
    town = name.replace("(?P<name>", "(?P<town>")
    m = data["municipality_words"]
    # 'Wethouder Anouk Grzelak-de Haan van Zaanstad', 'de burgemeester van Venlo': an office of the
    # municipality; not after one word ('wethouder Jan van Tilburg' is a name)
    offices = _words(local_offices())
    return _Patterns(
        municipality=re.compile(rf"(?P<kind>(?i:{_words(m['plural'] + m['singular'])}))[ \t]+{name}"),
        office_town=re.compile(rf"(?P<kind>(?i:{offices}))(?![\w-])(?:(?:[ \t]+(?!(?:van|en)(?![\w-]))[^\s,.;:()]+){{2,5}}?)??[ \t]+van[ \t]+(?:de[ \t]+gemeente[ \t]+)?{town}"),
        # 'sw-bedrijf Ergon', and set off by commas: 'een nieuw sociaal ontwikkelbedrijf, Werkzaak Betuwe, dat'
        kind=re.compile(rf"(?P<kind>(?i:{_words(_entries(data['kind_words']))}))(?:[ \t]+{name}|,[ \t]+{name}(?=[ \t]*,))"),
        # 'Vereniging van Wsw-Cliëntenraden': connectors may come between a capitalised kind word and the name
        named_kind=re.compile(rf"(?P<kind>(?i:{_words(_entries(data['named_kinds']))}))(?P<connectors>(?:[ \t]+(?:{connector}))*)[ \t]+{name}"),
        committee=re.compile(rf"(?P<kind>(?i:{_words(data['committee_prefixes']['words'])}))-{name}"),
        leader_fractie=re.compile(rf"(?<![\w-])(?P<kind>(?i:{_words(data['leader_fracties']['words'])}))-{name}"),
        # written in lower case, as a participants' list does ('Directeur' opening a line is a signature's)
        function_held=re.compile(rf"(?P<kind>{_words(data['functions_held']['words'])})[ \t]+{name}(?=[ \t]*(?:[,.;:)<\n]|$|en[ \t]))"),
        person_before=re.compile(data["functions_held"]["person_before"]),
        legal_form=re.compile(rf"(?<![\w-]){name}[ \t]+(?P<form>{_words(data['legal_forms']['words'])})(?!\w|\.\w)"),
        apposition=re.compile(rf",[ \t]+(?:het|een|de)[ \t]+(?P<kind>(?i:{_words(_entries(data['appositions']))}))(?![\w-])"),
        name_before=re.compile(rf"(?<![\w-])(?P<name>{cap}(?:-{cap})*(?:[ \t]+{cap}(?:-{cap})*)*)$"),
        list_tail=re.compile(rf"(?:[ \t]*,[ \t]*|[ \t]+en[ \t]+){town}"),
        name_conjunction=re.compile(rf"[ \t]+(?:{_words(data['name_conjunctions']['words'])})[ \t]+{name}"),
        not_names=frozenset(data["not_names"]["words"]),
        kinds={" ".join(k.casefold().split()): v for k, v in _entries(data["kind_words"]).items()},
        named_kinds={" ".join(k.casefold().split()): v for k, v in _entries(data["named_kinds"]).items()},
        kind_heads=frozenset(w.split()[0].casefold() for w in (*_entries(data["kind_words"]), *_entries(data["named_kinds"]), *m["singular"])),
        appositions={" ".join(k.casefold().split()): v for k, v in _entries(data["appositions"]).items()},
        groups=frozenset(
            {m["group"], *filter(None, _entries(data["kind_words"]).values()), *filter(None, _entries(data["named_kinds"]).values()),
             *filter(None, _entries(data["appositions"]).values())}
        ),
    )


@dataclass
class _Found:
    start: int
    end: int
    label: str
    group: str | None
    kind_start: int  # the kind word's span, whose actor-group mention gives way


class _Finder:
    def __init__(self, doc: Doc) -> None:
        self.doc, self.text, self.pat = doc, text_of(doc), _patterns()
        self.lower = self.text.lower()
        if len(self.lower) != len(self.text):  # 'İ' lower-cases to two characters: keep offsets
            self.lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in self.text)
        # a group written with a capital inside a name is part of the name ('Stichting Werkgevers Drenthe')
        self.known = [(s.start_char, s.end_char) for c in ("organisation", "party") for s in mentions(doc, c)
                      if s.kb_id_ not in self.pat.groups and not (s.kb_id_ in _lower_case_concepts() and s.text[:1].isupper())]
        # a law inside a body's legal name is part of it ('Stichting Wajong Werkt Mee'), not inside other names
        self.laws = [(s.start_char, s.end_char) for s in mentions(doc, "law")]
        self.found: list[_Found] = []

    def _name_ok(self, match: re.Match, group: str = "name", laws_inside: bool = False) -> bool:
        name = match.group(group)
        first = name.split()[0]
        if first in self.pat.not_names and len(name.split()) == 1:
            return False
        start, end = match.span(group)
        ranges = self.known if laws_inside else (*self.known, *self.laws)
        return not any(s < end and start < e for s, e in ranges)

    def _at(self, pattern: re.Pattern, words) -> list[re.Match]:
        """Matches of ``pattern`` where one of its kind ``words`` starts a word: found with a plain
        string search of the lower-cased text, which is much faster than letting the pattern try
        every position."""
        found = []
        for word in {w.split()[0].casefold() for w in words}:
            at = self.lower.find(word)
            while at >= 0:
                before = self.text[at - 1] if at else " "
                if not (before.isalnum() or before == "-"):
                    match = pattern.match(self.text, at)
                    if match:
                        found.append(match)
                at = self.lower.find(word, at + 1)
        return sorted(found, key=lambda m: m.start())

    def run(self) -> list[_Found]:
        pat, data = self.pat, _data()
        municipality_words = data["municipality_words"]["plural"] + data["municipality_words"]["singular"]
        group = data["municipality_words"]["group"]
        label = data["municipality_words"]["label"]
        for match in self._at(pat.municipality, municipality_words):
            if not self._name_ok(match):
                continue
            registered = _register_end(self.text, match.start("name"))
            plural = match.group("kind").casefold() in data["municipality_words"]["plural"]
            if plural and registered is None:
                continue
            end = registered or match.end()
            self._add(match.start(), end, f"{label} {self._clean(self.text[match.start('name'):end])}", group, match.start())
            if not plural:
                continue
            while (tail := pat.list_tail.match(self.text, end)) and self._name_ok(tail, "town"):
                town_end = _register_end(self.text, tail.start("town")) or tail.end()
                town = self.text[tail.start("town"):town_end]
                self._add(tail.start("town"), town_end, f"{label} {self._clean(town)}", group, match.start())
                end = town_end
        for match in self._at(pat.office_town, local_offices()):
            end = _register_end(self.text, match.start("town"))
            if end is not None and self._name_ok(match, "town"):
                town = self.text[match.start("town"):end]
                self._add(match.start("town"), end, f"{label} {town}", group, match.start("town"))
        for match in self._at(pat.kind, _entries(data["kind_words"])):
            if self._name_ok(match):
                kind = " ".join(match.group("kind").casefold().split())
                self._add(match.start("name"), match.end("name"), self._clean(match.group("name")), pat.kinds.get(kind), match.start())
        for match in self._at(pat.named_kind, _entries(data["named_kinds"])):
            if match.group("connectors") and not match.group("kind")[:1].isupper():
                continue  # 'het werkgeversservicepunt van de Drechtsteden' describes; 'Vereniging van ...' names
            if self._name_ok(match, laws_inside=True):
                kind = " ".join(match.group("kind").casefold().split())
                end = self._conjoined_end(match)
                if kind in data["described_in_lower_case"]["words"] and (
                        match.group("kind")[:1].islower() or self._named_bare(match.start("name"), end)):
                    # 'het ontwikkelbedrijf Lingezegen Werkt' describes its kind, and so does a capitalised
                    # '"Ontwikkelbedrijf Lingezegen Werkt gaat dicht"' where the text also names it bare
                    name = self._clean(self.text[match.start("name"):end])
                    self._add(match.start("name"), end, name, pat.named_kinds.get(kind), match.start())
                    continue
                written = self._clean(self.text[match.start():end])
                self._add(match.start(), end, written[:1].upper() + written[1:], pat.named_kinds.get(kind), match.start())
        if any(form in self.text for form in data["legal_forms"]["words"]):  # the pattern is slow to try everywhere
            for match in pat.legal_form.finditer(self.text):
                self._legal_form(match)
        if ", " in self.text:
            for match in pat.apposition.finditer(self.text):
                self._apposition(match)
        for match in self._at(pat.function_held, data["functions_held"]["words"]):
            self._function_held(match)
        for match in self._at(pat.committee, data["committee_prefixes"]["words"]):
            if self._name_ok(match):
                self._add(match.start(), match.end(), f"commissie-{self._clean(match.group('name'))}", None, match.start())
        return self.found

    def _named_bare(self, start: int, end: int) -> bool:
        """Whether the text also writes ``text[start:end]`` without a kind word before it."""
        name = self.text[start:end]
        for other in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", self.text):
            before = self.text[max(0, other.start() - 40):other.start()].split()
            if other.start() != start and not (before and before[-1].casefold() in self.pat.named_kinds):
                return True
        return False

    def _conjoined_end(self, match: re.Match) -> int:
        """Where a named kind's name ends when an 'en' inside it joins capitalised words ('Werk en
        Inkomen Amersfoort'); the match's own end when the words after it are a name of their own:
        known to the vocabulary, a municipality of the register, a kind word or an acronym."""
        tail = self.pat.name_conjunction.match(self.text, match.end())
        if tail is None or not self._name_ok(tail, laws_inside=True):
            return match.end()
        before, after = match.group("name").split()[-1], tail.group("name").split()[0]
        if (after.isupper() or after in self.pat.not_names or after.casefold() in self.pat.kind_heads
                or before in municipality_names() or _register_end(self.text, tail.start("name")) is not None):
            return match.end()
        return tail.end()

    def _function_held(self, match: re.Match) -> None:
        """'mevrouw E. Ouderkerk, directeur Senzer': the body after a person's function, where the
        function follows a comma and a title or initials opened the person's name on that line."""
        line_start = self.text.rfind("\n", 0, match.start()) + 1
        before = self.text[line_start:match.start()].rstrip(" \t")
        if not before.endswith(",") or not self.pat.person_before.search(before) or not self._name_ok(match):
            return
        if before.count("(") > before.count(")"):
            return  # '(UWV, directeur Sociaal Medische Zaken)': the body came first, this is its unit
        if match.group("name").split()[0] in self.pat.not_names or match.group("name") in municipality_names():
            return
        self._add(match.start("name"), match.end("name"), self._clean(match.group("name")), None, match.start("name"))

    def _apposition(self, match: re.Match) -> None:
        """'Emco, het sociale werkbedrijf in Emmen': the proper name before the comma."""
        before = self.pat.name_before.search(self.text, max(0, match.start() - 120), match.start())
        if before is None:
            return
        offset = before.start("name")
        words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", before.group("name"))]
        while words and words[0][2] in self.pat.not_names:  # 'Dat Emco, het ...'
            words.pop(0)
        if not words:
            return
        start, end = offset + words[0][0], offset + words[-1][1]
        if any(s < end and start < e for s, e in self.known):
            return
        kind = " ".join(match.group("kind").casefold().split())
        self._add(start, end, " ".join(w for _, _, w in words), self.pat.appositions.get(kind), match.start())

    def _legal_form(self, match: re.Match) -> None:
        """'Werkpad Reïntegratie BV': the name and its form, without a sentence's first word ('En')."""
        if not self._name_ok(match):
            return
        words = [(m.start(), m.group()) for m in re.finditer(r"\S+", match.group("name"))]
        while words and words[0][1] in self.pat.not_names:
            words.pop(0)
        if words:
            start = match.start("name") + words[0][0]
            self._add(start, match.end(), self._clean(self.text[start:match.end()]), None, start)

    @staticmethod
    def _clean(name: str) -> str:
        return " ".join(name.split())

    def _add(self, start: int, end: int, label: str, group: str | None, kind_start: int) -> None:
        if any(f.start < end and start < f.end for f in self.found):
            return
        self.found.append(_Found(start, end, label, group, kind_start))


@Language.component("kg_organisation_names")
def organisation_names(doc: Doc) -> Doc:
    """Write ``organisation`` mentions for municipalities, bureaus and committees named by shape."""
    return run_guarded("kg_organisation_names", _annotate, doc)


def _annotate(doc: Doc) -> None:
    _leader_fracties(doc)
    found = _Finder(doc).run()
    if not found:
        return
    # the group word inside a municipality's or a named kind's name gives way ('gemeente Utrecht');
    # 'sw-bedrijf Ergon' mentions both the group and Ergon
    covered = [(f.kind_start, f.end) for f in found if f.kind_start == f.start]
    doc.spans["organisation"] = _outside(mentions(doc, "organisation"), covered)
    # an instrument's word inside a found name is the name's ('Beroepsvereniging van Jobcoaches')
    if "instrument" in doc.spans:
        doc.spans["instrument"] = _outside(doc.spans["instrument"], [(f.start, f.end) for f in found])
    for item in found:
        span = doc.char_span(item.start, item.end, alignment_mode="expand")
        if span is None:
            continue
        attrs: dict[str, Any] = {"name": item.label}
        if item.group:
            attrs["member_of"] = item.group
        add_mention(doc, "organisation", span, key=f"id/organisatie/{slug(item.label)}", **attrs)
    _bare_repeats(doc, found)


def _leader_fracties(doc: Doc) -> None:
    """'(Fractie-Nanninga)': an Eerste Kamer fractie named after its leader is a party of its own."""
    text = text_of(doc)
    if "ractie-" not in text:
        return
    taken = [(s.start_char, s.end_char) for c in ("party", "person", "organisation") for s in mentions(doc, c)]
    for match in _patterns().leader_fractie.finditer(text):
        start, end = match.span()
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or any(s < end and start < e for s, e in taken):
            continue
        name = f"Fractie-{' '.join(match.group('name').split())}"
        add_mention(doc, "party", span, key=f"id/partij/{slug(name)}", name=name)


def _outside(spans, ranges: list[tuple[int, int]]) -> list:
    """The spans that lie inside none of the character ``ranges``."""
    return [s for s in spans if not any(start <= s.start_char and s.end_char <= end for start, end in ranges)]


@lru_cache(maxsize=1)
def _lower_case_concepts() -> frozenset[str]:
    """The vocabulary concepts named in lower case: the actor groups ('werkgevers', 'gemeenten')."""
    return frozenset(c.path for c in load_vocabulary() if c.pref_label[:1].islower())


@lru_cache(maxsize=1)
def _register_pattern() -> re.Pattern:
    names = sorted(municipality_names(), key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(map(re.escape, names))})(?![\w-])")


def _register_end(text: str, start: int) -> int | None:
    """Where the longest municipality name of the register starting at ``start`` ends: the name
    the shape reads is cut at it ('de gemeente Amsterdam de Work First-aanpak') or reaches over an
    'en' ('de gemeenten Assen, Aa en Hunze en Tynaarlo')."""
    match = _register_pattern().match(text, start)
    return match.end() if match else None


def _bare_repeats(doc: Doc, found: list[_Found]) -> None:
    """'sw-bedrijf Ergon ... Ergon voert de Wsw uit': a name found by its kind word names the same
    organisation where the document repeats it bare (groups and length in ``bare_repeats``), unless
    it is also a municipality's name."""
    rule = _data()["bare_repeats"]
    names = {f.label: f.group for f in found if f.group in rule["groups"] and len(f.label) >= rule["min_length"]}
    for name in [n for n in names if n in municipality_names()]:
        del names[name]
    if not names:
        return
    text = text_of(doc)
    taken = [(s.start_char, s.end_char) for c in CATEGORIES for s in mentions(doc, c)]
    for name, group in names.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            span = doc.char_span(start, end)
            if span is None:
                continue
            add_mention(doc, "organisation", span, key=f"id/organisatie/{slug(name)}", name=name, member_of=group)
            taken.append((start, end))
