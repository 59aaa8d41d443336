"""A build goes on past any one document: long texts are built, a failing document is a warning."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg.build import build
from kg.store import KGStore

SAMPLES = Path(__file__).resolve().parents[1] / "kg" / "samples"
KG = [str(Path(sys.executable).with_name("kg"))]  # the installed command, as a user runs it


def long_document(path: Path, size: int = 1_500_000) -> str:
    """A Kamerstuk of ``size`` characters: a real sample, plain paragraphs, and mentions at the very end."""
    parts = [(SAMPLES / "01_brief_arbeidsmarktbeleid.txt").read_text(encoding="utf-8")]
    paragraph = "\n\nDeze alinea van het verslag bevat gewone zinnen over de voortgang van het werk, nummer {}.\n"
    index = 0
    while sum(map(len, parts)) < size:
        parts.append(paragraph.format(index))
        index += 1
    parts.append("\n\nTot slot noemt de minister de Inspectie SZW.\n")
    text = "".join(parts)
    path.write_text(text, encoding="utf-8")
    return text


def test_a_document_over_spacys_max_length_is_built_with_exact_offsets(tmp_path):
    text = long_document(tmp_path / "handelingen-lang.txt")
    assert len(text) > 1_000_000
    store = tmp_path / "store"
    done = subprocess.run([*KG, "build", tmp_path / "handelingen-lang.txt", "--store", store, "--quiet"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "Built 1 document(s)" in done.stderr
    rows = subprocess.run(
        [*KG, "sparql", "SELECT ?b ?e ?a WHERE { ?m nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?a ;"
         " itsrdf:taIdentRef ?x } ORDER BY DESC(?b) LIMIT 1", "--store", store, "--format", "tsv"],
        capture_output=True, text=True, check=True).stdout.splitlines()
    begin, end, anchor = rows[1].split("\t")
    begin, end = int(begin), int(end)
    assert begin == text.rindex("Inspectie SZW") and text[begin:end] == "Inspectie SZW"
    assert anchor == '"Inspectie SZW"'


def test_pieces_give_the_same_graph_as_the_whole_text():
    """Cutting a document into pieces under max_length changes nothing in what is extracted."""
    from kg.pipeline import load_pipeline, run_pipeline, text_pieces
    from kg.readers.pdftext import clean

    nlp, _info = load_pipeline(None)
    raw = (SAMPLES / "04_handelingen_debat_reintegratie.txt").read_text(encoding="utf-8")
    cleaned = clean(raw)
    whole = run_pipeline(nlp, cleaned.text, footers=cleaned.footers)
    nlp.max_length = 700
    assert len(list(text_pieces(cleaned.text, nlp.max_length))) >= 3
    pieced = run_pipeline(nlp, cleaned.text, footers=cleaned.footers)
    assert pieced.text == whole.text

    def extracted(doc):
        spans = sorted((s.start_char, s.end_char, s.label_, s.kb_id_) for group in doc.spans.values() for s in group)
        return spans, doc._.kg_relations or []

    assert [(s.start_char, s.end_char) for s in pieced.sents] == [(s.start_char, s.end_char) for s in whole.sents]
    ents_whole, relations_whole = extracted(whole)
    ents_pieced, relations_pieced = extracted(pieced)
    assert ents_whole and ents_pieced == ents_whole and len(relations_pieced) == len(relations_whole)


@pytest.mark.parametrize("text", ["a" * 5000, "woord " * 900, "regel\n" * 900, "alinea\n\n" * 700])
def test_text_pieces_join_back_and_respect_the_limit(text):
    from kg.pipeline import text_pieces

    pieces = list(text_pieces(text, 1000))
    assert "".join(pieces) == text and all(0 < len(p) <= 1000 for p in pieces)


def test_a_document_that_fails_inside_extraction_is_a_warning_and_the_build_goes_on(tmp_path, monkeypatch):
    """A fault injected into one document's extraction: the others are built, the shared graphs written."""
    import kg.rdf

    real = kg.rdf.document_quads

    def failing(source, *args, **kwargs):
        if source.name.startswith("03_"):
            raise ValueError("injected failure")
        return real(source, *args, **kwargs)

    monkeypatch.setattr(kg.rdf, "document_quads", failing)
    store = KGStore.open(tmp_path / "store")
    report = build(store)
    assert len(report.built) == 4 and len(report.failed) == 1 and "03_motie_beschut_werk.txt" in report.failed[0]
    assert any("03_motie_beschut_werk.txt: could not be built (injected failure)" in w for w in report.warnings)
    graphs = {g.graph for g in store.graphs()}
    assert "https://w3id.org/kamerstukken-kg/graph/ontology" in graphs
    assert "https://w3id.org/kamerstukken-kg/graph/dataset" in graphs


def test_a_component_failing_on_a_document_is_a_warning_and_keeps_the_other_findings(monkeypatch):
    import kg.extractors.motions as motions

    def broken(doc):
        raise ValueError("unexpected layout")

    monkeypatch.setattr(motions, "_annotate", broken)
    store = KGStore.in_memory()
    sample = SAMPLES / "01_brief_arbeidsmarktbeleid.txt"
    report = build(store, [sample], workers=1)
    assert report.built == [sample.name]
    assert [w for w in report.warnings if "kg_motions failed (unexpected layout)" in w and str(sample) in w]
    assert report.entities.get("organisation", 0) > 0  # the other components' findings are kept
    assert "motion" not in report.entities
