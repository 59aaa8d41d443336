"""What every reader hands the pipeline: the published text, the cleaned text, the map between them,
and the document facts the reader found.

Each input form (PDF-extracted text, plain text, a .pdf, an .html page, the text of a saved web
page) has its own reader, but all of them end in one :class:`ReadDocument`, so the extractors never
change per form:

* ``source.raw`` is the text the graph publishes (``nif:isString``) and that every offset in the
  graph points into: the decoded file for text forms, the extracted text for .pdf and .html.
* ``cleaned.text`` is what spaCy sees. Readers only delete, insert (a space detaching a footnote
  marker) or replace 1:1 (odd whitespace, masked site chrome), and ``cleaned`` keeps, for every
  character, its offset in ``source.raw`` (:meth:`CleanedText.raw_span`).
* ``facts`` are what the reader learnt about the document from its form rather than its prose:
  ``<meta>`` tags, the metadata blocks of a saved web page. Keys (all optional) are listed in
  :data:`READER_FACTS`.

This module uses the standard library only, so it can be imported without spaCy.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable


class SourceError(Exception):
    """A source file kg cannot read; str(e) is a one-line message saying what is wrong and what to do."""


#: Keys of :attr:`ReadDocument.facts`, all optional. Person roles are the document roles a metadata
#: block gives; offsets are into ``source.raw`` (the published text) and absent when the fact came
#: from outside that text (an HTML ``<meta>`` tag).
READER_FACTS: dict[str, str] = {
    "identifiers": "list of the document's own normalized Kamerstuk ids, primary first "
    "(e.g. '34950-XV-2', 'ah-tk-20192020-961'); never a citation",
    "title": "the document's official title as it states it (DC.title/OVERHEID title tag, a 'Titel' key)",
    "description": "what the document is about as the page gives it ('Onderwerp', 'Betreft', the page title)",
    "type": "one of kg.extractors.base.DOCUMENT_TYPES ('brief', 'motie', 'schriftelijke-vragen', ...)",
    "date": "ISO date (YYYY-MM-DD) of the document: answered, else submitted, else published",
    "dates": "dict event -> ISO date; events: 'gepubliceerd', 'ingediend', 'beantwoord', 'vergaderd', 'datum'",
    "persons": "list of dicts {'name': str, 'party': str | None (as written, e.g. 'VVD'), "
    "'role': 'indiener' | 'medeindiener' | 'beantwoorder', 'start': int, 'end': int (raw offsets of the name)}",
    "sources": "list of dicts {'url': str, 'label': str} (e.g. label 'Bron vraag'), the page's source links",
    "metadata": "dict label -> value of the other metadata the page shows (e.g. 'Kenmerk', 'ID', 'Status')",
}


@dataclass(frozen=True)
class SourceText:
    """One source as read: ``raw`` is the published text offsets refer to; ``sha256`` hashes the file's bytes."""

    path: Path
    name: str
    raw: str
    sha256: str  # hex digest of the file's bytes


@dataclass(frozen=True)
class Footnote:
    """A footnote body at a page end: its number and its span in the cleaned text (number included)."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class FootnoteMarker:
    """A detached footnote marker: its number and the span of its digits in the cleaned text."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class Hyphenation:
    """One line-break hyphen the cleaner resolved: ``offset`` is where the two parts meet in the
    cleaned text, ``kept`` whether the hyphen stayed, ``reason`` which rule decided."""

    offset: int
    word: str
    kept: bool
    reason: str


@dataclass
class CleanedText:
    """The cleaned text fed to spaCy, what was removed or found, and the map back to ``raw``."""

    raw: str
    text: str
    footers: list[str]
    footnotes: list[Footnote]
    markers: list[FootnoteMarker]
    hyphenations: list[Hyphenation] = field(default_factory=list)
    # _offsets[i] is the raw offset of text[i] (inserted characters: of the next source
    # character); _offsets[len(text)] == len(raw).
    _offsets: array = field(default_factory=lambda: array("l", [0]), repr=False)
    _inserted: frozenset[int] = field(default_factory=frozenset, repr=False)

    def raw_offset(self, i: int) -> int:
        """Raw offset of cleaned offset ``i`` (0 <= i <= len(text))."""
        if not 0 <= i <= len(self.text):
            raise IndexError(f"cleaned offset {i} outside 0..{len(self.text)}")
        return self._offsets[i]

    def is_inserted(self, i: int) -> bool:
        """True when ``text[i]`` was added by the cleaner (the space before a detached marker)."""
        return i in self._inserted

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw span covering exactly the source characters of cleaned ``text[start:end]``."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"cleaned span {start}:{end} outside 0..{len(self.text)}")
        raw_start = self._offsets[start]
        last = end - 1
        while last >= start and last in self._inserted:
            last -= 1
        if last < start:
            return raw_start, raw_start
        return raw_start, self._offsets[last] + 1

    def raw_text_of(self, start: int, end: int) -> str:
        """The source text behind cleaned ``text[start:end]`` (with hyphens, line breaks, footers)."""
        raw_start, raw_end = self.raw_span(start, end)
        return self.raw[raw_start:raw_end]


@dataclass
class ReadDocument:
    """One document as a reader delivers it to the pipeline (see the module docstring)."""

    source: SourceText
    cleaned: CleanedText
    form: str  # name of the reader that read it: 'pdftext', 'plaintext', 'webtext', 'pdf', 'html'
    facts: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # one-line notes about a document that was still read

    @property
    def raw(self) -> str:
        return self.source.raw

    @property
    def text(self) -> str:
        return self.cleaned.text


@dataclass(frozen=True)
class Reader:
    """One input form: the suffixes it reads and how.

    ``read`` turns a :class:`kg.readers.sourcefile.SourceFile` into a :class:`ReadDocument` (or raises
    :class:`SourceError`). Text forms share the ``.txt`` suffix and tell themselves apart by
    ``sniff``: how strongly the decoded text looks like this form (0 = not at all); the registry
    picks the reader with the highest score.
    """

    name: str
    suffixes: tuple[str, ...]
    read: Callable[[Any], ReadDocument]
    sniff: Callable[[str], int] | None = None
