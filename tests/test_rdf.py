"""The RDF writer on a hand-built Doc: what each kind of mention and fact becomes."""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone

import pytest
import spacy
from pyoxigraph import Literal, NamedNode, Quad, Store

from kg.extractors.base import add_mention, document_facts, relations
from kg.pipeline import PipelineInfo
from kg.rdf import document_quads
from kg.readers.contract import SourceText
from kg.readers.pdftext import clean
from kg.vocab import PREFIXES, Minter

RAW = (
    "Vraag 1\nKoopt UWV IPS-trajecten in?\n\nAntwoord 1\nJa, UWV koopt IPS in (Kamerstuk 34 352, nr. 12).\n"
    "De Invoeringswet Participatiewet geldt. De motie-Hamer c.s. vraagt dit. Acme Consult helpt.\n"
    "De Staatssecretaris van Sociale Zaken en Werkgelegenheid,\nT. van Ark\n"
)
B = "https://example.org/kg/"
T = datetime(2024, 1, 1, tzinfo=timezone.utc)


def span(doc, text: str, occurrence: int = 0):
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(text, start + 1)
    return doc.char_span(start, start + len(text), alignment_mode="expand")


@pytest.fixture(scope="module")
def graph() -> Store:
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    cleaned = clean(RAW)
    doc = nlp(cleaned.text)
    add_mention(doc, "organisation", span(doc, "UWV"), "id/organisatie/uwv")
    add_mention(doc, "instrument", span(doc, "IPS"), "id/instrument/ips")
    add_mention(doc, "kamerstuk", span(doc, "34 352, nr. 12"), "34352-12")
    add_mention(doc, "law", span(doc, "Invoeringswet Participatiewet"), "id/wet/invoeringswet-participatiewet",
                name="Invoeringswet Participatiewet")
    add_mention(doc, "motion", span(doc, "motie-Hamer c.s."), "", label="motie-Hamer c.s.", submitters=["Hamer"],
                parties=["PvdA"])
    add_mention(doc, "organisation", span(doc, "Acme Consult"), "", name="Acme Consult")
    add_mention(doc, "person", span(doc, "T. van Ark"), "", name="T. van Ark", role="Staatssecretaris",
                organisation="id/organisatie/szw", signatory=True)
    add_mention(doc, "question", span(doc, "Vraag 1\nKoopt UWV IPS-trajecten in?"), numbers=[1])
    add_mention(doc, "answer", span(doc, "Antwoord 1\nJa, UWV koopt IPS in (Kamerstuk 34 352, nr. 12)."), numbers=[1])
    facts = document_facts(doc)
    facts.update(type="schriftelijke-vragen", date="2024-01-02", questioner="De Kort", identifiers=["ah-tk-20232024-5"])
    actor = add_mention(doc, "organisation", span(doc, "UWV", 1), "id/organisatie/uwv")
    instrument = add_mention(doc, "instrument", span(doc, "IPS", 1), "id/instrument/ips")
    relations(doc).append({"actor": actor, "instrument": instrument, "sentence": actor.sent, "verb": "inkopen"})
    source = SourceText(path=None, name="vragen.txt", raw=RAW, sha256=hashlib.sha256(RAW.encode()).hexdigest())
    info = PipelineInfo("rules-only", "spacy.blank('nl')", spacy.__version__)
    result = document_quads(source, cleaned, doc, info, Minter(B), T, T)
    store = Store()
    store.extend(result.quads)
    return store


def ask(store: Store, where: str) -> bool:
    prefixes = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
    return bool(store.query(f"{prefixes} ASK {{ GRAPH ?g {{ {where} }} }}"))


DOC = f"<{B}id/aanhangsel/ah-tk-20232024-5>"
SHA = hashlib.sha256(RAW.encode()).hexdigest()


def test_document_node_carries_its_facts(graph):
    assert ask(graph, f'{DOC} a kg:Document , kg:AanhangselItem ; dcterms:identifier "ah-tk-20232024-5" ;'
                      f' dcterms:type <{B}id/documenttype/schriftelijke-vragen> ; dcterms:date "2024-01-02"^^xsd:date ;'
                      ' kg:questioner ?q . ?q foaf:name "De Kort"')
    assert ask(graph, f'{DOC} dcterms:source <https://zoek.officielebekendmakingen.nl/ah-tk-20232024-5>')


def test_the_file_is_an_item_of_the_work(graph):
    item = f"<{B}id/item/{SHA[:16]}>"
    assert ask(graph, f'{item} a kg:Item ; kg:itemOf {DOC} ; kg:sourceFile "vragen.txt" ;'
                      f' kg:contentSha256 "{SHA}" ; dcterms:format "text/plain" . ?context nif:sourceUrl {item}')
    assert not ask(graph, f"{DOC} kg:sourceFile ?name")


def test_citation_and_subjects(graph):
    assert ask(graph, f"{DOC} dcterms:references <{B}id/kamerstuk/34352-12> . <{B}id/kamerstuk/34352-12>"
                      f' a kg:Kamerstuk ; dcterms:identifier "34352-12" ; dcterms:isPartOf <{B}id/dossier/34352> ;'
                      " dcterms:source <https://zoek.officielebekendmakingen.nl/kst-34352-12>")
    assert ask(graph, f"{DOC} dcterms:subject <{B}id/instrument/ips> ; kg:mentions <{B}id/organisatie/uwv>")


