"""An ``.html``/``.htm`` page saved from a parliamentary site: its text without the site around it,
its ``<meta>`` tags as facts.

lxml parses the page (any encoding its ``<meta charset>`` declares). Navigation, headers, footers,
scripts, menus, cookie banners and vote widgets are dropped by element, ARIA role and class/id
words (``data/html.json``); of the rest, block elements become line breaks, table cells are
separated by a tab (so ``<th>Indiener</th><td>…</td>`` reads as a key and its value), and a
``<sup>`` footnote number is set apart from the word it follows. That text is the raw text the
graph publishes (all offsets point into it); the page file's sha256 still identifies the item. The
``webtext`` analysis then reads the metadata blocks in the text and blanks the chrome left in it,
and ``<meta>`` tags (Dublin Core, DCTERMS, OVERHEID*, og:title) add facts the text does not show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kg.datafiles import load_json
from kg.readers import webtext
from kg.readers.contract import ReadDocument, Reader, SourceError
from kg.readers.edits import extend, normalised
from kg.readers.sourcefile import SourceFile, control_ratio


@dataclass(frozen=True)
class _Rules:
    meta: dict[str, tuple[str, str | None]]  # casefolded meta name -> (fact, event or role)
    document_types: dict[str, str]
    drop_elements: frozenset[str]
    site_parts: frozenset[str]
    drop_roles: frozenset[str]
    drop_class: re.Pattern
    paragraphs: frozenset[str]
    lines: frozenset[str]
    cells: frozenset[str]


@lru_cache(maxsize=1)
def rules() -> _Rules:
    data = load_json("kg.readers.data", "html.json")
    meta: dict[str, tuple[str, str | None]] = {}
    for fact, names in data["meta"].items():
        for name in names:
            meta[name.casefold()] = (fact, names[name] if isinstance(names, dict) else None)
    words = "|".join(re.escape(w) for w in sorted(data["drop_class_words"], key=len, reverse=True))
    return _Rules(
        meta=meta,
        document_types={k.casefold(): v for k, v in data["document_types"].items()},
        drop_elements=frozenset(data["drop_elements"]),
        site_parts=frozenset(data["site_parts"]),
        drop_roles=frozenset(data["drop_roles"]),
        drop_class=re.compile(rf"(?:^|[\s_-])(?:{words})(?:$|[\s_-])", re.IGNORECASE),
        paragraphs=frozenset(data["paragraph_elements"]),
        lines=frozenset(data["line_elements"]),
        cells=frozenset(data["cell_elements"]),
    )


def _parse(file: SourceFile):
    import lxml.etree
    import lxml.html

    if b"\x00" in file.data[:4096] or control_ratio(file.data[:4096].decode("latin-1")) > 0.05:
        raise SourceError(f"{file.path}: is a binary file, not an HTML page; check the file")
    try:
        root = lxml.html.document_fromstring(file.data)
    except (lxml.etree.ParserError, ValueError) as error:
        raise SourceError(f"{file.path}: cannot be parsed as HTML ({error}); check the file") from None
    return root


def _dropped(element, r: _Rules) -> bool:
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if tag in r.site_parts and not any(a.tag in ("main", "article") or a.get("role") == "main" for a in element.iterancestors()):
        return True  # the site's header, footer or sidebar, not the document's own
    if tag in r.drop_elements or element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    if (element.get("role") or "").lower() in r.drop_roles:
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return bool(names.strip()) and bool(r.drop_class.search(names))


class _TextWriter:
    """Accumulates the page text: words joined by single spaces, lines by a line break, paragraphs
    by a blank line, table cells by a tab."""

    def __init__(self):
        self.chars: list[str] = []  # pieces of text; never empty strings

    def tail(self) -> str:
        return self.chars[-1][-1] if self.chars else ""

    def words(self, text: str | None, keep_spaces: bool = False) -> None:
        if not text:
            return
        if not keep_spaces:
            text = re.sub(r"\s+", " ", text)
            if text.startswith(" ") and self.tail() in ("", "\n", "\t", " "):
                text = text[1:]
        if text:
            self.chars.append(text)

    def mark(self, separator: str) -> None:
        """End a cell (``\t``), line (``\n``) or paragraph (``\n\n``); trailing spaces and tabs go."""
        strip = " " if separator == "\t" else " \t"
        while self.chars and self.tail() in strip:
            self.chars[-1] = self.chars[-1][:-1]
            if not self.chars[-1]:
                self.chars.pop()
        if not self.chars:
            return
        if separator == "\t":
            if self.tail() not in ("\n", "\t"):
                self.chars.append("\t")
            return
        have = 0
        for piece in reversed(self.chars):
            stripped = piece.rstrip("\n")
            have += len(piece) - len(stripped)
            if stripped:
                break
        if have < len(separator):
            self.chars.append("\n" * (len(separator) - have))

    def text(self) -> str:
        return "".join(self.chars).strip("\n") + "\n"


def _walk(element, out: _TextWriter, r: _Rules, in_pre: bool = False) -> None:
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if not tag or _dropped(element, r):  # comments, processing instructions, boilerplate
        out.words(element.tail, in_pre)
        return
    pre = in_pre or tag == "pre"
    separator = "\n\n" if tag in r.paragraphs else "\n" if tag in r.lines else None
    if separator:
        out.mark(separator)
    if tag == "sup" and out.tail().isalnum():
        out.words(" ")
    out.words(element.text, pre)
    for child in element:
        _walk(child, out, r, pre)
    if separator:
        out.mark(separator)
    elif tag in r.cells:
        out.mark("\t")
    out.words(element.tail, in_pre)


def _content_root(root):
    mains = root.xpath("//main | //*[@role='main']")
    return mains[0] if len(mains) == 1 else (root.find("body") if root.find("body") is not None else root)


def page_text(root) -> str:
    """The readable text of a parsed page (see the module docstring)."""
    out = _TextWriter()
    _walk(_content_root(root), out, rules())
    text = out.text()
    return re.sub(r"\n{3,}", "\n\n", text)


def meta_facts(root) -> dict[str, Any]:
    """Facts from the page's ``<meta name|property=… content=…>`` tags."""
    r = rules()
    facts: dict[str, Any] = {}
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or "").strip()
        content = " ".join((meta.get("content") or "").split())
        if not name or not content or name.casefold() not in r.meta:
            continue
        fact, detail = r.meta[name.casefold()]
        if fact in ("title", "description"):
            facts.setdefault(fact, content)
        elif fact == "identifier":
            for identifier in webtext.kamerstuk_ids(content):
                if identifier not in facts.setdefault("identifiers", []):
                    facts["identifiers"].append(identifier)
            facts.setdefault("metadata", {}).setdefault(name, content)
        elif fact == "source" and re.match(r"https?://", content):
            facts.setdefault("sources", []).append({"url": content, "label": name})
        elif fact == "type":
            kind = r.document_types.get(content.casefold())
            if kind:
                facts.setdefault("type", kind)
        elif fact == "date":
            date = webtext.parse_date(content)
            if date:
                facts.setdefault("dates", {}).setdefault(detail, date)
        elif fact == "persons":
            for person in webtext.parse_persons(content, 0, detail):
                for key in ("start", "end", "party_start", "party_end"):  # a <meta> name is not in the published text
                    person.pop(key, None)
                facts.setdefault("persons", []).append(person)
    title = root.findtext(".//title")
    if title and "description" not in facts:  # "Motie van het lid Jansen | Tweede Kamer": the page's own part,
        # what the site calls the page, not a title the document states
        facts["description"] = " ".join(re.split(r"\s+[|–—-]\s+", title.strip())[0].split())
    link = root.find(".//link[@rel='canonical']")
    if link is not None and re.match(r"https?://", link.get("href") or ""):
        facts.setdefault("sources", []).append({"url": link.get("href"), "label": "canonical"})
    return facts


