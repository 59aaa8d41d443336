"""Kamerstuk, Handelingen and Aanhangsel citations, and the document's own number.

Citations are what link one Kamerstuk to the others, so they are read with a small grammar over the
cleaned text rather than a model: a citation needs Kamerstuk context (a ``nr./nrs./letter`` part, a
``kst-`` form or a dossier-number-dash form), which keeps amounts, dates, phone numbers and years from
becoming dossiers. Every citation is normalized to the KOOP id without ``kst-``
(``Kamerstuk 34 950 XV, nr. 2`` -> ``34950-XV-2``; ``Handelingen II 2019/20, nr. 75`` ->
``h-tk-20192020-75``).

The document's own number (page footers, the dossier header, "Zie ook Aanhangsel Handelingen ..."
under the answers) identifies the document: it goes to ``document_facts(doc)["identifiers"]`` and is
not written as a citation.

The pure functions (:func:`find_references`, :func:`normalize`, :func:`normalize_year`,
:func:`own_number`) need no spaCy, so other code can reuse them on any string.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import product
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from kg.datafiles import load_json
from kg.extractors import base

_YEAR = r"(?:19|20)\d{2}\s*[/\-–—]\s*(?:(?:19|20)\d{2}|\d{2})(?!\d)"
# two digits and three, apart by a space, a line break or the wider gaps of justified PDF text ("29  544")
_DOSSIER = r"(?<![\w.,/€–—\-])\d{1,2}(?:[ \u00a0]{1,3}|[ \u00a0]*\n[ \u00a0]*)?\d{3}(?![\d])"
_MAX_RANGE = 30


@dataclass(frozen=True)
class Citation:
    """One cited document: its normalized id, the dossier and number it was built from, and the
    part of the reference that names it (``start``/``end``; -1 means the whole reference).

    In a list (``28 719, nrs. 49, 50 en 53``) each id gets its own stretch of the reference: from its
    dossier (or the reference start) to its number (or the reference end), so no two ids of one
    reference share both offsets.
    """

    id: str
    dossier: str = ""  # KOOP dossier id with its toevoeging: "34950-XV"; "" for Handelingen
    number: str = ""  # "2", or an Eerste Kamer letter "J"
    start: int = field(default=-1, compare=False)
    end: int = field(default=-1, compare=False)


@dataclass(frozen=True)
class Reference:
    """A citation in a text: character offsets, the ids it cites and its kind.

    ``kind`` is ``kamerstuk``, ``handelingen`` or ``aanhangsel``. One reference may cite several ids
    (``28 719, nrs. 49, 50 en 53``; ``Kamerstukken 30 982 en 26 448, nr. 26``).
    """

    start: int
    end: int
    citations: tuple[Citation, ...]
    kind: str = "kamerstuk"

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.citations)


@dataclass(frozen=True)
class OwnNumber:
    """What identifies the document itself: its ids (primary first) and the dossier title."""

    ids: tuple[str, ...] = ()
    title: str = ""


# --- normalization -------------------------------------------------------------------------------


#: a paper's number within its dossier as ids write it: 12, an old Eerste Kamer 242a, a letter AA
ID_NUMBER = r"\d{1,4}[a-h]?|[A-Z]{1,2}"


def normalize(dossier: str, toevoeging: str | None, nr: str | int) -> str:
    """``("34 950", "XV", "2")`` -> ``"34950-XV-2"``; an ``(R2100)`` bill number is not part of the id."""
    number = str(nr).strip()
    glued = re.fullmatch(r"(\d+)([a-h])", number)  # an old Eerste Kamer number such as 242a keeps its letter
    if glued:
        number = f"{int(glued[1])}{glued[2]}"
    else:
        number = str(int(number)) if number.isdigit() else number.upper()
    return "-".join(part for part in (normalize_dossier(dossier, toevoeging), number) if part)


def normalize_dossier(dossier: str, toevoeging: str | None) -> str:
    """``("31.780", None)`` -> ``"31780"``, ``("33 000", "XV")`` -> ``"33000-XV"``: a dossier as ids write it."""
    digits = re.sub(r"\D", "", str(dossier))
    extra = re.sub(r"\(\s*R\s*\d+\s*\)", "", toevoeging or "")
    extra = re.sub(r"[\s\-–]", "", extra).upper()
    return "-".join(part for part in (digits, extra) if part)


def normalize_year(text: str) -> str | None:
    """``2019/20``, ``2019-20``, ``2019–2020``, ``2019/2020`` -> ``"20192020"`` (None if not a session year)."""
    match = re.fullmatch(r"\s*((?:19|20)\d{2})\s*[/\-–—]\s*(\d{4}|\d{2})\s*", text or "")
    if not match:
        return None
    first = int(match[1])
    second = int(match[2]) if len(match[2]) == 4 else (first + 1) // 100 * 100 + int(match[2])
    return f"{first}{second}" if second == first + 1 else None


def handelingen_id(chamber: str, year: str, nr: str | int, aanhangsel: bool = False) -> str | None:
    """KOOP id of a Handelingen (``h-tk-20072008-75``) or Aanhangsel (``ah-tk-20192020-961``) item."""
    session = year if re.fullmatch(r"\d{8}", year or "") else normalize_year(year)
    if not session or not str(nr).strip().isdigit():
        return None
    return f"{'ah' if aanhangsel else 'h'}-{chamber}-{session}-{int(str(nr).strip())}"


def session_of(day: datetime.date) -> str:
    """The vergaderjaar of a date: it starts on Prinsjesdag, the third Tuesday of September."""
    first = datetime.date(day.year, 9, 1)
    prinsjesdag = first + datetime.timedelta(days=(1 - first.weekday()) % 7 + 14)
    start = day.year if day >= prinsjesdag else day.year - 1
    return f"{start}{start + 1}"


# --- the grammar ---------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """The pattern vocabulary (``kg/extractors/data/kamerstuk.json``)."""
    return load_json("kg.extractors.data", "kamerstuk.json")


def _words(words) -> str:
    """Alternation of phrases, longest first, any whitespace run between their parts."""
    phrases = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in phrases) + ")"


def _separators(words) -> str:
    """List separators: punctuation may touch its neighbours (``5,6``), words need spaces (``5 en 6``)."""
    return "|".join(
        rf"\s+{_words([w])}\s+" if w[:1].isalpha() else rf"\s*{_words([w])}\s*" for w in words
    )


@dataclass(frozen=True)
class _Grammar:
    general: re.Pattern
    prefixed_dash: re.Pattern
    bare_dash: re.Pattern
    paren_dash: re.Pattern
    list_dash: re.Pattern
    paren_letter: re.Pattern
    line_letter: re.Pattern
    dossier_row: re.Pattern
    own_dossier: re.Pattern
    number_then_dossier: re.Pattern
    bare_number: re.Pattern
    kst_dash: re.Pattern
    kst_compact: re.Pattern
    handelingen: re.Pattern
    plain_handelingen: re.Pattern
    dossier: re.Pattern
    number: re.Pattern
    list_part: re.Pattern
    not_before: re.Pattern
    own_cue: re.Pattern
    header_dossier: re.Pattern
    header_number: re.Pattern


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    v = vocabulary()
    toev = v["toevoeging_pattern"]
    letter = v["ek_letter_pattern"]
    nr_words = r"(?<![\w])" + _words(v["number_words"])
    letter_words = r"(?<![\w])" + _words(v["letter_words"]) + r"(?![\w])"
    session_words = _words(v["vergaderjaar_words"])
    chambers = "|".join(sorted(map(re.escape, v["chamber_words"]), key=len, reverse=True))
    chamber_names = _words(v["chamber_names"])
    chamber_prefixes = "|".join(map(re.escape, v["chamber_prefixes"]))

    # A number directly followed by three digits is the next dossier ("nr. 5 en 31 234, nr. 6"). The
    # Eerste Kamer numbered its papers until about 2000 as the bill's number plus a small letter
    # ("27 588, nr. 242a" for the voorlopig verslag, "242b" for the memorie van antwoord).
    num = rf"(?:\d{{1,4}}(?!\d)(?:[a-h](?![\w]))?(?![ \u00a0\n]\d{{3}}(?!\d))|{letter}(?![\w]))"
    listing = _separators(v["list_separators"])
    sep = r"(?:" + listing + r"|\s*" + _words(v["range_words"]) + r"\s*)"
    # 'nr. 1205 en nr. 1237': the number word may come again after a separator
    again = rf"(?:{nr_words}\s*)?"
    num_list = rf"{num}(?:{sep}{again}{num})*"
    dossier_full = (
        rf"{_DOSSIER}(?:(?:\s?[-–]\s?|\s+){toev}(?![\w])|[-–]\d{{1,2}}(?=\s*(?:,\s*)?(?:{nr_words}|{letter_words})))?"
        r"(?:\s*\(\s*R\s?\d{3,4}\s*\))?"
    )
    dossier_sep = r"(?:" + listing + ")"
    nr_part = (
        rf"(?:\s*(?:,\s*)?{nr_words}\s*(?P<nums>{num_list})"
        rf"|\s*(?:,\s*)?{letter_words}\s+(?P<letters>{num_list})"
        rf"|\s*,\s*(?P<bare>{letter})(?![\w]))"
    )
    suffix = r"(?:\s*(?:,\s*)?" + _words(v["suffix_words"]) + r"(?![\w]))?"
    pages = r"(?:\s*(?:,\s*)?" + _words(v["page_words"]) + r"\s*\d+(?:\s*[-–]\s*\d+)?)*"
    prefix = (
        rf"(?:(?P<kw>{_words(v['kamerstuk_words'])})(?:\s+(?P<ch>{chambers})(?![\w])|\s+(?P<kwname>{chamber_names}))?"
        rf"|(?P<chname>{chamber_names})"
        rf"|(?<![\w])(?P<chpre>{chamber_prefixes})(?![\w]))"
    )
    session = rf"(?:\s*(?:,\s*)?(?:{session_words}\s+)?(?P<year>{_YEAR}))?"
    # '(33000-XV, nr. 31, was nr. 25)': a changed motion keeps the number it replaces beside it
    was_part = rf"(?:\s*,\s*was\s+{nr_words}\s*(?P<was>\d{{1,4}}))?"
    general = (
        rf"(?:{prefix}{session}\s*(?:,\s*)?)?(?P<dossiers>{dossier_full}(?:{dossier_sep}{dossier_full})*)"
        rf"(?:{nr_part}{was_part})?{suffix}{pages}"
    )
    dash_tail = rf"(?P<d>\d{{1,2}}[ \u00a0]?\d{{3}})-(?:(?P<t>{toev})-)?(?P<n>\d{{1,4}})(?![\w\-])"
    hand_words = _words(v["handelingen_words"])
    aanh_words = _words(v["aanhangsel_words"])
    handelingen = (
        rf"(?:(?P<ah>{aanh_words})|{hand_words})"
        rf"(?:\s*(?:,\s*)?(?P<ch>{chambers})(?![\w])|\s+(?P<chname>{chamber_names}))?"
        rf"\s*(?:,\s*)?(?:{session_words}\s+)?(?P<year>{_YEAR})\s*(?:,\s*)?"
        rf"(?:{nr_words}\s*(?P<nums>{num_list})|(?P<item_nr>\d{{1,3}})(?=\s*(?:,\s*)?item\b)){pages}"
    )
    not_before = r"(?:" + "|".join(re.escape(w) for w in v["not_kamerstuk_before"]) + r")\s*[:.]?\s*$"
    return _Grammar(
        general=re.compile(general),
        # 'Kamerstuk: 34352-147' under an item of a besluitenlijst: the key's colon before the number
        prefixed_dash=re.compile(rf"{prefix}{session}\s*(?:[,:]\s*)?{dash_tail}"),
        bare_dash=re.compile(rf"(?<![\w./\-])(?P<d>\d{{5}})-(?P<t>{toev})-(?P<n>\d{{1,4}})(?![\w\-])"),
        # '(34352-13)' after a motion or letter in web-page lists: a five-digit dossier and a number
        # alone in parentheses (without parentheses the shape is too common to trust)
        paren_dash=re.compile(r"(?<=\()[ \t]*(?P<d>\d{5})-(?P<n>\d{1,4})[ \t]*(?=\))"),
        # '… Voortgang Participatiewet in balans - 34352-287': the number ending an item of a
        # tweedekamer.nl list, after ' - ' and before the end of the line or the next ' - ' (dossiers
        # run from 2xxxx to 3xxxx; other numbers in that place are rare enough)
        list_dash=re.compile(
            rf"(?<=\s[-–]\s)(?P<d>[23]\d{{4}})-(?:(?P<t>{toev})-)?(?P<n>\d{{1,4}})(?=[ \t]*(?:$|\n|[ \t][-–][ \t]|[),;]))"
        ),
        # '(34.352, AA)', '(35 213, H)': an Eerste Kamer paper's letter after its dossier, in parentheses
        # (in justified PDF text with wide gaps: '(30  552,  C)')
        paren_letter=re.compile(rf"(?<=\()[ \t]*(?P<d>\d{{2}}(?:\.|[ \u00a0]+|[ \u00a0]*\n)?\d{{3}}),[ \t]*(?P<n>{letter})[ \t]*(?=\))"),
        # '31.780, A<TAB>24-06-2009<TAB>Gewijzigd voorstel van wet': an Eerste Kamer paper opening a
        # line of a dossier's list of papers
        line_letter=re.compile(
            rf"(?m)^[ \t]*(?P<d>\d{{2}}[ .\u00a0]?\d{{3}}),[ \t]*(?P<n>{letter})(?=(?:\t|[ ]{{2,}})\S)"
        ),
        # '8<TAB>14-05-2007<TAB>Amendement van het lid ...': a row of a dossier page's table of papers
        # (number, then date), which cites the page's own dossier
        dossier_row=re.compile(
            rf"(?m)^[ \t]*(?P<n>\d{{1,4}}|{letter})(?:\t+|[ ]{{2,}})(?=\d{{1,2}}[-./]\d{{1,2}}[-./](?:19|20)\d{{2}}(?!\d)"
            rf"|\d{{1,2}}\s+(?:{_words(v['months'])})\s+(?:19|20)\d{{2}})"
        ),
        # the dossier a dossier page is about: a metadata value, or its title 'DOSSIER Title' / 'Title (DOSSIER)'
        own_dossier=re.compile(
            rf"^\s*(?P<a>\d{{2}}[ .\u00a0]?\d{{3}})(?:(?:\s?[-–]\s?|\s+)(?P<at>{toev}))?(?:\s+\S.*)?$"
            rf"|^.*\S\s*\(\s*(?P<b>\d{{2}}[ .\u00a0]?\d{{3}})(?:(?:\s?[-–]\s?|\s+)(?P<bt>{toev}))?\s*\)\s*$"
        ),
        # 'Zij krijgt nr. 31 (24787).', 'nr. 46, was nr. 26 (35570-XV)': the Handelingen number a
        # motion gets, its dossier after it in parentheses (five digits, so no year is read as one)
        # ('Zij krijgt letter F (28870).' in the Eerste Kamer)
        number_then_dossier=re.compile(
            rf"(?:{nr_words}\s*(?P<n>\d{{1,4}})|{letter_words}\s+(?P<letter>{letter})(?![\w]))"
            rf"(?:\s*,\s*was\s+{nr_words}\s*(?P<was>\d{{1,4}}))?"
            rf"\s*\(\s*(?P<d>\d{{2}}[ \u00a0]?\d{{3}})(?:\s*[-–]?\s*(?P<t>{toev}))?\s*\)"
        ),
        # '(nr. 5)', '(stuk nrs. 5 en 6)', 'ter vervanging van nr. 17': a number with no dossier,
        # which a text on one dossier writes after it has cited the dossier in full
        bare_number=re.compile(
            rf"(?:\(\s*|(?<![\w])ter\s+vervanging\s+van\s+)(?P<ref>{nr_words}\s*(?P<nums>{num_list}))(?=\s*[),;])"
            rf"|(?<![\w])(?P<stuk>(?:de\s+)?stukken\s+nrs?\.\s*(?P<stuknums>{num_list}))(?![\w])"
        ),
        kst_dash=re.compile(
            rf"(?<![\w\-])[kK][sS][tT]-(?P<d>\d{{4,5}})(?:-(?P<t>[A-Z]{{1,6}}|\d{{1,2}}(?=-)))?-(?P<n>{ID_NUMBER})(?![\w\-])"
        ),
        kst_compact=re.compile(r"(?<![\w])KST(?P<d>\d{5})(?P<n>\d{3})(?![\w])"),
        handelingen=re.compile(handelingen),
        plain_handelingen=re.compile(
            r"(?<![\w\-])(?P<ah>a?h)-(?P<ch>tk|ek)-(?P<year>\d{8})-(?P<n>\d{1,5})(?:-\d{1,3})?(?![\w\-])"
        ),
        dossier=re.compile(
            rf"(?P<d>{_DOSSIER})(?P<t>(?:(?:\s?[-–]\s?|\s+){toev}(?![\w])|[-–]\d{{1,2}})?(?:\s*\(\s*R\s?\d{{3,4}}\s*\))?)"
        ),
        number=re.compile(num),
        list_part=re.compile(rf"(?P<sep>{sep})?{again}(?P<num>{num})"),
        not_before=re.compile(not_before),
        own_cue=re.compile(r"(?:" + "|".join(re.escape(c) for c in v["own_reference_cues"]) + r")[\s:,]*$"),
        header_dossier=re.compile(
            rf"^[ \t]*(?P<d>\d{{1,2}}[ \u00a0]?\d{{3}})(?P<t>(?:[ \t]*[-–][ \t]*|[ \t]+){toev}(?![\w]))?"
            r"(?:[ \t]*\(R\d+\))?(?:[ \t]+(?P<title>\S.*))?$"
        ),
        header_number=re.compile(rf"^[ \t]*Nr\.?[ \t]*(?P<n>{ID_NUMBER})(?![\w])[ \t]+(?P<rest>[A-Z]{{2,}}\b.*)$"),
    )


def _is_year(dossier_text: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d{2}", dossier_text.strip()))


def _numbers(text: str) -> list[tuple[str, int]]:
    """The numbers (or EK letters) of a ``5, 6 en 9`` / ``5 t/m 8`` list, ranges expanded, each with
    the offset in ``text`` where it ends."""
    g = _grammar()
    out: list[tuple[str, int]] = []
    for match in g.list_part.finditer(text):
        value, sep = match["num"], (match["sep"] or "").strip()
        if sep in ("t/m", "–", "-") or sep.startswith("tot"):
            last = out[-1][0] if out else ""
            if last.isdigit() and value.isdigit() and 0 < int(value) - int(last) <= _MAX_RANGE:
                out.extend((str(n), match.end()) for n in range(int(last) + 1, int(value) + 1))
                continue
        if sep == "," and out and _is_year(value):
            break  # "nr. 12, 2018": a year after a comma ends the list
        out.append((value, match.end()))
    return out


def _chamber(match: re.Match, eerste_kamer: bool) -> str:
    v = vocabulary()
    groups = match.groupdict()
    if groups.get("ch"):
        return v["chamber_words"][groups["ch"]]
    name = groups.get("chname") or groups.get("kwname")
    if name:
        return v["chamber_names"][" ".join(name.split())]
    if groups.get("chpre"):
        return v["chamber_prefixes"][groups["chpre"]]
    return "ek" if eerste_kamer else "tk"


def _general(match: re.Match, text: str, eerste_kamer: bool) -> Reference | None:
    g = _grammar()
    prefixed = bool(match["kw"] or match["chname"] or match["chpre"])
    if not prefixed and g.not_before.search(text[max(0, match.start() - 24) : match.start()]):
        return None
    offset = match.start("dossiers")
    dossiers = [
        (d["d"], d["t"], offset + d.start()) for d in g.dossier.finditer(match["dossiers"]) if not _is_year(d["d"])
    ]
    numbers: list[tuple[str, int]] = []
    if match["nums"]:
        numbers = [(n, match.start("nums") + e) for n, e in _numbers(match["nums"])]
        if match["was"]:
            numbers.append((match["was"], match.end("was")))
    elif match["letters"]:
        numbers = [(n, match.start("letters") + e) for n, e in _numbers(match["letters"]) if not n.isdigit()]
    elif match["bare"] and _chamber(match, eerste_kamer) == "ek":
        numbers = [(match["bare"], match.end("bare"))]
    if not dossiers or not numbers:
        return None
    citations = []
    for (i, (dossier, toev, at)), (j, (number, end)) in product(enumerate(dossiers), enumerate(numbers)):
        toev = re.sub(r"\(\s*R\s?\d+\s*\)", "", toev or "").strip(" -–\n\u00a0")
        citation = _citation(normalize(dossier, toev, number))
        start = match.start() if i == 0 else at
        end = match.end() if j == len(numbers) - 1 else end
        citations.append(replace(citation, start=start, end=end))
    return Reference(match.start(), match.end(), tuple(dict.fromkeys(citations)), "kamerstuk")


def _dash(match: re.Match) -> Reference | None:
    if _is_year(match["d"]):
        return None
    toev = match.groupdict().get("t") or ""
    if toev.isdigit():
        return None  # kst-21501-20-5 style sub-dossiers are handled with their number below
    return Reference(match.start(), match.end(), (_citation(normalize(match["d"], toev, match["n"])),))


def _number_then_dossier(match: re.Match) -> Reference:
    """``nr. 46, was nr. 26 (35570-XV)``: the new number and, when given, the number it replaces."""
    number = match["n"] or match["letter"]
    new = replace(_citation(normalize(match["d"], match["t"], number)), start=match.start(), end=match.end("n" if match["n"] else "letter"))
    if not match["was"]:
        return Reference(match.start(), match.end(), (replace(new, end=-1),))
    was = replace(_citation(normalize(match["d"], match["t"], match["was"])), start=match.end("n"), end=match.end())
    return Reference(match.start(), match.end(), (new, was))


def _citation(kamerstuk_id: str) -> Citation:
    dossier, _, number = kamerstuk_id.rpartition("-")
    return Citation(kamerstuk_id, dossier, number)


def _handelingen(match: re.Match, eerste_kamer: bool) -> Reference | None:
    chamber = _chamber(match, eerste_kamer)
    aanhangsel = bool(match["ah"])
    numbers = _numbers(match["nums"]) if match["nums"] else [(match["item_nr"], len(match["item_nr"]))]
    citations = []
    for j, (number, end) in enumerate(numbers):
        nid = handelingen_id(chamber, match["year"], number, aanhangsel)
        if nid:
            end = match.end() if j == len(numbers) - 1 else match.start("nums") + end  # lists need "nr."
            citations.append(Citation(nid, number=nid.rsplit("-", 1)[1], start=match.start(), end=end))
    citations = tuple(dict.fromkeys(citations))
    if not citations:
        return None
    return Reference(match.start(), match.end(), citations, "aanhangsel" if aanhangsel else "handelingen")


def _plain_handelingen(match: re.Match) -> Reference | None:
    nid = handelingen_id(match["ch"], match["year"], match["n"], match["ah"] == "ah")
    if not nid:
        return None
    return Reference(match.start(), match.end(), (Citation(nid, number=match["n"]),), "aanhangsel" if match["ah"] == "ah" else "handelingen")


def find_references(text: str, eerste_kamer: bool = False, own_dossier: str | None = None) -> list[Reference]:
    """Every Kamerstuk, Handelingen and Aanhangsel citation in ``text``, in text order.

    ``eerste_kamer`` says the text is an Eerste Kamer document, where ``31 234, J`` cites letter J.
    ``own_dossier`` is the dossier a dossier page is about: the rows of its table of papers and
    numbers without a dossier (``stuk nr. 8``) cite it. Overlapping candidates are resolved in
    favour of the earliest, then the longest.
    """
    if not text:
        return []
    g = _grammar()
    candidates: list[Reference] = []
    for match in g.handelingen.finditer(text):
        candidates.append(_handelingen(match, eerste_kamer))
    for match in g.plain_handelingen.finditer(text):
        candidates.append(_plain_handelingen(match))
    for match in g.kst_dash.finditer(text):
        candidates.append(Reference(match.start(), match.end(), (_citation(normalize(match["d"], match["t"], match["n"])),)))
    for match in g.kst_compact.finditer(text):
        candidates.append(Reference(match.start(), match.end(), (_citation(normalize(match["d"], None, match["n"])),)))
    for pattern in (g.prefixed_dash, g.bare_dash, g.paren_dash, g.list_dash, g.paren_letter, g.line_letter):
        for match in pattern.finditer(text):
            candidates.append(_dash(match))
    if own_dossier:
        for match in g.dossier_row.finditer(text):
            candidates.append(Reference(match.start("n"), match.end("n"), (_citation(f"{own_dossier}-{match['n']}"),)))
    for match in g.number_then_dossier.finditer(text):
        candidates.append(_number_then_dossier(match))
    for match in g.general.finditer(text):
        candidates.append(_general(match, text, eerste_kamer))
    chosen: list[Reference] = []
    for ref in sorted((c for c in candidates if c), key=lambda r: (r.start, -(r.end - r.start))):
        if chosen and ref.start < chosen[-1].end:
            continue
        chosen.append(_trimmed(ref, text))
    return _with_bare_numbers(text, chosen, own_dossier)


def _with_bare_numbers(text: str, chosen: list[Reference], own_dossier: str | None) -> list[Reference]:
    """``(TK 24 787, nr. 3) ... In het verslag (nr. 5)``: a number without a dossier cites the
    dossier of the last Kamerstuk cited before it in the same paragraph (no blank line between),
    or else, on a dossier page, the page's own dossier."""
    g = _grammar()
    out = list(chosen)
    for match in g.bare_number.finditer(text):
        ref, nums = ("stuk", "stuknums") if match["stuk"] else ("ref", "nums")
        if any(r.start <= match.start(nums) < r.end for r in chosen):
            continue
        before = [r for r in chosen if r.end <= match.start() and r.kind == "kamerstuk" and r.citations[-1].dossier]
        if before and "\n\n" not in text[before[-1].end : match.start()] and match.start() - before[-1].end <= 600:
            dossier = before[-1].citations[-1].dossier
        elif own_dossier:
            dossier = own_dossier
        else:
            continue
        numbers = [(n, match.start(nums) + e) for n, e in _numbers(match[nums])]
        citations = tuple(
            Citation(f"{dossier}-{n}", dossier, n, start=match.start(ref) if i == 0 else numbers[i - 1][1], end=e)
            for i, (n, e) in enumerate(numbers)
        )
        if citations:
            out.append(Reference(match.start(ref), match.end(ref), citations))
    return sorted(out, key=lambda r: r.start)