def test_unlisted_law_and_model_organisation_get_types_and_labels(graph):
    law = f"<{B}id/wet/invoeringswet-participatiewet>"
    assert ask(graph, f'{law} a kg:Law , schema:Legislation ; rdfs:label "Invoeringswet Participatiewet"@nl .'
                      f" {DOC} dcterms:subject {law}")
    assert ask(graph, f'<{B}id/organisatie/acme-consult> a org:Organization ; rdfs:label "Acme Consult"@nl')


def test_motion_without_id_and_its_submitter(graph):
    """'Hamer' alone, with no first name in the document: a person of this document only."""
    assert ask(graph, f'?m a opengov:Motion ; rdfs:label "motie-Hamer c.s."@nl ; dcterms:creator ?p .'
                      f' ?p foaf:name "Hamer" . {DOC} kg:mentions ?m')
    assert ask(graph, f"?m dcterms:creator <{B}id/aanhangsel/ah-tk-20232024-5/persoon/hamer>")


VAN_ARK = f"<{B}id/persoon/tamara-van-ark-1974>"


def test_person_resolved_to_the_register_with_a_dated_post(graph):
    """'T. van Ark', Staatssecretaris of SZW in a 2024 document: the one register person it can be."""
    assert ask(graph, f"{VAN_ARK} a foaf:Person ; org:holds ?post ."
                      f" ?post a org:Post ; org:postIn <{B}id/organisatie/szw> ; org:role ?r ."
                      ' ?r skos:prefLabel "Staatssecretaris"@nl .'
                      f" ?m a org:Membership ; org:member {VAN_ARK} ; opengov:post ?post ; org:memberDuring ?i ."
                      ' ?i time:inside/time:inXSDDate "2024-01-02"^^xsd:date')


def test_questions_and_answers_without_headings(graph):
    assert ask(graph, f'?q a kg:Question ; kg:number 1 ; schema:text "Koopt UWV IPS-trajecten in?"@nl .'
                      f' ?a kg:answers ?q ; schema:text ?t ; dcterms:creator {VAN_ARK} .'
                      ' FILTER(STRSTARTS(?t, "Ja, UWV") && LANG(?t) = "nl")')
    assert ask(graph, f"<{B}id/aanhangsel/ah-tk-20232024-5/vraag/1> a kg:Question")


def test_association_counts_evidence_and_keeps_the_verb(graph):
    assert ask(graph, f"?a a kg:ActorInstrumentAssociation ; kg:actor <{B}id/organisatie/uwv> ;"
                      f' kg:instrument <{B}id/instrument/ips> ; kg:evidenceCount 1 ; kg:verb "inkopen" ;'
                      " kg:evidence ?s . ?s a nif:Sentence")


def test_mentions_point_at_raw_offsets(graph):
    rows = list(graph.query(
        f"SELECT ?b ?e ?a WHERE {{ GRAPH ?g {{ ?m a <{PREFIXES['nif']}Phrase> ; <{PREFIXES['nif']}beginIndex> ?b ;"
        f" <{PREFIXES['nif']}endIndex> ?e ; <{PREFIXES['nif']}anchorOf> ?a }} }}"))
    assert len(rows) >= 7
    for row in rows:
        assert RAW[int(row["b"].value):int(row["e"].value)] == row["a"].value


def test_the_same_input_gives_the_same_quads(graph):
    assert all(isinstance(q, Quad) for q in graph)
    assert Literal("vragen.txt") in {q.object for q in graph}
    assert NamedNode(f"{B}graph/aanhangsel/ah-tk-20232024-5/{SHA[:16]}") in {q.graph_name for q in graph}


def test_two_names_in_one_compound_token_are_two_phrases_with_their_own_characters():
    raw = "Wie een Wsw-indicatie heeft, werkt.\n"
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    cleaned = clean(raw)
    doc = nlp(cleaned.text)
    word = span(doc, "Wsw-indicatie")
    add_mention(doc, "instrument", word, "id/instrument/wsw-indicatie")
    add_mention(doc, "law", word, "id/wet/wsw", part=(word.start_char, word.start_char + 3))
    source = SourceText(path=None, name="wsw.txt", raw=raw, sha256=hashlib.sha256(raw.encode()).hexdigest())
    info = PipelineInfo("rules-only", "spacy.blank('nl')", spacy.__version__)
    store = Store()
    store.extend(document_quads(source, cleaned, doc, info, Minter(B), T, T).quads)
    nif, itsrdf = PREFIXES["nif"], PREFIXES["itsrdf"]
    rows = store.query(
        f"SELECT ?a ?b ?e ?x WHERE {{ GRAPH ?g {{ ?m a <{nif}Phrase> ; <{nif}anchorOf> ?a ; <{nif}beginIndex> ?b ;"
        f" <{nif}endIndex> ?e ; <{itsrdf}taIdentRef> ?x }} }} ORDER BY ?e")
    found = [(r["a"].value, int(r["b"].value), int(r["e"].value), r["x"].value) for r in rows]
    assert found == [("Wsw", 8, 11, f"{B}id/wet/wsw"), ("Wsw-indicatie", 8, 21, f"{B}id/instrument/wsw-indicatie")]
