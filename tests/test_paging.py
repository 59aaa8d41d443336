"""Paged saved queries (a LIMIT/OFFSET the query computes, not a cut of its output), the tallies the
rewritten aggregate queries read, and the rewritten queries answering as their earlier versions.

The earlier versions are kept in tests/data/queries-before/ (the queries as they were before the
rewrite for issue 11); on the corpus each current query must give the same rows in the same order.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import QuerySolutions

from kg.cli import main
from kg.errors import USAGE
from kg.saved_queries import QueryError, page_clause, parse_query_file, saved_queries, window_clauses

QUERIES = saved_queries()
PAGED = sorted(name for name, q in QUERIES.items() if q.paged)
BEFORE = Path(__file__).resolve().parent / "data" / "queries-before"
B = "https://w3id.org/kamerstukken-kg/"
UWV = B + "id/organisatie/uwv"

PAGED_QUERY = """# title: t
# description: d
# param: limit integer default=10 -- page size
# param: offset integer default=0 -- skip
# example: kg query t
PREFIX ex: <http://example.org/a#LIMIT 3 OFFSET 4>
SELECT ?s WHERE {
  # LIMIT 5 OFFSET 6 in a comment is no clause
  { SELECT ?s WHERE { ?s ?p "LIMIT 7 OFFSET 8" } ORDER BY ?s LIMIT 10 OFFSET 0 }
} ORDER BY ?s
"""


def example_params(name: str) -> dict[str, str]:
    words = shlex.split(QUERIES[name].examples[0])
    return dict(v.split("=", 1) for f, v in zip(words, words[1:]) if f in ("--param", "-p"))


def answer(store, text: str, substitutions) -> list[tuple] | set[str]:
    result = store.query(text, substitutions=substitutions)
    if isinstance(result, QuerySolutions):
        columns = result.variables
        return [tuple(str(row[c]) if row[c] is not None else "" for c in columns) for row in result]
    return {str(t) for t in result}


# -- the page clause, in one place -------------------------------------------------------------------


def test_the_page_clause_is_found_outside_comments_strings_and_iris():
    clause = page_clause(PAGED_QUERY)
    assert clause is not None and (clause["limit"], clause["offset"]) == ("10", "0")
    saved = parse_query_file("t", PAGED_QUERY, "t.rq")
    assert saved.paged and saved.page_defaults() == (10, 0)
    text = saved.paged_text(limit=3, offset=20)
    assert "ORDER BY ?s LIMIT 3 OFFSET 20 }" in text
    assert "<http://example.org/a#LIMIT 3 OFFSET 4>" in text and '"LIMIT 7 OFFSET 8"' in text
    assert text.replace("LIMIT 3 OFFSET 20", "LIMIT 10 OFFSET 0") == PAGED_QUERY  # nothing else changes
    assert "ORDER BY ?s OFFSET 0 }" in saved.paged_text(limit=0)  # every row
    assert "ORDER BY ?s OFFSET 5 }" in saved.paged_text(limit=0, offset=5)
    assert saved.paged_text() == PAGED_QUERY


def test_a_paged_query_must_hold_exactly_one_clause_with_its_defaults():
    with pytest.raises(QueryError, match="LIMIT 10 OFFSET 0"):
        parse_query_file("t", PAGED_QUERY.replace("LIMIT 10 OFFSET 0", "LIMIT 50 OFFSET 0"), "t.rq")
    with pytest.raises(QueryError, match="LIMIT 10 OFFSET 0"):
        parse_query_file("t", PAGED_QUERY.replace("LIMIT 10 OFFSET 0", ""), "t.rq")
    with pytest.raises(QueryError, match="exactly one"):
        parse_query_file("t", PAGED_QUERY.replace("} ORDER BY ?s\n", "} ORDER BY ?s LIMIT 10 OFFSET 0\n"), "t.rq")


WINDOWED_QUERY = PAGED_QUERY.replace(
    '{ SELECT ?s WHERE { ?s ?p "LIMIT 7 OFFSET 8" }',
    '{ SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 10  # window\n'
    '  } FILTER(STRLEN(STR(?s)) < 10)  # window\n } ')


def test_window_clauses_reach_the_end_of_the_page():
    saved = parse_query_file("t", WINDOWED_QUERY, "t.rq")
    assert len(window_clauses(WINDOWED_QUERY)) == 2
    text = saved.paged_text(limit=3, offset=20)
    assert "LIMIT 3 OFFSET 20" in text and "ORDER BY ?s LIMIT 23  # window" in text and "< 23)  # window" in text
    everything = saved.paged_text(limit=0)
    assert "LIMIT 10  # window" not in everything and "ORDER BY ?s   # window" in everything
    assert f"< {2**63 - 1})  # window" in everything
    assert saved.paged_text() == WINDOWED_QUERY
    with pytest.raises(QueryError, match="window"):
        parse_query_file("t", WINDOWED_QUERY.replace("LIMIT 10  # window", "LIMIT 5  # window"), "t.rq")
    with pytest.raises(QueryError, match="window"):
        parse_query_file("t", "SELECT ?s WHERE { ?s ?p ?o } LIMIT 10  # window\n", "t.rq")


def test_limit_and_offset_set_the_page_and_bind_no_variable():
    saved = parse_query_file("t", PAGED_QUERY, "t.rq")
    text, substitutions = saved.prepare({"limit": "2", "offset": "4"})
    assert "LIMIT 2 OFFSET 4" in text and substitutions == {}
    for bad in ({"limit": "-1"}, {"offset": "x"}):
        with pytest.raises(QueryError):
            saved.prepare(bad)
    unpaged = QUERIES["documents"]
    assert not unpaged.paged and unpaged.paged_text() == unpaged.text
    with pytest.raises(QueryError, match="does not page"):
        unpaged.paged_text(limit=5)


def test_the_answer_bound_queries_page():
    assert {"mentions-of", "provenance-of", "describe-entity", "entities", "instrument-mentions", "questions",
            "citations"} <= set(PAGED)
    for name in PAGED:
        assert QUERIES[name].page_defaults() == (100, 0), f"{name}: the documented default page is 100 rows"


# -- pages on a built store ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGED)
def test_pages_are_stable_and_add_up_to_the_whole_answer(corpus_store, name):
    saved = QUERIES[name]
    params = example_params(name)
    whole = answer(corpus_store, *saved.prepare({**params, "limit": "0"}))
    assert whole, f"{name}: its first example answers nothing on the corpus"
    first = answer(corpus_store, *saved.prepare(params))
    if isinstance(whole, set):  # CONSTRUCT: a page describes part of the graph
        assert first <= whole
        return
    assert first == whole[:100]
    pages, offset = [], 0
    while True:
        page = answer(corpus_store, *saved.prepare({**params, "limit": "7", "offset": str(offset)}))
        assert page == answer(corpus_store, *saved.prepare({**params, "limit": "7", "offset": str(offset)}))
        pages += page
        if len(page) < 7:
            break
        offset += 7
    assert pages == whole
    for size in (1, 2):  # pages smaller than the corpus's five files: a window cuts some of them off
        pages = []
        for offset in range(0, min(len(whole), 40), size):
            pages += answer(corpus_store, *saved.prepare({**params, "limit": str(size), "offset": str(offset)}))
        assert pages == whole[:len(pages)] and len(pages) == min(len(whole), 40)


def test_entity_pages_of_a_category_some_files_lack_add_up(corpus_store):
    """The files' window of `entities` counts only the files that record the page's category: a
    window of any files would end before the files that hold the category's rows."""
    saved = QUERIES["entities"]
    rows = answer(corpus_store, *saved.prepare({"limit": "0"}))
    files = {row[1] for row in rows}
    sparse = [c for c in sorted({row[2] for row in rows}) if len({r[1] for r in rows if r[2] == c}) < len(files)]
    sparse = [c.strip('"') for c in sparse]  # the rows hold the category as a literal
    assert sparse, "every category is in every corpus file: the test needs one that is not"
    for category in sparse:
        whole = answer(corpus_store, *saved.prepare({"category": category, "limit": "0"}))
        assert whole and {row[2] for row in whole} == {f'"{category}"'}
        pages = []
        for offset in range(len(whole)):
            pages += answer(corpus_store, *saved.prepare({"category": category, "limit": "1", "offset": str(offset)}))
        assert pages == whole


