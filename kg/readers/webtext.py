"""The text of a saved web page (tweedekamer.nl, openkamer.org, parlementairemonitor.nl,
officielebekendmakingen.nl): metadata blocks become document facts, site chrome is masked.

Above (and sometimes below) the document these sites print metadata: ``Indieners Piet Jansen
(VVD), Anna de Wit-Bakker (CDA)``, ``Beantwoord door``, ``Gepubliceerd: 3 maart 2021``,
``Nummer: KST…``, ``Bron vraag https://…``, a ``Kerngegevens`` block of ``Key: value`` lines, and
around it menus, share buttons, page titles ("Brief regering") and vote widgets ("Voor 76 Tegen
74"). Read as prose, the metadata gives citations instead of the document's own number and persons
without their role, and the chrome gives entities that are no part of the document. So
:func:`analyse` reads the metadata into facts (see ``contract.READER_FACTS``) and blanks both it and
the chrome in the cleaned text (1:1, so every offset stays exact); the persons it finds keep the
offsets of their names in the published text.

All keys, titles and chrome lines are data (``data/webtext.json``); they are recognised by shape:
``Key: value`` on one line, ``Key value`` when the value has the shape the key announces (names,
a date, an identifier, a URL), or a key line followed by its value line(s). The HTML reader runs the
same analysis on the text it extracts.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kg.datafiles import load_json
from kg.readers.contract import CleanedText, ReadDocument, Reader
from kg.readers.edits import Edit, extend, line_spans, mask_edits, normalised
from kg.readers.sourcefile import SourceFile

_TYPED = ("persons", "date", "identifier", "source")  # facts whose values are checked by shape
#: Two cells of a table row as a saved page gives them: text, a tab or a wide gap, text.
_TWO_CELLS = re.compile(r"\S(?:\t+| {3,})\S")
_DATE_PRIORITY = ("beantwoord", "ingediend", "datum", "vergaderd", "gepubliceerd")


@dataclass(frozen=True)
class _Field:
    fact: str
    label: str  # the key as the data file writes it
    role: str | None = None
    event: str | None = None
    #: read only inside a metadata block or a column of fields: 'Voorzitter: Blok' heads the text of a
    #: PDF's verslag too, where it is prose for the person extractor and no sign of a web page
    block_only: bool = False


@dataclass(frozen=True)
class _Shapes:
    head_chars: int
    own_number_chars: int
    fields: dict[str, _Field]  # casefolded key -> field
    key_line: re.Pattern  # key, separator, value
    block_headings: frozenset[str]
    link_list_headings: frozenset[str]
    link_line_chars: int
    page_titles: dict[str, str | None]
    chrome_lines: frozenset[str]
    chrome: re.Pattern
    chrome_continuation: re.Pattern  # chrome only right after a chrome line ("Voor: SP, CDA" under a vote)
    banners: frozenset[str]
    hosts: tuple[str, ...]
    months: dict[str, int]
    not_names: frozenset[str]  # casefolded words that start a body's name, never a person's


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


@lru_cache(maxsize=1)
def shapes() -> _Shapes:
    """The shapes of ``data/webtext.json``, compiled once."""
    data = load_json("kg.readers.data", "webtext.json")
    fields: dict[str, _Field] = {}
    for entry in data["fields"]:
        for key in entry["keys"]:
            fields[_fold(key)] = _Field(entry["fact"], key, entry.get("role"), entry.get("event"), entry.get("block_only", False))
    keys = sorted(fields, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(re.escape(word) for word in key.split()) for key in keys)
    key_line = re.compile(rf"(?P<key>{alternatives})(?P<sep>\s*:\s*|\s+|\s*$)(?P<value>.*)", re.IGNORECASE)
    # the month names are the extractors' data (one source of truth for Dutch dates)
    months = load_json("kg.extractors.data", "documents.json")["months"]
    months = {**months, **data["month_abbreviations"]}
    return _Shapes(
        head_chars=data["head_chars"],
        own_number_chars=data["own_number_chars"],
        fields=fields,
        key_line=key_line,
        block_headings=frozenset(_fold(h) for h in data["block_headings"]),
        link_list_headings=frozenset(_fold(h) for h in data["link_list_headings"]["headings"]),
        link_line_chars=data["link_list_headings"]["max_line_chars"],
        page_titles={_fold(title): kind for title, kind in data["page_titles"].items()},
        chrome_lines=frozenset(_fold(line) for line in data["chrome_lines"]),
        chrome=re.compile("|".join(f"(?:{p})" for p in data["chrome_patterns"])),
        chrome_continuation=re.compile("|".join(f"(?:{p})" for p in data["chrome_continuations"])),
        banners=frozenset(_fold(name) for name in data["site_banners"]),
        hosts=tuple(data["site_hosts"]),
        months={name.casefold(): number for name, number in months.items()},
        # the person rules' own list (one source of truth): 'Stichting', 'Ministerie', 'Landelijke', ...
        not_names=frozenset(w.casefold() for w in load_json("kg.extractors.data", "persons.json")["not_names"]["words"]),
    )


# --------------------------------------------------------------------------------------------
# Values by shape
# --------------------------------------------------------------------------------------------

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"']+|\b[\w-]+(?:\.[\w-]+)*\.(?:nl|org|eu|com)/[^\s<>\"']*")
_PAGE_FOOTER = re.compile(r"(?m)^[ \t]*(?P<slug>(?:kst|a?h)-\S+)[ \t]+ISSN\b")
_SLUG = re.compile(r"\b(?:(kst)-(\d{4,6}(?:-[A-Za-z0-9]{1,8})*?-[A-Za-z0-9]{1,4})|(a?h-(?:tk|ek)-\d{8}-\d{1,5}))(?=$|[.?#/&\s)])")
#: A field's whole value written as kg's own id form, as openkamer.org prints it (``30012-142``, ``34550-XV-3``).
_BARE_ID = re.compile(r"\s*(\d{4,6})-(?:([A-Z]{1,6})-)?(\d{1,4}[a-h]?|[A-Z]{1,2})\s*")
_KST = re.compile(r"\bKST[-\s]?(\d{4,6})(?:[-\s]+([A-Z]{1,6}|\(R\d{3,4}\)))?[-\s]+(?:nr\.?\s*)?(\d{1,4}[a-h]?|[A-Z]{1,2})\b")
_PARTY = re.compile(r"[A-Z0-9][\w’'&+-]*(?:[\s-][\w’'&+-]+){0,4}")
#: How party names are written when they stand alone: capitals (VVD, D66, JA21) or inner capitals (PvdA, GroenLinks-PvdA).
_PARTY_ABBREVIATION = re.compile(r"[A-Z0-9][A-Z0-9&+-]{1,9}|[A-Z][a-z]+[A-Z][\w-]*")
_POST = re.compile(r"(?i:minister(?:-president)?|staatssecretaris|kamerlid|lid|voorzitter|griffier)\b")
_ROLE_PHRASE = re.compile(
    r"(?i:minister(?:-president)?|staatssecretaris)\s+(?:van|voor)\b[^,;\n()]*?"
    r"(?=\s*(?:[,;\n()]|$)|\s+en\s+(?:de\s+)?(?i:minister|staatssecretaris)\b)"
)
_ADDRESS = re.compile(r"(?i:de\s+heer|mevrouw|dhr\.|mw\.|mr\.|dr\.|drs\.|ir\.|prof\.)\s+")
_INITIALS = r"(?:[A-ZÀ-Þ][a-z]?\.\s?){1,5}"
_PARTICLES = r"(?:(?:van|de|den|der|het|ter|te|in|op|'t|’t)\s?){0,3}"  # tussenvoegsels after the initials
_INITIALS_AFTER = re.compile(rf"{_INITIALS}{_PARTICLES}(?=\s*(?:\(|[,;]|$|\s+(?:en|&)\s))")
_INVERTED = re.compile(rf"(?P<surname>[^,]+?),\s*(?P<initials>{_INITIALS})(?P<particles>{_PARTICLES})")


def parse_date(value: str) -> str | None:
    """ISO date of the first date in ``value`` ("3 maart 2021", "03-03-2021", "2021-03-03"), or None."""
    months = shapes().months
    named = re.search(rf"\b(\d{{1,2}})\s+({'|'.join(months)})\.?\s+(\d{{4}})\b", value, re.IGNORECASE)
    numeric = re.search(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b", value)
    iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)", value)
    try:
        if iso:
            return datetime.date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
        if named:
            return datetime.date(int(named[3]), months[named[2].casefold()], int(named[1])).isoformat()
        if numeric:
            return datetime.date(int(numeric[3]), int(numeric[2]), int(numeric[1])).isoformat()
    except ValueError:
        return None
    return None


def kamerstuk_ids(value: str) -> list[str]:
    """Normalized Kamerstuk/Handelingen ids written in ``value``: KOOP slugs in URLs (``kst-34950-XV-2``,
    ``ah-tk-20192020-961``), ``KST…`` numbers, or a reference as the kamerstuk extractor reads one
    (``34 950 XV, nr. 2``, ``Aanhangsel Handelingen II 2019/20, nr. 961``)."""
    from kg.extractors.kamerstuk import find_references, normalize

    ids = kamerstuk_slugs(value)
    for match in _KST.finditer(value):
        ids.append(normalize(match[1], match[2], match[3]))
    if not ids:
        ids.extend(i for reference in find_references(value) for i in reference.ids)
    if not ids and (bare := bare_id(value)):
        ids.append(bare)
    return list(dict.fromkeys(ids))


def bare_id(value: str) -> str | None:
    """The id of a value that is nothing but an id in kg's own form (``30012-142``, ``34550-XV-3``)."""
    from kg.extractors.kamerstuk import normalize

    bare = _BARE_ID.fullmatch(value)
    return normalize(bare[1], bare[2] or "", bare[3]) if bare else None