def dossier_of_page(facts: dict) -> str | None:
    """The dossier a dossier page is about, when its metadata or title names one and no paper of it:
    ``Kamerstukdossier: 30552``, a title ``31.780 Wet werk en ...`` or ``Wet inschakeling
    werkzoekenden (24787)``. None for a document with a Kamerstuk id of its own."""
    if facts.get("identifiers"):
        return None
    keys = {k.casefold() for k in vocabulary()["dossier_keys"]}
    metadata = facts.get("metadata") if isinstance(facts.get("metadata"), dict) else {}
    values = [str(v) for k, v in metadata.items() if str(k).casefold() in keys]
    values += [str(facts["title"])] if facts.get("title") else []
    for value in values:
        match = _grammar().own_dossier.match(" ".join(value.split()))
        if match:
            return normalize_dossier(match["a"], match["at"]) if match["a"] else normalize_dossier(match["b"], match["bt"])
    return None


def _trimmed(ref: Reference, text: str) -> Reference:
    """Drop trailing whitespace and commas the optional parts of the grammar may have taken, and
    give every citation its offsets."""
    end = ref.end
    while end > ref.start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    citations = tuple(
        replace(c, start=ref.start if c.start < 0 else c.start, end=end if c.end < 0 or c.end >= end else c.end)
        for c in ref.citations
    )
    return Reference(ref.start, end, citations, ref.kind)


