"""The store-wide totals graph (graph/totals): what the per-file tallies sum to, after a first build
and after an incremental build that replaced a document's graph."""

from __future__ import annotations

from collections import defaultdict

from pyoxigraph import NamedNode

from kg.aggregates import ACTOR_CLASSES, store_totals, write_totals
from kg.build import build
from kg.row_totals import ROW_TOTALS
from kg.saved_queries import saved_queries
from kg.store import KGStore
from kg.vocab import KGV, RDF

B = "https://w3id.org/kamerstukken-kg/"
ROW_CLASSES = {view.cls for view in ROW_TOTALS}
TOTALS = NamedNode(B + "graph/totals")


def _by_subject(store, graph):
    nodes = defaultdict(lambda: defaultdict(list))
    for q in store.store.quads_for_pattern(None, None, None, graph):
        nodes[q.subject][q.predicate].append(q.object)
    return nodes


def expected_totals(store) -> tuple[dict, dict]:
    """Summed here, graph by graph, from the tallies of every document graph."""
    entities: dict = defaultdict(lambda: [0, set()])
    sentences: dict = defaultdict(int)
    actors: dict = defaultdict(set)
    for graph in store.store.named_graphs():
        if graph == TOTALS:
            continue
        for node, facts in _by_subject(store, graph).items():
            types = facts.get(RDF.type, [])
            if KGV.MentionTally in types:
                (entity,), (cls,), (item,), (count,) = (facts[KGV.entity], facts[KGV.entityClass], facts[KGV.tallyOf],
                                                        facts[KGV.mentionCount])
                entities[entity, cls][0] += int(count.value)
                entities[entity, cls][1].add(item)
                if cls in ACTOR_CLASSES:
                    actors[item].add(entity)
            elif KGV.ActorPairTally in types:
                (first,), (second,), (count,) = facts[KGV.firstActor], facts[KGV.secondActor], facts[KGV.sentenceCount]
                sentences[first, second] += int(count.value)
    pairs: dict = defaultdict(lambda: [0, 0])
    for named in actors.values():
        for first in named:
            for second in named:
                if first.value < second.value:
                    pairs[first, second][0] += 1
    for pair, count in sentences.items():
        pairs[pair][1] = count
    return ({k: (m, len(files)) for k, (m, files) in entities.items()}, {k: tuple(v) for k, v in pairs.items()})


def stored_totals(store) -> tuple[dict, dict]:
    entities, pairs = {}, {}
    for node, facts in _by_subject(store, TOTALS).items():
        if set(facts[RDF.type]) & ROW_CLASSES:
            continue
        if KGV.EntityTotal in facts[RDF.type]:
            (entity,), (cls,) = facts[KGV.totalOf], facts[KGV.totalClass]
            entities[entity, cls] = (int(facts[KGV.totalMentions][0].value), int(facts[KGV.totalFiles][0].value))
        elif KGV.ActorPairTotal in facts[RDF.type]:
            (first,), (second,) = facts[KGV.pairFirst], facts[KGV.pairSecond]
            files, shared = facts.get(KGV.totalFiles, []), facts.get(KGV.totalSentences, [])
            pairs[first, second] = (int(files[0].value) if files else 0, int(shared[0].value) if shared else 0)
    return entities, pairs


def test_the_totals_are_what_the_tallies_of_the_corpus_sum_to(corpus_store):
    entities, pairs = stored_totals(corpus_store)
    expected_entities, expected_pairs = expected_totals(corpus_store)
    assert entities == expected_entities and len(entities) > 100
    assert pairs == expected_pairs and any(shared for _, shared in pairs.values())
    # Recomputing gives the very quads the build wrote.
    in_store = sorted(str(q) for q in corpus_store.store.quads_for_pattern(None, None, None, TOTALS))
    assert sorted(str(q) for q in store_totals(corpus_store.store, B)) == in_store


def test_an_organisation_total_holds_its_forms(corpus_store):
    uwv = NamedNode(B + "id/organisatie/uwv")
    (total,) = [q.subject for q in corpus_store.store.quads_for_pattern(None, KGV.totalOf, uwv, TOTALS)]
    (forms,) = [q.object.value for q in corpus_store.store.quads_for_pattern(total, KGV.formsWritten, None, TOTALS)]
    assert "uwv" in forms.split("; ")


