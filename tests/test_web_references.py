"""Web addresses a document cites become dcterms:references IRIs with a NIF phrase (hand-made inputs)."""

from __future__ import annotations

from kg.build import build
from kg.rdf.web_references import web_addresses
from kg.store import KGStore
from kg.validate import validate


def iris(text: str) -> list[str]:
    return [iri for _, _, iri in web_addresses(text)]


def test_addresses_lose_the_punctuation_that_closes_their_sentence_or_bracket():
    text = ("Zie www.samenvoordeklant.nl. Ook (https://example.org/rapport.pdf), "
            "«https://nl.wikipedia.org/wiki/Wet_(recht)» en https://example.org/a?b=1;")
    assert iris(text) == ["http://www.samenvoordeklant.nl", "https://example.org/rapport.pdf",
                          "https://nl.wikipedia.org/wiki/Wet_(recht)", "https://example.org/a?b=1"]


def test_only_valid_http_iris_with_a_host_name_are_kept():
    text = "Mail info@www.example.nl, zie http:// of https://localhost/x of www.nergens of https://ex ample.org of http://a.nl:99999/"
    assert iris(text) == []
    start, end, iri = web_addresses("Bron: HTTPS://WWW.Example.NL/Pad")[0]
    assert (start, end, iri) == (6, 32, "HTTPS://WWW.Example.NL/Pad")


def test_a_footnote_address_broken_over_a_line_is_one_reference_with_its_raw_mention(tmp_path):
    raw = ("Den Haag, 3 maart 2020\n\nIn het onderzoek1 staat meer over de uitvoering.\n\n"
           "1 Raadpleegbaar via www.tweedeka-\nmer.nl en https://www.rijksoverheid.nl/documenten/rapporten/2018/11/22/onderzoek.\n\n"
           "Tweede Kamer, vergaderjaar 2019–2020, 34 352, nr. 180 2\n")  # a page footer: PDF-extracted text
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "brief.txt").write_text(raw, encoding="utf-8")
    store = KGStore.open(tmp_path / "store")
    assert build(store, [folder]).built == ["brief.txt"]
    rows = list(store.query(
        "SELECT ?page ?anchor ?surface ?sentence WHERE { GRAPH ?g { ?work a kg:Document ; dcterms:references ?page ."
        " ?page a foaf:Document . ?m itsrdf:taIdentRef ?page ; itsrdf:taClassRef foaf:Document ; nif:anchorOf ?anchor ;"
        " kg:surfaceForm ?surface ; nif:sentence ?sentence } } ORDER BY ?page"))
    found = [(r["page"].value, r["anchor"].value, r["surface"].value) for r in rows]
    assert found == [
        ("http://www.tweedekamer.nl", "www.tweedeka-\nmer.nl", "www.tweedekamer.nl"),
        ("https://www.rijksoverheid.nl/documenten/rapporten/2018/11/22/onderzoek",
         "https://www.rijksoverheid.nl/documenten/rapporten/2018/11/22/onderzoek",
         "https://www.rijksoverheid.nl/documenten/rapporten/2018/11/22/onderzoek"),
    ]
    report = validate(store)
    assert report.violations == 0, report.text
