"""Document-level facts (type, date, title, questioner) and the numbered questions and answers.

What a Kamerstuk *is* shows in a few fixed phrases: ``Vragen van het lid ... (ingezonden ...)``
for schriftelijke vragen, ``De vaste commissie voor ... heeft een aantal vragen voorgelegd`` for a
lijst van vragen en antwoorden, speaker lines for a debate, ``Met deze brief informeer ik`` for a
letter. Its own date sits next to similar cues (``ontvangen``, ``beantwoord bij brief van``,
``Vastgesteld``), which keeps the many dates the text merely cites out. All cues live in
``data/documents.json``. Fields already set by other components are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from kg.datafiles import load_json
from kg.extractors.base import DOCUMENT_TYPES, add_mention, document_facts, mentions, span_attrs, text_of


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern
    window: int | None
    types: frozenset[str] | None = None


@dataclass(frozen=True)
class _Patterns:
    months: dict[str, int]
    date: re.Pattern
    type_rules: tuple[tuple[str, int | None, int, tuple[re.Pattern, ...]], ...]
    date_rules: tuple[_Rule, ...]
    footer_date: re.Pattern
    title_rules: tuple[tuple[str, _Rule], ...]  # (fact: 'title' or 'description', rule)
    questioner: _Rule
    question_heading: re.Pattern
    answer_heading: re.Pattern
    bare_answer_heading: re.Pattern
    numbered_question: re.Pattern
    numbered_question_types: frozenset[str]
    block_end: re.Pattern
    range_words: frozenset[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = load_json("kg.extractors.data", "documents.json")
    months = data["months"]
    date = rf"(?P<day>\d{{1,2}})\s+(?P<month>{'|'.join(months)})\s+(?P<year>\d{{4}})"

    def with_date(pattern: str) -> re.Pattern:
        return re.compile(pattern.replace("{date}", date))

    def types(rule: dict) -> frozenset[str] | None:
        return frozenset(rule["types"]) if rule.get("types") else None

    qa = data["questions"]

    def with_numbers(pattern: str) -> re.Pattern:
        return re.compile(pattern.replace("{numbers}", qa["numbers"]))

    type_rules = []
    for rule in data["type_rules"]["rules"]:
        if rule["type"] not in DOCUMENT_TYPES:
            raise ValueError(f"documents.json: unknown document type {rule['type']!r}")
        patterns = tuple(re.compile(p) for p in rule["patterns"])
        type_rules.append((rule["type"], rule["window"], rule["min_count"], patterns))
    return _Patterns(
        months={k.casefold(): v for k, v in months.items()},
        date=re.compile(date),
        type_rules=tuple(type_rules),
        date_rules=tuple(_Rule(with_date(r["pattern"]), r["window"], types(r)) for r in data["date_rules"]["rules"]),
        footer_date=with_date(data["date_rules"]["footer"]),
        title_rules=tuple((r["fact"], _Rule(re.compile(r["pattern"]), r["window"], types(r))) for r in data["title_rules"]["rules"]),
        questioner=_Rule(re.compile(data["questioner"]["pattern"]), data["questioner"]["window"]),
        question_heading=with_numbers(qa["question_heading"]),
        answer_heading=with_numbers(qa["answer_heading"]),
        bare_answer_heading=re.compile(qa["bare_answer_heading"]),
        numbered_question=with_numbers(qa["numbered_question"]),
        numbered_question_types=frozenset(qa["numbered_question_types"]),
        block_end=re.compile(qa["block_end"]),
        range_words=frozenset(qa["range_words"]),
    )


def _window(text: str, window: int | None) -> str:
    return text if window is None else text[:window]


def _applies(rule: _Rule, doc_type: str | None) -> bool:
    return rule.types is None or doc_type in rule.types


# -- facts ----------------------------------------------------------------------------------------


def document_type(text: str) -> str | None:
    """The document type the first matching cue rule gives, or None."""
    for doc_type, window, min_count, patterns in _patterns().type_rules:
        head = _window(text, window)
        count = 0
        for pattern in patterns:
            count += sum(1 for _ in pattern.finditer(head))
            if count >= min_count:
                return doc_type
    return None


def iso_date(match: re.Match) -> str | None:
    """``YYYY-MM-DD`` from a match of the date pattern (groups day, month, year), None if impossible."""
    month = _patterns().months.get(match.group("month").casefold())
    day, year = int(match.group("day")), int(match.group("year"))
    if not month or not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def document_date(text: str, doc_type: str | None, footers: list[str] | None = None) -> str | None:
    """The document's own date: the first dated cue that applies to its type, else a dated page footer."""
    pat = _patterns()
    for rule in pat.date_rules:
        if not _applies(rule, doc_type):
            continue
        match = rule.pattern.search(_window(text, rule.window))
        if match and iso_date(match):
            return iso_date(match)
    for footer in footers or []:
        match = pat.footer_date.search(str(footer))
        if match and iso_date(match):
            return iso_date(match)
    return None


