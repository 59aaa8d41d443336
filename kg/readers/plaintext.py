"""Plain text typed or exported as text: no page layout to undo, so only odd characters are normalised.

The fallback for text that shows neither the page footers of a PDF nor the metadata blocks of a web
page; the registry's glued-footnote-marker pass still runs on it.
"""

from __future__ import annotations

from kg.readers.contract import ReadDocument, Reader
from kg.readers.edits import normalised
from kg.readers.sourcefile import SourceFile


def read(file: SourceFile) -> ReadDocument:
    source = file.source()
    return ReadDocument(source, normalised(source.raw), "plaintext")


READER = Reader("plaintext", (".txt",), read, sniff=lambda text: 1)
