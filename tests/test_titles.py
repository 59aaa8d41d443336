"""Official titles as dcterms:title, subjects as dcterms:description: from small hand-made documents
in each form kg reads, through a real build (no real document text)."""

from __future__ import annotations

from kg.build import build
from kg.store import KGStore

HEADER_LETTER = (
    "34 950 XV Jaarverslag en slotwet Ministerie van Sociale Zaken en\n"
    "Werkgelegenheid 2017\n\nNr. 9 BRIEF VAN DE STAATSSECRETARIS VAN SOCIALE ZAKEN EN WERKGELEGENHEID\n\n"
    "Den Haag, 3 juli 2018\n\nHierbij informeer ik uw Kamer over de stand van zaken.\n"
)
VRAGEN = (
    "Vragen van het lid Jansen (SP) aan de Staatssecretaris van Sociale Zaken en Werkgelegenheid over de\n"
    "wachttijden bij jobcoaching (ingezonden 2 oktober 2019).\n\nVraag 1\nKent u het bericht?\n\nAntwoord 1\nJa.\n"
)
PAGE = (
    '<html><head><title>Brief over jobcoaching | Rijksoverheid</title>'
    '<meta name="DC.title" content="Voortgang jobcoaching en loonkostensubsidie">'
    '<meta property="og:title" content="Brief over jobcoaching"></head>'
    "<body><main><p>Den Haag, 4 maart 2021</p><p>Met deze brief informeer ik u over jobcoaching.</p></main></body></html>"
)
SAVED_PAGE = (
    "Kamerbrief\nTitel: Stand van zaken banenafspraak\nOnderwerp: banenafspraak en doelgroepregister\n"
    "Gepubliceerd: 3 maart 2021\n\nMet deze brief informeer ik u over de banenafspraak bij werkgevers.\n"
)


def _titles(tmp_path, files: dict[str, str]) -> dict[str, tuple[set[str], set[str]]]:
    """File name -> (dcterms:title values, dcterms:description values) of the work it is an item of."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = KGStore.open(tmp_path / "store")
    assert sorted(build(store, [folder]).built) == sorted(files)
    found: dict[str, tuple[set[str], set[str]]] = {}
    for row in store.query(
        "SELECT ?name ?p ?v WHERE { GRAPH ?g { ?item kg:itemOf ?work ; kg:sourceFile ?name ."
        " OPTIONAL { VALUES ?p { dcterms:title dcterms:description } ?work ?p ?v FILTER (LANG(?v) = 'nl') } } }"
    ):
        titles, descriptions = found.setdefault(row["name"].value, (set(), set()))
        if row["p"] is not None:
            (titles if row["p"].value.endswith("title") else descriptions).add(row["v"].value)
    return found


def test_each_form_gives_its_official_title_and_keeps_subjects_as_descriptions(tmp_path):
    found = _titles(tmp_path, {"brief.txt": HEADER_LETTER, "vragen.txt": VRAGEN, "brief.html": PAGE, "pagina.txt": SAVED_PAGE})
    assert found["brief.txt"] == ({"Jaarverslag en slotwet Ministerie van Sociale Zaken en Werkgelegenheid 2017"}, set())
    assert found["vragen.txt"] == (set(), {"de wachttijden bij jobcoaching"})
    assert found["brief.html"] == ({"Voortgang jobcoaching en loonkostensubsidie"}, {"Brief over jobcoaching"})
    assert found["pagina.txt"] == ({"Stand van zaken banenafspraak"}, {"banenafspraak en doelgroepregister"})