def document_titles(text: str, doc_type: str | None) -> dict[str, str]:
    """``{'title': official title as the text states it, 'description': its subject}``, each when
    found (first matching rule per fact), whitespace collapsed. The subject of vragen ("over data van
    werkzoekenden ...") is what they are about, not a title: kept apart so it never poses as one."""
    found: dict[str, str] = {}
    for fact, rule in _patterns().title_rules:
        if fact in found or not _applies(rule, doc_type):
            continue
        match = rule.pattern.search(_window(text, rule.window))
        if match:
            found[fact] = " ".join(match.group("title").split())
    return found


def _questioner(doc: Doc) -> str | None:
    """Name of the first Kamerlid named in the ``Vragen van het lid ...`` line."""
    rule = _patterns().questioner
    match = rule.pattern.search(_window(text_of(doc), rule.window))
    if not match:
        return None
    line_end = text_of(doc).find("(ingezonden", match.end())
    limit = line_end if line_end != -1 else match.end() + 200
    for span in sorted(mentions(doc, "person"), key=lambda s: s.start_char):
        if match.end() <= span.start_char < limit:
            return str(span_attrs(span).get("name") or span.text)
    return None


# -- questions and answers -------------------------------------------------------------------------


def parse_numbers(text: str) -> list[int]:
    """``'3 & 4'`` -> [3, 4]; ``'5, 6 en 7'`` -> [5, 6, 7]; ``'2 t/m 4'`` -> [2, 3, 4]."""
    pat = _patterns()
    numbers: list[int] = []
    pending_range = False
    for token in re.findall(r"\d+|t/m|tot\s+en\s+met|[-–]", text):
        if token.isdigit():
            value = int(token)
            if pending_range and numbers and 0 < value - numbers[-1] <= 50:
                numbers.extend(range(numbers[-1] + 1, value + 1))
            elif value not in numbers:
                numbers.append(value)
            pending_range = False
        elif " ".join(token.split()) in pat.range_words:
            pending_range = True
    return numbers


@dataclass
class _Heading:
    kind: str  # "question" or "answer"
    start: int
    numbers: list[int]


def _headings(text: str, doc_type: str | None) -> list[_Heading]:
    pat = _patterns()
    headings = [_Heading("question", m.start(), parse_numbers(m.group("numbers"))) for m in pat.question_heading.finditer(text)]
    headings += [_Heading("answer", m.start(), parse_numbers(m.group("numbers"))) for m in pat.answer_heading.finditer(text)]
    answer_starts = {h.start for h in headings}
    headings += [_Heading("answer", m.start(), []) for m in pat.bare_answer_heading.finditer(text) if m.start() not in answer_starts]
    if doc_type in pat.numbered_question_types and not any(h.kind == "question" for h in headings):
        last = 0
        for match in pat.numbered_question.finditer(text):
            number = int(match.group("numbers"))
            if number > last:
                headings.append(_Heading("question", match.start(), [number]))
                last = number
    headings.sort(key=lambda h: h.start)
    previous: list[int] = []
    for heading in headings:  # a bare 'Antwoord' answers the question just before it
        if heading.kind == "question":
            previous = heading.numbers
        elif not heading.numbers:
            heading.numbers = list(previous)
    return [h for h in headings if h.numbers]


def _add_questions(doc: Doc, doc_type: str | None) -> None:
    text = text_of(doc)
    headings = _headings(text, doc_type)
    block_end = _patterns().block_end
    for index, heading in enumerate(headings):
        start = heading.start + (len(text[heading.start :]) - len(text[heading.start :].lstrip()))
        limit = headings[index + 1].start if index + 1 < len(headings) else len(text)
        stop = block_end.search(text, start + 1, limit)
        end = stop.start() if stop else limit
        while end > start and text[end - 1].isspace():
            end -= 1
        span = doc.char_span(start, end, alignment_mode="contract") or doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        add_mention(doc, heading.kind, span, numbers=heading.numbers)


@Language.component("kg_document_facts")
def document_facts_component(doc: Doc) -> Doc:
    """Fill ``doc._.kg_document`` (type, date, title, description, questioner) and the question/answer spans."""
    try:
        facts = document_facts(doc)
        text = text_of(doc)
        if not facts.get("type"):
            detected = document_type(text)
            if detected:
                facts["type"] = detected
        doc_type = facts.get("type")
        if not facts.get("date"):
            date = document_date(text, doc_type, doc._.kg_footers)
            if date:
                facts["date"] = date
        for fact, value in document_titles(text, doc_type).items():
            if not facts.get(fact):
                facts[fact] = value
        if not facts.get("questioner") and doc_type == "schriftelijke-vragen":
            questioner = _questioner(doc)
            if questioner:
                facts["questioner"] = questioner
        if "question" not in doc.spans and "answer" not in doc.spans:
            _add_questions(doc, doc_type)
    except (re.error, ValueError, KeyError, IndexError):
        return doc
    return doc

