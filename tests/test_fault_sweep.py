"""Fault sweep: generated bad inputs and damaged stores against the real ``kg`` command.

For every fault: one ``Error:`` line (and one line per warning), no traceback, the documented exit
code (kg/errors.py), and afterwards a store that ``kg check`` finds consistent, or, for a damaged
store, one that ``kg check`` reports.
"""

from __future__ import annotations

import codecs
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import FINDINGS, MODEL, NO_INPUT, OK, OUTPUT, PARTIAL, QUERY, STORE, USAGE

SAMPLES = Path(__file__).resolve().parents[1] / "kg" / "samples"
KG = str(Path(sys.executable).with_name("kg"))
SAMPLE = SAMPLES / "01_brief_arbeidsmarktbeleid.txt"


def kg(*args, cwd=None, stdout=None) -> subprocess.CompletedProcess:
    return subprocess.run([KG, *map(str, args)], cwd=cwd, stdout=stdout or subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, timeout=300)


def assert_clean_failure(done: subprocess.CompletedProcess, code: int) -> None:
    """The exit code, no traceback, one Error line (none on success), every other stderr line one message."""
    assert done.returncode == code, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == (0 if code == OK else 1), done.stderr
    for line in done.stderr.splitlines():
        assert line.startswith(("Error:", "Warning:", "NLP mode:", "Built ", "Opening store")), line


def assert_consistent(store: Path) -> None:
    if store.exists():
        check = kg("check", "--store", store)
        assert check.returncode == OK and "consistent" in check.stdout, check.stdout + check.stderr


# -- bad input files: one build over all of them ------------------------------------------------------

TEXT = SAMPLE.read_text(encoding="utf-8")

#: name -> bytes of a file kg must reject with one warning (and go on).
REJECTED = {
    "leeg.txt": b"",
    "spaties.txt": b"   \n\t\n  ",
    "binair.txt": bytes(range(256)) * 64,
    "cp1252.txt": TEXT.replace("Re-integratie", "Reïntegratie café").encode("cp1252"),
    "utf16.txt": codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
    "nul.txt": TEXT.encode("utf-8")[:500] + b"\x00" * 300 + TEXT.encode("utf-8")[500:],
    "archief.txt": b"PK\x03\x04" + bytes(range(256)) * 8,
    "nep.pdf": b"%PDF-1.4\nnot really a pdf\n",
}
#: name -> bytes of a file kg must build although it is unusual.
BUILT = {
    "brief-a.txt": TEXT.replace("2022", "2023").encode("utf-8"),
    "Brief A.txt": TEXT.encode("utf-8"),  # slugs like brief-a.txt: graphs are named by content, so no clash
    "bom-crlf.txt": codecs.BOM_UTF8 + TEXT.replace("\n", "\r\n").encode("utf-8"),
    "één regel.txt": ("Brief van de minister over het UWV. " * 6000).encode("utf-8"),  # 200 k chars, no line break
    "naam\nmet regeleinde.txt": TEXT.replace("2022", "2021").encode("utf-8"),
}


def test_bad_input_files_are_each_named_once_and_the_rest_is_built(tmp_path):
    folder = tmp_path / "stukken"
    folder.mkdir()
    for name, data in {**REJECTED, **BUILT}.items():
        (folder / name).write_bytes(data)
    store = tmp_path / "store"
    done = kg("build", folder, "--store", store, "--quiet")
    assert_clean_failure(done, PARTIAL)
    warnings = [line for line in done.stderr.splitlines() if line.startswith("Warning:")]
    for name in REJECTED:
        assert sum(name in line for line in warnings) == 1, (name, warnings)
    assert f"Built {len(BUILT)} document(s)" in done.stderr, done.stderr
    assert_consistent(store)


# -- commands that must refuse, each with its code -------------------------------------------------------


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sweep") / "store"
    assert kg("build", SAMPLE, "--store", path, "--quiet").returncode == OK
    return path