# --- the document's own number -------------------------------------------------------------------


def _footer_ids(footers: list[str]) -> list[str]:
    ids: list[str] = []
    for footer in footers:
        footer = " ".join(str(footer).split())
        eerste_kamer = footer.startswith("Eerste Kamer")
        for ref in find_references(footer, eerste_kamer=eerste_kamer):
            ids.extend(ref.ids)
    ids.extend(_handelingen_footer_ids(footers))
    return ids


def _handelingen_footer_ids(footers: list[str]) -> list[str]:
    """A Handelingen page footer ``TK 88 88-12-1`` plus the dated footer gives ``h-tk-<session>-88``."""
    months = vocabulary()["months"]
    day = None
    for footer in footers:
        found = re.search(r"(\d{1,2})\s+(" + "|".join(months) + r")\s+((?:19|20)\d{2})", str(footer))
        if found:
            try:
                day = datetime.date(int(found[3]), months[found[2]], int(found[1]))
            except ValueError:
                continue
            break
    if day is None:
        return []
    ids = []
    for footer in footers:
        found = re.fullmatch(r"\s*(TK|EK)\s+(\d{1,3})\s+\2-\d{1,3}-\d{1,4}\s*", str(footer))
        if found:
            ids.append(f"h-{found[1].lower()}-{session_of(day)}-{int(found[2])}")
    return ids


