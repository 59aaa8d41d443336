"""Motion mentions: who submitted a motion and which Kamerstuk it is.

Motions are cited by submitter (``motie-Hamer c.s.``, ``de motie van de leden X en Y``), by number
(``motie 49``, ``De moties 49, 50 en 51``), both, or neither (``mijn motie over X (Kamerstuk ...)``,
a mention only when the reference follows in the same clause), and their Kamerstuk id is given nearby: a
reference right after the mention, a footnote whose body is a Kamerstuk reference, a reference
elsewhere that lists the number, the document's own dossier, or in a debate ``Zij krijgt nr. 117
(31234)``. This component runs after ``kg_kamerstuk_refs`` and reads its ``kamerstuk`` spans and the
document's own identifiers. All mentions of one motion in a document get the same key; when no id
is known the key is ``""`` and ``label`` (``motie-Van Hijum c.s.``) lets the writer mint one.

A document that IS a motion (``Nr. 120 MOTIE VAN DE LEDEN X EN Y``, ``De Kamer, gehoord de
beraadslaging``) gets ``type`` ``motie``, its ``submitters`` and one motion mention over the header.
Parties are recorded as written (``PvdA``); the writer resolves them.
"""

from __future__ import annotations

import regex as re  # the regex module: names.py's \p{Lu}/\p{Ll} letter classes
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.datafiles import load_json
from kg.extractors import base
from kg.extractors import kamerstuk as kst
from kg.extractors import names as nameparts

_KAMERSTUK_ID = re.compile(rf"\d{{4,5}}(?:-[A-Z0-9]{{1,6}})?-(?:{kst.ID_NUMBER})")


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """The motion vocabulary (``kg/extractors/data/motions.json``)."""
    return load_json("kg.extractors.data", "motions.json")


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    """Capitalised words that are no part of a submitter's name: the persons' list and the motions' own."""
    persons = load_json("kg.extractors.data", "persons.json")["not_names"]["words"]
    return frozenset([*persons, *vocabulary()["not_names_beyond_persons"]])


def _flex(phrase: str) -> str:
    return r"\s+".join(re.escape(p) for p in phrase.split())


def _words(words) -> str:
    return "(?:" + "|".join(_flex(w) for w in sorted(words, key=len, reverse=True)) + ")"


def _either_case(word: str) -> str:
    """``van`` -> ``[Vv]an``: tussenvoegsels are capitalised when they start a surname."""
    if word[:1].isalpha():
        return f"[{word[0].upper()}{word[0].lower()}]{re.escape(word[1:])}"
    return re.escape(word)


