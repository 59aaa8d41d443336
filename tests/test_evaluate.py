"""Tests for kg.evaluate: label normalization, matching rules, scores and gold loading."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.evaluate import (
    CATEGORIES,
    CategoryScore,
    GoldEntity,
    GoldError,
    evaluate,
    format_report,
    load_gold,
    normalize,
)

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "gold"
SAMPLES = REPO / "kg" / "samples"
CORPUS = REPO.parent / "shared" / "corpus"


def row(source: str, category: str, label: str, entity: str | None = None) -> dict[str, str]:
    return {
        "document": f"doc/{source}",
        "source": source,
        "category": category,
        "entity": entity or f"id/{category}/{label}",
        "label": label,
    }


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("UWV", "uwv"),
        ("  Cliëntenraden\n ", "clientenraden"),
        ("De Kort", "kort"),
        ("het UWV", "uwv"),
        ("Dekker", "dekker"),
        ("motie-Van Hijum c.s.", "motie-van hijum cs"),
        ("Van ’t Wout", "van t wout"),
        ("Van 't Wout", "van t wout"),
        ("T. van Ark", "t van ark"),
        ("motie-De Kort/Pouw-Verweij", "motie-de kort pouw-verweij"),
        ("34950-XV-2", "34950-xv-2"),
        ("re\u2010integratie", "re-integratie"),
        ("no-riskpolis (NRP)", "no-riskpolis nrp"),
        ("", ""),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_gold_entity_keys_cover_label_and_aliases() -> None:
    entity = GoldEntity("organisation", "UWV", ("Uitvoeringsinstituut Werknemersverzekeringen", "het UWV"))
    assert entity.keys == {"uwv", "uitvoeringsinstituut werknemersverzekeringen"}


def test_category_score_measures() -> None:
    score = CategoryScore("law", tp=3, fp=1, fn=2)
    assert score.precision == pytest.approx(0.75)
    assert score.recall == pytest.approx(0.6)
    assert score.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert CategoryScore("law").f1 == 0.0


GOLD_A = {
    "a.txt": [
        GoldEntity("organisation", "UWV", ("Uitvoeringsinstituut Werknemersverzekeringen",)),
        GoldEntity("organisation", "gemeenten", ("gemeente",)),
        GoldEntity("organisation", "Panteia", core=False),
        GoldEntity("law", "Participatiewet"),
        GoldEntity("kamerstuk", "34352-1"),
        GoldEntity("kamerstuk", "34352-58"),
    ],
    "b.txt": [
        GoldEntity("person", "Van Ark", ("T. van Ark",)),
        GoldEntity("law", "Wajong"),
    ],
}


def test_evaluate_counts_exact_numbers() -> None:
    rows = [
        row("a.txt", "organisation", "UWV"),
        row("a.txt", "organisation", "Uitvoeringsinstituut Werknemersverzekeringen", "id/org/uwv-long"),
        row("a.txt", "organisation", "Panteia"),
        row("a.txt", "organisation", "Cedris"),
        row("a.txt", "law", "participatiewet"),
        row("a.txt", "kamerstuk", "34352-1"),
        row("a.txt", "kamerstuk", "34352-1"),
        row("a.txt", "kamerstuk", "34352-59"),
        row("b.txt", "person", "T. van Ark"),
        row("c.txt", "law", "Wet SUWI"),
    ]
    ev = evaluate(rows, GOLD_A)

    org = ev.scores["organisation"]
    assert (org.tp, org.fp, org.fn) == (1, 1, 1)  # UWV twice = 1 tp; Cedris fp; gemeenten fn; Panteia neutral
    law = ev.scores["law"]
    assert (law.tp, law.fp, law.fn) == (1, 0, 1)  # Wajong in b.txt missed
    ks = ev.scores["kamerstuk"]
    assert (ks.tp, ks.fp, ks.fn) == (1, 1, 1)
    person = ev.scores["person"]
    assert (person.tp, person.fp, person.fn) == (1, 0, 0)
    total = ev.total
    assert (total.tp, total.fp, total.fn) == (4, 2, 3)
    assert total.precision == pytest.approx(4 / 6)
    assert total.recall == pytest.approx(4 / 7)

    assert set(ev.per_document) == {"a.txt", "b.txt"}
    assert (ev.per_document["b.txt"]["law"].fn, ev.per_document["a.txt"]["law"].tp) == (1, 1)
    assert {(m.source, m.category, m.label) for m in ev.missed} == {
        ("a.txt", "organisation", "gemeenten"),
        ("a.txt", "kamerstuk", "34352-58"),
        ("b.txt", "law", "Wajong"),
    }
    assert {(m.source, m.label) for m in ev.spurious} == {("a.txt", "Cedris"), ("a.txt", "34352-59")}
    assert ev.unseen == []


def test_rows_outside_gold_are_ignored_and_paths_reduced_to_file_names() -> None:
    rows = [row("/data/in/b.txt", "law", "Wajong"), row("c.txt", "law", "Wet SUWI")]
    ev = evaluate(rows, {"b.txt": GOLD_A["b.txt"]})
    assert (ev.total.tp, ev.total.fp, ev.total.fn) == (1, 0, 1)


def test_category_mismatch_is_not_a_match() -> None:
    ev = evaluate([row("b.txt", "instrument", "Wajong")], {"b.txt": [GoldEntity("law", "Wajong")]})
    assert (ev.scores["instrument"].fp, ev.scores["law"].fn) == (1, 1)


def test_core_false_only_gold_counts_neither_way() -> None:
    gold = {"a.txt": [GoldEntity("organisation", "Panteia", core=False)]}
    hit = evaluate([row("a.txt", "organisation", "Panteia")], gold)
    miss = evaluate([row("a.txt", "organisation", "UWV")], gold)
    assert (hit.total.tp, hit.total.fp, hit.total.fn) == (0, 0, 0)
    assert (miss.total.tp, miss.total.fp, miss.total.fn) == (0, 1, 0)


def test_shared_alias_goes_to_the_entity_not_yet_found() -> None:
    gold = {
        "m.txt": [
            GoldEntity("motion", "28719-49", ("motie-Van Hijum c.s.",)),
            GoldEntity("motion", "28719-50", ("motie-Van Hijum c.s.",)),
        ]
    }
    # The shared label is assigned after the unambiguous one, whatever the row order.
    rows = [row("m.txt", "motion", "motie-Van Hijum c.s."), row("m.txt", "motion", "28719-49")]
    ev = evaluate(rows, gold)
    assert (ev.total.tp, ev.total.fp, ev.total.fn) == (2, 0, 0)
    # Two distinct entities carrying the shared label find both motions.
    two = [
        row("m.txt", "motion", "motie-Van Hijum c.s.", "id/motie/a"),
        row("m.txt", "motion", "motie-Van Hijum c.s.", "id/motie/b"),
    ]
    assert evaluate(two, gold).total.tp == 2
    # One entity with that label finds only one of them.
    assert evaluate(two[:1], gold).total.tp == 1


def test_core_entity_preferred_over_core_false_on_shared_alias() -> None:
    gold = {
        "a.txt": [
            GoldEntity("organisation", "werkgeversservicepunt", ("WSP",), core=False),
            GoldEntity("organisation", "Werkgeversservicepunt Drechtsteden", ("WSP",)),
        ]
    }
    ev = evaluate([row("a.txt", "organisation", "WSP")], gold)
    assert (ev.total.tp, ev.total.fp, ev.total.fn) == (1, 0, 0)


def test_an_entity_goes_to_the_gold_entity_of_its_own_label_before_one_its_vocabulary_folds_into() -> None:
    # 'RvS', a vocabulary label of the Raad van State, folds to 'rvs', the gold label of the RVS
    gold = {
        "a.txt": [
            GoldEntity("organisation", "RVS", ("Raad voor Volksgezondheid en Samenleving",)),
            GoldEntity("organisation", "Raad van State"),
        ]
    }
    found = dict(row("a.txt", "organisation", "Raad van State"), labels=["RvS", "Raad van State"])
    ev = evaluate([found], gold)
    assert (ev.total.tp, ev.total.fp, ev.total.fn) == (1, 0, 1)
    assert [m.label for m in ev.missed] == ["RVS"]


def test_gold_document_without_predictions_is_scored_and_reported() -> None:
    ev = evaluate([row("a.txt", "law", "Participatiewet")], GOLD_A)
    assert ev.unseen == ["b.txt"]
    assert ev.per_document["b.txt"]["person"].fn == 1
    assert "no predictions for: b.txt" in format_report(ev)


def test_format_report_table() -> None:
    ev = evaluate([row("b.txt", "person", "Van Ark"), row("b.txt", "law", "WW")], {"b.txt": GOLD_A["b.txt"]})
    report = format_report(ev)
    lines = report.splitlines()
    assert lines[0].split() == ["category", "P", "R", "F1", "tp", "fp", "fn"]
    assert [line.split()[0] for line in lines[2:9]] == list(CATEGORIES)
    person = next(line for line in lines if line.startswith("person"))
    assert person.split() == ["person", "1.000", "1.000", "1.000", "1", "0", "0"]
    total = next(line for line in lines if line.startswith("total"))
    assert total.split() == ["total", "0.500", "0.500", "0.500", "1", "1", "1"]
    assert "1 gold document scored" in report


def write_gold(directory: Path, name: str, content: str) -> Path:
    path = directory / name
    path.write_text(content, encoding="utf-8")
    return path


def test_load_gold_reads_nested_files(tmp_path: Path) -> None:
    (tmp_path / "set").mkdir()
    write_gold(
        tmp_path / "set",
        "x.json",
        json.dumps(
            {
                "source": "x.txt",
                "entities": [
                    {"category": "law", "label": "Wajong", "aliases": ["Wet Wajong"]},
                    {"category": "organisation", "label": "Panteia", "core": False},
                ],
            }
        ),
    )
    gold = load_gold(tmp_path)
    assert gold == {
        "x.txt": [
            GoldEntity("law", "Wajong", ("Wet Wajong",)),
            GoldEntity("organisation", "Panteia", (), False),
        ]
    }


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"source": "x.txt", "entities": [', "invalid JSON at line 1"),
        ('{"entities": []}', "non-empty string 'source'"),
        ('{"source": "x.txt"}', "'entities' must be a list"),
        ('{"source": "x.txt", "entities": [{"category": "city", "label": "Ede"}]}', "unknown category 'city'"),
        ('{"source": "x.txt", "entities": [{"category": "law", "label": " "}]}', "'label' must be"),
        ('{"source": "x.txt", "entities": [{"category": "law", "label": "WW", "aliases": "WW"}]}', "'aliases'"),
        ('{"source": "x.txt", "entities": [{"category": "law", "label": "WW", "core": "no"}]}', "'core'"),
    ],
)
def test_bad_gold_file_gives_one_line_error(tmp_path: Path, content: str, message: str) -> None:
    path = write_gold(tmp_path, "bad.json", content)
    with pytest.raises(GoldError) as info:
        load_gold(tmp_path)
    text = str(info.value)
    assert text.startswith(str(path)) and message in text and "\n" not in text


def test_duplicate_source_and_empty_dir_are_errors(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="no gold files"):
        load_gold(tmp_path)
    for name in ("a.json", "b.json"):
        write_gold(tmp_path, name, '{"source": "x.txt", "entities": []}')
    with pytest.raises(GoldError, match="annotated in another gold file"):
        load_gold(tmp_path)


def test_evaluator_does_not_import_spacy(tmp_path) -> None:
    code = "import sys, kg.evaluate; print('spacy' in sys.modules)"
    # Outside the checkout, so the installed kg is imported, not the source folder.
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert result.stdout.strip() == "False"


# The shipped gold itself: it must load, cover the inputs it claims to, and stay consistent.


def test_shipped_gold_covers_every_sample() -> None:
    gold = load_gold(GOLD / "samples")
    assert set(gold) == {p.name for p in SAMPLES.glob("*.txt")}


def test_shipped_gold_covers_the_corpus() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    gold = load_gold(GOLD / "corpus")
    assert set(gold) == {p.name for p in CORPUS.glob("*.txt")}


def test_shipped_gold_is_consistent() -> None:
    gold = load_gold(GOLD)
    for source, entities in gold.items():
        seen: set[tuple[str, str]] = set()
        for entity in entities:
            key = (entity.category, normalize(entity.label))
            assert key not in seen, f"{source}: {key} annotated twice"
            seen.add(key)
            if entity.category == "kamerstuk":
                assert entity.label == entity.label.strip() and " " not in entity.label


def test_perfect_predictions_score_one() -> None:
    gold = load_gold(GOLD)
    rows = [row(source, e.category, e.label) for source, entities in gold.items() for e in entities]
    ev = evaluate(rows, gold)
    assert ev.total.fp == 0 and ev.total.fn == 0 and ev.total.f1 == 1.0


def test_vocabulary_labels_of_the_linked_concept_match() -> None:
    gold = {"a.txt": [GoldEntity("instrument", "WSP"), GoldEntity("organisation", "VNG")]}
    found = row("a.txt", "instrument", "werkgeversservicepunt")
    found["labels"] = ["werkgeversservicepunt", "WSP", "werkgeversservicepunten"]
    ev = evaluate([found, row("a.txt", "organisation", "Vereniging van Nederlandse Gemeenten")], gold)
    assert (ev.scores["instrument"].tp, ev.scores["organisation"].tp, ev.scores["organisation"].fp) == (1, 0, 1)


@pytest.mark.parametrize(
    ("predicted", "gold_label", "matches"),
    [
        ("T. van Ark", "Tamara van Ark", True),
        ("Van Ark", "Tamara van Ark", True),
        ("Jasper van Dijk", "Van Dijk", True),
        ("Jasper van Dijk", "Inge van Dijk", False),
        ("J.J. van Dijk", "I. van Dijk", False),
        ("M. Terpstra-de Groot", "Terpstra-de Groot", True),
        ("Dijk", "Van Dijk", False),
        ("Öztürk", "Ozturk", True),
    ],
)
def test_persons_match_by_name_parts(predicted: str, gold_label: str, matches: bool) -> None:
    ev = evaluate([row("p.txt", "person", predicted)], {"p.txt": [GoldEntity("person", gold_label)]})
    assert (ev.total.tp == 1) is matches


def test_macro_f1_is_the_mean_over_scored_categories() -> None:
    gold = {"a.txt": [GoldEntity("law", "WW"), GoldEntity("organisation", "UWV"), GoldEntity("organisation", "SVB")]}
    ev = evaluate([row("a.txt", "law", "WW"), row("a.txt", "organisation", "UWV")], gold)
    assert ev.macro_f1 == pytest.approx((1.0 + 2 / 3) / 2)
    assert "macro F1" in format_report(ev)


def test_cli_evaluate_matches_vocabulary_labels(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import main

    text = tmp_path / "in" / "brief.txt"
    text.parent.mkdir()
    text.write_text("Het Uitvoeringsinstituut Werknemersverzekeringen biedt jobcoaching aan.\n", encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "brief.json").write_text(json.dumps({"source": "brief.txt", "entities": [
        {"category": "organisation", "label": "Uitvoeringsinstituut Werknemersverzekeringen"},
        {"category": "instrument", "label": "jobcoach"}]}), encoding="utf-8")
    store = str(tmp_path / "store")
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(text.parent), "--store", store]).exit_code == 0
    result = runner.invoke(main, ["evaluate", str(gold), "--store", store])
    assert result.exit_code == 0, result.output
    total = next(line for line in result.output.splitlines() if line.startswith("total"))
    assert total.split()[1:4] == ["1.000", "1.000", "1.000"]