def _damaged(kind: str, good: Path, where: Path) -> Path:
    """A copy of the store ``good`` damaged in one way."""
    damaged = where / f"damaged-{kind}"
    shutil.copytree(good, damaged)
    tables = sorted(damaged.glob("*.sst"), key=lambda p: p.stat().st_size)
    if kind == "truncated-table":
        with open(tables[-1], "r+b") as handle:
            handle.truncate(100)
    elif kind == "missing-table":
        tables[-1].unlink()
    elif kind == "garbage-current":
        (damaged / "CURRENT").write_text("garbage\n")
    elif kind == "garbage-manifest":
        for manifest in damaged.glob("MANIFEST-*"):
            manifest.write_bytes(b"\xff" * 64)
    return damaged


@pytest.mark.parametrize("kind", ["truncated-table", "missing-table", "garbage-current", "garbage-manifest"])
def test_a_damaged_store_is_one_line_from_every_command(store, tmp_path, kind):
    damaged = _damaged(kind, store, tmp_path)
    for command in (["info"], ["query", "documents"], ["sparql", "ASK { ?s ?p ?o }"], ["export"], ["validate"],
                    ["check"], ["build", SAMPLE, "--quiet"]):
        done = kg(*command, "--store", damaged)
        assert_clean_failure(done, STORE) if command != ["info"] else None
        text = done.stderr + (done.stdout if command == ["info"] else "")
        assert "damaged" in text and "rebuild" in text, (command, text)
        assert "Traceback" not in done.stderr


CASES = [
    # (name, arguments (STORE stands for the built store, TMP for a fresh folder), exit code, words in the error)
    ("mistyped path", ["build", "TMP/stukekn", "--store", "TMP/new", "-q"], NO_INPUT, "could be built"),
    ("folder without documents", ["build", "TMP", "--store", "TMP/new", "-q"], NO_INPUT, "no .txt documents"),
    ("mistyped path, store in missing folders", ["build", "TMP/stukekn", "--store", "TMP/new/a/b", "-q"], NO_INPUT,
     "could be built"),
    ("store under a file", ["build", SAMPLE, "--store", f"{SAMPLE}/store", "-q"], STORE, "cannot create the folder"),
    ("base with #", ["build", "--base-uri", "https://example.org/kg#", "--store", "TMP/new"], USAGE, "'#'"),
    ("base with %zz", ["build", "--base-uri", "https://example.org/a%zz/", "--store", "TMP/new"], USAGE, "percent"),
    ("base without /", ["build", "--base-uri", "https://example.org/kg", "--store", "TMP/new"], USAGE, "end with '/'"),
    ("base not http", ["build", "--base-uri", "ftp://example.org/kg/", "--store", "TMP/new"], USAGE, "http"),
    ("second base", ["build", SAMPLE, "--base-uri", "https://example.org/kg/", "--store", "STORE"], STORE, "--force"),
    ("model folder", ["build", "--model", "TMP", "--store", "TMP/new", "-q"], MODEL, "spaCy pipeline"),
    ("missing store", ["query", "documents", "--store", "TMP/none"], STORE, "no kg store"),
    ("store is a file", ["query", "documents", "--store", SAMPLE], STORE, "is a file"),
    ("malformed sparql", ["sparql", "SELEC ?x", "--store", "STORE"], QUERY, "malformed SPARQL"),
    ("update", ["sparql", "INSERT DATA { <a:a> <a:b> <a:c> }", "--store", "STORE"], QUERY, "read-only"),
    ("service", ["sparql", "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "--store", "STORE"], QUERY,
     "--allow-service"),
    ("timeout", ["sparql", "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f }", "--timeout", "0.5", "--store", "STORE"],
     QUERY, "--timeout"),
    ("unknown query", ["query", "documenten", "--store", "STORE"], USAGE, "documents"),
    ("repeated param", ["query", "entities", "-p", "category=law", "-p", "category=person", "--store", "STORE"], USAGE,
     "twice"),
    ("wrong format", ["sparql", "ASK { ?s ?p ?o }", "--format", "turtle", "--store", "STORE"], USAGE, "yes/no"),
]


@pytest.mark.parametrize("name, arguments, code, words", CASES, ids=[case[0] for case in CASES])
def test_each_fault_has_its_exit_code_and_one_line(store, tmp_path, name, arguments, code, words):
    def place(argument):
        text = str(argument)
        return text.replace("STORE", str(store)).replace("TMP", str(tmp_path))

    done = kg(*map(place, arguments))
    assert_clean_failure(done, code)
    assert words in done.stderr, done.stderr
    assert not (tmp_path / "new").exists()  # a command that built nothing created no store
    assert_consistent(store)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [["export", "--format", "nquads"], ["query", "entities", "--format", "csv"]])
