"""The traps a newcomer meets first: the README tour and library snippet as printed, entity
parameters written as labels or short ids, and validation output grouped."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import OK, USAGE

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
VENV = Path(sys.executable).parent.parent
KG = str(Path(sys.executable).with_name("kg"))


def readme_block(after_heading: str, language: str) -> str:
    section = README.split(f"## {after_heading}", 1)[1]
    return re.search(rf"```{language}\n(.*?)```", section, re.S).group(1)


def test_the_readme_tour_runs_as_printed(tmp_path, corpus_dir):
    """The tour, word for word, in a checkout-shaped folder: .venv beside it, ../shared/corpus above it."""
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    (checkout / ".venv").symlink_to(VENV)
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "corpus").symlink_to(corpus_dir)
    tour = readme_block("A tour", "sh")
    done = subprocess.run(["bash", "-e", "-c", tour], cwd=checkout, capture_output=True, text=True, timeout=900,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert done.returncode == OK, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    assert (checkout / "entities.csv").stat().st_size > 0 and (checkout / "kg.trig").stat().st_size > 0
    assert "UWV" in done.stdout and "consistent" in done.stdout


def test_the_readme_library_snippet_runs_from_the_repository_root(tmp_path, corpus_dir):
    if sys.version_info < (3, 11):
        pytest.skip("python -P needs Python 3.11")
    snippet = readme_block("Library", "python").replace('"corpus-store"', repr(str(tmp_path / "store")))
    snippet = snippet.replace('"../shared/corpus"', repr(str(corpus_dir)))
    done = subprocess.run([sys.executable, "-P", "-c", snippet], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == OK, done.stderr
    assert "/id/kamerstuk/" in done.stdout


def test_without_minus_p_the_shadowed_package_says_what_to_do():
    done = subprocess.run([sys.executable, "-c", "import kg.build"], cwd=REPO, capture_output=True, text=True)
    assert done.returncode != 0 and "No module named 'kg.extractors'" not in done.stderr
    assert "source folder" in done.stderr and "-P" in done.stderr


def query(store, *args) -> subprocess.CompletedProcess:
    return subprocess.run([KG, "query", *map(str, args), "--store", store.path, "--format", "tsv"], capture_output=True,
                          text=True, timeout=300)


@pytest.mark.parametrize("written", ["uwv", "organisatie/uwv", "UWV", "Uitvoeringsinstituut Werknemersverzekeringen"])
def test_entity_parameters_take_a_label_or_a_short_id(corpus_store, written):
    by_iri = query(corpus_store, "mentions-of", "--param", "entity=https://w3id.org/kamerstukken-kg/id/organisatie/uwv")
    by_name = query(corpus_store, "mentions-of", "--param", f"entity={written}")
    assert by_name.returncode == OK, by_name.stderr
    assert by_name.stdout == by_iri.stdout and len(by_iri.stdout.splitlines()) > 1


def test_an_entity_parameter_naming_several_entities_is_refused(corpus_store):
    rows = corpus_store.query(
        "SELECT ?name WHERE { ?e rdfs:label|skos:prefLabel|skos:altLabel ?name FILTER(isIRI(?e)) }"
        " GROUP BY ?name HAVING (COUNT(DISTINCT ?e) > 1) ORDER BY ?name LIMIT 1"
    )
    shared = [row["name"].value for row in rows]
    if not shared:
        pytest.skip("no label is shared by two entities in this store")
    done = query(corpus_store, "mentions-of", "--param", f"entity={shared[0]}")
    assert done.returncode == USAGE and "entities" in done.stderr and len(done.stderr.splitlines()) == 1
    unknown = query(corpus_store, "mentions-of", "--param", "entity=geen-zulke-organisatie")
    assert unknown.returncode == USAGE and "no entity" in unknown.stderr


def test_validation_groups_repeated_results_and_shows_progress(corpus_store):
    done = subprocess.run([KG, "validate", "--store", corpus_store.path], capture_output=True, text=True, timeout=900)
    assert "Validating" in done.stderr and "Checked in" in done.stderr
    first = done.stdout.splitlines()[0]
    counts = [int(n) for n in re.findall(r"×(\d+)", done.stdout)]
    if counts:
        assert "kind(s)" in first
        blocks = done.stdout.strip().split("\n\n")[1:]
        assert len(blocks) < int(re.search(r"(\d+) warning", first).group(1)) + int(re.search(r"(\d+) violation", first).group(1))
