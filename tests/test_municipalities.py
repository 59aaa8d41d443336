"""Municipalities (ontology/gemeenten.ttl): generated from CBS's list, linked to TOOI, and reached by name only."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import rdflib

from kg.build import build
from kg.store import KGStore

TOOL = Path(__file__).resolve().parent.parent / "ontology" / "tools" / "make_municipality_register.py"
SKOS = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")
B = "http://kg.invalid/"


def _run_tool(tmp_path: Path, records: list[dict]) -> subprocess.CompletedProcess:
    source = tmp_path / "gemeenten.json"
    source.write_text(json.dumps({"value": records}), encoding="utf-8")
    return subprocess.run([sys.executable, str(TOOL), str(source), "--commit", "abc", "-o", str(tmp_path / "out.ttl")],
                          capture_output=True, text=True)


def test_the_tool_keys_each_municipality_on_the_iri_kg_mints_and_keeps_province_qualifiers(tmp_path):
    records = [
        {"Key": "GM0344   ", "Title": "Utrecht (gemeente)", "Description": "Gemeentelijke herindeling per 01-01-2001\r\nBegindatum voor 1830"},
        {"Key": "GM0373   ", "Title": "Bergen (NH.)", "Description": "Begindatum voor 1830"},
        {"Key": "GM0893   ", "Title": "Bergen (L.)", "Description": "Begindatum 02-01-1839"},
    ]
    assert _run_tool(tmp_path, records).returncode == 0
    graph = rdflib.Graph().parse(tmp_path / "out.ttl", format="turtle", publicID=B)
    links = {str(s).removeprefix(B): str(o) for s, o in graph.subject_objects(SKOS.exactMatch)}
    assert links == {
        "id/organisatie/gemeente-utrecht": "https://identifier.overheid.nl/tooi/id/gemeente/gm0344",
        "id/organisatie/gemeente-bergen-nh": "https://identifier.overheid.nl/tooi/id/gemeente/gm0373",
        "id/organisatie/gemeente-bergen-l": "https://identifier.overheid.nl/tooi/id/gemeente/gm0893",
    }
    utrecht = rdflib.URIRef(B + "id/organisatie/gemeente-utrecht")
    assert {str(n) for n in graph.objects(utrecht, SKOS.note)} == {"Gemeentelijke herindeling per 01-01-2001", "Begindatum voor 1830"}
    assert str(graph.value(utrecht, DCTERMS.identifier)) == "GM0344"


def test_the_tool_refuses_a_key_that_is_no_cbs_municipality_code(tmp_path):
    result = _run_tool(tmp_path, [{"Key": "PV26", "Title": "Utrecht", "Description": ""}])
    assert result.returncode == 4 and result.stderr.startswith("Error: ") and "PV26" in result.stderr
    assert not (tmp_path / "out.ttl").exists()


def test_the_shipped_list_links_every_municipality_to_the_tooi_id_of_its_cbs_code():
    graph = rdflib.Graph().parse(data=files("kg.ontology").joinpath("gemeenten.ttl").read_bytes(), format="turtle", publicID=B)
    codes = {str(s): str(o) for s, o in graph.subject_objects(DCTERMS.identifier)}
    assert len(codes) == 380
    for subject, code in codes.items():
        (tooi,) = graph.objects(rdflib.URIRef(subject), SKOS.exactMatch)
        assert re.fullmatch(r"GM[0-9]{4}", code) and str(tooi) == f"https://identifier.overheid.nl/tooi/id/gemeente/{code.lower()}"


def test_a_named_municipality_is_linked_to_tooi_and_an_ambiguous_name_is_not(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "brief.txt").write_text(
        "Den Haag, 3 maart 2020\n\nDe gemeente Utrecht en de gemeente Bergen voeren de regeling uit, "
        "net als de gemeenten Zwolle en Súdwest-Fryslân.\n", encoding="utf-8")
    store = KGStore.open(tmp_path / "store")
    assert build(store, [folder]).built == ["brief.txt"]
    rows = store.query(
        "SELECT ?m ?tooi WHERE { GRAPH ?g { ?d kg:mentions ?m } FILTER CONTAINS(STR(?m), '/gemeente-')"
        " OPTIONAL { ?m skos:exactMatch ?tooi } }")
    found = {r["m"].value.rsplit("/", 1)[-1]: r["tooi"].value.rsplit("/", 1)[-1] if r["tooi"] else None for r in rows}
    assert found == {"gemeente-utrecht": "gm0344", "gemeente-bergen": None, "gemeente-zwolle": "gm0193",
                     "gemeente-sudwest-fryslan": "gm1900"}
    (linkset,) = store.query("SELECT ?n WHERE { GRAPH ?g { ?l a void:Linkset ; void:objectsTarget "
                             "<https://identifier.overheid.nl/tooi/> ; void:triples ?n } }")
    assert int(linkset["n"].value) == 380
