"""Tests for reading sources (kg.readers.sourcefile) and the PDF-text cleaner (kg.readers.pdftext):
the cleaning and the map from cleaned back to raw text."""

from __future__ import annotations

import hashlib
import random
import re
from pathlib import Path

import pytest

from kg.readers import SourceError, read_document, read_source
from kg.readers.pdftext import clean

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
CORPUS_FILES = sorted(CORPUS.glob("0*.txt")) if CORPUS.is_dir() else []
needs_corpus = pytest.mark.skipif(not CORPUS_FILES, reason=f"sample corpus not found at {CORPUS}")


def corpus_file(prefix: str) -> Path:
    return next(path for path in CORPUS_FILES if path.name.startswith(prefix))


@pytest.fixture(scope="module")
def cleaned_corpus():
    documents = {path.name[:3]: read_document(path) for path in CORPUS_FILES}
    assert {document.form for document in documents.values()} == {"pdftext"}
    return {key: (document.source, document.cleaned) for key, document in documents.items()}


# ---------------------------------------------------------------- read_source


def test_read_source_strips_bom_and_hashes_bytes(tmp_path):
    data = "\ufeffDe Minister heeft geïnformeerd.\n".encode("utf-8")
    path = tmp_path / "brief.txt"
    path.write_bytes(data)
    source = read_source(path)
    assert source.raw == "De Minister heeft geïnformeerd.\n"
    assert source.name == "brief.txt"
    assert source.path == path
    assert source.sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(
    ("content", "hint"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "whitespace"),
        ("re\u00efntegratie".encode("cp1252"), "iconv -f cp1252 -t utf-8"),
        (b"abc\x00\x01def", "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "pdftotext"),
        ("Tekst".encode("utf-16"), "UTF-16"),
    ],
    ids=["empty", "whitespace", "cp1252", "nul", "pdf", "utf16"],
)
def test_read_source_rejects_bad_files(tmp_path, content, hint):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(SourceError) as caught:
        read_source(path)
    message = str(caught.value)
    assert hint in message
    assert str(path) in message
    assert "\n" not in message


def test_read_source_rejects_directory_and_missing_file(tmp_path):
    with pytest.raises(SourceError, match="is a directory"):
        read_source(tmp_path)
    missing = tmp_path / "nope.txt"
    with pytest.raises(SourceError, match="no such file") as caught:
        read_source(missing)
    assert str(missing) in str(caught.value)


# ---------------------------------------------------------------- hyphenation


@pytest.mark.parametrize(
    ("raw", "expected", "reason"),
    [
        # document evidence
        ("de doelstel-\nlingen en de doelstellingen", "de doelstellingen en de doelstellingen", "document"),
        ("tweede kans-\nbeleid, het kans-beleid", "tweede kans-beleid, het kans-beleid", "document"),
        ("de Wsw-\ngeïndiceerden, Wsw-wachtlijst", "de Wsw-geïndiceerden, Wsw-wachtlijst", "document-head"),
        # Dutch spelling when the document says nothing
        ("de re-\nintegratie van", "de re-integratie van", "vowels"),
        ("de co-\nouder en", "de co-ouder en", "vowels"),
        ("een zee-\negel", "een zee-egel", "vowels"),
        ("de SZW-\nbegroting", "de SZW-begroting", "abbreviation"),
        ("een G31-\ngemeente", "een G31-gemeente", "digit"),
        ("de AOW-\nleeftijd", "de AOW-leeftijd", "abbreviation"),
        ("niet-\nNederlandse", "niet-Nederlandse", "uppercase"),
        ("de oud-\nminister en de minister", "de oud-minister en de minister", "prefix"),
        # otherwise join
        ("tweede kans-\nbeleid.", "tweede kansbeleid.", "default"),
        ("ex-\ntra geld", "extra geld", "default"),
        ("de reactive-\nring", "de reactivering", "default"),
        ("de Participa-\ntiewet", "de Participatiewet", "default"),
        ("de banenaf-\nspraak", "de banenafspraak", "default"),
    ],
)
def test_line_break_hyphenation(raw, expected, reason):
    cleaned = clean(raw)
    assert cleaned.text == expected
    assert [h.reason for h in cleaned.hyphenations] == [reason]
    (hyphenation,) = cleaned.hyphenations
    assert hyphenation.kept == ("-" in hyphenation.word)
    assert hyphenation.word in expected