def kamerstuk_slugs(value: str) -> list[str]:
    """Normalized ids of the KOOP slugs in ``value`` (``kst-34950-XV-2``, ``ah-tk-20192020-961``)."""
    from kg.extractors.kamerstuk import normalize

    ids = []
    for match in _SLUG.finditer(value):
        if match[3]:
            ids.append(match[3].lower())
        else:
            parts = match[2].split("-")
            ids.append(normalize(parts[0], "".join(parts[1:-1]), parts[-1]))
    return list(dict.fromkeys(ids))


def own_reference(line: str) -> list[str]:
    """The ids of a line that is nothing but a Kamerstuk reference ("Kamerstuk 35570-XV, nr. 12"):
    printed in the first part of a page, that is the document's own number, not a citation."""
    from kg.extractors.kamerstuk import find_references

    line = line.strip()
    references = find_references(line) if len(line) <= 80 else []
    if len(references) == 1 and references[0].end - references[0].start >= 0.8 * len(line):
        return list(references[0].ids)
    return []


_SENTENCE = re.compile(r"\S+(?:\s+\S+){2,}[.!?]$|[.!?]\s+[A-ZÀ-Þ]")


def is_prose(value: str) -> bool:
    """A sentence (three or more words and a full stop) or several: the text of the document, not a
    metadata value ("Besluit: Aangenomen." is metadata, "Besluit: Ingestemd. De inspectie …" is not)."""
    return bool(_SENTENCE.search(value.strip()))


