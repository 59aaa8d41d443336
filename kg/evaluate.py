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
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath

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


@dataclass
class _Prediction:
    """One distinct normalized label of one document and category, and the entities carrying it."""

    label: str
    entities: set[str] = field(default_factory=set)


def evaluate(rows: Iterable[Mapping[str, str]], gold: Mapping[str, list[GoldEntity]]) -> Evaluation:
    """Score predicted rows against ``gold``; rows of sources outside the gold are ignored.

    Per document and category, each distinct normalized label is matched to the gold entities
    whose label or alias it equals. A label carried by n distinct predicted entities can find up to
    n gold entities (two motions both labelled ``motie-Van Hijum c.s.``); unambiguous labels are
    assigned first so a shared label goes to the entity not yet found. Several predictions of one
    gold entity give one true positive; a prediction of a ``core: false`` entity counts neither
    way; an unmatched label is one false positive and an unfound core entity one false negative.
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
        by_key = predicted.setdefault((source, category), {})
        prediction = by_key.setdefault(normalize(label), _Prediction(label))
        prediction.entities.add(str(row.get("entity") or ""))

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
                predicted.get((source, category), {}),
                evaluation,
            )
            doc_scores[category] = score
            evaluation.scores.setdefault(category, CategoryScore(category)).add(score)
        evaluation.per_document[source] = doc_scores
    return evaluation


def _score(
    source: str,
    category: str,
    entities: list[GoldEntity],
    predictions: Mapping[str, _Prediction],
    evaluation: Evaluation,
) -> CategoryScore:
    score = CategoryScore(category)
    keys = [e.keys for e in entities]
    candidates = {key: [i for i, k in enumerate(keys) if key in k] for key in predictions}
    found: set[int] = set()
    for key in sorted(predictions, key=lambda k: (len(candidates[k]), k)):
        matches = candidates[key]
        if not matches:
            score.fp += 1
            evaluation.spurious.append(Miss(source, category, predictions[key].label))
            continue
        fresh = sorted((i for i in matches if i not in found), key=lambda i: not entities[i].core)
        found.update(fresh[: len(predictions[key].entities)])
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
    """A plain-text table, one line per category then the micro-averaged total; ends in a newline."""
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
    documents = len(ev.per_document)
    lines.append(f"{documents} gold document{'s' if documents != 1 else ''} scored")
    if ev.unseen:
        lines.append("no predictions for: " + ", ".join(ev.unseen))
    return "\n".join(lines) + "\n"
