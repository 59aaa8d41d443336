"""Documents with the same file name never replace one another across builds (issue 12, item 2).

Graphs are named after the document (its official id, else its content hash), and kg records where
each file was read, so a second ``brief.txt`` from another folder, or a name that slugs the same
(``Brief A.txt`` / ``brief-a.txt``), is a document of its own, while a file edited in place still
replaces its old version.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from kg.errors import OK

KG = str(Path(sys.executable).with_name("kg"))
SAMPLES = sorted((Path(__file__).resolve().parents[1] / "kg" / "samples").glob("*.txt"))


def kg(*args) -> subprocess.CompletedProcess:
    return subprocess.run([KG, *map(str, args)], capture_output=True, text=True, timeout=300)


def document_graphs(store: Path) -> set[str]:
    done = kg("sparql", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?d a kg:Document } }", "--store", store, "--format", "tsv")
    assert done.returncode == OK, done.stderr
    return set(done.stdout.split()[1:])


def test_same_file_name_in_two_builds_keeps_both_documents(tmp_path):
    store = tmp_path / "store"
    for year, sample in (("2018", SAMPLES[0]), ("2019", SAMPLES[1])):
        folder = tmp_path / year
        folder.mkdir()
        (folder / "brief.txt").write_bytes(sample.read_bytes())
        assert kg("build", folder, "--store", store, "--quiet").returncode == OK
    assert len(document_graphs(store)) == 2


def test_names_that_slug_alike_keep_both_documents(tmp_path):
    store = tmp_path / "store"
    for name, sample in (("Brief A.txt", SAMPLES[2]), ("brief-a.txt", SAMPLES[3])):
        folder = tmp_path / name.replace(" ", "_").replace(".", "_")
        folder.mkdir()
        (folder / name).write_bytes(sample.read_bytes())
        assert kg("build", folder, "--store", store, "--quiet").returncode == OK
    assert len(document_graphs(store)) == 2


def test_a_file_edited_in_place_replaces_its_old_version(tmp_path):
    store, folder = tmp_path / "store", tmp_path / "2018"
    folder.mkdir()
    brief = folder / "brief.txt"
    brief.write_bytes(SAMPLES[0].read_bytes())
    assert kg("build", folder, "--store", store, "--quiet").returncode == OK
    (old,) = document_graphs(store)
    brief.write_bytes(SAMPLES[1].read_bytes())
    assert kg("build", folder, "--store", store, "--quiet").returncode == OK
    (new,) = document_graphs(store)
    assert new != old
    items = kg("sparql", "SELECT DISTINCT ?sha WHERE { ?item a kg:Item ; kg:contentSha256 ?sha }", "--store", store,
               "--format", "tsv")
    assert items.stdout.split()[1:] == [f'"{hashlib.sha256(SAMPLES[1].read_bytes()).hexdigest()}"']
    assert kg("check", "--store", store).returncode == OK


def test_where_files_were_read_stays_out_of_every_export(tmp_path):
    store, folder = tmp_path / "store", tmp_path / "2018"
    folder.mkdir()
    (folder / "brief.txt").write_bytes(SAMPLES[0].read_bytes())
    assert kg("build", folder, "--store", store, "--quiet").returncode == OK
    for form in ("nquads", "turtle", "jsonld"):
        done = kg("export", "--format", form, "--store", store)
        assert done.returncode == OK and "brief.txt" in done.stdout and str(tmp_path) not in done.stdout
