"""Footnote markers glued to words, detached in every form (the registry's finishing pass).

A web page's superscript footnote number becomes plain digits when the page is saved or copied as
text, and a PDF's often does too: ``De Kort1het``, ``de SZW2.``, ``Participatiewet1``. Left glued,
the word is no longer the name an extractor knows. This pass inserts a space before the digits
(and after them when a word follows directly), even when the text has no footnote bodies.

Real tokens with digits keep theirs; the rules are shapes, not word lists:

* the digits (one or two, plain or superscript: ``Inkomen²``) follow a run of at least three
  letters, so ``H2O``, ``CO2``, ``km2``, ``m²``, ``G31`` and ``A2`` stay; longer numbers (``Wajong2010``) and digits before letters (``3e``) are
  never markers;
* the token holds no other digit and is no URL, path or address (``G31-gemeente1`` would be,
  though; one slash between words, ``motie-Schouten/Kerstens1``, is no path);
* after the digits comes the end of the token, punctuation, or a lower-case word (``1het``);
* the word with its digits is no name of kg's vocabularies (the party ``BIJ1``);
* the numbers continue the document's footnote sequence: each is at most three above the previous
  marker (so a stray ``COVID19`` is not marker 19 of a text without footnotes).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.readers.contract import CleanedText, FootnoteMarker
from kg.readers.edits import extend

#: superscript digits, as a PDF's or a page's text layer may keep them ("Inkomen²")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_GLUED = re.compile(r"(?<=[^\W\d_]{3})(\d{1,2}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})(?![\d⁰¹²³⁴⁵⁶⁷⁸⁹])")
_AFTER = re.compile(r"$|[\s.,;:?!)»”’\"']|[^\W\d_A-Z]{2}")
_NOT_A_WORD = ("@", "www.", "://", "=", "#", "_", "\\")
#: one slash between words ("motie-Schouten/Kerstens1", "en/of") is no path; a path has a dot or more slashes
_PATH = re.compile(r"/.*/|\..*/|/.*\.")
_MAX_STEP = 3


@lru_cache(maxsize=1)
def _names_with_digits() -> frozenset[str]:
    """The vocabularies' one-word labels that end in digits a marker could be taken for."""
    from kg.extractors.vocabulary import load_vocabulary

    return frozenset(label for concept in load_vocabulary() for label in concept.labels
                     if (glued := _GLUED.search(label)) and glued.end() == len(label) and label[:glued.start()].isalpha())


def _token_start(text: str, i: int) -> int:
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return i


def _token_end(text: str, i: int) -> int:
    while i < len(text) and not text[i].isspace():
        i += 1
    return i


def _is_glued_marker(text: str, start: int, end: int) -> bool:
    after = _AFTER.match(text, end)
    if not after or (after.group() in ".,:" and end + 1 < len(text) and text[end + 1].isdigit()):
        return False
    token = text[_token_start(text, start):_token_end(text, end)]
    head = text[_token_start(text, start):start]
    if head.lstrip("(\"'‘“") + text[start:end] in _names_with_digits():
        return False
    if any(ch.isdigit() for ch in head) or any(mark in token for mark in _NOT_A_WORD) or _PATH.search(token.rstrip(".,;:?!)»”’\"'")):
        return False
    letters = re.search(r"[^\W\d_]+$", head).group()
    return not (letters.isupper() and after.group()[:1].isalpha())  # "SZW2b..." reads as a code


def detach_glued_markers(cleaned: CleanedText) -> CleanedText:
    """``cleaned`` with every credible glued marker detached and recorded in ``markers``."""
    text = cleaned.text
    known = sorted((m.start, m.number) for m in cleaned.markers)
    found: list[tuple[int, int, int]] = []
    previous = 0
    k = 0
    for match in _GLUED.finditer(text):
        while k < len(known) and known[k][0] < match.start():
            previous = max(previous, known[k][1])
            k += 1
        number = int(match.group().translate(_SUPERSCRIPTS))
        if not previous < number <= previous + _MAX_STEP:
            continue
        if _is_glued_marker(text, match.start(), match.end()):
            found.append((number, match.start(), match.end()))
            previous = number
    if not found:
        return cleaned
    edits = []
    for _, start, end in found:
        edits.append((start, start, " "))
        if end < len(text) and text[end].isalpha():
            edits.append((end, end, " "))
    # each marker moves right by the spaces inserted before it: one per earlier insertion, plus its own
    markers = []
    shift = 0
    for number, start, end in found:
        shift += 1
        markers.append(FootnoteMarker(number, start + shift, end + shift))
        if end < len(text) and text[end].isalpha():
            shift += 1
    return extend(cleaned, edits, markers)
