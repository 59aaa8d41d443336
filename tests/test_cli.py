"""The kg command through click's test runner, and its start-up cost."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys

import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import main
from kg.errors import MODEL, STORE, USAGE
from kg.store import KGStore


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A store built from the bundled samples through the CLI itself."""
    store = tmp_path_factory.mktemp("cli") / "store"
    result = CliRunner().invoke(main, ["build", "--store", str(store), "--quiet"])
    assert result.exit_code == 0, result.output
    return store


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def test_build_says_which_nlp_mode_ran_and_summarises(tmp_path):
    result = run("build", "--store", tmp_path / "s", "--quiet")
    assert result.exit_code == 0
    assert "NLP mode: rules-only" in result.stderr
    assert re.search(r"Built \d+ document\(s\)", result.stderr)
    assert "triples" in result.stderr and "entities:" in result.stderr


def test_store_can_come_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_STORE", str(tmp_path / "env-store"))
    assert run("build", "--quiet").exit_code == 0
    assert (tmp_path / "env-store" / "CURRENT").exists()


def test_queries_lists_builtin_queries_with_descriptions():
    result = run("queries")
    assert result.exit_code == 0
    assert "entities" in result.output and "documents" in result.output
    listed = json.loads(run("queries", "--format", "json").stdout)
    assert all(q["description"] for q in listed)


def test_query_formats(built):
    table = run("query", "documents", "--store", built)
    assert table.exit_code == 0 and "source" in table.output.splitlines()[0]

    rows = list(csv.DictReader(io.StringIO(run("query", "entities", "--store", built, "--format", "csv").stdout)))
    assert rows and set(rows[0]) == {"document", "source", "category", "entity", "label"}
    assert {"organisation", "instrument", "law", "kamerstuk"} <= {r["category"] for r in rows}

    tsv = run("query", "entities", "--store", built, "--format", "tsv").stdout.splitlines()
    assert tsv[0].split("\t") == ["?document", "?source", "?category", "?entity", "?label"]

    data = json.loads(run("query", "entities", "--store", built, "--format", "json", "--limit", "3").stdout)
    assert data["head"]["vars"] == ["document", "source", "category", "entity", "label"]
    assert len(data["results"]["bindings"]) == 3


def test_query_parameter_is_bound_and_validated(built):
    laws = list(csv.DictReader(io.StringIO(
        run("query", "entities", "--store", built, "--format", "csv", "--param", "category=law").stdout)))
    assert laws and {r["category"] for r in laws} == {"law"}

    unknown = run("query", "entities", "--store", built, "--param", "colour=red")
    assert unknown.exit_code != 0
    assert "no parameter 'colour'" in unknown.stderr and "category" in unknown.stderr
    assert len(unknown.stderr.strip().splitlines()) == 1


def test_unknown_query_name_suggests_close_names(built):
    result = run("query", "entitis", "--store", built)
    assert result.exit_code != 0 and "did you mean entities" in result.stderr


def test_query_file_by_path(built, tmp_path):
    path = tmp_path / "count.rq"
    path.write_text("# description: count\nSELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }\n", encoding="utf-8")
    result = run("query", path, "--store", built, "--format", "csv")
    assert result.exit_code == 0 and int(result.stdout.splitlines()[1]) > 100


def test_user_query_folder_is_listed(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "my-count.rq").write_text("# description: my own count\nSELECT * WHERE { ?s ?p ?o }\n", encoding="utf-8")
    result = run("queries", "--queries", folder)
    assert "my-count" in result.output and "my own count" in result.output


