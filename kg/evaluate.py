"""Score extracted entities against hand-made gold annotations.

The gold (``tests/gold/<set>/<file stem>.json``) lists, per source file, the entities a domain
expert expects at document level: each entity once, with the surface variants it may carry. The
predictions are the rows of the saved query ``entities`` (keys ``document``, ``source``,
``category``, ``entity``, ``label``). Matching is on normalized labels so that the score measures
*what* was found, not how the ontology happens to spell it. Standard library only: the evaluator
must run where spaCy is not installed.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePath

from kg.datafiles import load_json

#: The mention categories of the extractor contract (kg.extractors.base.CATEGORIES).
CATEGORIES = ("organisation", "person", "party", "instrument", "law", "motion", "kamerstuk")

_DELETED = {".", "'", "\u2019", "\u2018", "`", "\u00b4"}
_HYPHENS = {"\u2010", "\u2011"}
_ARTICLES = ("de ", "het ")


class GoldError(ValueError):
    """A gold file that cannot be used; the message is one line naming the file."""


@dataclass(frozen=True)
class GoldEntity:
    """One expected entity of one document."""

    category: str
    label: str
    aliases: tuple[str, ...] = ()
    core: bool = True

    @property
    def keys(self) -> frozenset[str]:
        """The normalized forms a prediction may take to match this entity."""
        return frozenset(k for k in (normalize(v) for v in (self.label, *self.aliases)) if k)


@dataclass
class CategoryScore:
    """Counts for one category (or the total) with the derived measures."""

    category: str
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: CategoryScore) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass(frozen=True)
class Miss:
    """A gold entity not found (``missed``) or a prediction not in the gold (``spurious``)."""

    source: str
    category: str
    label: str


@dataclass
class Evaluation:
    """Per-category scores over all gold documents, plus the detail needed to debug them.

    ``unseen`` lists gold documents without a single predicted row: they are scored (all their
    core entities count as missed), and the report names them so a missing build is noticed.
    """

    scores: dict[str, CategoryScore]
    per_document: dict[str, dict[str, CategoryScore]] = field(default_factory=dict)
    missed: list[Miss] = field(default_factory=list)
    spurious: list[Miss] = field(default_factory=list)
    unseen: list[str] = field(default_factory=list)

    @property
    def macro_f1(self) -> float:
        """Mean F1 of the categories with anything to score (gold entities or predictions)."""
        scored = [s.f1 for s in self.scores.values() if s.tp + s.fp + s.fn]
        return sum(scored) / len(scored) if scored else 0.0

    @property
    def total(self) -> CategoryScore:
        """Micro-averaged counts over all categories."""
        total = CategoryScore("total")
        for score in self.scores.values():
            total.add(score)
        return total


def normalize(label: str) -> str:
    """Fold a label to its comparison form.

    Casefold, strip diacritics, delete dots and apostrophes (``c.s.`` = ``cs``, ``Van 't Wout`` =
    ``Van t Wout``), turn other punctuation except ``-`` into spaces, collapse whitespace and drop
    a leading article ``de``/``het``.
    """
    text = unicodedata.normalize("NFKD", label.casefold())
    chars = []
    for ch in text:
        if unicodedata.combining(ch) or ch in _DELETED:
            continue
        if ch in _HYPHENS:
            chars.append("-")
        elif ch != "-" and unicodedata.category(ch)[0] in "PS":
            chars.append(" ")
        else:
            chars.append(ch)
    text = " ".join("".join(chars).split())
    for article in _ARTICLES:
        if text.startswith(article):
            return text[len(article):]
    return text


def load_gold(gold_dir: Path) -> dict[str, list[GoldEntity]]:
    """Read every ``*.json`` under ``gold_dir`` (recursively), keyed by source file name."""
    gold: dict[str, list[GoldEntity]] = {}
    files = sorted(Path(gold_dir).rglob("*.json"))
    if not files:
        raise GoldError(f"{gold_dir}: no gold files (*.json) found")
    for path in files:
        source, entities = _read_gold_file(path)
        if source in gold:
            raise GoldError(f"{path}: source {source!r} is annotated in another gold file too")
        gold[source] = entities
    return gold


def _read_gold_file(path: Path) -> tuple[str, list[GoldEntity]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("source"), str) or not data["source"]:
        raise GoldError(f"{path}: expected an object with a non-empty string 'source'")
    raw_entities = data.get("entities")
    if not isinstance(raw_entities, list):
        raise GoldError(f"{path}: 'entities' must be a list")
    entities = []
    for i, raw in enumerate(raw_entities):
        where = f"{path}: entities[{i}]"
        if not isinstance(raw, dict):
            raise GoldError(f"{where}: expected an object")
        category, label = raw.get("category"), raw.get("label")
        if category not in CATEGORIES:
            raise GoldError(f"{where}: unknown category {category!r}")
        if not isinstance(label, str) or not normalize(label):
            raise GoldError(f"{where}: 'label' must be a non-empty string")
        aliases = raw.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise GoldError(f"{where}: 'aliases' must be a list of strings")
        core = raw.get("core", True)
        if not isinstance(core, bool):
            raise GoldError(f"{where}: 'core' must be true or false")
        entities.append(GoldEntity(category, label, tuple(aliases), core))
    return data["source"], entities


@lru_cache(maxsize=1)
def _tussenvoegsel_words() -> frozenset[str]:
    """The name-prefix words kg's extractors use (``kg/extractors/data/names.json``), read as data."""
    data = load_json("kg.extractors.data", "names.json")
    return frozenset(word.casefold() for prefix in data["tussenvoegsels"]["words"] for word in prefix.split())