def _header(text: str) -> tuple[list[str], str]:
    """Own ids and title from a dossier header: ``34 950 XV Title`` lines, then ``Nr. 9 BRIEF ...``."""
    g = _grammar()
    lines = text[: vocabulary()["header_chars"]].splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        return [], ""
    first = g.header_dossier.match(lines[0])
    if not first:
        refs = find_references(lines[0])
        if refs and refs[0].start <= len(lines[0]) - len(lines[0].lstrip()) + 1:
            return list(refs[0].ids), ""
        return [], ""
    dossiers: list[tuple[str, str, list[str]]] = []
    for line in lines[:10]:
        number = g.header_number.match(line)
        if number:
            ids = [normalize(d, t, number["n"]) for d, t, _ in dossiers if not _is_year(d)]
            title = " ".join(" ".join(dossiers[0][2]).split()) if dossiers else ""
            return ids, title
        dossier = g.header_dossier.match(line)
        if dossier and (dossier["title"] or not dossiers):
            dossiers.append((dossier["d"], (dossier["t"] or "").strip(" -–"), [dossier["title"] or ""]))
        elif dossiers and line.strip():
            dossiers[-1][2].append(line.strip())
    return [], ""


def _header_block_end(text: str) -> int:
    limit = vocabulary()["header_chars"]
    first_question = re.search(r"^\s*Vraag\s+1\b", text[:limit], flags=re.MULTILINE)
    return first_question.start() if first_question else limit