def test_sparql_text_stdin_and_file(built, tmp_path):
    ask = run("sparql", "ASK { ?s a kg:Kamerstuk }", "--store", built)
    assert ask.exit_code == 0 and ask.stdout.strip() == "true"
    stdin = run("sparql", "-", "--store", built, "--format", "csv", input="SELECT ?s WHERE { ?s a kg:Document }")
    assert stdin.exit_code == 0 and len(stdin.stdout.splitlines()) > 1
    path = tmp_path / "q.rq"
    path.write_text("CONSTRUCT { ?s a kg:Document } WHERE { ?s a kg:Document }", encoding="utf-8")
    turtle = run("sparql", f"@{path}", "--store", built, "--format", "turtle")
    assert turtle.exit_code == 0
    assert len(rdflib.Graph().parse(data=turtle.stdout, format="turtle")) >= 1


def test_malformed_sparql_gives_one_line_error(built):
    result = run("sparql", "SELEKT ?s WHERE {", "--store", built)
    assert result.exit_code != 0
    assert result.stderr.startswith("Error: malformed SPARQL") and len(result.stderr.strip().splitlines()) == 1


def test_empty_result_exits_zero_with_a_note(built):
    result = run("sparql", "SELECT ?s WHERE { ?s a <urn:nothing> }", "--store", built)
    assert result.exit_code == 0 and "no results" in result.stderr


def test_wrong_format_for_result_kind(built):
    result = run("sparql", "SELECT ?s WHERE { ?s ?p ?o }", "--store", built, "--format", "turtle")
    assert result.exit_code != 0 and "SELECT" in result.stderr


@pytest.mark.parametrize("fmt,rdflib_format", [
    ("turtle", "turtle"), ("trig", "trig"), ("nquads", "nquads"), ("ntriples", "nt"), ("jsonld", "json-ld"),
])
def test_export_formats_parse_and_are_deterministic(built, tmp_path, fmt, rdflib_format):
    out = tmp_path / f"kg.{fmt}"
    result = run("export", "--format", fmt, "-o", out, "--store", built)
    assert result.exit_code == 0
    again = run("export", "--format", fmt, "--store", built)
    assert again.stdout_bytes == out.read_bytes()
    if fmt in ("trig", "nquads"):
        dataset = rdflib.Dataset()
        dataset.parse(out, format=rdflib_format)
        assert len(list(dataset.graphs())) > 3
    else:
        assert len(rdflib.Graph().parse(out, format=rdflib_format)) > 100


def test_info_shows_mode_and_counts(built):
    result = run("info", "--store", built)
    assert result.exit_code == 0
    assert "rules-only" in result.output and "graph/document/" in result.output
    data = json.loads(run("info", "--store", built, "--format", "json").stdout)
    assert data["triples"] > 0 and data["graphs"] and data["classes"]


def test_missing_store_is_a_one_line_error(tmp_path):
    result = run("query", "documents", "--store", tmp_path / "none")
    assert result.exit_code == STORE and "kg build" in result.stderr


def test_locked_store_is_a_one_line_error(tmp_path):
    holder = KGStore.open(tmp_path / "busy")
    result = run("build", "--store", tmp_path / "busy", "--quiet")
    assert result.exit_code == STORE
    assert "in use by another process" in result.stderr and "Traceback" not in result.output
    del holder


def test_bad_base_uri_and_bad_model(tmp_path):
    bad_base = run("build", "--store", tmp_path / "s", "--base-uri", "not an iri")
    assert bad_base.exit_code == USAGE and "base IRI" in bad_base.stderr
    bad_model = run("build", "--store", tmp_path / "s2", "--model", "nl_core_news_xx")
    assert bad_model.exit_code == MODEL and "not installed" in bad_model.stderr
    assert not (tmp_path / "s2").exists()  # a build that builds nothing leaves no store


def test_query_and_help_do_not_import_spacy(built):
    probe = (
        "import sys\nfrom kg.cli import main\n"
        f"for args in (['--help'], ['query', 'documents', '--store', {str(built)!r}]):\n"
        "    try:\n        main(args)\n    except SystemExit:\n        pass\n"
        "print('SPACY' if 'spacy' in sys.modules else 'NO-SPACY', file=sys.stderr)\n"
    )
    # Run outside the checkout: `python -c` puts the working directory first on sys.path.
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=built.parent)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().endswith("NO-SPACY")