@dataclass(frozen=True)
class NameParts:
    """A person's name split as a reader compares names: surname with tussenvoegsel, initials, first name."""

    family: str  # normalized surname with tussenvoegsel: 'van ark'
    initials: str  # 't', 'jj' or ''
    first: str  # normalized first given name, '' when only initials are written

    def compatible(self, other: NameParts) -> bool:
        """Same surname; initials and first names agree wherever both names give them."""
        if not self.family or self.family != other.family:
            return False
        if self.initials and other.initials and not (
            self.initials.startswith(other.initials) or other.initials.startswith(self.initials)
        ):
            return False
        return not (self.first and other.first and self.first != other.first)


def name_parts(name: str) -> NameParts:
    """``'T. van Ark'`` -> (``van ark``, ``t``, ``''``); ``'Jasper van Dijk'`` -> (``van dijk``, ``j``, ``jasper``);
    ``'Terpstra-de Groot'`` -> (``terpstra-de groot``, ``''``, ``''``)."""
    prefixes = _tussenvoegsel_words()
    words = name.split()
    initials = ""
    while words and re.fullmatch(r"(?:\w\.)+", words[0]):
        initials += words.pop(0).replace(".", "")
    cut = len(words) - 1 if len(words) > 1 else 0
    for index, word in enumerate(words):
        if word.casefold() in prefixes:
            cut = index
            break
    if words and "-" in words[0] and words[0].rsplit("-", 1)[1].casefold() in prefixes:
        cut = 0  # 'Terpstra-de Groot'
    given = words[:cut]
    first = normalize(given[0]) if given and len(normalize(given[0])) > 1 else ""
    if given and not initials:
        initials = "".join(normalize(w)[:1] for w in given)
    return NameParts(normalize(" ".join(words[cut:])), normalize(initials).replace(" ", ""), first)


@dataclass
class _Prediction:
    """One predicted entity of one document and category, with every name it may match by."""

    label: str
    keys: set[str] = field(default_factory=set)  # normalized
    names: set[str] = field(default_factory=set)  # as written, for name parts