def test_hyphenation_continuations_after_spaces_blank_lines_and_footers():
    assert clean("de Participa-\n tiewet").text == "de Participatiewet"  # page start
    assert clean("vormen van diagnose-\n\nstelling in kaart").text == "vormen van diagnosestelling in kaart"
    raw = "de doelstel-\n\nTweede Kamer, vergaderjaar 2017–2018, 34 950 XV, nr. 9 7\n\n\nlingen van"
    assert clean(raw).text == "de doelstellingen van"


def test_hyphens_that_are_not_line_break_hyphenation_are_untouched():
    raw = "de administratieve- en registratielasten, premiegefinancierde- \nen begrotings- en/of andere"
    assert clean(raw).text == raw
    # a blank line followed by a capital is a new block, not a continuation
    assert clean("kosten-\n\nDe Minister").text == "kosten-\n\nDe Minister"


def test_url_hyphens_are_kept_but_plain_domains_are_joined():
    cleaned = clean("zie https://www.trouw.nl/massaal-bij-\nuwv~b1/ en www.interventiesnaar-\nwerk.nl")
    assert cleaned.text == "zie https://www.trouw.nl/massaal-bij-uwv~b1/ en www.interventiesnaarwerk.nl"


def test_no_join_into_a_footnote_body():
    raw = "voor gemeen-\n\n1 Kamerstuk 34 352, nr. 181\n ten en UWV."
    cleaned = clean(raw)
    assert cleaned.text == raw
    assert [f.number for f in cleaned.footnotes] == [1]


# ---------------------------------------------------------------- footers


@pytest.mark.parametrize(
    "footer",
    [
        "Tweede Kamer, vergaderjaar 2017–2018, 34 950 XV, nr. 9 7",
        "Tweede Kamer, vergaderjaar 2007–2008, 28 719 en 30 982, nr. 59 12",
        "Eerste Kamer, vergaderjaar 2019-20, 35 000, B 3",
        "Aanhangsel Handelingen II 2019/20 961 1",
        "Handelingen II 2019/20, nr. 36, item 7 12",
        "kst-34950-XV-9",
        "ISSN 0921 - 7371",
        "’s-Gravenhage 2018",
        "ah-tk-20182019-2874   ISSN 0921 - 7398   ’s-Gravenhage 2019   1",
    ],
)
def test_footer_lines_are_removed_and_recorded(footer):
    cleaned = clean(f"Eerste alinea.\n\n{footer}\n\nTweede alinea.\n")
    assert cleaned.text == "Eerste alinea.\n\nTweede alinea.\n"
    assert cleaned.footers == [footer]


def test_footer_inside_a_sentence_leaves_one_line_break():
    footer = "Tweede Kamer, vergaderjaar 2017–2018, 34 950 XV, nr. 9 7"
    cleaned = clean(f"de prognose van het \n\n{footer}\n\n\n\naantal")
    assert cleaned.text == "de prognose van het \naantal"


@pytest.mark.parametrize("tail", ["mevrouw H.", "de heer C.J.", "de staatssecretaris,"])
def test_a_footer_after_initials_or_a_comma_leaves_one_line_break_before_a_capital(tail):
    footer = "Tweede Kamer, vergaderjaar 2005–2006, 29 544, nr. 71 3"
    cleaned = clean(f"onder voorzitterschap van {tail}\n{footer}\n\fMaréchal-Köhler werkte")
    assert cleaned.text == f"onder voorzitterschap van {tail}\n Maréchal-Köhler werkte"  # the form feed a space


def test_citations_in_running_text_are_not_footers():
    raws = [
        "moties (Tweede Kamer, vergader-\njaar 2007–2008, 28 719, nrs. 49 en 53) (Handelingen II,\n"
        "vergaderjaar 2007–2008, nr. 75, blz. 5274).\n",
        "Tweede Kamer, vergaderjaar 2007–2008, 28 719, nr. 49 en\n50 van de moties.\n",
        "2019). Zie ook Aanhangsel Handelingen, vergaderjaar 2019–2020, \nnr. 961.\n",
    ]
    for raw in raws:
        cleaned = clean(raw)
        assert cleaned.footers == []
        assert "vergaderjaar" in cleaned.text


# ---------------------------------------------------------------- footnotes and markers

