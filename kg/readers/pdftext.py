"""The cleaner of text extracted from a Kamerstuk PDF (pdftotext output, or a .pdf's text layer).

Words are hyphenated across line breaks, page footers sit inside the text, footnote markers are
glued to words ("Participatiewet1") and footnote bodies stand at page ends. :func:`clean` undoes
the first three (the footnote bodies stay in the text and are recorded) and keeps, for every
character of the cleaned text, its offset in the raw text, so a mention found by spaCy in the
cleaned text can be anchored in the source (``nif:beginIndex``/``endIndex``) and quoted exactly as
published.

Every edit is a deletion (footers, hyphen + line break, CR of CRLF, zero-width characters), an
insertion (the single space that detaches a footnote marker) or a 1:1 replacement of odd
whitespace (form feed, no-break space) by a plain space or newline. Nothing else changes length.

Layout conventions of the extracted text that the cleaner relies on (all seen in the corpus):
a line starting with a space is the first line of a page; footnote bodies are lines "N text"
(after a blank line) at the end of a page; continuation lines of wrapped text may follow a blank
line. :func:`looks_like_pdf_text` tells such text from other plain text by its page footers.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections import Counter
from dataclasses import dataclass

from kg.readers.contract import CleanedText, Footnote, FootnoteMarker, Hyphenation, ReadDocument, Reader
from kg.readers.sourcefile import SourceFile
from kg.readers.edits import SOFT_HYPHEN, Edit, apply_edits, forward, line_spans, normalise_edits

# --------------------------------------------------------------------------------------------
# Data: the shapes and word lists the cleaner decides with.
# --------------------------------------------------------------------------------------------

_YEAR = r"(?:\d{4}\s?[–-]\s?(?:\d{4}|\d{2})|\d{4}/(?:\d{4}|\d{2}))"

#: Running page footers (whole lines). They must also stand apart (blank line or page edge next
#: to them) unless they end in "nr. N PAGE", so a citation that happens to start a line of
#: running text ("Tweede Kamer, vergaderjaar 2007–2008, 28 719, nr. 49 en" ...) is never removed.
FOOTER_PATTERNS: tuple[str, ...] = (
    # Kamerstukken: "Tweede Kamer, vergaderjaar 2017–2018, 34 950 XV, nr. 9 7"
    rf"(?:Tweede|Eerste) Kamer,? vergaderjaar {_YEAR},? [^\n]{{1,80}}? \d{{1,4}}",
    # Aanhangsel: "Aanhangsel Handelingen II 2019/20 961 1", "... II, vergaderjaar 2008–2009, nr. 12 3"
    rf"Aanhangsel (?:van de )?Handelingen(?: (?:II|I|TK|EK))?,?(?: vergaderjaar)? {_YEAR},?"
    rf"(?: [^\n]{{0,40}}?)? \d{{1,4}}",
    # Handelingen: "Handelingen II 2019/20, nr. 36, item 7 12"
    rf"Handelingen(?: (?:II|I|TK|EK|der Kamer II))?,?(?: vergaderjaar)? {_YEAR},?"
    rf"(?: [^\n]{{0,60}}?)? \d{{1,4}}",
    # Handelingen page line: "TK 75 75-5274", "EK 12 12-3-1"
    r"(?:TK|EK) \d{1,3}(?:\s+\d{1,3}[-–]\d+(?:[-–]\d+)*)?",
)

#: Footers that carry "nr. <number> <page>" at their end are safe to remove even when not isolated.
_FOOTER_STRICT_END = re.compile(r"nrs?\.\s?\d+[A-Z]?(?:(?:,\s?|\s(?:en|t/m)\s)\d+)* \d{1,4}$")

#: Publication furniture of the first page (identifiers, ISSN, place and year of printing):
#: these shapes never occur as a line of running text, so they are always removed.
FURNITURE_PATTERNS: tuple[str, ...] = (
    r"(?:kst|ah-tk|ah-ek|h-tk|h-ek|blg|stb|stcrt|trb)-\d[\w-]*",
    r"ISSN \d{4}\s?-\s?\d{3}[\dXx]",
    # the three on one line, with the page number: 'ah-tk-20182019-2874 ISSN 0921 - 7398 ’s-Gravenhage 2019 1'
    r"(?:kst|ah-tk|ah-ek|h-tk|h-ek|blg)-\d[\w-]*\s+ISSN \d{4}\s?-\s?\d{3}[\dXx](?:\s+['’]s-Gravenhage \d{4})?(?:\s+\d{1,4})?",
    r"['’]s-Gravenhage \d{4}",
)

#: Prefixes written with a hyphen in Dutch ("ex-minister", "oud-voorzitter", "niet-roker").
#: Applied only when the rest of the word also occurs on its own in the document, because the
#: same letters are ordinary syllables too ("ex-\ntra" is "extra").
HYPHEN_PREFIXES: frozenset[str] = frozenset(
    {"ex", "oud", "non", "anti", "niet", "adjunct", "vice", "pseudo", "quasi"}
)

#: Vowel pairs that Dutch separates with a hyphen in compounds because they would otherwise be
#: read as one sound (klinkerbotsing: "re-integratie", "co-ouder", "zee-egel").
VOWEL_COLLISIONS: frozenset[str] = frozenset(
    {"aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ii", "oe", "oi", "oo", "ou", "ui", "uu"}
)

#: Abbreviations that a number follows after a full stop ("nr.5", "blz.5274"): not a marker.
NUMBER_ABBREVIATIONS: frozenset[str] = frozenset(
    {"nr", "nrs", "no", "blz", "p", "pp", "pag", "art", "artt", "lid", "par", "fig", "tab", "bijl", "hfst"}
)

#: Words after a number that show it is a quantity, not "number + footnote marker".
UNIT_WORDS: frozenset[str] = frozenset(
    {"procent", "miljoen", "miljard", "euro", "jaar", "jaren", "maanden", "weken", "dagen", "uur",
     "personen", "mensen", "banen", "keer", "duizend", "mln", "mld"}
)

_HYPHENS = "-\u2010\u00ad"  # hyphen-minus, hyphen, soft hyphen
_CLOSERS = ")»”’\"'"
_MARKER_GLUE = ".?!:;," + _CLOSERS
_SENTENCE_END = ".?!:;»”)"

def _is_blank(text: str, span: tuple[int, int]) -> bool:
    return not text[span[0]:span[1]].strip()


def _is_page_start(text: str, span: tuple[int, int]) -> bool:
    """A page's first line starts with whitespace in the extracted text."""
    line = text[span[0]:span[1]]
    return bool(line) and line[0] in " \t" and bool(line.strip())