def _own_references(text: str, eerste_kamer: bool = False) -> list[Reference]:
    """References in the header block introduced by "Zie ook": the answers' own Aanhangsel number."""
    g = _grammar()
    end = _header_block_end(text)
    return [
        ref
        for ref in find_references(text[:end], eerste_kamer)
        if ref.kind == "aanhangsel" and g.own_cue.search(text[max(0, ref.start - 20) : ref.start])
    ]


def own_number(text: str, footers: list[str] | None = None) -> OwnNumber:
    """The document's own ids (header first, then footers, then "Zie ook Aanhangsel") and title."""
    footers = [f for f in footers or [] if isinstance(f, str)]
    eerste_kamer = any(f.lstrip().startswith("Eerste Kamer") for f in footers)
    header_ids, title = _header(text or "")
    ids = header_ids + _footer_ids(footers)
    for ref in _own_references(text or "", eerste_kamer):
        ids.extend(ref.ids)
    return OwnNumber(tuple(dict.fromkeys(ids)), title)


# --- the spaCy component -------------------------------------------------------------------------


def is_eerste_kamer(doc: Doc) -> bool:
    """True when the page footers say the document is an Eerste Kamer publication."""
    return any(isinstance(f, str) and f.lstrip().startswith("Eerste Kamer") for f in doc._.kg_footers or [])


