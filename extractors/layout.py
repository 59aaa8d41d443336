"""Sentence boundaries from the page layout.

PDF-extracted Kamerstukken carry structure in their line breaks: headings such as ``Vraag 3`` or
``Motie 49``, signature blocks and footnote bodies stand on lines of their own without a full stop.
A punctuation-based sentencizer glues them onto the next sentence, so mentions would point at
sentences that never existed. This component adds sentence starts after blank lines and after short
lines (at most five tokens) that end without punctuation and are followed by a capitalised,
numbered or bulleted line.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

_SENTENCE_END = set(".?!:;,")
_BULLETS = {"•", "-", "–", "—", "*"}
_HEADING_TOKENS = 5
_NEWLINE = re.compile("\n")


@Language.component("kg_layout")
def layout_sentences(doc: Doc) -> Doc:
    """Mark sentence starts at paragraph breaks and after heading-like lines."""
    starts = []
    for i in _tokens_with_newlines(doc):
        token = doc[i]
        newlines = token.text_with_ws.count("\n")
        following = doc[token.i + 1]
        if following.is_space:
            continue
        last = token if not token.is_space else doc[token.i - 1] if token.i else token
        if newlines >= 2 or (_is_heading_line(doc, last) and _starts_block(following)):
            starts.append(following.i)
    _mark_sentence_starts(doc, starts)
    return doc


def _tokens_with_newlines(doc: Doc) -> list[int]:
    """In order, the index of each token but the last whose text with its whitespace holds a line
    break: found from the text's line breaks and the tokens' offsets, not by making every token
    (the loop over all tokens was most of this component's time)."""
    if len(doc) < 2:
        return []
    # the text the Doc was made from (kg.extractors.base.seed_text), else joined here: not through
    # text_of, which would keep it on a piece of a long text that is joined into a Doc afterwards
    text = doc.user_data.get("kg_text") or doc.text
    offsets = doc.to_array("IDX").tolist()  # a token's text with its whitespace runs to the next's start
    found = dict.fromkeys(bisect_right(offsets, match.start()) - 1 for match in _NEWLINE.finditer(text))
    return [i for i in found if i < len(doc) - 1]


def _mark_sentence_starts(doc: Doc, starts: list[int]) -> None:
    """Set all sentence starts in one array write: ``Token.is_sent_start = True`` scans the whole
    Doc for a parse each time, which made this component quadratic (minutes on a 1 M-char text)."""
    if not starts:
        return
    values = doc.to_array([SENT_START])
    values[starts] = 1
    doc.from_array([SENT_START], values)


def _starts_block(token: Token) -> bool:
    return token.is_title or token.is_upper or token.like_num or token.text in _BULLETS


def _is_heading_line(doc: Doc, last: Token) -> bool:
    """True when the line ending at ``last`` is short and carries no sentence punctuation at its end."""
    if last.is_space or last.text in _SENTENCE_END:
        return False
    count = 0
    for token in reversed(doc[: last.i + 1]):
        if token.i != last.i and "\n" in token.text_with_ws:
            break
        count += 1
        if count > _HEADING_TOKENS:
            return False
    return True