@dataclass(frozen=True)
class _Patterns:
    hyphen: re.Pattern
    spaced: re.Pattern
    by: re.Pattern
    numbered: re.Pattern
    bare: re.Pattern
    debate: re.Pattern
    submitted: re.Pattern
    proposed: re.Pattern
    header: re.Pattern
    body: re.Pattern
    proposed_on: re.Pattern
    end: re.Pattern
    name_split: re.Pattern
    footnote_line: re.Pattern


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    v = vocabulary()
    tv = "(?:" + "|".join(_either_case(w) for w in nameparts.tussenvoegsels() if " " not in w) + ")"
    # a capitalised word whose hyphen goes on in lower case is a compound, not a name ('moties
    # Re-integratie' in a title), unless a tussenvoegsel follows ('Wiersma-de Boer')
    cap = rf"{nameparts.CAPITALISED}(?![\w])(?!-(?!{tv}\s)[{nameparts.LOWER}])"
    # 'Jasper van\nDijk' across a line break; a second capitalised word ('Koşer Kaya', 'Bruins Slot')
    # stays only where the register knows the two as one surname (split_names)
    gap = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
    name = (
        rf"(?:(?:[{nameparts.UPPER}]\.\s?){{1,4}}\s*)?(?:{tv}\s+)*{cap}(?:-(?:{tv}\s+)*{cap})*"
        rf"(?:{gap}(?:{tv}{gap})+{cap}(?:-{cap})*)?(?:[ \t]+{cap})?"
    )
    names = rf"(?P<names>{name}(?:\s*(?:,|/|\s+en\s)\s*{name})*)"
    member = _words(v["member_words"])
    cs = r"(?P<cs>\s+(?:" + "|".join(re.escape(c) for c in sorted(v["cum_suis"], key=len, reverse=True)) + r")(?![^\W\d]))?"
    party = r"(?:\s*\((?P<party>[A-Z][A-Za-z\-]+(?:\s+[A-Za-z][A-Za-z\-]+){0,3})\))?"
    motie = r"(?<![\w\-])[Mm]oties?"
    number = r"(?:\s+(?:op\s+stuk\s+)?(?:nrs?\.?\s*)?(?P<num>\d{1,4}))"
    toev = kst.vocabulary()["toevoeging_pattern"]
    return _Patterns(
        hyphen=re.compile(rf"(?<![\w\-])[Mm]otie-{names}{cs}{party}"),
        spaced=re.compile(rf"{motie}\s+{names}{cs}{party}"),
        by=re.compile(rf"{motie}{number}?\s+van\s+(?:{member}\s+)?{names}{cs}{party}"),
        numbered=re.compile(
            rf"{motie}\s+(?:op\s+stuk\s+)?(?:nrs?\.?\s*)?(?P<nums>\d{{1,4}}(?:\s*(?:,|&|\s+en\s)\s*\d{{1,4}})*)(?![\w])"
            r"(?![ \t\u00a0]+\d{3}(?!\d))"  # 'Motie 30 545, nr. 42': a dossier number, not motion 30
        ),
        bare=re.compile(rf"{motie}\s*\(\s*"),
        debate=re.compile(
            _words(v["debate_number"])
            + rf"\s*(?P<num>\d{{1,4}}|[A-Z]{{1,2}}(?![\w]))\s*\(\s*(?P<d>\d{{1,2}}[ \u00a0]?\d{{3}})(?:\s*[-–]?\s*(?P<t>{toev}))?\s*\)"
        ),
        submitted=re.compile(_words(v["debate_submitted_by"]) + rf"\s+{member}\s+{names}{cs}"),
        proposed=re.compile(rf"[Dd]oor\s+{member}\s+{names}{cs}\s+" + _words(v["debate_proposed_by"])),
        header=re.compile(
            r"(?:Nr\.?[ \t]*(?P<n>\d{1,4}|[A-Z]{1,2})[ \t]+)?" + "(?P<phrase>(?i:" + _words(v["motion_document_header"]) + r"))[ \t]+(?P<names>[^\n]+)"
        ),
        body=re.compile(_words(v["motion_document_body"])),
        proposed_on=re.compile(r"(?<![\w])" + _words(v["motion_document_proposed"]) + r"(?![\w])"),
        end=re.compile(_words(v["motion_document_end"]) + r"\s*\.?"),
        name_split=re.compile(r"\s*(?:,|/|\s+en\s)\s*"),
        # '2 Kamerstuk 29 544, nr. 1161.', or with the number glued on as a saved page has it ('2Kamerstuk')
        footnote_line=re.compile(r"[ \t]*(?P<n>\d{1,3})(?:[ \t]+\S|(?=[A-Z][a-z]))"),
    )


# --- names ---------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _gap_stopwords() -> frozenset[str]:
    """Words between a motion and a reference that show the reference is another document."""
    return frozenset(w.lower() for w in vocabulary()["reference_gap_stopwords"])


@lru_cache(maxsize=1)
def _relative_pronouns() -> frozenset[str]:
    return frozenset(w.lower() for w in vocabulary()["relative_pronouns"])


def _ends_in_motion_verb(between: str) -> bool:
    """``, die de Kamer heeft aangenomen (``: a relative clause about the motion ends right before
    the reference, so the reference is the motion's own."""
    verbs = "|".join(re.escape(v) for v in vocabulary()["relative_clause_verbs"])
    return bool(re.search(rf"(?<!\w)(?:{verbs})\s*\(?\s*$", between, re.IGNORECASE))


def clean_name(name: str) -> str:
    """Collapse whitespace and capitalise a leading tussenvoegsel: ``van Hijum`` -> ``Van Hijum``."""
    name = " ".join(name.split()).strip(" ,")
    return name[:1].upper() + name[1:]


def title_name(upper: str) -> str:
    """An upper-case header name in ordinary spelling: ``VAN ’T WOUT`` -> ``Van ’t Wout``."""
    return clean_name(nameparts.proper_case(upper))


