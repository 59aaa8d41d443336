"""Edits that keep an exact map back to the source text, shared by every reader.

A reader cleans text in passes; each pass returns ``(start, end, replacement)`` edits over its input
that are deletions (``replacement == ""``), insertions (``start == end``) or 1:1 replacements
(``len(replacement) == end - start``). :func:`apply_edits` applies one pass and returns the map from
the new text back to its input; :func:`extend` applies a pass on top of a :class:`CleanedText`,
composing the maps, so a later reader stage (masking site chrome, detaching glued footnote markers)
never loses the offsets of the earlier ones.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from dataclasses import replace

from kg.readers.contract import CleanedText, Footnote, FootnoteMarker, Hyphenation

Edit = tuple[int, int, str]

SOFT_HYPHEN = "\u00ad"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


#: Ranges longer than this are appended to a back map through numpy (see :func:`_extend_range`).
_NUMPY_RANGE = 256


def _extend_range(back: array, start: int, stop: int) -> None:
    """``back.extend(range(start, stop))``: a long range goes in as numpy's bytes, since appending
    it number by number was a fifth of cleaning a text."""
    if stop - start <= _NUMPY_RANGE:
        back.extend(range(start, stop))
        return
    import numpy  # spaCy's dependency, so there already; not needed to import the readers

    back.frombytes(numpy.arange(start, stop, dtype=numpy.dtype(f"=i{back.itemsize}")).tobytes())


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, array, set[int]]:
    """Apply non-overlapping edits; return the new text, the back map and inserted positions.

    The back map has one entry per new character plus a final one for the end of the text; an
    inserted character maps to the input offset of the character that follows it.
    """
    parts: list[str] = []
    back = array("l")
    inserted: set[int] = set()
    pos = 0
    for start, end, replacement in sorted(edits):
        if start < pos:  # overlaps an edit already applied
            continue
        parts.append(text[pos:start])
        _extend_range(back, pos, start)
        if start == end:
            for _ in replacement:
                inserted.add(len(back))
                back.append(start)
        elif replacement:
            if len(replacement) != end - start:
                raise ValueError("replacements must keep the length")
            _extend_range(back, start, end)
        parts.append(replacement)
        pos = end
    parts.append(text[pos:])
    _extend_range(back, pos, len(text) + 1)
    return "".join(parts), back, inserted


def forward(back: array, offset: int) -> int:
    """New offset of input ``offset`` (the first new character at or after it)."""
    return bisect_left(back, offset)


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, end excluding the newline."""
    spans = []
    start = 0
    for match in re.finditer("\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


_ODD_CHARACTERS = re.compile(
    "\r\n?|\f|[\u00a0\u2000-\u200a\u202f\u205f\u3000\u2028\u2029]|[" + ZERO_WIDTH + "]|\u00ad(?!\n)"
)


def normalise_edits(text: str) -> list[Edit]:
    """CR of CRLF and zero-width characters go; form feed and odd spaces become plain ones.

    A form feed (pdftotext's page break) becomes a space when it starts a line, which matches
    the page-start convention of PDF-extracted text, and a newline otherwise.
    """
    edits: list[Edit] = []
    for match in _ODD_CHARACTERS.finditer(text):
        i, chunk = match.start(), match.group()
        if chunk == "\r\n" or chunk in ZERO_WIDTH or chunk == SOFT_HYPHEN:
            edits.append((i, i + 1, ""))
        elif chunk in "\r\u2028\u2029":
            edits.append((i, i + 1, "\n"))
        elif chunk == "\f":
            edits.append((i, i + 1, " " if i == 0 or text[i - 1] == "\n" else "\n"))
        else:
            edits.append((i, i + 1, " "))
    return edits


def normalised(raw: str) -> CleanedText:
    """``raw`` with odd characters normalised and nothing else changed: the base of plain-text readers."""
    text, back, inserted = apply_edits(raw, normalise_edits(raw))
    return CleanedText(raw, text, [], [], [], [], back, frozenset(inserted))


def mask_edits(text: str, start: int, end: int) -> list[Edit]:
    """Blank ``text[start:end]`` 1:1 (line breaks stay), so masked chrome yields no entity but keeps offsets."""
    piece = text[start:end]
    blanked = re.sub(r"[^\n]", " ", piece)
    return [(start, end, blanked)] if blanked != piece else []


def extend(cleaned: CleanedText, edits: list[Edit], markers: list[FootnoteMarker] = ()) -> CleanedText:
    """Apply ``edits`` to ``cleaned.text``; the result maps straight back to ``cleaned.raw``.

    Footnotes, markers and hyphenations already recorded move with the text; ``markers`` are new
    markers given in offsets of the *edited* text.
    """
    if not edits:
        if not markers:
            return cleaned
        return replace(cleaned, markers=sorted([*cleaned.markers, *markers], key=lambda m: m.start))
    text, back, new_inserted = apply_edits(cleaned.text, edits)
    old = cleaned._offsets
    offsets = array("l", (old[i] for i in back))
    inserted = set(new_inserted)
    inserted.update(i for i, j in enumerate(back[:-1]) if i not in new_inserted and cleaned.is_inserted(j))

    def moved(offset: int) -> int:
        return forward(back, offset)

    return CleanedText(
        cleaned.raw,
        text,
        list(cleaned.footers),
        [Footnote(f.number, moved(f.start), moved(f.end)) for f in cleaned.footnotes],
        sorted(
            [*(FootnoteMarker(m.number, moved(m.start), moved(m.end)) for m in cleaned.markers), *markers],
            key=lambda m: m.start,
        ),
        [Hyphenation(moved(h.offset), h.word, h.kept, h.reason) for h in cleaned.hyphenations],
        offsets,
        frozenset(inserted),
    )
