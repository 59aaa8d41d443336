"""KGStore's write paths: bulk-loaded fresh graphs (in runs), diff replacement, and the merged default graph in step."""

from __future__ import annotations

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat, serialize

from kg.store import GraphWriter, KGStore

EX = "https://example.org/"
SHARED = (NamedNode(EX + "kamerstuk/1"), NamedNode(EX + "label"), Literal("1"))


def graph(name: str) -> NamedNode:
    return NamedNode(EX + "graph/" + name)


def quads(name: str, *extra: str) -> list[Quad]:
    g = graph(name)
    own = [Quad(NamedNode(EX + name), NamedNode(EX + "says"), Literal(text), g) for text in (name, *extra)]
    return own + [Quad(*SHARED, g)]


def default_triples(store: KGStore) -> set[str]:
    return {str(q.triple) for q in store.store.quads_for_pattern(None, None, None, DefaultGraph())}


def named_triples(store: KGStore) -> set[str]:
    return {str(q.triple) for q in store.store if not isinstance(q.graph_name, DefaultGraph)}


def test_a_batch_of_fresh_graphs_lands_with_their_merge(tmp_path):
    store = KGStore.open(tmp_path / "store")
    store.write_graphs([(graph("a"), quads("a")), (graph("b"), quads("b"))])
    assert len(list(store.store.quads_for_pattern(None, None, None, graph("a")))) == 2
    assert default_triples(store) == named_triples(store)
    assert len(default_triples(store)) == 3  # the shared triple once


def test_replacing_is_idempotent_and_keeps_the_merge_exact(tmp_path):
    store = KGStore.open(tmp_path / "store")
    store.write_graphs([(graph("a"), quads("a", "old")), (graph("b"), quads("b"))])
    before = sorted(str(q) for q in store.store)
    store.write_graphs([(graph("a"), quads("a", "old"))])
    assert sorted(str(q) for q in store.store) == before

    store.replace_graph(graph("a"), quads("a", "new"))
    texts = {q.object.value for q in store.store.quads_for_pattern(None, NamedNode(EX + "says"), None, graph("a"))}
    assert texts == {"a", "new"}
    assert default_triples(store) == named_triples(store)  # "old" left the merge, the shared triple stayed


def test_removing_a_graph_keeps_what_others_still_hold(tmp_path):
    store = KGStore.open(tmp_path / "store")
    store.write_graphs([(graph("a"), quads("a")), (graph("b"), quads("b"))])
    store.remove_graph(graph("a"))
    assert not store.store.contains_named_graph(graph("a"))
    assert default_triples(store) == named_triples(store)
    assert any(q.triple.subject == SHARED[0] for q in store.store.quads_for_pattern(None, None, None, DefaultGraph()))


def test_build_keys_read_every_document_graph_at_once(tmp_path):
    store = KGStore.open(tmp_path / "store")
    generated_by = NamedNode("http://www.w3.org/ns/prov#wasGeneratedBy")
    batch = [(graph(n), [Quad(graph(n), generated_by, NamedNode(EX + f"build/{n}/k"), graph(n))]) for n in "abc"]
    store.write_graphs(batch)
    assert store.build_keys() == {graph(n).value: EX + f"build/{n}/k" for n in "abc"}


def test_rewrite_keeps_every_quad_and_shrinks_a_store_written_in_many_batches(tmp_path):
    store = KGStore.open(tmp_path / "store")
    for n in range(30):
        store.write_graphs([(graph(f"d{n}"), quads(f"d{n}", *(f"text {n} {i}" for i in range(50))))])
    store.compact()
    (store.path / "kg-build-in-progress").write_text("marker\n")
    before = sorted(str(q) for q in store.store)
    size = sum(f.stat().st_size for f in store.path.iterdir())
    store.rewrite()
    assert sorted(str(q) for q in store.store) == before
    assert sum(f.stat().st_size for f in store.path.iterdir()) < size
    assert (store.path / "kg-build-in-progress").exists()  # kg's own files come along


def test_a_rewrite_killed_between_its_renames_is_undone_on_open(tmp_path):
    store = KGStore.open(tmp_path / "store")
    store.write_graphs([(graph("a"), quads("a"))])
    store.flush()
    expected = sorted(str(q) for q in store.store)
    del store
    (tmp_path / "store").rename(tmp_path / "store.replaced")  # the state right after the first rename
    reopened = KGStore.open(tmp_path / "store", read_only=True)
    assert sorted(str(q) for q in reopened.store) == expected


