"""Shared fixtures: the real corpus beside the repository, and stores built from it and from the samples."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    return CORPUS


@pytest.fixture(scope="session")
def corpus_files(corpus_dir) -> list[Path]:
    return sorted(corpus_dir.glob("*.txt"))


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory, corpus_dir):
    """A store built once from ../shared/corpus (rules-only), shared by the tests that only read it."""
    from kg.build import build
    from kg.store import KGStore

    store = KGStore.open(tmp_path_factory.mktemp("corpus") / "store")
    report = build(store, [corpus_dir])
    assert len(report.built) == 5, report.warnings
    return store


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory):
    """A store built once from the bundled samples."""
    from kg.build import build
    from kg.store import KGStore

    store = KGStore.open(tmp_path_factory.mktemp("samples") / "store")
    build(store)
    return store
