"""A ``.pdf`` as published: its text layer, read with pdfminer.six, then cleaned like PDF-extracted text.

pdfminer.six was chosen over pypdf because it rebuilds words from glyph positions: on justified,
kerned text (as Kamerstukken are typeset) pypdf glues or splits words where pdfminer.six keeps
them (figures in the README's "Input" section). The extracted text, with typographic ligatures
(``ﬁ``) spelt out and pages separated by form feeds, is the raw text the graph publishes; all offsets
point into it. When it shows the page footers or line-break hyphens of a Kamerstuk it gets the
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


def extract_text(file: SourceFile) -> tuple[str, int]:
    """The text layer of the PDF (pages ended by form feeds) and its number of pages."""
    import io

    from pdfminer.high_level import extract_text as pdfminer_text
    from pdfminer.pdfpage import PDFPage

    if file.data.lstrip()[:5] != b"%PDF-":
        raise SourceError(f"{file.path}: is not a PDF (no %PDF- header); check the file or its suffix")
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font warnings are not the user's business
    try:
        pages = sum(1 for _ in PDFPage.get_pages(io.BytesIO(file.data)))
        text = pdfminer_text(io.BytesIO(file.data))
    except Exception as error:  # noqa: BLE001 - pdfminer raises many types for damaged or encrypted files
        reason = " ".join(str(error).split())[:120] or type(error).__name__
        raise SourceError(f"{file.path}: cannot be read as a PDF ({reason}); check the file") from None
    return spell_out_ligatures(text), pages


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