NOTES = "\n\n1 Kamerstuk 34 352, nr. 325.\n2 SCP, 2019, Eindevaluatie Participatiewet\n Volgende pagina."


def test_markers_are_detached_with_one_inserted_space():
    cleaned = clean("Het rapport van de NLA (NLA)?1 en de Participatiewet2, zie verder." + NOTES)
    assert cleaned.text.startswith("Het rapport van de NLA (NLA)? 1 en de Participatiewet 2, zie verder.")
    assert [(m.number, cleaned.text[m.start:m.end]) for m in cleaned.markers] == [(1, "1"), (2, "2")]
    assert [(f.number, cleaned.text[f.start:f.end]) for f in cleaned.footnotes] == [
        (1, "1 Kamerstuk 34 352, nr. 325."),
        (2, "2 SCP, 2019, Eindevaluatie Participatiewet"),
    ]
    space = cleaned.markers[0].start - 1
    assert cleaned.is_inserted(space)
    assert cleaned.raw_offset(space) == cleaned.raw_offset(cleaned.markers[0].start)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("bij jobcoaches1. En de Wet2 geldt.", "bij jobcoaches 1. En de Wet 2 geldt."),
        ("in bijlage 1 van deze brief1. Zie bijlage 22.", "in bijlage 1 van deze brief 1. Zie bijlage 2 2."),
        ("de brief van 8 september 20171 en «Werk»2.", "de brief van 8 september 2017 1 en «Werk» 2."),
        ("het lid Raemakers c.s.1 Op (WW).2 Het", "het lid Raemakers c.s. 1 Op (WW). 2 Het"),
    ],
)
def test_marker_shapes(before, after):
    assert clean(before + NOTES).text.startswith(after)


def test_real_tokens_with_digits_stay_intact():
    text = ("Een G31-gemeente, 34 950 XV, in 2017 met COVID-19, de Wet SUWI, artikel 10a, nr. 5, nr.1 en "
            "3,5% of € 100 voor de Wajong2010 en 2 procent.")
    cleaned = clean(text + NOTES)
    assert cleaned.text.startswith(text)
    assert cleaned.markers == []


def test_markers_without_bodies_follow_the_sequence_and_sentence_punctuation():
    cleaned = clean("(blz. 5274–5281).1 Als noemer.2\nDe G31 en paragraaf 6.1 en Wajong2010 zijn 3.")
    assert cleaned.text == (
        "(blz. 5274–5281). 1 Als noemer. 2\nDe G31 en paragraaf 6.1 en Wajong2010 zijn 3."
    )
    assert [m.number for m in cleaned.markers] == [1, 2]


def test_numbered_lines_in_running_text_are_not_footnotes():
    cleaned = clean("De cijfers van\n17 procent en\n\n3 Kamerstuk 1, nr. 2.\n Verder.")
    assert cleaned.footnotes == []


# ---------------------------------------------------------------- offset map


def test_offset_map_on_a_snippet():
    raw = "De doelstel-\nlingen van de Participatiewet1.\n\n1 Kamerstuk 34 352, nr. 1.\n"
    cleaned = clean(raw)
    assert cleaned.text == "De doelstellingen van de Participatiewet 1.\n\n1 Kamerstuk 34 352, nr. 1.\n"
    start = cleaned.text.index("doelstellingen")
    assert cleaned.raw_text_of(start, start + len("doelstellingen")) == "doelstel-\nlingen"
    assert cleaned.raw_span(0, len(cleaned.text)) == (0, len(raw))
    assert cleaned.raw_offset(len(cleaned.text)) == len(raw)
    word = cleaned.text.index("Participatiewet")
    # a span ending on the inserted space maps to the word alone
    assert cleaned.raw_text_of(word, word + len("Participatiewet ")) == "Participatiewet"
    with pytest.raises(IndexError):
        cleaned.raw_offset(len(cleaned.text) + 1)


def test_odd_characters_are_normalised_without_breaking_the_map():
    raw = "Regel een\r\nRegel\u00a0twee\fPagina\u200b drie"
    cleaned = clean(raw)
    assert cleaned.text == "Regel een\nRegel twee\nPagina drie"
    assert all(cleaned.raw_offset(i) < len(raw) for i in range(len(cleaned.text)))
    assert clean("").text == ""


def _raw_chars_kept(cleaned):
    return {cleaned.raw_offset(i) for i in range(len(cleaned.text)) if not cleaned.is_inserted(i)}