# -- GraphWriter: what a build and 'kg load' write through ----------------------------------------

def nquads(name: str, *extra: str) -> bytes:
    return serialize(quads(name, *extra), format=RdfFormat.N_QUADS)


def every_quad(store: KGStore) -> list[str]:
    return sorted(str(q) for q in store.store)


def test_runs_of_any_size_leave_the_store_one_run_leaves(tmp_path):
    names = [f"d{n}" for n in range(12)]
    one = KGStore.open(tmp_path / "one")
    with GraphWriter(one) as writer:
        for name in names:
            writer.add(graph(name), nquads(name, "x", "y"))
    many = KGStore.open(tmp_path / "many")
    with GraphWriter(many, run_quads=5) as writer:  # a bulk load every document or two
        for name in names:
            writer.add(graph(name), nquads(name, "x", "y"))
    assert every_quad(one) == every_quad(many)
    assert default_triples(many) == named_triples(many)
    assert writer.quads == 12 * 4
    assert list((tmp_path / "many").glob(".run-*"))  # a first write into an empty store keeps its runs ...
    many.drop_runs()
    assert not list((tmp_path / "many").glob(".run-*"))  # ... until the build is done with them


def test_the_writer_replaces_graphs_present_and_is_idempotent(tmp_path):
    store = KGStore.open(tmp_path / "store")
    with GraphWriter(store) as writer:
        writer.add(graph("a"), nquads("a", "old"))
        writer.add(graph("b"), nquads("b"))
    before = every_quad(store)
    with GraphWriter(store) as writer:
        writer.add(graph("a"), nquads("a", "old"))
    assert every_quad(store) == before
    with GraphWriter(store) as writer:
        writer.add(graph("a"), nquads("a", "new"))
        writer.add(graph("c"), nquads("c"))
    texts = {q.object.value for q in store.store.quads_for_pattern(None, NamedNode(EX + "says"), None, graph("a"))}
    assert texts == {"a", "new"}
    assert default_triples(store) == named_triples(store)


def test_a_graph_given_twice_in_one_run_keeps_its_later_version(tmp_path):
    store = KGStore.open(tmp_path / "store")
    with GraphWriter(store) as writer:
        writer.add(graph("a"), nquads("a", "first"))
        writer.add(graph("a"), nquads("a", "second"))
    texts = {q.object.value for q in store.store.quads_for_pattern(None, NamedNode(EX + "says"), None, graph("a"))}
    assert texts == {"a", "second"}
    assert default_triples(store) == named_triples(store)


def test_a_failing_build_leaves_whole_documents_only(tmp_path):
    store = KGStore.open(tmp_path / "store")
    try:
        with GraphWriter(store, run_quads=6) as writer:
            writer.add(graph("a"), nquads("a", "x"))  # 3 lines + 3 merge lines: a run of its own
            writer.add(graph("b"), nquads("b"))  # pending when the build fails
            raise KeyboardInterrupt
    except KeyboardInterrupt:
        pass
    assert {g.value for g in store.store.named_graphs()} == {graph("a").value}
    assert len(list(store.store.quads_for_pattern(None, None, None, graph("a")))) == 3
    assert default_triples(store) == named_triples(store)
    assert not list((tmp_path / "store").glob(".run-*"))


def test_a_first_build_and_a_build_in_steps_give_the_same_export(tmp_path, monkeypatch):
    """The empty-store path (every document in one run) and the incremental path (graphs added to
    a store that holds others, and the dataset description recomputed) give the same bytes."""
    import shutil

    from kg.build import build, sample_paths

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    paths = sample_paths()
    first = KGStore.open(tmp_path / "first")
    build(first, paths)
    steps = KGStore.open(tmp_path / "steps")
    build(steps, paths[:2])
    build(steps, paths[:4])
    build(steps, paths)
    assert steps.export("nquads", with_default_graph=True) == first.export("nquads", with_default_graph=True)
    shutil.rmtree(tmp_path / "first")


# -- the rewrite after a first write: from the kept runs, not from a dump ----------------------------

