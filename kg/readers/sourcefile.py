"""Reading a source file's bytes and judging them before any reader sees them.

Every problem a user can hit (a folder, a missing or unreadable file, an empty file, a file in
another encoding or format) becomes a :class:`SourceError` whose message is one line saying what is
wrong and what to do. A UTF-8 BOM is dropped and CRLF is left to the readers' normalisation, so
such files build.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from kg.readers.contract import SourceError, SourceText


@dataclass
class SourceFile:
    """A file's path and bytes; :attr:`text` decodes them as UTF-8 text, raising :class:`SourceError`."""

    path: Path
    data: bytes

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @cached_property
    def text(self) -> str:
        return decode_text(self.path, self.data)

    def source(self, raw: str | None = None) -> SourceText:
        """The :class:`SourceText` publishing ``raw`` (default: the decoded file) under this file's hash."""
        return SourceText(self.path, self.path.name, self.text if raw is None else raw, self.sha256)


def read_file(path: Path | str, data: bytes | None = None) -> SourceFile:
    """The bytes of ``path`` (or ``data``, its bytes read before), or :class:`SourceError` when it is
    no readable, non-empty file."""
    path = Path(path)
    if data is None:
        if path.is_dir():
            raise SourceError(f"{path}: is a directory, not a text file; pass the .txt files inside it")
        data = _read_bytes(path)
    if not data.strip():
        raise SourceError(f"{path}: " + ("is empty; nothing to read" if not data else "contains only whitespace; nothing to read"))
    return SourceFile(path, data)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file; check the path") from None
    except PermissionError:
        raise SourceError(f"{path}: permission denied; make the file readable") from None
    except OSError as error:
        raise SourceError(f"{path}: cannot be read ({error.strerror or error}); check the file") from None


def read_source(path: Path | str) -> SourceText:
    """Read a UTF-8 text file as it is published, or raise :class:`SourceError` saying why it cannot be used."""
    return read_file(path).source()


def decode_text(path: Path, data: bytes) -> str:
    """``data`` as UTF-8 text (BOM removed), or :class:`SourceError` naming the format or encoding it has."""
    problem = _byte_problem(data)
    if problem:
        raise SourceError(f"{path}: {problem}")
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(f"{path}: {_decode_problem(data, error)}") from None
    if not raw.strip():
        raise SourceError(f"{path}: contains only whitespace; nothing to read")
    if control_ratio(raw) > 0.01:
        raise SourceError(f"{path}: looks like a binary file (many control characters), not text")
    return raw


def _byte_problem(data: bytes) -> str | None:
    """What is wrong with the file as text, judged from its bytes alone, if anything."""
    if not data.strip():
        return "is empty; nothing to read" if not data else "contains only whitespace; nothing to read"
    if data.lstrip()[:5] == b"%PDF-":
        return "is a PDF; name it FILE.pdf so kg reads its text layer (or pdftotext -enc UTF-8 FILE.pdf FILE.txt)"
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "is UTF-16, not UTF-8; convert it with iconv -f utf-16 -t utf-8"
    if data[:4] == b"PK\x03\x04":
        return "is a ZIP archive (a .docx or .odt?); save it as plain UTF-8 text first"
    if b"\x00" in data:
        return "is a binary file (contains NUL bytes), not text"
    return None


def _decode_problem(data: bytes, error: UnicodeDecodeError) -> str:
    """Explain a UTF-8 decoding failure, recognising the usual Windows encoding."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and control_ratio(text) < 0.01:
        return "is not UTF-8 (looks like cp1252/latin-1); convert it with iconv -f cp1252 -t utf-8"
    return f"is not UTF-8 text (invalid byte 0x{data[error.start]:02x} at offset {error.start})"


#: The control characters (Unicode category Cc: U+0000-U+001F and U+007F-U+009F) but tab, line
#: feed, form feed and carriage return: one regex scan instead of a category lookup per character.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def control_ratio(text: str) -> float:
    """Share of control characters (other than tab, newlines, form feed) in the first 100,000 characters."""
    sample = text[:100_000]
    bad = len(_CONTROL.findall(sample))
    return bad / max(len(sample), 1)