def _urls(value: str) -> list[str]:
    return [match.group().rstrip(".,;:)»”’") for match in _URL.finditer(value)]


def _pieces(value: str, offset: int) -> list[tuple[str, int]]:
    """``value`` split into list items (commas, semicolons, lines, "en", "&"), with their offsets;
    a role phrase ("minister van Sociale Zaken en Werkgelegenheid") is never split."""
    protected = [(m.start(), m.end()) for m in _ROLE_PHRASE.finditer(value)]
    protected += [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)", value)]
    cuts = [
        m
        for m in re.finditer(r"\s*[,;\n\t]\s*|\s+(?:en|&)\s+", value)
        if not any(s <= m.start() < e for s, e in protected)
        and not (m.group().strip() == "," and _INITIALS_AFTER.match(value, m.end()))  # "Jansen, P."
    ]
    pieces, start = [], 0
    for cut in cuts:
        pieces.append((value[start:cut.start()], offset + start))
        start = cut.end()
    pieces.append((value[start:], offset + start))
    return [(text, at) for text, at in pieces if text.strip()]


def _is_name_word(word: str) -> bool:
    """A capitalised word of letters (any script: Öztürk, Şahin), initials (A.M.), a particle (de,
    van, 't) or a given name in parentheses after the initials (parlement.com's ``H.A.L. (Henk) van Hoof``)."""
    if len(word) > 2 and word[0] == "(" and word[-1] == ")":
        return word[1].isupper() and word[1:-1].isalpha()
    if not all(ch.isalpha() or ch in "’'.-" for ch in word) or not any(ch.isalpha() for ch in word):
        return False
    return word[0].isupper() or (word.islower() and len(word.strip("’'")) <= 3)