# --------------------------------------------------------------------------------------------
# Pass 1: page footers
# --------------------------------------------------------------------------------------------

_FOOTER_RE = re.compile("|".join(f"(?:{p})" for p in FOOTER_PATTERNS))
_FURNITURE_RE = re.compile("|".join(f"(?:{p})" for p in FURNITURE_PATTERNS))


def _footer_edits(text: str) -> tuple[list[Edit], list[str]]:
    """Delete footer lines (and the blank lines around them); return the edits and the footers."""
    lines = line_spans(text)
    found: list[tuple[int, str]] = []
    for k, (start, end) in enumerate(lines):
        line = text[start:end].strip()
        if not line or len(line) > 140:
            continue
        if _FURNITURE_RE.fullmatch(line):
            found.append((k, line))
        elif _FOOTER_RE.fullmatch(line):
            isolated = (
                k == 0 or _is_blank(text, lines[k - 1])
                or k + 1 == len(lines) or _is_blank(text, lines[k + 1]) or _is_page_start(text, lines[k + 1])
            )
            if isolated or _FOOTER_STRICT_END.search(line):
                found.append((k, line))
    edits: list[Edit] = []
    footer_lines = {k for k, _ in found}
    for k, _ in found:
        nxt = k + 1
        while nxt < len(lines) and (_is_blank(text, lines[nxt]) or nxt in footer_lines):
            nxt += 1
        prev = k - 1
        while prev >= 0 and (_is_blank(text, lines[prev]) or prev in footer_lines):
            prev -= 1
        delete_from = lines[k][0]
        delete_to = lines[nxt][0] if nxt < len(lines) else len(text)
        if prev >= 0 and nxt < len(lines) and _continues(text, lines[prev], lines[nxt]):
            delete_from = lines[prev][1] + 1  # keep one line break between the two halves
        edits.append((delete_from, delete_to, ""))
    return _merge(edits), [line for _, line in found]