def _valid_name(name: str) -> bool:
    """A name needs a part that is not a tussenvoegsel, and no part that is a common capitalised word."""
    tv = nameparts.tussenvoegsel_words()
    parts = [p for p in re.split(r"[\s\-]+", name) if p]
    core = [p for p in parts if p.lower() not in tv]
    return bool(core) and not any(p in _not_names() for p in core)


def split_names(text: str) -> list[str]:
    """``Van Hijum en Spekman`` / ``De Kort/Pouw-Verweij`` -> names, stopping at the first non-name."""
    out = []
    for part in _patterns().name_split.split(text):
        part = _one_surname(clean_name(part))
        if not part or not _valid_name(part):
            break
        out.append(part)
    return out


def _one_surname(name: str) -> str:
    """``Koşer Kaya``, a surname of two capitalised words the register knows, stays whole; of two
    other capitalised words only the first is the name (``Jansen Vandaag``)."""
    words = name.split()
    pieces = re.split(r"[\s\-]+", name)  # 'Terpstra-de Groot': a tussenvoegsel after the hyphen joins them
    if len(words) != 2 or any(p.casefold() in nameparts.tussenvoegsel_words() for p in pieces) or words[0].endswith("."):
        return name
    from kg.register import persons_named

    return name if persons_named(name) else words[0]


def motion_label(names: list[str], cum_suis: bool = False) -> str:
    """``motie-Hamer c.s.``, ``motie-Azmani/Dijkgraaf`` (the form the Kamer itself writes)."""
    if not names:
        return ""
    return "motie-" + "/".join(names) + (" c.s." if cum_suis else "")


# --- what was found ------------------------------------------------------------------------------


@dataclass
class _Found:
    start: int
    end: int
    names: list[str] = field(default_factory=list)
    cum_suis: bool = False
    parties: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)  # number ("" for unnumbered) -> id
    heading: bool = False
    # Where the mention of each listed number ends ("moties 49" / "moties 49, 50" / ...), so the
    # motions of one list get spans that differ (span attributes are keyed by offsets).
    number_ends: dict[str, int] = field(default_factory=dict)


def _named(match: re.Match, numbers: list[str], text: str) -> _Found | None:
    names = split_names(match["names"])
    if not names and not numbers:
        return None
    if names and not names[0][:1].isupper():
        return None
    party = match.groupdict().get("party")
    if party and party.split()[0] in _not_names():
        party = None
    line_start = text.rfind("\n", 0, match.start()) + 1
    return _Found(
        match.start(),
        match.end() if party or names else match.start("names"),
        names,
        bool(match["cs"]),
        [party] if party else [],
        numbers,
        heading=not text[line_start : match.start()].strip(),
    )


def _after_topic_heading(text: str, start: int) -> bool:
    """'Stemmingen moties Participatiewet en beschut werk': the votes on a debate's motions."""
    before = text[max(0, start - 20) : start].split()
    return bool(before) and before[-1] in vocabulary()["topic_heading_words"]


