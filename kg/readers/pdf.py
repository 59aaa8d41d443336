"""A ``.pdf`` as published: its text layer, read with pdfminer.six, then cleaned like PDF-extracted text.

pdfminer.six was chosen over pypdf because it rebuilds words from glyph positions: on justified,
kerned text (as Kamerstukken are typeset) pypdf glues or splits words where pdfminer.six keeps
them (figures in the README's "Input" section). The extracted text, with typographic ligatures
(``ﬁ``) spelt out and pages separated by form feeds, is the raw text the graph publishes; all offsets
point into it. It is pdfminer.six's own text output with one change: pdfminer starts a new text box,
and so a blank line, where a paragraph's first line is indented (``Léon de`` / blank / ``Jong``);
a box that continues the one before it (same font, overlapping columns, no more than the line
spacing apart) is joined to it with a plain line break. When it shows the page footers or line-break hyphens of a Kamerstuk it gets the
``pdftext`` cleaning, and when it is a printed web page the ``webtext`` analysis as well.

A PDF without a text layer (a scan) is refused with a one-line message rather than built as an
empty document.
"""

from __future__ import annotations

import logging
import re

from kg.readers import pdftext, webtext
from kg.readers.contract import ReadDocument, Reader, SourceError
from kg.readers.edits import extend, normalised
from kg.readers.sourcefile import SourceFile

_LIGATURES = re.compile("[\ufb00-\ufb06]")
_LIGATURE_LETTERS = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
#: Fewer letters than this per page means there is no usable text layer.
_MIN_LETTERS_PER_PAGE = 20
#: Spacing marks some typesetters (groff, TeX) draw under a plain letter for a letter their font
#: lacks, after it in the text layer (``s`` + ``¸`` for ``ş``), with the combining mark each stands for.
#: Marks drawn above a letter are left alone: whether they belong to the letter before or after is
#: not clear from the text (``Ozt¨urk``).
_MARKS_BELOW = {"\u00b8": "\u0327", "\u02db": "\u0328"}
_LETTER_MARK_BELOW = re.compile(r"(?P<letter>[^\W\d_])(?P<mark>[\u00b8\u02db])")


def extract_text(file: SourceFile) -> tuple[str, int]:
    """The text layer of the PDF (pages ended by form feeds) and its number of pages."""
    import io

    from pdfminer.high_level import extract_pages

    if file.data.lstrip()[:5] != b"%PDF-":
        raise SourceError(f"{file.path}: is not a PDF (no %PDF- header); check the file or its suffix")
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font warnings are not the user's business
    try:
        parts: list[str] = []
        pages = 0
        for page in extract_pages(io.BytesIO(file.data)):
            _render_page(page, parts)
            pages += 1
        text = "".join(parts)
    except Exception as error:  # noqa: BLE001 - pdfminer raises many types for damaged or encrypted files
        reason = " ".join(str(error).split())[:120] or type(error).__name__
        raise SourceError(f"{file.path}: cannot be read as a PDF ({reason}); check the file") from None
    return compose_accents(spell_out_ligatures(text)), pages


def _render_page(page, parts: list[str]) -> None:
    """One page as pdfminer's text converter writes it (a blank line after each text box, a form feed
    after the page), except that a box continuing the previous one gets no blank line before it."""
    from pdfminer.layout import LTTextBox

    previous = None
    for item in page:
        if isinstance(item, LTTextBox) and _continues(previous, item) and parts and parts[-1] == "\n":
            parts.pop()
        _render(item, parts)
        previous = item
    parts.append("\f")


def _render(item, parts: list[str]) -> None:
    from pdfminer.layout import LTContainer, LTText, LTTextBox

    if isinstance(item, LTContainer):
        for child in item:
            _render(child, parts)
    elif isinstance(item, LTText):
        parts.append(item.get_text())
    if isinstance(item, LTTextBox):
        parts.append("\n")


def _continues(previous, box) -> bool:
    """Whether ``box`` is the rest of the paragraph ``previous`` ends: its first line in the same font
    and column as ``previous``'s last, and no further below it than ``previous``'s own line spacing
    (a third of a line when ``previous`` is one line)."""
    from pdfminer.layout import LTTextBoxHorizontal

    if not (isinstance(previous, LTTextBoxHorizontal) and isinstance(box, LTTextBoxHorizontal)):
        return False
    lines = list(previous)
    last, first = lines[-1], next(iter(box))
    height = min(last.height, first.height)
    if abs(last.height - first.height) > 0.15 * max(last.height, first.height) or _font(last) != _font(first):
        return False
    spacing = max(lines[-2].y0 - last.y1, 0.0) + 0.1 * height if len(lines) > 1 else 0.3 * height
    gap = last.y0 - first.y1
    return -0.1 * height <= gap <= spacing and min(last.x1, first.x1) > max(last.x0, first.x0)


def _font(line) -> str | None:
    """The font most of a line's characters are set in."""
    from collections import Counter

    from pdfminer.layout import LTChar

    fonts = Counter(char.fontname for char in line if isinstance(char, LTChar))
    return fonts.most_common(1)[0][0] if fonts else None


def compose_accents(text: str) -> str:
    """``Kos¸er`` -> ``Koşer``: a letter followed by a spacing cedilla or ogonek becomes the one
    letter Unicode has for the pair (left as it is where it has none)."""
    import unicodedata

    def composed(match: re.Match) -> str:
        letter = unicodedata.normalize("NFC", match["letter"] + _MARKS_BELOW[match["mark"]])
        return letter if len(letter) == 1 else match.group()

    return _LETTER_MARK_BELOW.sub(composed, text)


def spell_out_ligatures(text: str) -> str:
    """``ﬁ`` -> ``fi`` and the like: typesetting glyphs, not letters an extractor can match."""
    return _LIGATURES.sub(lambda m: _LIGATURE_LETTERS[m.group()], text)


def read(file: SourceFile) -> ReadDocument:
    raw, pages = extract_text(file)
    letters = sum(ch.isalpha() for ch in raw)
    if letters < _MIN_LETTERS_PER_PAGE * max(pages, 1):
        raise SourceError(
            f"{file.path}: has no text layer ({pages} page(s), {letters} letters; a scan?); "
            "run OCR first, e.g. ocrmypdf FILE.pdf FILE-ocr.pdf"
        )
    source = file.source(raw)
    cleaned = pdftext.clean(raw) if pdftext.looks_like_pdf_text(raw) else normalised(raw)
    facts: dict = {}
    if webtext.sniff(raw) >= 4:  # a web page printed to PDF
        edits, facts = webtext.analyse(cleaned)
        cleaned = extend(cleaned, edits)
    return ReadDocument(source, cleaned, "pdf", facts, _pages_without_text(file, raw, pages))


def _pages_without_text(file: SourceFile, raw: str, pages: int) -> list[str]:
    """A warning naming the pages whose text is missing (scanned pages inside a text PDF)."""
    texts = raw.split("\f")[:pages]
    empty = [number for number, text in enumerate(texts, 1) if sum(ch.isalpha() for ch in text) < _MIN_LETTERS_PER_PAGE]
    if not empty or len(texts) != pages:
        return []
    shown = ", ".join(str(n) for n in empty[:10]) + (", …" if len(empty) > 10 else "")
    return [f"{file.path}: page(s) {shown} of {pages} have no text layer (scanned?); their text is missing, run OCR to add it"]


READER = Reader("pdf", (".pdf",), read)
