"""Tests for kg.readers.markers: footnote markers glued to words, detached in every form."""

from __future__ import annotations

import pytest

from kg.readers import read_document
from kg.readers.edits import normalised
from kg.readers.markers import detach_glued_markers
from kg.readers.pdftext import clean


def detached(text: str):
    return detach_glued_markers(normalised(text))


@pytest.mark.parametrize(
    ("before", "after", "numbers"),
    [
        ("zei De Kort1het al", "zei De Kort 1 het al", [1]),
        ("bij de Participatiewet1 en de SZW2.", "bij de Participatiewet 1 en de SZW 2.", [1, 2]),
        ("het UWV1, de gemeenten2; en de Wet3)", "het UWV 1, de gemeenten 2; en de Wet 3)", [1, 2, 3]),
        ("zoals Öztürk1 zei", "zoals Öztürk 1 zei", [1]),
        ("de motie-Schouten/Kerstens1 over werkgevers", "de motie-Schouten/Kerstens 1 over werkgevers", [1]),
    ],
)
def test_glued_markers_are_detached_without_a_footnote_block(before, after, numbers):
    cleaned = detached(before)
    assert cleaned.text == after
    assert [m.number for m in cleaned.markers] == numbers
    assert [cleaned.text[m.start:m.end] for m in cleaned.markers] == [str(n) for n in numbers]


def test_real_tokens_with_digits_keep_them():
    text = ("De Wajong2010, H2O, CO2, km2, COVID-19, de 3e keer, 34950, G31-gemeente, A2, "
            "https://example.nl/pagina2 en info@uwv2.nl, de SZW2b-regeling en COVID19, "
            "zie uwv.nl/werk3 en nl/a/b4.")
    cleaned = detached(text)
    assert cleaned.text == text
    assert cleaned.markers == []


def test_a_vocabulary_name_ending_in_a_digit_is_no_marker():
    text = "Mevrouw Sahraoui (BIJ1):\nVoorzitter. BIJ1 steunt het, net als de SZW1."
    cleaned = detached(text)
    assert cleaned.text == "Mevrouw Sahraoui (BIJ1):\nVoorzitter. BIJ1 steunt het, net als de SZW 1."
    assert [m.number for m in cleaned.markers] == [1]


def test_markers_follow_the_sequence():
    cleaned = detached("de Participatiewet1 en de Wet2 maar niet de Wet9 of Regeling12.")
    assert [m.number for m in cleaned.markers] == [1, 2]
    assert "Wet9" in cleaned.text and "Regeling12" in cleaned.text


def test_offsets_stay_exact_and_inserted_spaces_are_marked():
    raw = "Zie De Kort1het rapport.\r\nEn SZW2."
    cleaned = detached(raw)
    assert cleaned.text == "Zie De Kort 1 het rapport.\nEn SZW 2."
    for i, ch in enumerate(cleaned.text):
        if cleaned.is_inserted(i):
            assert ch == " "
        else:
            assert raw[cleaned.raw_offset(i)] == ch
    kort = cleaned.text.index("Kort")
    assert cleaned.raw_text_of(kort, kort + len("Kort ")) == "Kort"
    assert cleaned.raw_span(0, len(cleaned.text)) == (0, len(raw))


def test_continues_after_markers_the_pdf_cleaner_found():
    notes = "\n\n1 Kamerstuk 34 352, nr. 325.\n Volgende pagina."
    cleaned = detach_glued_markers(clean("de Participatiewet1 en daarna" + notes + " De Kort2het zei"))
    assert [m.number for m in cleaned.markers] == [1, 2]
    assert "De Kort 2 het zei" in cleaned.text
    assert [f.number for f in cleaned.footnotes] == [1]
    note = cleaned.footnotes[0]
    assert cleaned.text[note.start:note.end] == "1 Kamerstuk 34 352, nr. 325."


def test_the_registry_detaches_markers_in_plain_text(tmp_path):
    path = tmp_path / "notitie.txt"
    path.write_text("Een notitie over De Kort1het advies.\n", encoding="utf-8")
    document = read_document(path)
    assert document.form == "plaintext"
    assert document.text == "Een notitie over De Kort 1 het advies.\n"
    assert document.raw == "Een notitie over De Kort1het advies.\n"


def test_superscript_markers_glued_to_a_word_are_detached_and_units_keep_theirs():
    cleaned = detached("de Centra voor Werk en Inkomen². Het kost EUR 10 per m² en 5 per km².")
    assert cleaned.text == "de Centra voor Werk en Inkomen ². Het kost EUR 10 per m² en 5 per km²."
    assert [(m.number, cleaned.text[m.start:m.end]) for m in cleaned.markers] == [(2, "²")]