def _is_furniture(line: str) -> bool:
    """A key, chrome line or page title: never a name or a value."""
    s, folded = shapes(), _fold(line.rstrip(":"))
    return folded in s.chrome_lines or folded in s.fields or folded in s.page_titles or folded in s.block_headings


@lru_cache(maxsize=1)
def _party_labels() -> frozenset[str]:
    """The parties' names and abbreviations of ``partijen.ttl`` as written (no spaCy needed to read
    them); ``kg.rdf.labels.party_paths`` folds their case to map them to concepts."""
    from kg.extractors.vocabulary import load_vocabulary

    return frozenset(label for c in load_vocabulary() if c.category == "party" for label in c.labels)


def parse_persons(value: str, offset: int, role: str) -> list[dict[str, Any]]:
    """Persons listed in a metadata value, with party, post and the offsets of each name."""
    persons: list[dict[str, Any]] = []
    pending_post = None
    for piece, at in _pieces(value, offset):
        lead = len(piece) - len(piece.lstrip())
        item, at = piece.strip(), at + lead
        party = organisation = party_at = None
        paren = re.search(r"\s*\(([^()]{1,60})\)\s*$", item)
        if paren:
            inner = paren[1].strip()
            # an answerer's parentheses hold the ministry ('(SZW)') as often as the party ('(CDA)')
            ministry = _POST.search(inner) or "Zaken" in inner or "inisterie" in inner or (
                role == "beantwoorder" and inner not in _party_labels())
            if _PARTY.fullmatch(inner) and not ministry:
                party = inner
                party_at = at + paren.start(1) + (len(paren[1]) - len(paren[1].lstrip()))
            else:
                organisation = inner
            item = item[: paren.start()]
        if persons and persons[-1]["party"] is None and _PARTY_ABBREVIATION.fullmatch(item.strip()):
            persons[-1]["party"] = item.strip()  # a party in a column of its own: "P. Jansen<TAB>VVD"
            continue
        if _ROLE_PHRASE.fullmatch(item.strip()) or not item.strip():
            post = item.strip() or organisation
            if persons and party and persons[-1]["party"] is None:
                # 'B. van 't Wout, Staatssecretaris van SZW (VVD)': the party after the post is the name's
                persons[-1]["party"] = party
                persons[-1]["party_start"], persons[-1]["party_end"] = party_at, party_at + len(party)
            if persons and post and "post" not in persons[-1]:
                persons[-1]["post"] = post
            else:
                pending_post = post
            continue
        post = pending_post
        lead_word = re.match(rf"(?:{_POST.pattern})\s+", item) or _ADDRESS.match(item)
        if lead_word:
            if _POST.match(item):
                post = lead_word.group().strip()
                body = item[lead_word.end():].split(maxsplit=1)
                if body and body[0].casefold() in shapes().not_names:
                    # "Kılınç-Verhoef, voorzitter Stichting Wajong Werkt Mee": the post of the name before
                    if persons and "post" not in persons[-1]:
                        persons[-1]["post"] = item
                    continue
            at += lead_word.end()
            item = item[lead_word.end():]
        name = item.strip()
        inverted = _INVERTED.fullmatch(name)
        written = len(name)
        if inverted:  # "Jansen, P." is P. Jansen; the offsets keep the form as written
            name = " ".join(f"{inverted['initials']} {inverted['particles']} {inverted['surname']}".split())
        words = name.split()
        if not words or len(words) > 6 or any(ch.isdigit() for ch in name):
            continue
        if not all(_is_name_word(word) for word in words) or not any(word[0].isupper() for word in words):
            continue
        if _is_furniture(name) or all(word.casefold() in shapes().not_names for word in words):
            continue  # a ministry's portfolio after a person ('…, Sociale Zaken en Werkgelegenheid') is no name
        person: dict[str, Any] = {"name": name, "party": party, "role": role, "start": at, "end": at + written}
        if party_at is not None:
            person["party_start"], person["party_end"] = party_at, party_at + len(party)
        if post or organisation:
            person["post"] = post or organisation
        persons.append(person)
        pending_post = None
    return persons