def _check_span(cleaned, start, end, kept):
    """The raw span holds exactly the span's characters plus removed hyphens/whitespace/footers."""
    raw = cleaned.raw
    raw_start, raw_end = cleaned.raw_span(start, end)
    assert raw_start <= raw_end
    ours = "".join(ch for i, ch in enumerate(cleaned.text[start:end], start) if not cleaned.is_inserted(i))
    theirs = "".join(raw[j] for j in range(raw_start, raw_end) if j in kept)
    assert re.sub(r"\s", " ", ours) == re.sub(r"\s", " ", theirs)
    removed = "".join(raw[j] for j in range(raw_start, raw_end) if j not in kept)
    for footer in cleaned.footers:
        removed = removed.replace(footer, "")
    assert not re.sub(r"[\s\-\u00ad\u200b]", "", removed), removed
    # and the independent view: dehyphenate the raw text and compare up to whitespace
    dehyphenated = raw[raw_start:raw_end]
    for footer in cleaned.footers:
        dehyphenated = dehyphenated.replace(footer, "")
    dehyphenated = re.sub(r"-\n\s*", "", dehyphenated)
    assert re.sub(r"[\s-]", "", dehyphenated) == re.sub(r"[\s-]", "", cleaned.text[start:end])


# ---------------------------------------------------------------- the corpus


@needs_corpus
def test_every_corpus_character_maps_back(cleaned_corpus):
    for source, cleaned in cleaned_corpus.values():
        assert cleaned.raw == source.raw
        for i, ch in enumerate(cleaned.text):
            if cleaned.is_inserted(i):
                assert ch == " " and cleaned.text[i + 1].isdigit()
            else:
                assert source.raw[cleaned.raw_offset(i)] == ch, (source.name, i)
        offsets = [cleaned.raw_offset(i) for i in range(len(cleaned.text) + 1)]
        assert offsets == sorted(offsets)
        assert offsets[-1] == len(source.raw)


@needs_corpus
def test_random_spans_round_trip(cleaned_corpus):
    rng = random.Random(20240611)
    for _, cleaned in cleaned_corpus.values():
        kept = _raw_chars_kept(cleaned)
        for _ in range(300):
            start = rng.randrange(len(cleaned.text))
            end = min(len(cleaned.text), start + rng.randrange(1, 400))
            _check_span(cleaned, start, end, kept)
        _check_span(cleaned, 0, len(cleaned.text), kept)


@needs_corpus
def test_corpus_footers(cleaned_corpus):
    _, c000 = cleaned_corpus["000"]
    _, c002 = cleaned_corpus["002"]
    assert c000.footers == ["Tweede Kamer, vergaderjaar 2017–2018, 34 950 XV, nr. 9 7"]
    assert c002.footers == ["Tweede Kamer, vergaderjaar 2007–2008, 28 719 en 30 982, nr. 59 7"]
    for cleaned in (c000, c002):
        assert cleaned.footers[0] not in cleaned.text
        assert not re.search(r"^Tweede Kamer, vergaderjaar", cleaned.text, re.M)
    assert "(Handelingen der Kamer II,\nvergaderjaar 2007–2008, nr. 75" in c002.text
    assert "(Tweede Kamer, vergaderjaar 2007–2008, 28 719" in c002.text
    _, c004 = cleaned_corpus["004"]
    assert "Zie ook Aanhangsel Handelingen, vergaderjaar 2019–2020" in c004.text
    for key in ("001", "003", "004"):
        assert cleaned_corpus[key][1].footers == []


@needs_corpus
def test_corpus_hyphenation(cleaned_corpus):
    texts = {key: cleaned.text for key, (_, cleaned) in cleaned_corpus.items()}
    assert "de doelstellingen van het re-integratiebudget" in texts["000"]
    assert "de Participatiewet een gebrek" in texts["001"]
    assert "doelgroep banenafspraak, en" in texts["001"]
    assert "diagnosestelling in kaart" in texts["002"]
    assert "re-integratieladder maakt" in texts["002"]
    assert "www.tweedekamer.nl" in texts["003"]
    assert "kosten-batenanalyse te laten maken" in texts["004"]
    assert "massaal-bij-uwv~b1878b31/" in texts["004"]
    assert "premiegefinancierde- \nen begrotingsgefinancierde" in texts["000"]
    for key, (_, cleaned) in cleaned_corpus.items():
        assert not re.search(r"[a-z]-\n[a-z]", cleaned.text), key