def test_a_full_disk_is_one_line_output_error(store, command):
    with open("/dev/full", "wb") as full:
        done = kg(*command, "--store", store, stdout=full)
    assert_clean_failure(done, OUTPUT)
    assert "writing the output failed" in done.stderr


def test_check_tells_an_interrupted_build(store, tmp_path):
    from kg.check import BUILD_MARKER

    copy = tmp_path / "copy"
    shutil.copytree(store, copy)
    (copy / BUILD_MARKER).write_text("kg build started by process 1\n")
    done = kg("check", "--store", copy)
    assert done.returncode == FINDINGS and "interrupted" in done.stdout
    assert "INTERRUPTED" in kg("info", "--store", copy).stdout
    assert kg("build", SAMPLE, "--store", copy, "--quiet").returncode == OK  # running the build again completes it
    assert_consistent(copy)


def test_a_damaged_file_record_stops_a_build_in_one_line_and_check_reports_it(store, tmp_path):
    from kg.store import FILE_RECORD

    copy = tmp_path / "copy"
    shutil.copytree(store, copy)
    (copy / FILE_RECORD).write_text('{"files": ')
    done = kg("build", SAMPLE, "--store", copy, "--quiet")
    assert_clean_failure(done, STORE)
    assert FILE_RECORD in done.stderr and "damaged" in done.stderr
    check = kg("check", "--store", copy)
    assert check.returncode == FINDINGS and FILE_RECORD in check.stdout, check.stdout
    (copy / FILE_RECORD).unlink()  # the recovery the message gives
    assert kg("build", SAMPLE, "--store", copy, "--quiet").returncode == OK
    assert_consistent(copy)


def test_a_store_in_folders_that_do_not_exist_yet_is_built_there(tmp_path):
    store = tmp_path / "a" / "b"
    done = kg("build", SAMPLE, "--store", store, "--quiet")
    assert_clean_failure(done, OK)
    assert (store / "CURRENT").exists()
    assert_consistent(store)


@pytest.mark.xfail(strict=True, reason="known gap: kg check reads every quad once, through the indexes that iteration "
                   "uses; a flipped block in another of Oxigraph's indexes (by predicate, by object) is not read, one in a small table can make opening the store hang, and "
                   "pyoxigraph offers no checksum verification of the whole store (README 'When things go wrong')")
def test_check_notices_flipped_bytes_in_any_table(store, tmp_path):
    """Eight bytes inverted a third into each table file in turn (not truncated, not removed): each copy is reported."""
    missed = []
    for table in sorted(store.glob("*.sst")):
        copy = tmp_path / f"flipped-{table.stem}"
        shutil.copytree(store, copy)
        data = bytearray((copy / table.name).read_bytes())
        middle = len(data) // 3
        data[middle:middle + 8] = bytes(b ^ 0xFF for b in data[middle:middle + 8])
        (copy / table.name).write_bytes(bytes(data))
        # In a child with a time limit: a flipped block in a small table can make RocksDB spin
        # on open, and a hang is a miss too, not a reason to stop the suite.
        probe = (
            "import sys; from kg.check import check_store; from kg.store import KGStore, StoreError\n"
            "try:\n    report = check_store(KGStore.open(sys.argv[1], read_only=True))\n"
            "except StoreError:\n    sys.exit(0)\n"
            "sys.exit(0 if any('damaged' in f for f in report.findings) else 1)"
        )
        try:
            noticed = subprocess.run([sys.executable, "-c", probe, str(copy)], timeout=60, cwd=tmp_path).returncode == 0
        except subprocess.TimeoutExpired:
            noticed = False
        if not noticed:
            missed.append(table.name)
        shutil.rmtree(copy)
    assert not missed, f"kg check missed flipped bytes in {len(missed)} table file(s): {missed}"