def merge_facts(text_facts: dict[str, Any], meta: dict[str, Any]) -> dict[str, Any]:
    """The facts of the page text, completed (never overridden) by those of its ``<meta>`` tags."""
    facts = dict(text_facts)
    for key, value in meta.items():
        if key in ("identifiers", "persons", "sources"):
            have = facts.setdefault(key, [])
            seen = {p["name"] for p in have} if key == "persons" else ({s["url"] for s in have} if key == "sources" else set(have))
            for item in value:
                ident = item["name"] if key == "persons" else (item["url"] if key == "sources" else item)
                if ident not in seen:
                    have.append(item)
                    seen.add(ident)
        elif key in ("dates", "metadata"):
            merged = dict(value)
            merged.update(facts.get(key) or {})
            facts[key] = merged
        else:
            facts.setdefault(key, value)
    date = webtext.document_date(facts.get("dates") or {})
    if date and "date" not in facts:
        facts["date"] = date
    return facts


def read(file: SourceFile) -> ReadDocument:
    root = _parse(file)
    raw = page_text(root)
    if not raw.strip():
        raise SourceError(f"{file.path}: has no readable text outside the site's navigation; check the page")
    cleaned = normalised(raw)
    edits, facts = webtext.analyse(cleaned)
    return ReadDocument(file.source(raw), extend(cleaned, edits), "html", merge_facts(facts, meta_facts(root)))


READER = Reader("html", (".html", ".htm", ".xhtml"), read)