def _is_year(number: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d{2}", number))


def _followed_by_unit(text: str, end: int) -> bool:
    following = re.match(r"\s*([^\s.,;:()]+)", text[end : end + 30])
    return bool(following) and following[1].lower() in vocabulary()["marker_not_before"]


def _find_mentions(text: str) -> list[_Found]:
    p = _patterns()
    candidates: list[tuple[int, _Found]] = []
    for priority, pattern in enumerate((p.by, p.hyphen, p.spaced)):
        for match in pattern.finditer(text):
            num = match.groupdict().get("num")
            numbers = [num] if num and not _is_year(num) else []
            found = _named(match, numbers, text)
            if found and (pattern is not p.spaced or not (match["names"][:1].islower() or _after_topic_heading(text, match.start()))):
                candidates.append((priority, found))
    for match in p.numbered.finditer(text):
        listed = [(n[0], match.start("nums") + n.end()) for n in re.finditer(r"\d+", match["nums"]) if not _is_year(n[0])]
        if listed and not _followed_by_unit(text, match.end()):
            line_start = text.rfind("\n", 0, match.start()) + 1
            heading = not text[line_start : match.start()].strip()
            ends = dict(listed[:-1])
            numbers = list(dict.fromkeys(n for n, _ in listed))
            candidates.append((3, _Found(match.start(), match.end(), numbers=numbers, heading=heading, number_ends=ends)))
    chosen: list[_Found] = []
    for _, found in sorted(candidates, key=lambda c: (c[1].start, -(c[1].end - c[1].start), c[0])):
        if chosen and found.start < chosen[-1].end:
            continue
        chosen.append(found)
    return chosen


# --- footnotes -----------------------------------------------------------------------------------


def footnote_bodies(text: str) -> dict[int, list[tuple[int, int]]]:
    """Footnote bodies: ``N text`` lines after a blank line, or numbered on from the previous note.

    Returns number -> list of (start, end) character spans (body lines plus up to two continuation
    lines). A line starting with a space (a page start in PDF text) ends a block.
    """
    p = _patterns()
    bodies: dict[int, list[tuple[int, int]]] = {}
    offset, previous_blank, last, current = 0, True, None, None
    for line in text.splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        if not line.strip():
            previous_blank, current = True, None
            continue
        match = p.footnote_line.match(line)
        number = int(match["n"]) if match else None
        if number is not None and (previous_blank or (last is not None and number == last + 1 and current)):
            current = [start, offset, 0]
            bodies.setdefault(number, []).append((start, offset))
            last = number
        elif current is not None and not line.startswith(" ") and current[2] < 2:
            current[1], current[2] = offset, current[2] + 1
            spans = bodies[last]
            spans[-1] = (spans[-1][0], offset)
        else:
            current = None
        previous_blank = False
    return bodies


def _markers(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Candidate footnote markers (position, number) in ``text[start:end]``: numbers after a word
    that is not a preposition or abbreviation, and not followed by a month or unit."""
    v = vocabulary()
    out = []
    for match in re.finditer(r"(?<!\d[.,])(?<![\d/:\-])(\d{1,3})(?![\d\w])(?![.,]\d)", text[start:end]):
        at = start + match.start()
        before = re.search(r"(\S+)\s?$", text[max(0, at - 40) : at])
        if not before or before[1][-1].isdigit() or before[1].lower() in v["marker_not_after"]:
            continue
        if _followed_by_unit(text, start + match.end()):
            continue
        out.append((at, int(match[1])))
    return out


# --- resolving ids -------------------------------------------------------------------------------


@dataclass
class _Context:
    text: str
    kamerstuk: list[Span]
    own_dossier: str
    debate_numbers: dict[str, str]
    footnotes: dict[int, list[tuple[int, int]]]

    def reference_after(self, end: int) -> str:
        """Id of a Kamerstuk reference right after a mention: same sentence, a few words on, and no
        word in between that introduces another document ("brief", "rapport", ...)."""
        gap = vocabulary()["reference_gap_chars"]
        for span in self.kamerstuk:
            if end <= span.start_char <= end + gap:
                between = self.text[end : span.start_char]
                words = {w.lower() for w in re.findall(r"\w+", between)}
                blocking = words & _gap_stopwords()
                if blocking and blocking <= _relative_pronouns() and _ends_in_motion_verb(between):
                    blocking = set()
                if not re.search(r"[.!?;](?:\s|$)|[Mm]otie|\)\s*\(", between) and not blocking:
                    return span.kb_id_
        return ""

    def footnote_id(self, start: int, end: int) -> str:
        """Id of the first footnote marker after the mention whose footnote body cites a Kamerstuk."""
        for at, number in _markers(self.text, start, end):
            for body_start, body_end in sorted(self.footnotes.get(number, []), key=lambda b: (b[0] < at, b[0])):
                for span in self.kamerstuk:
                    if body_start <= span.start_char < body_end:
                        return span.kb_id_
        return ""

    def number_id(self, number: str, at: int) -> str:
        """Id of motion ``number``: a debate assignment, the nearest earlier reference listing the
        number, the document's own dossier, or a later reference listing it."""
        if number in self.debate_numbers:
            return self.debate_numbers[number]
        listing = [s for s in self.kamerstuk if _KAMERSTUK_ID.fullmatch(s.kb_id_) and s.kb_id_.rpartition("-")[2] == number]
        earlier = [s for s in listing if s.start_char < at]
        if earlier:
            return earlier[-1].kb_id_
        if self.own_dossier:
            return f"{self.own_dossier}-{number}"
        return listing[0].kb_id_ if listing else ""


def _scope_end(doc: Doc, found: _Found) -> int:
    """End of the sentence holding the mention, plus a marker standing right after its full stop."""
    limit = found.end + vocabulary()["marker_scope_chars"]
    end = limit
    if doc.has_annotation("SENT_START"):
        span = doc.char_span(found.start, found.end, alignment_mode="expand")
        if span is not None:
            end = min(span[-1].sent.end_char, limit)
    # on its line or the next, and not a section's number ('… inlichtingenplicht.\n\n2. Hoofdlijnen')
    trailing = re.match(r"[ \t]{0,3}\n?[ \t]{0,3}\d{1,3}(?![\d\w.])", base.text_of(doc)[end : end + 8])
    return end + trailing.end() if trailing else end


# --- the motion document itself ------------------------------------------------------------------


def _signatures(text: str) -> list[str]:
    p = _patterns()
    ends = list(p.end.finditer(text))
    if not ends:
        return []
    names = []
    footnote = _patterns().footnote_line
    for line in text[ends[-1].end() :].lstrip("\n").splitlines():
        if not names and (not line.strip() or footnote.match(line)):
            continue  # footnotes may stand between the motion's last words and its signatures
        if not is_signature_line(line):
            break
        names.append(clean_name(line.strip()))
    return names


def is_signature_line(line: str) -> bool:
    """A line that is one signer's name: capitalised, no digits, at most five words, no closing
    punctuation (``Van Kent``, ``Gijs van Dijk``)."""
    line = line.strip()
    return (
        bool(re.fullmatch(rf"[{nameparts.UPPER}][^\d\n]{{1,40}}", line))
        and len(line.split()) <= 5
        and not line.endswith((".", ":", ";", ","))
    )


def _header_names(line: str) -> str:
    """The names at the start of a header line: all of ``JANSEN EN DE WIT``, and ``Jansen c.s.``
    of ``Jansen c.s. over werk`` (a title in sentence case ends at its first lower-case word)."""
    keep = []
    glue = nameparts.tussenvoegsel_words() | {"en", "c.s.", "cs"}
    subject = {w.casefold() for w in vocabulary()["header_subject_words"]}
    for word in line.split():
        if word.casefold() in subject or not (word[:1].isupper() or word.casefold().strip(",") in glue):
            break  # 'JANSEN C.S. OVER DE DOELGROEPVERKLARING': the subject starts
        keep.append(word)
        if word.casefold() in {c.casefold() for c in vocabulary()["cum_suis"]}:
            break
    return " ".join(keep)


def header_lines(text: str, names: str, end: int) -> tuple[str, int]:
    """An all-caps header's names with the lines after it that hold no lower-case letter (a PDF's
    narrow column: ``MOTIE VAN DE LEDEN KERSTENS EN`` / ``SCHOUTEN``), and where they end."""
    for line in text[end:].split("\n")[1:]:
        if not line.strip() or re.search(rf"[{nameparts.LOWER}]", line):
            break
        names += " " + line.strip()
        end = text.index(line, end) + len(line)
    return names, end


def header_submitters(upper: str) -> tuple[list[str], bool]:
    """The names after ``MOTIE VAN DE LEDEN`` (or ``AMENDEMENT VAN …``) in ordinary spelling, and
    whether the header adds 'c.s.': ``JANSEN EN VAN ’T WOUT C.S. OVER …`` -> (Jansen, Van ’t Wout), True."""
    upper, cum_suis = _without_cum_suis(_header_names(upper))
    return [title_name(n) for n in re.split(r"\s*(?:,|\s[Ee][Nn]\s|/)\s*", upper) if n.strip()], cum_suis


def _without_cum_suis(names_text: str) -> tuple[str, bool]:
    """``JANSEN C.S.`` -> (``JANSEN``, True): 'c.s.' (cum suis, 'with his people') is never a name."""
    forms = "|".join(re.escape(c) for c in sorted(vocabulary()["cum_suis"], key=len, reverse=True))
    stripped = re.sub(rf"\s+(?i:{forms})(?![^\W\d])\s*$", "", names_text.strip())
    return stripped, stripped != names_text.strip()


def _motion_document(doc: Doc, own_key: str) -> set[tuple] | None:
    """Type, submitters and a header mention for a document that is itself a motion; the submitter
    groups (see :func:`_names_group`) that name it, None when the document is no motion."""
    p = _patterns()
    v = vocabulary()
    text = base.text_of(doc)
    head = text[: v["header_chars"]]
    header = p.header.search(head)
    if header and not header["phrase"].isupper() and (not p.body.search(text) or p.debate.search(text)):
        # 'Motie van het lid X' in sentence case heads a motion document (a web page's title) only
        # when the motion's body follows and no debate gives it a number (a motion read out)
        header = None
    if header:
        start = header.start()
        upper, end = header_lines(text, header["names"], header.end())
        written, cum_suis = header_submitters(upper)
    else:
        cum_suis = False
        body = p.body.search(head[:300])
        if not body or not p.proposed_on.search(head[: body.start()]):
            return None
        start, end, written = body.start(), body.end(), []
    signed = _signatures(text)
    if signed and (not written or {n.lower() for n in written} <= {n.lower() for n in signed}):
        submitters = signed  # every signer submits, also the 'c.s.' of the header
    else:
        submitters = written or signed
    facts = base.document_facts(doc)
    facts.setdefault("type", "motie")
    if submitters:
        facts["submitters"] = submitters
    number = header["n"] if header and header["n"] else own_key.rpartition("-")[2]
    # 'MOTIE VAN HET LID PALLAND C.S.' signed by eleven: the motie-Palland c.s., as the Kamer names it
    label = motion_label(written, True) if cum_suis and written else motion_label(submitters)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        base.add_mention(
            doc, "motion", span, key=own_key, submitters=submitters, parties=[],
            label=label, dossier=own_key.rpartition("-")[0], number=number or "",
        )
    return {_names_group(written, cum_suis), _names_group(submitters)}


# --- the component -------------------------------------------------------------------------------


@Language.component("kg_motions")
def motions(doc: Doc) -> Doc:
    """Write ``motion`` mentions (and motion-document facts); runs after ``kg_kamerstuk_refs``."""
    return base.run_guarded("kg_motions", _annotate, doc)


def _own_key(doc: Doc) -> str:
    for identifier in base.document_facts(doc).get("identifiers") or []:
        if isinstance(identifier, str) and _KAMERSTUK_ID.fullmatch(identifier):
            return identifier
    return ""


def _annotate(doc: Doc) -> None:
    text = base.text_of(doc)
    p = _patterns()
    own_key = _own_key(doc)
    own_groups = _motion_document(doc, own_key)
    kamerstuk = sorted(base.mentions(doc, "kamerstuk"), key=lambda s: s.start_char)
    debates = list(p.debate.finditer(text))
    context = _Context(
        text,
        kamerstuk,
        own_key.rpartition("-")[0],
        {m["num"]: kst.normalize(m["d"], m["t"], m["num"]) for m in debates},
        footnote_bodies(text),
    )
    found = [f for f in _find_mentions(text) if not _inside_header(doc, f)]
    found.extend(_debate_mentions(text, debates, found))
    found.extend(_reference_lists(text, kamerstuk, found))
    found.extend(_referenced(text, found, context))
    for item in found:
        for number in item.numbers:
            item.keys.setdefault(number, context.number_id(number, item.start))
        if not item.numbers and not item.keys.get(""):
            item.keys[""] = context.reference_after(item.end) or context.footnote_id(item.end, _scope_end(doc, item))
        if own_key and own_groups and item.names and not item.numbers and not item.keys.get("") and _group(item) in own_groups:
            item.keys[""] = own_key  # a motion page's title or header line names the page's own motion
    _share_keys(found)
    for item in sorted(found, key=lambda f: f.start):
        _write(doc, item)


def _inside_header(doc: Doc, found: _Found) -> bool:
    return any(s.start_char <= found.start < s.end_char for s in base.mentions(doc, "motion"))


def _debate_mentions(text: str, debates: list[re.Match], found: list[_Found]) -> list[_Found]:
    """``Zij krijgt nr. 117 (31234).`` names the motion just read out; its submitters come from
    ``voorgesteld door de leden ...`` or a ``Motie van het lid ...`` heading before it."""
    p = _patterns()
    out, previous_end = [], 0
    for match in debates:
        key = kst.normalize(match["d"], match["t"], match["num"])
        window = text[previous_end : match.start()]
        names: list[str] = []
        cum_suis = False
        for source in (p.submitted, p.proposed):
            for by in source.finditer(window):
                names, cum_suis = split_names(by["names"]), bool(by["cs"])
        for heading in (f for f in found if previous_end <= f.start < match.start() and f.heading and f.names):
            heading.keys[""] = key
            if not names:
                names, cum_suis = heading.names, heading.cum_suis
        out.append(_Found(match.start(), match.end(), names, cum_suis, numbers=[match["num"]], keys={match["num"]: key}))
        previous_end = match.end()
    return out


def _reference_lists(text: str, kamerstuk: list[Span], found: list[_Found]) -> list[_Found]:
    """``moties (Tweede Kamer, ..., 28 719, nrs. 49, 50, 51 en 53)``: one motion per cited id."""
    out = []
    for match in _patterns().bare.finditer(text):
        if any(f.start <= match.start() < f.end for f in found):
            continue
        first = [s for s in kamerstuk if s.start_char == match.end()]
        if not first:
            continue
        reference_end = max(s.end_char for s in first)
        for span in kamerstuk:
            if match.end() <= span.start_char < reference_end and _KAMERSTUK_ID.fullmatch(span.kb_id_):
                number = span.kb_id_.rpartition("-")[2]
                out.append(_Found(match.start(), span.end_char, numbers=[number], keys={number: span.kb_id_}))
    return out


def _referenced(text: str, found: list[_Found], context: _Context) -> list[_Found]:
    """``mijn motie over de sociale infrastructuur (Kamerstuk 33 161, nr. 118)``, ``de aangenomen
    motie (...)``: a motion named by neither submitter nor number is a mention only when its
    Kamerstuk reference follows in the same clause (see :meth:`_Context.reference_after`)."""
    out = []
    for match in re.finditer(r"(?<![\w\-])[Mm]otie(?![\w\-])", text):
        if any(f.start <= match.start() < f.end for f in found):
            continue
        key = context.reference_after(match.end())
        if _KAMERSTUK_ID.fullmatch(key):
            out.append(_Found(match.start(), match.end(), keys={"": key}))
    return out


def _share_keys(found: list[_Found]) -> None:
    """Mentions of one submitter group share its id when the document gives exactly one; a motion
    named after one member (``de motie van de heer Kox``, ``de motie-Kox c.s.``) is the one the
    document gives that member's name first of, when there is exactly one."""
    groups: dict[tuple, set[str]] = {}
    first: dict[str, set[str]] = {}
    for item in found:
        if item.names:
            ids = {k for k in item.keys.values() if k}
            groups.setdefault(_group(item), set()).update(ids)
            first.setdefault(item.names[0].lower(), set()).update(ids)
    for item in found:
        if item.numbers or item.keys.get("") or not item.names:
            continue
        ids = groups.get(_group(item), set())
        if not ids and len(item.names) == 1:
            ids = first.get(item.names[0].lower(), set())
        if len(ids) == 1:
            item.keys[""] = next(iter(ids))


def _group(item: _Found) -> tuple:
    return _names_group(item.names, item.cum_suis)


def _names_group(names: list[str], cum_suis: bool = False) -> tuple:
    """Who submits, whatever the order or case they are written in, and whether 'c.s.' follows."""
    return (frozenset(n.lower() for n in names), cum_suis)


def _write(doc: Doc, item: _Found) -> None:
    label = motion_label(item.names, item.cum_suis)
    for number in item.numbers or [""]:
        span = doc.char_span(item.start, item.number_ends.get(number, item.end), alignment_mode="expand")
        if span is None:
            continue
        key = item.keys.get(number, "")
        dossier, _, id_number = key.rpartition("-")
        base.add_mention(
            doc,
            "motion",
            span,
            key=key,
            submitters=list(item.names),
            parties=list(item.parties),
            label=label or (f"motie {number}" if number else "motie"),
            dossier=dossier,
            number=number or id_number,
        )
