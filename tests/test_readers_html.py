"""Tests for kg.readers.html: page text without the site, block structure as line breaks, <meta> facts.

The pages are invented in the structure of parliamentary sites (no real page text).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.readers import SourceError, read_document

MOTION_PAGE = Path(__file__).parent / "data" / "readers" / "motie-35570-XV-45.html"


def read_html(tmp_path, html: str | bytes, name: str = "pagina.html"):
    path = tmp_path / name
    path.write_bytes(html.encode("utf-8") if isinstance(html, str) else html)
    return read_document(path)


def test_motion_page_text_and_facts():
    document = read_document(MOTION_PAGE)
    assert document.form == "html"
    raw = document.raw
    for boilerplate in ("Kamerleden", "cookies", "Accepteren", "Kamerstukken", "Voor 76", "Contact", "var x", "Deel deze"):
        assert boilerplate not in raw
    assert raw.startswith("Motie van het lid Jansen c.s. over beschut werk\n\n")
    assert "De Kamer,\n\ngehoord de beraadslaging,\n\n" in raw
    assert "beschut werk 1 aanbieden" in raw  # <sup>1</sup> set apart from its word
    facts = document.facts
    assert facts["identifiers"] == ["35570-XV-45"]
    assert facts["type"] == "motie"
    assert facts["date"] == "2021-03-04"
    assert facts["title"] == "Motie van het lid Jansen c.s. over beschut werk"
    assert [(p["name"], p["party"], p["role"]) for p in facts["persons"]] == [
        ("P. Jansen", "VVD", "indiener"),
        ("A. de Wit-Bakker", "CDA", "medeindiener"),
    ]
    for person in facts["persons"]:
        assert raw[person["start"]:person["end"]] == person["name"]
    assert facts["metadata"]["Status"] == "Aangenomen"
    assert facts["sources"][0]["url"].endswith("kst-35570-XV-45.html")
    # the metadata table is a fact, not prose
    assert "Indiener" not in document.text and "gehoord de beraadslaging" in document.text


def test_blocks_lines_cells_and_pre(tmp_path):
    html = (
        "<html><body><h2>Antwoord 1</h2><p>Ja.<br>Het UWV   zet\n jobcoaching in.</p>"
        "<ul><li>een</li><li>twee</li></ul><table><tr><td>A</td><td>B</td></tr></table>"
        "<pre>  regel  1\n  regel 2</pre></body></html>"
    )
    assert read_html(tmp_path, html).raw == (
        "Antwoord 1\n\nJa.\nHet UWV zet jobcoaching in.\n\neen\ntwee\n\nA\tB\n\n  regel  1\n  regel 2\n"
    )


def test_header_inside_the_article_is_the_documents_own(tmp_path):
    html = (
        "<html><body><header>Site</header><article><header><h1>Brief van de minister</h1></header>"
        "<p>Tekst.</p><footer>Den Haag, 4 maart 2021</footer></article><footer>Colofon</footer></body></html>"
    )
    raw = read_html(tmp_path, html).raw
    assert raw == "Brief van de minister\n\nTekst.\n\nDen Haag, 4 maart 2021\n"


def test_roles_classes_and_hidden_elements_are_dropped(tmp_path):
    html = (
        "<html><body><div role='navigation'>Menu A</div><div id='cookie-consent'>Cookies B</div>"
        "<div class='share-buttons'>Deel C</div><div hidden>Verborgen D</div><span aria-hidden='true'>E</span>"
        "<div class='content'>De inhoud.</div></body></html>"
    )
    assert read_html(tmp_path, html).raw == "De inhoud.\n"


def test_meta_tags_in_other_encodings_and_overheid_names(tmp_path):
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        '<meta name="DCTERMS.title" content="Antwoord op vragen over re\xefntegratie">'
        '<meta name="OVERHEIDop.vragensteller" content="M. \xd6zt\xfcrk">'
        '<meta name="OVERHEIDop.datumOntvangst" content="12-03-2021">'
        '<meta name="DC.identifier" content="ah-tk-20202021-1890">'
        "</head><body><p>Het re\xefntegratiebeleid.</p></body></html>"
    ).encode("cp1252")
    document = read_html(tmp_path, html, "vragen.htm")
    assert document.raw == "Het reïntegratiebeleid.\n"
    facts = document.facts
    assert facts["title"] == "Antwoord op vragen over reïntegratie"
    assert facts["persons"] == [{"name": "M. Öztürk", "party": None, "role": "indiener"}]
    assert facts["date"] == "2021-03-12"
    assert facts["identifiers"] == ["ah-tk-20202021-1890"]


def test_the_page_title_describes_the_document_but_is_no_official_title(tmp_path):
    html = "<html><head><title>Motie van het lid Jansen over beschut werk | Tweede Kamer</title></head><body><p>Tekst.</p></body></html>"
    facts = read_html(tmp_path, html).facts
    assert facts["description"] == "Motie van het lid Jansen over beschut werk" and "title" not in facts


@pytest.mark.parametrize(
    ("content", "hint"),
    [(b"<html><body><nav>Alleen menu</nav></body></html>", "no readable text"), (b"\x00\x01\x02binair", "binary")],
)
def test_pages_without_text_get_one_line(tmp_path, content, hint):
    with pytest.raises(SourceError) as caught:
        read_html(tmp_path, content)
    assert hint in str(caught.value) and "\n" not in str(caught.value)