# --------------------------------------------------------------------------------------------
# The analysis
# --------------------------------------------------------------------------------------------


class _Collector:
    """Facts found so far, and the lines to blank."""

    def __init__(self, cleaned: CleanedText):
        self.cleaned = cleaned
        self.masks: list[tuple[int, int]] = []
        self.parties: list[tuple[int, int]] = []  # party names inside masked person lines, left readable
        self.facts: dict[str, Any] = {}
        self.fields = self.chrome = self.blocks = 0  # what was recognised, for sniffing
        self.in_text = False  # a paragraph of the document's text has been read
        self.id_fields: list[tuple[list[str], tuple[int, int]]] = []  # identifier fields: ids, line

    def raw(self, start: int, end: int) -> tuple[int, int]:
        return self.cleaned.raw_span(start, end)

    def add_persons(self, persons: list[dict[str, Any]]) -> None:
        """Record persons parsed at cleaned offsets: their facts carry raw offsets; their parties stay readable."""
        for person in persons:
            person["start"], person["end"] = self.raw(person["start"], person["end"])
            if "party_start" in person:
                self.parties.append((person.pop("party_start"), person.pop("party_end")))
        self.facts.setdefault("persons", []).extend(persons)

    def add(self, field: _Field, value: str, value_start: int) -> bool:
        """Record ``value`` (at cleaned offset ``value_start``) as ``field``; False when it lacks the shape."""
        facts = self.facts
        if field.fact == "persons":
            persons = parse_persons(value, value_start, field.role or "indiener")
            self.add_persons(persons)
            return bool(persons)
        if field.fact == "date":
            date = parse_date(value)
            if date:
                facts.setdefault("dates", {}).setdefault(field.event or "datum", date)
            return date is not None
        if field.fact == "identifier":
            ids = kamerstuk_ids(value)
            facts.setdefault("identifiers", []).extend(i for i in ids if i not in facts["identifiers"])
            if ids:
                self.id_fields.append((ids, (value_start, value_start + len(value))))
            else:
                facts.setdefault("metadata", {}).setdefault(field.label, " ".join(value.split()))
            return bool(ids) or bool(re.search(r"\d", value))
        if field.fact == "source":
            urls = _urls(value)
            for url in urls:
                self.add_source(url, field.label)
            if urls:
                return True
            # 'Vindplaats: Handelingen II 2013/14, nr. 54, item 12': where the page's text is printed
            ids = kamerstuk_ids(value)
            if ids:
                facts.setdefault("identifiers", []).extend(i for i in ids if i not in facts["identifiers"])
            return bool(ids)
        text = " ".join(value.split())
        if not text or len(text) > 300:
            return False
        if field.fact == "metadata" and is_prose(text):
            return False  # "Besluit: Het lid Flach (SGP) verzoekt om …" is the document's own text
        if field.fact in ("title", "description"):
            facts.setdefault(field.fact, text)
        elif field.fact == "type":
            kind = shapes().page_titles.get(_fold(text))
            if kind:
                facts.setdefault("type", kind)
            facts.setdefault("metadata", {}).setdefault(field.label, text)
        else:
            facts.setdefault("metadata", {}).setdefault(field.label, text)
            for identifier in kamerstuk_ids(text) if field.label == "ID" else ():
                facts.setdefault("identifiers", []).append(identifier)
        return True

    def add_source(self, url: str, label: str) -> None:
        sources = self.facts.setdefault("sources", [])
        if all(source["url"] != url for source in sources):
            sources.append({"url": url, "label": label})
        for identifier in kamerstuk_ids(url):
            ids = self.facts.setdefault("identifiers", [])
            if identifier not in ids:
                ids.append(identifier)


def analyse(cleaned: CleanedText) -> tuple[list[Edit], dict[str, Any]]:
    """The masks (edits over ``cleaned.text``) and the facts of a web page's metadata and chrome."""
    found = _scan(cleaned)
    edits = [edit for start, end in _without(found.masks, found.parties) for edit in mask_edits(cleaned.text, start, end)]
    return edits, found.facts