class NoDump:
    """A store that refuses to be dumped (everything else goes to the real one)."""

    def __init__(self, store):
        self._store = store

    def dump(self, *args, **kwargs):
        raise AssertionError("the rewrite dumped the store")

    def __getattr__(self, name):
        return getattr(self._store, name)


def first_write(tmp_path) -> KGStore:
    """An empty store written as a first build writes it: runs of documents, then a shared graph
    bulk-written after them (as the totals and the description are) and an empty graph."""
    store = KGStore.open(tmp_path / "store")
    with GraphWriter(store, run_quads=5) as writer:
        for n in range(12):
            writer.add(graph(f"d{n}"), nquads(f"d{n}", "x", f"y{n}"))
    store.write_graphs([(graph("shared"), quads("shared", "total"))])
    store.store.add_graph(graph("empty"))
    return store


def test_a_rewrite_after_a_first_write_loads_the_kept_runs_instead_of_a_dump(tmp_path):
    store = first_write(tmp_path)
    before, graphs = every_quad(store), {g.value for g in store.store.named_graphs()}
    assert len(list((tmp_path / "store").glob(".run-*"))) > 1  # one file per run, kept
    store.store = NoDump(store.store)
    store.rewrite()
    assert every_quad(store) == before
    assert {g.value for g in store.store.named_graphs()} == graphs  # the empty graph too
    assert default_triples(store) == named_triples(store)
    assert not list((tmp_path / "store").glob(".run-*"))
    store.flush()
    del store
    assert every_quad(KGStore.open(tmp_path / "store", read_only=True)) == before


def test_a_change_in_place_drops_the_kept_runs_and_the_rewrite_dumps(tmp_path):
    store = first_write(tmp_path)
    store.replace_graph(graph("d3"), quads("d3", "changed"))  # an update: the runs no longer hold the store
    assert not list((tmp_path / "store").glob(".run-*"))
    before = every_quad(store)
    store.rewrite()
    assert every_quad(store) == before and "changed" in " ".join(before)


def test_a_write_that_replaces_a_graph_keeps_no_runs(tmp_path):
    store = KGStore.open(tmp_path / "store")
    with GraphWriter(store, run_quads=5) as writer:
        writer.add(graph("a"), nquads("a", "first"))
        writer.add(graph("b"), nquads("b"))
        writer.add(graph("a"), nquads("a", "second"))  # replaced in place
    assert not list((tmp_path / "store").glob(".run-*"))
    with GraphWriter(store) as writer:  # and a store that holds graphs already keeps none either
        writer.add(graph("c"), nquads("c"))
    assert not list((tmp_path / "store").glob(".run-*"))


def test_a_failed_rewrite_from_the_runs_leaves_the_store_as_it_was(tmp_path, monkeypatch):
    import pytest

    store = first_write(tmp_path)
    before = every_quad(store)

    def full_disk(self, copy, scratch):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(KGStore, "_load_runs", full_disk)
    with pytest.raises(OSError):
        store.rewrite()
    assert every_quad(store) == before
    assert not (tmp_path / "store.compacting").exists()
    assert not list((tmp_path / "store").glob(".run-*"))


def test_an_own_graph_is_replaced_by_its_difference_with_the_merge_in_step(tmp_path):
    """The totals graph's rewrite: what only the old graph held leaves it and the merge, what is new
    arrives in both, a literal with a line break and one beyond Latin-1 included, repeats count once."""
    store = KGStore.open(tmp_path / "store")
    g = NamedNode(EX + "graph/totals")
    node = NamedNode(EX + "total/1")

    def own(*texts: str) -> list[Quad]:
        return [Quad(node, NamedNode(EX + "says"), Literal(text), g) for text in texts]

    assert store.replace_own_graph(g, own("a", "b\nc", "Ağaoğlu")) == 3
    assert store.replace_own_graph(g, own("b\nc", "Ağaoğlu", "d", "d")) == 3
    says = {q.object.value for q in store.store.quads_for_pattern(node, None, None, g)}
    assert says == {"b\nc", "Ağaoğlu", "d"}
    assert default_triples(store) == named_triples(store)
    assert store.replace_own_graph(g, own("d")) == 1
    assert default_triples(store) == named_triples(store) == {str(q.triple) for q in own("d")}
