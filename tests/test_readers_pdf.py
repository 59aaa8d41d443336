"""Tests for kg.readers.pdf: a PDF's text layer, cleaned like PDF-extracted text; scans refused in one line.

The fixtures are made from an invented letter: ``brief-35570-XV-99.pdf`` with enscript + ps2pdf
(proportional font), ``scan.pdf`` by rendering it to an image-only PDF with ghostscript
(``gs -sDEVICE=pdfimage8 -r40``), ``half-scanned.pdf`` by joining a text page and an image page of
a two-page version with ``gs -sDEVICE=pdfwrite``. ``indented-paragraphs.pdf`` is an invented
verslag typeset with ``groff -ms -Tpdf`` (``.PP`` paragraphs, first lines indented).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.readers import SourceError, read_document

DATA = Path(__file__).parent / "data" / "readers"


def test_text_layer_is_the_raw_text_and_gets_the_pdf_text_cleaning():
    document = read_document(DATA / "brief-35570-XV-99.pdf")
    assert document.form == "pdf"
    assert document.raw.startswith(" Tweede Kamer der Staten-Generaal\n")
    assert "de voortgang van de banen-\nafspraak" in document.raw
    text = document.text
    assert "de voortgang van de banenafspraak en" in text  # line-break hyphen undone
    assert "door het UWV 1 en de gemeenten" in text  # marker detached
    assert document.cleaned.footers == ["Tweede Kamer, vergaderjaar 2020-2021, 35 570 XV, nr. 99 1"]
    assert [f.number for f in document.cleaned.footnotes] == [1]
    start = text.index("banenafspraak")
    assert document.cleaned.raw_text_of(start, start + len("banenafspraak")) == "banen-\nafspraak"
    assert document.source.name == "brief-35570-XV-99.pdf"


def test_a_paragraph_pdfminer_splits_into_two_boxes_is_joined_again_and_paragraphs_stay_apart():
    raw = read_document(DATA / "indented-paragraphs.pdf").raw
    # pdfminer alone gives "Het wo-\n\nord": the second line is not aligned with the indented first
    assert "heet de leden welkom. Het wo-\nord is eerst aan mevrouw Öztürk" in raw
    assert "Werkgelegenheid.\n\nDe voorzitter: Ik open" in raw
    assert raw.endswith("beschut werk.\n\n\f")


def test_a_cedilla_drawn_under_a_letter_becomes_one_letter():
    from kg.readers.pdf import compose_accents

    # groff draws ş as s + ¸ (the text layer of such a PDF says "Kos¸er")
    assert compose_accents("de motie-Kos¸er Kaya en mevrouw C¸elik") == "de motie-Koşer Kaya en mevrouw Çelik"
    assert compose_accents("Ozt¨urk, x¸ en 12¸5") == "Ozt¨urk, x¸ en 12¸5"  # above-marks and pairs Unicode lacks stay


def test_ligatures_are_spelt_out():
    from kg.readers.pdf import spell_out_ligatures

    assert spell_out_ligatures("De ﬁnanciering van de ﬂexwerker, ﬀ en ﬃ.") == "De financiering van de flexwerker, ff en ffi."


def test_a_scan_without_text_layer_is_refused_in_one_line():
    with pytest.raises(SourceError) as caught:
        read_document(DATA / "scan.pdf")
    message = str(caught.value)
    assert "no text layer" in message and "OCR" in message and "\n" not in message


def test_scanned_pages_inside_a_text_pdf_get_a_warning():
    document = read_document(DATA / "half-scanned.pdf")
    assert "de voortgang van de banenafspraak" in document.text
    (warning,) = document.warnings
    assert "page(s) 2 of 2 have no text layer" in warning and "\n" not in warning


@pytest.mark.parametrize(
    ("content", "hint"),
    [(b"geen pdf", "not a PDF"), (b"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF", "cannot be read as a PDF")],
)
def test_damaged_pdfs_get_one_line(tmp_path, content, hint):
    path = tmp_path / "kapot.pdf"
    path.write_bytes(content)
    with pytest.raises(SourceError) as caught:
        read_document(path)
    assert hint in str(caught.value) and "\n" not in str(caught.value)