def test_a_window_of_earlier_groups_keeps_one_group_when_there_is_no_limit():
    query = WINDOWED_QUERY.replace("ORDER BY ?s LIMIT 10  # window\n", "ORDER BY ?s LIMIT 10  # window (earlier)\n")
    saved = parse_query_file("t", query, "t.rq")
    assert "LIMIT 23  # window (earlier)" in saved.paged_text(limit=3, offset=20)
    assert "LIMIT 1  # window (earlier)" in saved.paged_text(limit=0)


def test_provenance_pages_ending_after_the_thousandth_row_take_the_other_branch_and_the_same_rows(corpus_store):
    saved = QUERIES["provenance-of"]
    params = example_params("provenance-of")
    whole = answer(corpus_store, *saved.prepare({**params, "limit": "0"}))
    for limit, offset in (("100", "0"), ("2000", "0"), ("5", "996"), ("20", "3")):
        assert answer(corpus_store, *saved.prepare({**params, "limit": limit, "offset": offset})) == \
            whole[int(offset):int(offset) + int(limit)]


def test_kg_query_pages_with_limit_offset_all_and_the_limit_param(corpus_store):
    store = str(corpus_store.path)

    def rows(*args):
        result = CliRunner().invoke(main, ["query", "mentions-of", "--param", f"entity={UWV}", "--format", "tsv",
                                           "--store", store, *args])
        assert result.exit_code == 0, result.output
        return result.stdout.splitlines(), result.stderr

    everything, _ = rows("--all")
    assert len(everything) > 101
    assert rows("--limit", "0")[0] == everything
    page, note = rows()
    assert page == everything[:101] and "--offset 100" in note  # a full default page says how to go on
    assert rows("--limit", "3", "--offset", "2")[0] == everything[:1] + everything[3:6]
    assert rows("--param", "limit=3", "--param", "offset=2")[0] == everything[:1] + everything[3:6]
    clash = CliRunner().invoke(main, ["query", "mentions-of", "-p", f"entity={UWV}", "-p", "limit=3", "--limit", "4",
                                      "--store", store])
    assert clash.exit_code == USAGE and "disagree" in clash.stderr
    both = CliRunner().invoke(main, ["query", "documents", "--all", "--limit", "4", "--store", store])
    assert both.exit_code == USAGE