def test_the_totals_follow_an_incremental_build_that_replaces_a_document(tmp_path, two_samples):
    folder, _, _ = two_samples
    store = KGStore.open(tmp_path / "store")
    build(store, [folder])
    before, _ = stored_totals(store)
    assert before == expected_totals(store)[0]

    # a.txt now says something else: what only its old text named leaves the totals.
    (folder / "a.txt").write_text("De Kamer spreekt over de Wajong en het UWV.\n", encoding="utf-8")
    report = build(store, [folder])
    assert report.built == ["a.txt"]
    after_entities, after_pairs = stored_totals(store)
    assert (after_entities, after_pairs) == expected_totals(store)
    assert after_entities != before and set(before) - set(after_entities)
    # A no-change build leaves them; a recompute on the store as it is changes nothing.
    quads = sorted(str(q) for q in store.store.quads_for_pattern(None, None, None, TOTALS))
    build(store, [folder])
    assert write_totals(store, B) == len(quads)
    assert sorted(str(q) for q in store.store.quads_for_pattern(None, None, None, TOTALS)) == quads


def _rows(store, text: str, columns=None) -> list[tuple]:
    result = store.store.query(text)
    columns = columns or [v.value for v in result.variables]
    return [tuple(row[c] for c in columns) for row in result]


def assert_rows_follow_the_store(store):
    """Each query that reads kept rows answers what its earlier form computes on the store as it is,
    row for row and term for term (a paged query: its whole answer, in the columns the rows keep),
    and the totals hold one node per row, ranked from 0 in the query's order."""
    queries = saved_queries()
    for view in ROW_TOTALS:
        columns = list(view.columns)
        computed = _rows(store, view.text, columns)
        assert computed, view.query
        saved = queries[view.query]
        text = saved.prepare({"limit": "0"})[0] if saved.paged else saved.text
        assert _rows(store, text, columns) == computed, view.query
        nodes = {q.subject for q in store.store.quads_for_pattern(None, RDF.type, view.cls, TOTALS)}
        assert len(nodes) == len(computed), f"{view.query}: one node per row"
        if view.rank is not None:
            ranks = sorted(int(q.object.value) for q in store.store.quads_for_pattern(None, view.rank, None, TOTALS))
            assert ranks == list(range(len(computed))), view.query


def test_the_kept_rows_are_what_the_queries_computed_on_the_corpus(corpus_store):
    assert_rows_follow_the_store(corpus_store)
    people = saved_queries()["people"]
    assert any(row["documents"] is not None for row in corpus_store.store.query(people.text))


def test_the_kept_rows_follow_a_rebuild_that_replaces_a_document(tmp_path, two_samples):
    folder, _, _ = two_samples
    store = KGStore.open(tmp_path / "store")
    build(store, [folder])
    assert_rows_follow_the_store(store)
    before = sorted(str(q) for q in store.store.quads_for_pattern(None, None, None, TOTALS))
    (folder / "a.txt").write_text("De Kamer spreekt over de Wajong, de Participatiewet en het UWV. "
                                  "Het UWV zet jobcoaching in.\n", encoding="utf-8")
    assert build(store, [folder]).built == ["a.txt"]
    assert_rows_follow_the_store(store)
    assert sorted(str(q) for q in store.store.quads_for_pattern(None, None, None, TOTALS)) != before


def test_mention_windows_count_no_more_mentions_before_a_text_than_there_are(corpus_store):
    """describe-entity reads the texts with fewer than offset+limit mentions before them: each
    window's step to the next text is at least one and at most the text's own mentions of the entity,
    so the page's texts are never cut short."""
    windows: dict = defaultdict(list)
    for node, facts in _by_subject(corpus_store, TOTALS).items():
        if KGV.MentionWindow in facts[RDF.type]:
            (entity,), (text,), (before,) = facts[KGV.windowEntity], facts[KGV.windowText], facts[KGV.mentionsBefore]
            windows[entity].append((text.value, int(before.value)))
    assert len(windows) > 100
    mentions: dict = defaultdict(int)
    for row in corpus_store.store.query(
            "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> "
            "PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#> "
            "SELECT ?e ?c (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m itsrdf:taIdentRef ?e ; nif:referenceContext ?c } GROUP BY ?e ?c"):
        mentions[row["e"], row["c"].value] = int(row["n"].value)
    for entity, texts in windows.items():
        texts.sort()
        assert texts[0][1] == 0
        for (text, before), (_, after) in zip(texts, texts[1:]):
            assert 1 <= after - before <= mentions[entity, text], (entity, text)
        assert all(mentions[entity, text] for text, _ in texts)
