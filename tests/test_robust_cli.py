"""Honest exit codes and one-line errors from the real ``kg`` command, run as a user runs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.errors import MODEL, NO_INPUT, OK, OUTPUT, PARTIAL, QUERY, STORE, USAGE

SAMPLES = Path(__file__).resolve().parents[1] / "kg" / "samples"
KG = str(Path(sys.executable).with_name("kg"))


def kg(*args, cwd=None, input=None) -> subprocess.CompletedProcess:
    return subprocess.run([KG, *map(str, args)], capture_output=True, text=True, cwd=cwd, input=input, timeout=300)


#: Runs kg as the unprivileged user ``nobody`` (tests run as root, who may read everything). The
#: interpreter lives under /root, which nobody may not enter, so kg and everything it imports is
#: loaded first, then the process gives up root, then the command runs.
AS_NOBODY = """
import os, sys, encodings.utf_8_sig, encodings.utf_16, encodings.cp1252, concurrent.futures.process, multiprocessing
from kg.cli import main
from kg.pipeline import load_pipeline
import kg.build, kg.dataset, kg.rdf, kg.readers
kg.readers.readers()  # imports every reader module
load_pipeline(None)
os.setgroups([]); os.setgid(65534); os.setuid(65534)
main(sys.argv[1:])
"""


def kg_as_nobody(*args, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", AS_NOBODY, *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def one_line_error(done: subprocess.CompletedProcess, code: int) -> str:
    """Assert the run failed with ``code`` and one ``Error:`` line, no traceback; return that line."""
    assert done.returncode == code, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, done.stderr
    return errors[0]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("robust-cli") / "store"
    assert kg("build", "--store", path, "--quiet").returncode == OK
    return path


# -- build: nothing to build, partly built ---------------------------------------------------------


def test_a_mistyped_path_builds_nothing_and_creates_no_store(tmp_path):
    line = one_line_error(kg("build", tmp_path / "stukekn", "--store", tmp_path / "s", "--quiet"), NO_INPUT)
    assert "could be built" in line
    assert not (tmp_path / "s").exists()


def test_a_folder_without_documents_is_no_input(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.md").write_text("not a .txt file")
    line = one_line_error(kg("build", tmp_path / "empty", "--store", tmp_path / "s", "--quiet"), NO_INPUT)
    assert "no .txt documents" in line and not (tmp_path / "s").exists()


def test_every_file_rejected_is_no_input_and_each_is_named(tmp_path):
    (tmp_path / "leeg.txt").write_bytes(b"")
    (tmp_path / "binair.txt").write_bytes(bytes(range(256)) * 4)
    done = kg("build", tmp_path / "leeg.txt", tmp_path / "binair.txt", "--store", tmp_path / "s", "--quiet")
    one_line_error(done, NO_INPUT)
    assert "leeg.txt" in done.stderr and "binair.txt" in done.stderr
    assert not (tmp_path / "s").exists()


def test_some_files_rejected_is_partial_and_the_rest_is_built(tmp_path):
    (tmp_path / "leeg.txt").write_bytes(b"")
    done = kg("build", SAMPLES / "01_brief_arbeidsmarktbeleid.txt", tmp_path / "leeg.txt", tmp_path / "weg.txt",
              "--store", tmp_path / "s", "--quiet")
    one_line_error(done, PARTIAL)
    assert "Built 1 document(s)" in done.stderr
    assert "leeg.txt" in done.stderr and "weg.txt: no such file" in done.stderr


def test_a_symlinked_subfolder_is_reported_not_followed(tmp_path):
    (tmp_path / "in").mkdir()
    shutil.copy(SAMPLES / "03_motie_beschut_werk.txt", tmp_path / "in")
    (tmp_path / "elders").mkdir()
    shutil.copy(SAMPLES / "01_brief_arbeidsmarktbeleid.txt", tmp_path / "elders")
    (tmp_path / "in" / "link").symlink_to(tmp_path / "elders")
    done = kg("build", tmp_path / "in", "--store", tmp_path / "s", "--quiet")
    one_line_error(done, PARTIAL)
    assert "link: is a symbolic link to a folder" in done.stderr and "Built 1 document(s)" in done.stderr


@pytest.fixture
def nobody_dir(tmp_path) -> Path:
    """A folder the unprivileged user ``nobody`` can work in (permission tests need a non-root user)."""
    if os.geteuid() != 0:
        pytest.skip("permission tests switch to the user 'nobody', which needs root")
    for folder in (tmp_path, *tmp_path.parents):
        if folder == Path("/tmp"):
            break
        folder.chmod(folder.stat().st_mode | 0o755)
    tmp_path.chmod(0o777)
    return tmp_path


def test_unreadable_files_and_folders_are_named_without_a_traceback(nobody_dir):
    folder = nobody_dir / "stukken"
    (folder / "dicht").mkdir(parents=True)
    shutil.copy(SAMPLES / "02_schriftelijke_vragen_jobcoaching.txt", folder / "dicht")
    shutil.copy(SAMPLES / "01_brief_arbeidsmarktbeleid.txt", folder)
    shutil.copy(SAMPLES / "03_motie_beschut_werk.txt", folder / "geheim.txt")
    (folder / "geheim.txt").chmod(0o000)
    (folder / "dicht").chmod(0o000)
    for path in (folder, folder / "01_brief_arbeidsmarktbeleid.txt"):
        path.chmod(path.stat().st_mode | 0o755)
    store = nobody_dir / "s"
    done = kg_as_nobody("build", folder, folder / "dicht" / "02_schriftelijke_vragen_jobcoaching.txt",
                        "--store", store, "--quiet", cwd=nobody_dir)
    one_line_error(done, PARTIAL)
    assert "geheim.txt: permission denied" in done.stderr
    assert "dicht: folder cannot be read" in done.stderr
    assert "02_schriftelijke_vragen_jobcoaching.txt: cannot be reached" in done.stderr
    assert "Built 1 document(s)" in done.stderr


def test_a_model_folder_that_is_not_a_spacy_pipeline_is_one_line(tmp_path):
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "README").write_text("not a pipeline")
    line = one_line_error(kg("build", "--model", tmp_path / "model", "--store", tmp_path / "s", "--quiet"), MODEL)
    assert "cannot be loaded as a spaCy pipeline" in line and not (tmp_path / "s").exists()


# -- queries: streaming, limits, formats -------------------------------------------------------------

CROSS = "SELECT ?s ?o WHERE { ?s ?p ?o . ?x ?q ?y }"  # about 10^9 rows on the sample store


def _rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def test_results_stream_first_row_at_once_and_memory_stays_flat(store):
    started = time.monotonic()
    process = subprocess.Popen([KG, "sparql", CROSS, "--store", store, "--format", "csv"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert process.stdout.readline().strip() == b"s,o"
        assert process.stdout.readline()
        first_row = time.monotonic() - started
        for _ in range(20_000):
            process.stdout.readline()
        early = _rss_kb(process.pid)
        for _ in range(300_000):
            process.stdout.readline()
        late = _rss_kb(process.pid)
    finally:
        process.kill()
        process.wait()
    assert first_row < 10, first_row  # the whole result would take hours and gigabytes
    assert late - early < 30_000, (early, late)  # kB: rows are not being collected


def test_a_closed_pipe_ends_the_query_quietly(store):
    done = subprocess.run(f"{KG} sparql '{CROSS}' --store {store} --format tsv | head -2",
                          shell=True, capture_output=True, text=True, timeout=120)
    assert len(done.stdout.splitlines()) == 2 and done.stderr == ""


def test_timeout_stops_a_runaway_query_with_a_clear_message(store):
    started = time.monotonic()
    done = kg("sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o . ?x ?q ?y }", "--store", store, "--timeout", "1")
    assert time.monotonic() - started < 15
    assert "longer than --timeout 1 s" in one_line_error(done, QUERY)
    quick = kg("sparql", "ASK { ?s ?p ?o }", "--store", store, "--timeout", "30")
    assert quick.returncode == OK and quick.stdout.strip() == "true"


@pytest.mark.parametrize("fmt, expected", [
    ("csv", "_:"), ("tsv", "_:"), ("json", '"type": "bnode"'), ("xml", "<bnode>"), ("table", "_:"),
])
def test_blank_nodes_are_written_as_the_result_formats_say(store, fmt, expected):
    done = kg("sparql", "SELECT ?x ?n WHERE { BIND(BNODE() AS ?x) BIND(1 AS ?n) }", "--store", store, "--format", fmt)
    assert done.returncode == OK, done.stderr
    assert expected in done.stdout
    if fmt == "json":
        assert json.loads(done.stdout)["results"]["bindings"][0]["x"]["type"] == "bnode"


def test_tables_print_full_values_when_piped(store):
    done = kg("query", "documents", "--store", store)
    assert "…" not in done.stdout and "https://w3id.org/kamerstukken-kg/id/" in done.stdout


def test_service_clauses_are_off_unless_allowed(store):
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    assert "--allow-service" in one_line_error(kg("sparql", query, "--store", store), QUERY)
    allowed = kg("sparql", query, "--store", store, "--allow-service", "--timeout", "20")
    assert allowed.returncode == QUERY and "SERVICE clause" not in allowed.stderr  # it tried, and port 9 refused


def test_an_update_is_refused_as_read_only(store):
    line = one_line_error(kg("sparql", "DELETE WHERE { ?s ?p ?o }", "--store", store), QUERY)
    assert "read-only" in line
    assert kg("sparql", "ASK { ?s ?p ?o }", "--store", store).stdout.strip() == "true"


def test_a_repeated_param_is_an_error(store):
    line = one_line_error(kg("query", "entities", "--param", "category=law", "--param", "category=person",
                             "--store", store), USAGE)
    assert "given twice" in line


def test_info_on_a_missing_store_exits_store(tmp_path):
    done = kg("info", "--store", tmp_path / "none")
    assert done.returncode == STORE and "no kg store" in done.stdout


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_during_export_is_one_line(store):
    with open("/dev/full", "wb") as full:
        done = subprocess.run([KG, "export", "--store", store, "--format", "nquads"], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=120)
    assert done.returncode == OUTPUT and "Traceback" not in done.stderr
    assert done.stderr.startswith("Error: writing the output failed") and len(done.stderr.splitlines()) == 1