def _without(masks: list[tuple[int, int]], parties: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The masks, less the party names written with the persons of a metadata block (``P. Jansen
    (VVD)``): a listed person's party is named by the page, so it stays text the party finder reads,
    while the key, the name (a person from the facts) and the rest stay masked."""
    kept = sorted(parties)
    result = []
    for start, end in masks:
        for party_start, party_end in kept:
            if start <= party_start and party_end <= end:
                result.append((start, party_start))
                start = party_end
        result.append((start, end))
    return [(start, end) for start, end in result if start < end]


_MENU_SEPARATOR = re.compile(r"\t+| {2,}|\s+[|·•]\s+")


_MENU_ITEM = re.compile(r"[^\W\d_][^\d.,;:!?]{0,30}")


def _is_menu(line: str, s: _Shapes) -> bool:
    """A site menu saved as one line: three or more chrome words set apart by wide spaces, tabs or bars
    ("Kamerleden  Partijen  Wetsvoorstellen  Kamervragen"), or five or more short items of which
    most are chrome words (a site's own sections: "Kamerleden  Commissies  Debat & vergadering  ...")."""
    items = [item.strip() for item in _MENU_SEPARATOR.split(line) if item.strip()]
    chrome = sum(_fold(item) in s.chrome_lines for item in items)
    if len(items) >= 3 and chrome == len(items):
        return True
    return len(items) >= 5 and 2 * chrome > len(items) and all(_MENU_ITEM.fullmatch(item) and len(item.split()) <= 4 for item in items)


def _own_number_cell(found: _Collector, line: str) -> None:
    """A page's subtitle bar names its kind, own number and topic in cells ("Motie | 24515-713 |
    Armoede- en schuldenbeleid" on tweedekamer.nl): a cell that is nothing but a Kamerstuk id is the
    document's own number, though the line is chrome."""
    for cell in re.split(r"[|›>]", line):
        if identifier := bare_id(cell):
            ids = found.facts.setdefault("identifiers", [])
            if identifier not in ids:
                ids.append(identifier)


def _mask_link_list(found: _Collector, text: str, lines: list[tuple[int, int]], k: int, max_chars: int) -> int:
    """Mask the lines of a link list from line ``k`` up to a blank line (or a line too long to be a
    link); the index of the first line after it."""
    while k < len(lines):
        start, end = lines[k]
        line = text[start:end].strip()
        if not line or len(line) > max_chars:
            break
        found.masks.append((start, end))
        k += 1
    return k


def _scan(cleaned: CleanedText, own_number: bool = True) -> _Collector:
    """Walk the lines once: masks, facts and counts; ``own_number`` also looks for a reference line
    standing alone in the first part (not needed to sniff)."""
    s = shapes()
    text = cleaned.text
    lines = line_spans(text)
    found = _Collector(cleaned)
    aligned = _aligned_fields(text, lines)
    in_block = False
    blanks = 0
    k = 0
    first = True  # the page's first line: where a site prints its name as a banner
    after_chrome = False  # the last line with text was chrome (a vote widget's party lists follow its result)
    while k < len(lines):
        start, end = lines[k]
        line = text[start:end].strip()
        k += 1
        if not line:
            blanks += 1
            if blanks >= 2:
                in_block = False
            continue
        blanks = 0
        in_head = start < s.head_chars
        folded = _fold(line.rstrip(":"))
        banner, first = first and folded in s.banners, False
        if banner:  # not counted for sniffing: a PDF's text starts with the chamber's name too
            found.masks.append((start, end))
            continue
        if folded in s.link_list_headings:
            found.masks.append((start, end))
            found.chrome += 1
            k = _mask_link_list(found, text, lines, k, s.link_line_chars)
            continue
        heading, colon, links = line.partition(":")
        if colon and links.strip() and _fold(heading) in s.link_list_headings and len(line) <= s.link_line_chars:
            found.masks.append((start, end))  # the list on the heading's line: "Gerelateerd: Verslag (31514-5) · …"
            found.chrome += 1
            continue
        if folded in s.block_headings and len(line) < 40:
            found.masks.append((start, end))
            found.blocks += 1
            in_block = True
            continue
        chrome = folded in s.chrome_lines or (len(line) <= 200 and (s.chrome.fullmatch(line) or _is_menu(line, s)))
        if chrome or (after_chrome and s.chrome_continuation.fullmatch(line)):
            found.masks.append((start, end))
            found.chrome += 1
            after_chrome = True
            if own_number and start < s.own_number_chars:
                _own_number_cell(found, line)
            continue
        after_chrome = False
        if in_head and folded in s.page_titles:
            found.masks.append((start, end))
            found.chrome += 1
            if s.page_titles[folded]:
                found.facts.setdefault("type", s.page_titles[folded])
            continue
        column = k - 1 in aligned
        consumed = _field_at(found, lines, k - 1, in_head or in_block or column, in_block or column)
        if consumed:
            found.fields += 1
            k = consumed
            continue
        found.in_text = found.in_text or (len(line) > 200 and not in_block)
        # a footnote's citation ends in a full stop, or stands below the text
        if own_number and start < s.own_number_chars and not line.endswith(".") and not found.in_text:
            own = [i for i in own_reference(line) if i not in found.facts.get("identifiers", [])]
            if own:
                found.facts.setdefault("identifiers", []).extend(own)
        if in_block and len(line) > 120:
            in_block = False
    _agenda_items(found)
    for url in _urls(text[: s.head_chars]):
        if any(host in url for host in s.hosts) and _SLUG.search(url):
            found.add_source(url, "Bron")
    if own_number:  # a publication's file name in the first part ("Download: kst-33981-B.pdf") is its own
        ids = found.facts.setdefault("identifiers", [])
        ids.extend(i for i in kamerstuk_slugs(text[: s.own_number_chars]) if i not in ids)
        # and so is the slug of a PDF's page footer pasted into the page ('ah-tk-20182019-2713  ISSN 0921 - 7398')
        for footer in _PAGE_FOOTER.finditer(text):
            ids.extend(i for i in kamerstuk_slugs(footer.group("slug")) if i not in ids)
        if not ids:
            del found.facts["identifiers"]
    date = document_date(found.facts.get("dates") or {})
    if date:
        found.facts["date"] = date
    return found


def _agenda_items(found: _Collector) -> None:
    """Identifier fields naming different papers (a besluitenlijst's ``Kamerstuk: 29 817, nr. 121``
    under each agenda item) cite them: a page has one number of its own. Their lines stay text."""
    cited = {i for ids, _ in found.id_fields for i in ids}
    if len(cited) < 2:
        return
    found.facts["identifiers"] = [i for i in found.facts["identifiers"] if i not in cited]
    if not found.facts["identifiers"]:
        del found.facts["identifiers"]
    values = [span for _, span in found.id_fields]
    found.masks = [m for m in found.masks if not any(m[0] <= v[0] and v[1] <= m[1] for v in values)]


def _aligned_fields(text: str, lines: list[tuple[int, int]]) -> set[int]:
    """The lines of a space-aligned metadata table (openkamer.org: ``Type      Motie`` /
    ``Dossier   30012 - ...``): at least three key lines in a row, blank and indented lines between
    them allowed, whose values begin in one column after a gap of two or more spaces."""
    s = shapes()
    groups: list[list[int]] = []
    column = None
    for k, (start, end) in enumerate(lines):
        line = text[start:end]
        match = s.key_line.fullmatch(line) if line[:1].strip() else None
        if match and match["value"].strip() and re.fullmatch(r" {2,}", match["sep"]):
            at = match.start("value")
            if at != column:
                groups.append([])
                column = at
            groups[-1].append(k)
        elif line.strip() and not line[:1].isspace():
            column = None  # a line of other text ends the table
    return {k for group in groups if len(group) >= 3 for k in group}


def document_date(dates: dict[str, str]) -> str | None:
    """The document's date among its dated events: answered, else submitted, else dated, met, published."""
    return next((dates[event] for event in _DATE_PRIORITY if event in dates), None)


def _explicit(separator: str) -> bool:
    """A colon or a tab (a table cell of a saved page) says the key ends here."""
    return ":" in separator or "\t" in separator


def _field_at(found: _Collector, lines: list[tuple[int, int]], k: int, near: bool, in_block: bool) -> int:
    """Read a metadata field starting on line ``k``; return the index of the line after it (0: none)."""
    s = shapes()
    text = found.cleaned.text
    start, end = lines[k]
    lead = len(text[start:end]) - len(text[start:end].lstrip())
    match = s.key_line.fullmatch(text, start + lead, end)
    if not match:
        if in_block:  # inside a Kerngegevens block any short "Key: value" line is metadata
            other = re.fullmatch(r"\s*([A-Z][\w()'’/ -]{0,30}?)\s*:\s+(\S.{0,200})", text[start:end])
            if other:
                found.facts.setdefault("metadata", {}).setdefault(other[1], " ".join(other[2].split()))
                found.masks.append((start, end))
                return k + 1
        return 0
    field = s.fields[_fold(match["key"])]
    if field.block_only and not in_block:
        return 0
    value, sep = match["value"], match["sep"]
    if value.strip():
        if not _explicit(sep) and field.fact not in _TYPED and not in_block:
            return 0
        if not _explicit(sep) and not near:
            return 0
        if not _explicit(sep) and field.fact == "identifier" and (found.in_text or text[start:end].rstrip().endswith(".")):
            return 0  # 'Kamerstuk 29 544, nr. 1185.', or below the text: a footnote citing a paper, not a field
        if field.fact == "metadata" and is_prose(_run_on(text, lines, k, value)):
            return 0  # 'Besluit: Het lid Van Hijum (CDA) verzoekt om een overzicht van de' and on: the text's own
        if not found.add(field, value, match.start("value")):
            return 0
        found.masks.append((start, end))
        if field.fact != "persons":
            return k + 1
        return _more_persons(found, lines, k + 1, field)
    if not near:
        return 0
    # a key line alone: its value is on the next non-blank line (at most one blank line between)
    j = k + 1
    if j < len(lines) and not text[lines[j][0]:lines[j][1]].strip():
        j += 1
    if j >= len(lines):
        return 0
    value_start, value_end = lines[j]
    value = text[value_start:value_end]
    if not value.strip() or s.key_line.fullmatch(value.strip()) or len(value) > 300:
        return 0
    if not found.add(field, value, value_start):
        return 0
    found.masks.append((start, value_end))
    if field.fact != "persons":
        return j + 1
    return _more_persons(found, lines, j + 1, field)


def _run_on(text: str, lines: list[tuple[int, int]], k: int, value: str) -> str:
    """``value`` of the field on line ``k`` with the lines it runs on to: the indented lines of text
    right below it that are no field of their own (at most three)."""
    parts = [value]
    for start, end in lines[k + 1 : k + 4]:
        line = text[start:end]
        if not line.strip() or not line[:1].isspace() or shapes().key_line.fullmatch(line.strip()):
            break
        parts.append(line)
    return " ".join(" ".join(parts).split())


def _more_persons(found: _Collector, lines: list[tuple[int, int]], j: int, field: _Field) -> int:
    """Further lines of a person list (one name per line), up to a blank line, the next key, or a
    row of two cells (``Inwerkingtreding<TAB>1 januari 2010``: a key kg does not know)."""
    text = found.cleaned.text
    while j < len(lines):
        start, end = lines[j]
        value = text[start:end]
        line = value.strip()
        if not line or len(line) > 100 or line[-1] in ".?!:" or _is_furniture(line) or shapes().key_line.fullmatch(line):
            break
        if _TWO_CELLS.search(line):
            break
        persons = parse_persons(value, start, field.role or "indiener")
        if not persons:
            break
        found.add_persons(persons)
        found.masks.append((start, end))
        j += 1
    return j


def sniff(text: str) -> int:
    """How much the head of ``text`` looks like a saved web page: 4 with a metadata block heading, or
    metadata next to site chrome (beats PDF-extracted text, 3); 2 with metadata fields alone (beats
    plain text, 1, but not a PDF letter whose letterhead has "Datum" and "Kenmerk" lines); else 0."""
    found = _scan(normalised(text[: shapes().head_chars]), own_number=False)
    if found.blocks or (found.fields and found.chrome) or found.chrome >= 3:
        return 4
    return 2 if found.fields >= 2 else 0


def read(file: SourceFile) -> ReadDocument:
    source = file.source()
    cleaned = normalised(source.raw)
    edits, facts = analyse(cleaned)
    return ReadDocument(source, extend(cleaned, edits), "webtext", facts)


READER = Reader("webtext", (".txt",), read, sniff=sniff)