def evaluate(rows: Iterable[Mapping[str, object]], gold: Mapping[str, list[GoldEntity]]) -> Evaluation:
    """Score predicted rows against ``gold``; rows of sources outside the gold are ignored.

    Each predicted entity matches the gold entities whose label or alias equals (after
    normalization) its label or any of its vocabulary labels (a row's optional ``labels``); persons
    match by name parts instead (:meth:`NameParts.compatible`: same surname with tussenvoegsel,
    initials and first name agreeing where both give them). Entities with fewer candidates are
    assigned first, so a shared label goes to the gold entity not yet found. Several predictions of
    one gold entity give one true positive; a prediction of a ``core: false`` entity counts neither
    way; unmatched predictions are false positives, one per distinct label, and an unfound core
    entity is a false negative.
    """
    predicted: dict[tuple[str, str], dict[str, _Prediction]] = {}
    seen_sources: set[str] = set()
    for row in rows:
        source = PurePath(str(row.get("source") or "")).name
        if source not in gold:
            continue
        seen_sources.add(source)
        category = str(row.get("category") or "").strip().casefold()
        label = str(row.get("label") or "")
        entity = str(row.get("entity") or "") or normalize(label)
        prediction = predicted.setdefault((source, category), {}).setdefault(entity, _Prediction(label))
        names = [label, *(str(v) for v in row.get("labels") or ())]
        prediction.names.update(names)
        prediction.keys.update(k for k in map(normalize, names) if k)

    evaluation = Evaluation(scores={c: CategoryScore(c) for c in CATEGORIES})
    for source in sorted(gold):
        if source not in seen_sources:
            evaluation.unseen.append(source)
        doc_scores: dict[str, CategoryScore] = {}
        categories = {e.category for e in gold[source]} | {c for s, c in predicted if s == source}
        for category in sorted(categories):
            score = _score(
                source,
                category,
                [e for e in gold[source] if e.category == category],
                list(predicted.get((source, category), {}).values()),
                evaluation,
            )
            doc_scores[category] = score
            evaluation.scores.setdefault(category, CategoryScore(category)).add(score)
        evaluation.per_document[source] = doc_scores
    return evaluation


def _candidates(category: str, entities: list[GoldEntity], prediction: _Prediction) -> list[int]:
    if category == "person":
        names = [name_parts(n) for n in prediction.names]
        return [
            i for i, entity in enumerate(entities)
            if any(n.compatible(name_parts(g)) for n in names for g in (entity.label, *entity.aliases))
        ]
    return [i for i, entity in enumerate(entities) if prediction.keys & entity.keys]


def _score(
    source: str,
    category: str,
    entities: list[GoldEntity],
    predictions: list[_Prediction],
    evaluation: Evaluation,
) -> CategoryScore:
    score = CategoryScore(category)
    candidates = [_candidates(category, entities, p) for p in predictions]
    found: set[int] = set()
    spurious: dict[str, str] = {}
    for index in sorted(range(len(predictions)), key=lambda i: (len(candidates[i]), predictions[i].label)):
        matches = candidates[index]
        if not matches:
            spurious.setdefault(normalize(predictions[index].label), predictions[index].label)
            continue
        # a core entity first, and of those the one the prediction's own label names: a vocabulary
        # label ('RvS' of the Raad van State) may fold to another entity's label ('RVS')
        own = normalize(predictions[index].label)
        fresh = sorted((i for i in matches if i not in found),
                       key=lambda i: (not entities[i].core, own not in entities[i].keys))
        found.update(fresh[:1])
    for label in spurious.values():
        score.fp += 1
        evaluation.spurious.append(Miss(source, category, label))
    for i, entity in enumerate(entities):
        if not entity.core:
            continue
        if i in found:
            score.tp += 1
        else:
            score.fn += 1
            evaluation.missed.append(Miss(source, category, entity.label))
    return score


def format_report(ev: Evaluation) -> str:
    """A plain-text table, one line per category, the micro-averaged total and the macro F1; ends in a newline."""
    header = f"{'category':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"
    lines = [header, "-" * len(header)]
    for score in (*ev.scores.values(), None):
        if score is None:
            lines.append("-" * len(header))
            score = ev.total
        lines.append(
            f"{score.category:<14}{score.precision:>7.3f}{score.recall:>7.3f}{score.f1:>7.3f}"
            f"{score.tp:>6}{score.fp:>6}{score.fn:>6}"
        )
    lines.append(f"{'macro F1':<14}{'':>7}{'':>7}{ev.macro_f1:>7.3f}")
    documents = len(ev.per_document)
    lines.append(f"{documents} gold document{'s' if documents != 1 else ''} scored")
    if ev.unseen:
        lines.append("no predictions for: " + ", ".join(ev.unseen))
    return "\n".join(lines) + "\n"


def format_misses(ev: Evaluation) -> str:
    """One line per missed gold entity (``-``) and spurious prediction (``+``): source, category, label."""
    lines = [f"- {m.source}\t{m.category}\t{m.label}" for m in ev.missed]
    lines += [f"+ {m.source}\t{m.category}\t{m.label}" for m in ev.spurious]
    return "".join(line + "\n" for line in sorted(lines, key=lambda line: (line.split("\t")[0][2:], line)))