_ENDS_IN_INITIALS = re.compile(r"(?<![\w.])(?:[A-ZÀ-ÖØ-Þ]\.){1,5}$")


def _continues(text: str, before: tuple[int, int], after: tuple[int, int]) -> bool:
    """Whether the text on ``after`` continues the sentence on ``before`` (mid-sentence page break)."""
    tail = text[before[0]:before[1]].rstrip()
    head = text[after[0]:after[1]].lstrip()
    if not (tail and head):
        return False
    # a line that ends in a comma or in initials ('mevrouw H.') goes on, whatever case follows
    return tail[-1] == "," or bool(_ENDS_IN_INITIALS.search(tail)) or (tail[-1] not in _SENTENCE_END and head[0].islower())


def _merge(edits: list[Edit]) -> list[Edit]:
    """Merge overlapping or touching deletions."""
    merged: list[list] = []
    for start, end, _ in sorted(edits):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end, "") for start, end in merged]


# --------------------------------------------------------------------------------------------
# Footnote bodies
# --------------------------------------------------------------------------------------------

_NOTE_LINE = re.compile(r"(\d{1,3})[ \t]+(?=\S)")
_NOTE_LIKE = re.compile(r"\.$|\b(?:19|20)\d\d\b|\bnrs?\b|www\.|https?:|Kamerstuk|Handelingen")


@dataclass
class _Block:
    """Footnote bodies standing together at one page end: [(number, start, end)]."""

    notes: list[tuple[int, int, int]]

    @property
    def start(self) -> int:
        return self.notes[0][1]

    @property
    def end(self) -> int:
        return self.notes[-1][2]


def _find_footnotes(text: str) -> list[_Block]:
    """Footnote bodies: numbered lines at page ends, numbered 1, 2, 3 ... through the document.

    A block must start after a blank line with the next expected number, and either end at a page
    start (or the end of the text) or read like references (a year, "nr", a URL, a final stop).
    """
    lines = line_spans(text)
    blocks: list[_Block] = []
    expected = 1
    k = 0
    while k < len(lines):
        if _note_number(text, lines[k]) == expected and (k == 0 or _is_blank(text, lines[k - 1])):
            notes, after = _parse_block(text, lines, k, expected)
            at_page_end = after >= len(lines) or _is_page_start(text, lines[after])
            if at_page_end or all(_looks_like_note(text[s:e]) for _, s, e in notes):
                blocks.append(_Block(notes))
                expected = notes[-1][0] + 1
                k = after
                continue
        k += 1
    return blocks


def _note_number(text: str, span: tuple[int, int]) -> int | None:
    match = _NOTE_LINE.match(text, span[0], span[1])
    return int(match.group(1)) if match else None