@Language.component("kg_kamerstuk_refs")
def kamerstuk_refs(doc: Doc) -> Doc:
    """Write a ``kamerstuk`` mention per cited id and the document's own ids and title."""
    return base.run_guarded("kg_kamerstuk_refs", _annotate, doc)


def _annotate(doc: Doc) -> None:
    text = base.text_of(doc)
    own = own_number(text, doc._.kg_footers)
    facts = base.document_facts(doc)
    identifiers = facts.get("identifiers")
    if isinstance(identifiers, list) and identifiers:
        identifiers.extend(i for i in own.ids if i not in identifiers)
    elif own.ids:
        facts["identifiers"] = list(own.ids)
    if own.title and not facts.get("title"):
        facts["title"] = own.title
    exclude = set(facts.get("identifiers") or ())
    for ref in find_references(text, eerste_kamer=is_eerste_kamer(doc), own_dossier=dossier_of_page({**base.reader_facts(doc), **facts})):
        for citation in ref.citations:
            span = doc.char_span(citation.start, citation.end, alignment_mode="expand")
            if span is None or citation.id in exclude:
                continue
            base.add_mention(
                doc,
                "kamerstuk",
                span,
                key=citation.id,
                kind=ref.kind,
                dossier=citation.dossier,
                number=citation.number,
            )
