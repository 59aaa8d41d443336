"""Turtle terms for the register generators in this folder (run as scripts, without kg installed)."""

from __future__ import annotations

import re
import unicodedata


def slug(text: str) -> str:
    """Same rule as kg.vocab.slug, so a generated IRI is the one kg mints for the same name."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def literal(text: str, lang: str | None = None) -> str:
    """A Turtle string literal, with a language tag when ``lang`` is given."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"' + (f"@{lang}" if lang else "")