def _parse_block(
    text: str, lines: list[tuple[int, int]], k: int, number: int
) -> tuple[list[tuple[int, int, int]], int]:
    """Parse consecutive bodies from line ``k``; return them and the index of the line after the block."""
    notes = []
    while True:
        last = k
        j = k + 1
        while j < len(lines):
            if _is_page_start(text, lines[j]) or _note_number(text, lines[j]) == number + 1:
                break
            if _is_blank(text, lines[j]):
                t = j
                while t < len(lines) and _is_blank(text, lines[t]):
                    t += 1
                # wrapped body lines may follow a blank line; they start lower case
                if t < len(lines) and not _is_page_start(text, lines[t]) and text[lines[t][0]].islower():
                    last = j = t
                    j += 1
                    continue
                break
            line = text[lines[j][0]:lines[j][1]]
            previous = text[lines[last][0]:lines[last][1]].rstrip()
            if previous.endswith((".", "?", "!")) and line[:1].isupper():
                break
            last = j
            j += 1
        start = lines[k][0]
        end = start + len(text[start:lines[last][1]].rstrip())
        notes.append((number, start, end))
        t = last + 1
        while t < len(lines) and _is_blank(text, lines[t]):
            t += 1
        if t < len(lines) and _note_number(text, lines[t]) == number + 1:
            k, number = t, number + 1
            continue
        return notes, t


def _looks_like_note(body: str) -> bool:
    """A reference-like body: ends with a stop, or cites a year, a number, a URL; not a question."""
    body = body.strip()
    return not body.endswith("?") and bool(_NOTE_LIKE.search(body))


# --------------------------------------------------------------------------------------------
# Pass 2: line-break hyphenation
# --------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")
_COMPOUND = re.compile(r"[^\W_]+(?:-[^\W_]+)+")


def _strip_accents(word: str) -> str:
    if word.isascii():  # nothing to decompose (most words): skip the normalisation
        return word
    return "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))


class _Evidence:
    """How the document itself writes words: joined forms, hyphenated pairs, compound heads."""

    def __init__(self, text: str, fragments: Counter):
        words = Counter(_WORD.findall(text))
        self.words = words
        self.lower = Counter()
        self.stripped = Counter()
        for word, count in words.items():
            self.lower[word.lower()] += count
            self.stripped[_strip_accents(word.lower())] += count
        self.fragments = fragments  # continuation fragments of broken words, counted as words above
        self.pairs: Counter = Counter()
        self.heads: Counter = Counter()
        self._joined_heads: dict[str, int] = {}
        for match in _COMPOUND.finditer(text):
            parts = match.group().split("-")
            for left, right in zip(parts, parts[1:]):
                self.pairs[f"{left}-{right}".lower()] += 1
                self.heads[left] += 1

    def joined_heads(self, head: str) -> int:
        """How often words start with ``head`` and continue without a hyphen."""
        if head not in self._joined_heads:
            self._joined_heads[head] = sum(
                count for word, count in self.words.items() if len(word) > len(head) and word.startswith(head)
            )
        return self._joined_heads[head]

    def standalone(self, word: str) -> bool:
        word = word.lower()
        return self.lower[word] > self.fragments[word]


def _decide(left_token: str, left: str, right: str, whole: bool, evidence: _Evidence) -> tuple[bool, str]:
    """Keep the hyphen of ``left-\\nright``? Document evidence first, then Dutch spelling, else join."""
    if ("://" in left_token or left_token.startswith("www.")) and "-" in left_token:
        return True, "url"
    joined = evidence.stripped[_strip_accents((left + right).lower())]
    hyphenated = evidence.pairs[f"{left}-{right}".lower()]
    if hyphenated > joined:
        return True, "document"
    if joined > hyphenated:
        return False, "document"
    heads = evidence.heads[left]
    if whole and len(left) >= 3 and heads and heads > evidence.joined_heads(left):
        return True, "document-head"
    if right[0].isupper():
        return True, "uppercase"
    if right[0].isdigit() or any(ch.isdigit() for ch in left):
        return True, "digit"
    if left.isupper():
        return True, "abbreviation"
    if whole and left.lower() in HYPHEN_PREFIXES and evidence.standalone(right):
        return True, "prefix"
    if (left[-1] + right[0]).lower() in VOWEL_COLLISIONS:
        return True, "vowels"
    return False, "default"