def test_kg_query_offset_also_cuts_a_query_that_does_not_page(corpus_store):
    def rows(*args):
        result = CliRunner().invoke(main, ["query", "documents", "--format", "csv", "--store", str(corpus_store.path), *args])
        assert result.exit_code == 0, result.output
        return result.stdout.splitlines()

    everything = rows()
    assert rows("--limit", "2", "--offset", "1") == everything[:1] + everything[2:4]


# -- the tallies the rewritten queries read: equal to direct counts over the mentions ---------------------


def _rows(store, sparql: str) -> set[tuple]:
    return {tuple(x.value if x is not None else "" for x in row) for row in store.query(sparql)}


def test_actor_pair_tallies_count_shared_sentences(corpus_store):
    direct = _rows(corpus_store, """
        SELECT ?a ?b (COUNT(DISTINCT ?s) AS ?n) WHERE {
          VALUES ?ca { org:Organization foaf:Person kg:PoliticalParty } VALUES ?cb { org:Organization foaf:Person kg:PoliticalParty }
          ?m1 itsrdf:taClassRef ?ca ; itsrdf:taIdentRef ?a ; nif:sentence ?s .
          ?m2 itsrdf:taClassRef ?cb ; itsrdf:taIdentRef ?b ; nif:sentence ?s .
          FILTER(STR(?a) < STR(?b))
        } GROUP BY ?a ?b""")
    tallied = _rows(corpus_store, """
        SELECT ?a ?b (SUM(?n) AS ?total) WHERE { GRAPH ?g { ?t a kg:ActorPairTally ; kg:firstActor ?a ; kg:secondActor ?b ; kg:sentenceCount ?n } }
        GROUP BY ?a ?b""")
    assert direct and tallied == direct
    per_file = _rows(corpus_store, """
        SELECT ?g ?item WHERE { GRAPH ?g { ?t a kg:ActorPairTally ; kg:tallyOf ?item . ?c nif:sourceUrl ?item } }""")
    assert per_file, "each tally lives in the graph of the file it counts"


