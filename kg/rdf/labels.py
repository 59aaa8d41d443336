"""Labels of kg's own concepts, read from the gazetteer's vocabulary (one source of truth)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _concept_labels() -> dict[str, str]:
    from kg.extractors.vocabulary import load_vocabulary

    return {concept.path: concept.pref_label for concept in load_vocabulary()}


def concept_label(path: str) -> str:
    """The preferred label of a concept path (``'id/organisatie/szw'``), else its last segment."""
    return _concept_labels().get(path, path.rsplit("/", 1)[-1])


@lru_cache(maxsize=1)
def party_paths() -> dict[str, str]:
    """Casefolded party label -> concept path, for parties written next to motion submitters."""
    from kg.extractors.vocabulary import load_vocabulary

    return {
        label.casefold(): concept.path
        for concept in load_vocabulary()
        if concept.category == "party"
        for label in concept.labels
    }
