"""A non-editable install carries the ontology, concept schemes, saved queries and samples with it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """kg installed with `pip install --no-deps --target` from the repository (not editable)."""
    if not (REPO / "pyproject.toml").is_file():
        pytest.skip("not running from a source checkout")
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(REPO)],
        check=True,
        capture_output=True,
    )
    return target


def run_kg(installed: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(installed)}
    code = "import sys; from kg.cli import main; sys.argv = ['kg', *sys.argv[1:]]; main()"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, env=env, capture_output=True, text=True)


def test_installed_package_ships_its_data(installed):
    package = installed / "kg"
    assert (package / "ontology" / "kg.ttl").is_file()
    assert (package / "ontology" / "shapes.ttl").is_file()
    assert list((package / "ontology").glob("instrumenten.ttl"))
    assert (package / "queries" / "entities.rq").is_file()
    assert list((package / "samples").glob("*.txt"))
    assert (package / "extractors" / "base.py").is_file()


def test_installed_kg_builds_and_queries_from_another_directory(installed, tmp_path):
    build = run_kg(installed, tmp_path, "build", "--quiet")
    assert build.returncode == 0, build.stderr
    assert (tmp_path / "kg-store").is_dir()
    query = run_kg(installed, tmp_path, "query", "entities", "--format", "csv")
    assert query.returncode == 0, query.stderr
    assert "instrument" in query.stdout and "kamerstuk" in query.stdout
    listed = run_kg(installed, tmp_path, "queries")
    assert "documents" in listed.stdout