@needs_corpus
def test_corpus_footnotes_and_markers(cleaned_corpus):
    expected_notes = {"000": 0, "001": 8, "002": 0, "003": 28, "004": 14}
    for key, (_, cleaned) in cleaned_corpus.items():
        numbers = [f.number for f in cleaned.footnotes]
        assert numbers == list(range(1, expected_notes[key] + 1)), key
        for note in cleaned.footnotes:
            assert re.match(rf"{note.number} \S", cleaned.text[note.start:note.end])
        markers = [m.number for m in cleaned.markers]
        assert markers == sorted(markers)
        assert [cleaned.text[m.start:m.end] for m in cleaned.markers] == [str(n) for n in markers]
    _, c001 = cleaned_corpus["001"]
    assert [m.number for m in c001.markers] == list(range(1, 9))
    assert "(NLA)? 1\n" in c001.text
    assert "jobcoaches 3.\n" in c001.text
    _, c003 = cleaned_corpus["003"]
    assert [m.number for m in c003.markers] == list(range(1, 29))
    assert "Participatiewet 2, \n" in c003.text
    assert "opgenomen in bijlage 2 8." in c003.text
    assert "8 september 2017 22 is" in c003.text
    assert "Wajong2010" in c003.text
    _, c002 = cleaned_corpus["002"]
    assert [m.number for m in c002.markers] == [1, 2]
    assert "G31-gemeente" in c002.text
    assert "aantal G31-gemeenten" in c002.text
    _, c000 = cleaned_corpus["000"]
    assert c000.markers == []
    assert "(Kamerstuk 34 950 XV, nr. 2)" in c000.text
    _, c004 = cleaned_corpus["004"]
    assert [m.number for m in c004.markers] == list(range(1, 15))


def test_random_input_never_breaks_the_map():
    pieces = list("ab reIZSW-\n  1239.,?)»«\r\f\u00ad\u00a0\u200b") + [
        "Tweede Kamer, vergaderjaar 2017–2018, 34 950 XV, nr. 9 7", "\n1 Kamerstuk 3, nr. 1.\n", "ex-\ntra",
        "kst-1-2", "\n\n2 Zie 2019.\n", "doelstel-\n\n",
    ]
    rng = random.Random(7)
    for _ in range(2000):
        raw = "".join(rng.choice(pieces) for _ in range(rng.randrange(60)))
        cleaned = clean(raw)
        offsets = [cleaned.raw_offset(i) for i in range(len(cleaned.text) + 1)]
        assert offsets == sorted(offsets) and offsets[-1] == len(raw)
        for i, ch in enumerate(cleaned.text):
            if not cleaned.is_inserted(i):
                assert raw[offsets[i]] == ch or (raw[offsets[i]].isspace() and ch.isspace())


def test_line_numbers_in_the_margin_are_dropped_and_words_joined_across_them():
    lines = [
        "De ondergetekenden stellen het volgende amendement voor:", "", "I", "",
        "In artikel I wordt een lid toegevoegd, met toepassing van", "loonkostensubsidie of met loondi-",
        "spensatie op grond van de Wet werk en arbeidsondersteuning", "jonggehandicapten bij een sociaal ontwikkel-",
        "bedrijf of een uitzendonderneming.", "", "Toelichting", "",
        "Dit amendement regelt twee zaken voor de banenafspraak.",
    ]
    numbered, n = [], 0
    for line in lines:
        if line:
            n += 1
            numbered.append(f"{n:>2}  {line}")
        else:
            numbered.append("")
    cleaned = clean("\n".join(numbered) + "\n")
    assert "loondispensatie" in cleaned.text and "ontwikkelbedrijf" in cleaned.text
    assert not re.search(r"(?m)^\s*\d+\s", cleaned.text)
    for i, ch in enumerate(cleaned.text):  # the offset map still points at each character
        if not cleaned.is_inserted(i) and not ch.isspace():
            assert cleaned.raw[cleaned.raw_offset(i)] == ch


def test_a_short_numbered_list_keeps_its_numbers():
    cleaned = clean("Drie punten:\n1  werk\n2  inkomen\n3  zorg\n")
    assert "1  werk" in cleaned.text