def _hyphen_edits(text: str, note_starts: set[int]) -> tuple[list[Edit], list[tuple[int, str, bool, str]]]:
    """Resolve every word broken by a hyphen at a line end.

    The continuation may start with spaces (page start) or come after blank lines (wrapped list
    items); after blank lines it must start lower case. A hyphen followed by a space
    ("administratieve- en") is never touched, nor a break into a footnote body.
    """
    candidates = []
    for match in re.finditer(f"[{_HYPHENS}]\n", text):
        i = match.start()
        if i == 0 or not (text[i - 1].isalnum()):
            continue
        j = i + 2
        crossed_blank = False
        while j < len(text):
            if text[j] in " \t":
                j += 1
            elif text[j] == "\n":
                crossed_blank = True
                j += 1
            else:
                break
        if j >= len(text) or j in note_starts:
            continue
        right = _WORD.match(text, j)
        if not right or (crossed_blank and not text[j].islower()):
            continue
        a = i
        while a > 0 and text[a - 1].isalnum():
            a -= 1
        t = a
        while t > 0 and not text[t - 1].isspace():
            t -= 1
        whole = a == t or text[a - 1] in "(«“‘\"'"
        candidates.append((i, j, text[t:i], text[a:i], right.group(), whole))
    evidence = _Evidence(text, Counter(c[4].lower() for c in candidates))
    edits: list[Edit] = []
    decisions = []
    for i, j, left_token, left, right, whole in candidates:
        if text[i] == SOFT_HYPHEN:
            keep, reason = False, "soft-hyphen"
        else:
            keep, reason = _decide(left_token, left, right, whole, evidence)
        edits.append((i + 1 if keep else i, j, ""))
        word = left_token + ("-" if keep else "") + right
        decisions.append((j, word, keep, reason))
    return edits, decisions


# --------------------------------------------------------------------------------------------
# Pass 3: footnote markers
# --------------------------------------------------------------------------------------------


def _after_ok(text: str, end: int) -> bool:
    """A marker ends the token: whitespace, end of text, or punctuation not starting a number."""
    if end >= len(text) or text[end].isspace():
        return True
    return text[end] in ".,;:?!)»”’" and not (end + 1 < len(text) and text[end + 1].isdigit())


def _glued_strength(text: str, start: int, end: int, strict: bool) -> int:
    """How credible ``text[start:end]`` (digits glued to what precedes) is as a marker: 0-3."""
    if start == 0 or not _after_ok(text, end):
        return 0
    if strict and end < len(text) and not text[end].isspace():
        return 0
    before = text[start - 1]
    if before.isalpha() and not strict:
        t = start
        while t > 0 and not text[t - 1].isspace():
            t -= 1
        token = text[t:start]
        if any(ch.isdigit() for ch in token) or any(s in token for s in ("/", "@", "www.", "://")):
            return 0
        letters = re.search(r"[^\W\d_]+$", token).group()
        if letters[-1].islower():
            return 3
        return 2 if len(letters) > 1 else 1
    if before in _MARKER_GLUE and start >= 2:
        if strict and before not in ".?!" + _CLOSERS:
            return 0
        prior = text[start - 2]
        if not (prior.isalpha() or prior in _CLOSERS):
            return 0
        if before == "." and prior.isalpha():
            word = re.search(r"[^\W\d_]+$", text[max(0, start - 12):start - 1])
            if word and word.group().lower() in NUMBER_ABBREVIATIONS:
                return 0
        return 3
    return 0


