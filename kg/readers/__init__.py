"""kg's readers: one module per input form, all ending in one :class:`ReadDocument` (see ``contract``).

The registry finds the forms by looking for a module-level ``READER`` in every module of this
package, so a new form is one new file. :func:`read_document` picks the reader by suffix; text
files (``.txt``, or any file named explicitly whose suffix no reader claims) are decoded once and
given to the text form whose ``sniff`` scores highest (saved web-page text, PDF-extracted text,
else plain text). Every reader's result then gets the shared finishing pass that detaches footnote
markers glued to words.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from pathlib import Path

from kg.readers.contract import READER_FACTS, CleanedText, ReadDocument, Reader, SourceError, SourceText
from kg.readers.sourcefile import SourceFile, read_file, read_source

__all__ = [
    "READER_FACTS",
    "CleanedText",
    "ReadDocument",
    "Reader",
    "SourceError",
    "SourceText",
    "read_document",
    "read_source",
    "readers",
    "suffixes",
]


@lru_cache(maxsize=1)
def readers() -> tuple[Reader, ...]:
    """Every reader in the package, in module-name order."""
    found = []
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        reader = getattr(importlib.import_module(f"{__name__}.{module.name}"), "READER", None)
        if isinstance(reader, Reader):
            found.append(reader)
    return tuple(found)


def suffixes() -> tuple[str, ...]:
    """The file suffixes a folder is scanned for (lower case, with the dot)."""
    return tuple(sorted({suffix for reader in readers() for suffix in reader.suffixes}))


def reader_for(file: SourceFile) -> Reader:
    """The reader of a file: the one claiming its suffix, or for text the text form that sniffs best."""
    suffix = file.path.suffix.lower()
    for reader in readers():
        if reader.sniff is None and suffix in reader.suffixes:
            return reader
    text = file.text  # raises SourceError for what is no UTF-8 text
    return max((r for r in readers() if r.sniff is not None), key=lambda r: r.sniff(text))


def read_document(path: Path | str, data: bytes | None = None) -> ReadDocument:
    """Read one source file in whatever form it has, or raise :class:`SourceError` (one-line message).

    ``data``: the file's bytes, read before (by ``kg build``, which hashed them), so the file is
    not opened again (a worker on another machine need not see it)."""
    from kg.readers.markers import detach_glued_markers

    file = read_file(path, data)
    document = reader_for(file).read(file)
    document.cleaned = detach_glued_markers(document.cleaned)
    return document