def test_citation_tallies_count_every_mention_of_a_cited_paper(corpus_store):
    direct = _rows(corpus_store, """
        SELECT ?item ?cited (COUNT(DISTINCT ?m) AS ?n) WHERE {
          ?document dcterms:references ?cited . ?item kg:itemOf ?document .
          ?m itsrdf:taIdentRef ?cited ; nif:referenceContext/nif:sourceUrl ?item .
        } GROUP BY ?item ?cited""")
    tallied = _rows(corpus_store, """
        SELECT ?item ?cited ?n WHERE { GRAPH ?g { ?t a kg:CitationTally ; kg:tallyOf ?item ; kg:entity ?cited ; kg:mentionCount ?n } }""")
    assert direct and tallied == direct
    unclassed = _rows(corpus_store, """
        SELECT ?m WHERE { ?d dcterms:references ?c . ?m itsrdf:taIdentRef ?c FILTER NOT EXISTS { ?m itsrdf:taClassRef ?k } }""")
    if unclassed:  # the reason for a tally of its own: the mention tallies count classed mentions only
        assert sum(int(n) for *_, n in tallied) > sum(int(n) for *_, n in _rows(corpus_store, """
            SELECT ?t ?n WHERE { ?d dcterms:references ?c . ?t a kg:MentionTally ; kg:entity ?c ; kg:mentionCount ?n }"""))


def test_each_file_records_the_classes_of_its_mention_tallies(corpus_store):
    direct = _rows(corpus_store, """
        SELECT DISTINCT ?g ?item ?class WHERE { GRAPH ?g { ?t a kg:MentionTally ; kg:tallyOf ?item ; kg:entityClass ?class } }""")
    recorded = _rows(corpus_store, "SELECT ?g ?item ?class WHERE { GRAPH ?g { ?item kg:mentionedClass ?class } }")
    assert direct and recorded == direct


def test_association_examples_are_the_shortest_evidence_sentence(corpus_store):
    direct = _rows(corpus_store, r"""
        SELECT ?a (SUBSTR(MIN(CONCAT(SUBSTR(STR(10000 + STRLEN(?text)), 2), ?text)), 5) AS ?example) WHERE {
          ?a a kg:ActorInstrumentAssociation ; kg:evidence/kg:surfaceForm ?surface .
          BIND(REPLACE(?surface, "\\s+", " ") AS ?text)
        } GROUP BY ?a""")
    tallied = _rows(corpus_store, "SELECT ?a ?example WHERE { ?a kg:exampleEvidence ?example }")
    assert direct and tallied == direct


# -- the rewritten queries answer as before -----------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.stem for p in BEFORE.glob("*.rq")))
def test_rewritten_queries_give_the_rows_they_gave_before(corpus_store, name):
    before = parse_query_file(name, (BEFORE / f"{name}.rq").read_text(encoding="utf-8"), name)
    now = QUERIES[name]
    for example in now.examples:
        words = shlex.split(example)
        params = dict(v.split("=", 1) for f, v in zip(words, words[1:]) if f in ("--param", "-p"))
        old = answer(corpus_store, before.text, before.substitutions(params))
        new = answer(corpus_store, *now.prepare({**params, "limit": "0"} if now.paged else params))
        assert new == old, f"{name}: {example}"
    if name == "actor-network":
        old = answer(corpus_store, before.text, before.substitutions({"scope": "document"}))
        assert answer(corpus_store, *now.prepare({"scope": "document", "limit": "0"})) == old
    if name == "provenance-of":
        association = next(iter(corpus_store.query("SELECT ?a WHERE { ?a a kg:ActorInstrumentAssociation } LIMIT 1")))["a"].value
        old = answer(corpus_store, before.text, before.substitutions({"entity": association}))
        assert old and answer(corpus_store, *now.prepare({"entity": association, "limit": "0"})) == old


def test_no_saved_query_is_left_with_a_cut_of_its_page_in_the_text():
    for name, saved in QUERIES.items():
        if not saved.paged:
            assert not re.search(r"\bOFFSET\b", saved.text), f"{name}: OFFSET without limit/offset parameters"