def _suffix_credible(text: str, run_start: int, run_end: int, number: str) -> bool:
    """A number run whose last digits are the marker: "bijlage 28" (2 + note 8), "201722"."""
    prefix = text[run_start:run_end - len(number)]
    if not prefix or prefix[0] == "0" or not _after_ok(text, run_end):
        return False
    if not (len(prefix) <= 3 or (len(prefix) == 4 and prefix[:2] in ("19", "20"))):
        return False
    if run_start > 0 and not (text[run_start - 1].isspace() or text[run_start - 1] == "("):
        return False
    before = text[max(0, run_start - 12):run_start]
    if re.search(r"(?:nrs?\.?|nummers?|\d|€)\s*$", before):
        return False
    after = text[run_end:run_end + 16]
    if re.match(r"\s\d", after) or text[run_end:run_end + 1] == "%":
        return False
    word = re.match(r"\s+([^\W\d_]+)", after)
    return not (word and word.group(1).lower() in UNIT_WORDS)


def _best_marker(text: str, number: int, lower: int, upper: int, strict: bool,
                 excluded: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The most credible marker for ``number`` in ``text[lower:upper]`` (earliest among equals)."""
    digits = str(number)
    best: tuple[int, int, int] | None = None
    for match in re.finditer(r"\d+", text[lower:upper]):
        run_start, run_end = lower + match.start(), lower + match.end()
        if any(s <= run_start < e for s, e in excluded):
            continue
        run = match.group()
        if run == digits:
            strength = _glued_strength(text, run_start, run_end, strict)
            start = run_start
        elif not strict and run.endswith(digits) and _suffix_credible(text, run_start, run_end, digits):
            strength, start = 1, run_end - len(digits)
        else:
            continue
        if strength and (best is None or strength > best[0]):
            best = (strength, start, run_end)
    return (best[1], best[2]) if best else None


def _find_markers(text: str, blocks: list[_Block]) -> list[tuple[int, int, int]]:
    """Markers for the footnote bodies found, in order; also strict ones for missing bodies.

    Marker n is searched after marker n-1 and on the page of body n (after the previous block).
    When a body is missing (or there are no bodies at all), only a marker glued to sentence
    punctuation and following the sequence (").1 Als", "re-integratie.2") is accepted.
    """
    block_of = {number: b for b, block in enumerate(blocks) for number, _, _ in block.notes}
    spans = [(s, e) for block in blocks for _, s, e in block.notes]
    last_number = max(block_of, default=0)
    markers = []
    previous_end = 0
    number = 1
    while True:
        if number in block_of:
            b = block_of[number]
            lower = max(previous_end, blocks[b - 1].end if b else 0)
            found = _best_marker(text, number, lower, blocks[b].start, False, spans)
        else:
            later = [block.start for block in blocks if block.notes[0][0] > number]
            upper = min(later, default=len(text))
            found = _best_marker(text, number, previous_end, upper, True, spans)
            if found is None and number > last_number:
                break
        if found:
            markers.append((number, found[0], found[1]))
            previous_end = found[1]
        number += 1
    return markers


# --------------------------------------------------------------------------------------------
# clean()
# --------------------------------------------------------------------------------------------


def _compose(*maps: array) -> array:
    """``maps[0][maps[1][...[i]]]`` for every ``i`` of the last map, as one ``array("l")``.

    Indexed with numpy: the same lookups one character at a time were a tenth of cleaning a text.
    """
    import numpy  # spaCy's dependency, so there already; not needed to import the readers

    dtype = numpy.dtype(f"=i{maps[0].itemsize}")
    composed = numpy.frombuffer(maps[-1], dtype=dtype)
    for back in reversed(maps[:-1]):
        composed = numpy.frombuffer(back, dtype=dtype)[composed]
    result = array("l")
    result.frombytes(composed.astype(dtype, copy=False).tobytes())
    return result


#: a line number in the margin: a number, then the line's text after a gap
_MARGIN_NUMBER = re.compile(r"(?m)^[ \t]*(\d{1,3})(?:[ \t]{2,}|[ \t]*$)")
#: consecutive numbered lines before the numbers count as a margin, not as a list
_MARGIN_RUN = 8


def _margin_number_edits(text: str) -> list[Edit]:
    """Delete the line numbers an amendment or a bill prints in its margin ('12  bedrijf of een'):
    runs of at least ``_MARGIN_RUN`` lines numbered one up from the last (blank lines between, a new
    page starting again at 1), so a hyphenated word is joined across them and no number is read."""
    edits: list[Edit] = []
    run: list[tuple[int, int]] = []
    last = 0

    def close() -> None:
        if len(run) >= _MARGIN_RUN:
            edits.extend((start, end, "") for start, end in run)

    for start, end in line_spans(text):
        line = text[start:end]
        if not line.strip():
            continue
        match = _MARGIN_NUMBER.match(line)
        number = int(match[1]) if match else None
        if number is not None and (number == last + 1 or (number == 1 and run)):
            run.append((start, start + match.end()))
            last = number
            continue
        close()
        run, last = ([(start, start + match.end())], 1) if number == 1 else ([], 0)
    close()
    return edits


def clean(raw: str) -> CleanedText:
    """Clean ``raw`` for NLP: normalise odd characters, drop margin line numbers and page footers,
    undo line-break hyphenation, detach footnote markers; record footers, footnote bodies and markers."""
    text00, back00, _ = apply_edits(raw, normalise_edits(raw))
    text0, back01, _ = apply_edits(text00, _margin_number_edits(text00))

    footer_edits, footers = _footer_edits(text0)
    text1, back1, _ = apply_edits(text0, footer_edits)

    blocks = _find_footnotes(text1)
    note_starts = {s for block in blocks for _, s, _ in block.notes}
    hyphen_edits, decisions = _hyphen_edits(text1, note_starts)
    text2, back2, _ = apply_edits(text1, hyphen_edits)
    blocks = [
        _Block([(n, forward(back2, s), forward(back2, e)) for n, s, e in block.notes]) for block in blocks
    ]

    found = _find_markers(text2, blocks)
    text3, back3, inserted = apply_edits(text2, [(s, s, " ") for _, s, _ in found])

    # every stage map ends with an entry for the end of its text, so the composition does too
    offsets = _compose(back00, back01, back1, back2, back3)
    marker_starts = {s for _, s, _ in found}

    def shift(offset: int) -> int:
        """Offset in the final text; a marker start skips the space inserted before it."""
        return forward(back3, offset) + (offset in marker_starts)

    footnotes = [Footnote(n, shift(s), shift(e)) for block in blocks for n, s, e in block.notes]
    markers = [FootnoteMarker(n, shift(s), shift(e)) for n, s, e in found]
    hyphenations = [
        Hyphenation(forward(back3, forward(back2, j)), word, keep, reason)
        for j, word, keep, reason in decisions
    ]
    return CleanedText(raw, text3, footers, footnotes, markers, hyphenations, offsets, frozenset(inserted))


# --------------------------------------------------------------------------------------------
# Recognising PDF-extracted text
# --------------------------------------------------------------------------------------------

_LINE_BREAK_HYPHEN = re.compile(rf"[^\W\d_][{_HYPHENS}]\n[ \t]*[^\W\d_]")


def looks_like_pdf_text(raw: str) -> bool:
    """True when ``raw`` shows the marks of text extracted from a PDF page layout: a page footer or
    publication furniture line, or words broken by a hyphen at line ends."""
    for line in raw[:2_000_000].splitlines():
        line = line.strip()
        if line and len(line) <= 140 and (_FOOTER_RE.fullmatch(line) or _FURNITURE_RE.fullmatch(line)):
            return True
    return len(_LINE_BREAK_HYPHEN.findall(raw)) >= 2


def read(file: SourceFile) -> ReadDocument:
    source = file.source()
    return ReadDocument(source, clean(source.raw), "pdftext")


READER = Reader("pdftext", (".txt",), read, sniff=lambda text: 3 if looks_like_pdf_text(text) else 0)
