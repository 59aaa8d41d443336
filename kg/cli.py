"""The ``kg`` command: a thin layer over kg's library (build, query, export, info, validate, ...).

Start-up stays light: spaCy is imported only by ``kg build`` (inside :func:`kg.build.build`).
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import click

from kg import __version__
from kg.errors import FINDINGS, MODEL, NO_INPUT, OK, OUTPUT, PARTIAL, QUERY, STORE, USAGE
from kg.store import EXPORT_FORMATS, STORE_ENV, KGStore, StoreError, default_store_path

STORE_OPTION = click.option(
    "--store",
    "store_path",
    type=click.Path(path_type=Path),  # a file given here gets kg's own one-line STORE error
    envvar=STORE_ENV,
    default=None,
    help=f"Store directory (default: ./kg-store, or ${STORE_ENV}).",
)


def fail(message: str, code: int) -> "NoReturn":  # noqa: F821
    """Print a one-line error and exit with ``code`` (one of :mod:`kg.errors`)."""
    click.echo(f"Error: {' '.join(message.split())}", err=True)
    sys.exit(code)


#: The store this process opened, so a failure deep inside pyoxigraph can be blamed on it.
_opened_store: list[Path] = []


def announce_recovery(where: Path) -> None:
    """Say so before an open that replays a write-ahead log after a kill (it can take a while)."""
    from kg.check import recovery_pending

    if recovery_pending(where):
        click.echo("Opening store (recovering after an interrupted write)…", err=True)


def open_store(path: Path | None, *, read_only: bool) -> KGStore:
    where = path or default_store_path()
    announce_recovery(where)
    try:
        store = KGStore.open(where, read_only=read_only)
    except StoreError as error:
        fail(str(error), STORE)
    _opened_store.append(store.path)
    return store


class KGGroup(click.Group):
    """kg's command group: turns the failures a user can meet anywhere into one line and an exit code.

    A damaged store makes pyoxigraph raise ``OSError``/``RuntimeError`` from whatever call meets
    the damage first, so the translation is done once here rather than around every read. A
    closed pipe (``kg query ... | head``) ends the command quietly, as other Unix tools do.
    """

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            _quiet_after_broken_pipe()
        except StoreError as error:
            fail(str(error), STORE)
        except (OSError, RuntimeError) as error:
            if not _opened_store:
                raise
            fail(f"the store at {_opened_store[-1]} could not be read or written ({error}); "
                 "run 'kg check' to see what is wrong, and rebuild from the sources to recover (see README)", STORE)


def _quiet_after_broken_pipe() -> "NoReturn":  # noqa: F821
    """Exit quietly after the reader of stdout went away; stop Python's own flush-time complaint."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(OK)


@click.group(cls=KGGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """Build a knowledge graph of Dutch Kamerstukken and query it with SPARQL.

    \b
    Examples:
      kg build                         # the bundled sample Kamerstukken
      kg build ../shared/corpus        # a folder of Kamerstukken (.txt, .pdf, .html)
      kg queries                       # list the saved queries
      kg query entities --format csv   # run one
      kg sparql 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
      kg export --format trig -o kg.trig
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@STORE_OPTION
@click.option("--model", default=None, help="spaCy pipeline to use (default: nl_core_news_sm if installed, else rules-only).")
@click.option("--force", is_flag=True, help="Rebuild documents even when unchanged.")
@click.option("--base-uri", default=None, envvar="KG_BASE_URI", help="Base IRI of the graph (default: https://w3id.org/kamerstukken-kg/).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--workers", "-w", type=click.IntRange(min=1), default=None,
              help="Extraction processes (default: the machine's cores; 1 for a handful of documents).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Extract on a Dask cluster: tcp://HOST:8786, or 'local' for a LocalCluster of --workers processes.")
@click.option("--shards", "shard_dir", type=click.Path(path_type=Path, file_okay=False), default=None, metavar="DIR",
              help="Write N-Quads shards into DIR instead of a store (load them with 'kg load DIR').")
def build(paths: tuple[Path, ...], store_path: Path | None, model: str | None, force: bool, base_uri: str | None,
          quiet: bool, workers: int | None, scheduler: str | None, shard_dir: Path | None) -> None:
    """Extract Kamerstukken (files or folders) into the store.

    Reads PDF-extracted or saved web-page text (.txt), PDFs (.pdf) and web pages (.html, .htm);
    a folder is scanned for those suffixes. Without PATHS, builds the sample Kamerstukken bundled
    with kg. Each document gets its own named graph; unchanged documents are skipped unless --force.

    \b
    Examples:
      kg build
      kg build ../shared/corpus --store corpus-store
      kg build stukken/*.txt --force --base-uri https://data.example.nl/kst/
      kg build downloads/kst-35570-XV-45.pdf downloads/motie.html
      kg build corpus/ --workers 4
      kg build corpus/ --scheduler tcp://scheduler.example:8786
      kg build corpus/ --shards /shared/shards --scheduler tcp://scheduler.example:8786
    """
    import os

    from kg.build import build as run_build
    from kg.extract import SchedulerError
    from kg.pipeline import ModelNotFound
    from kg.vocab import DEFAULT_BASE, check_base

    try:
        base = check_base(base_uri or DEFAULT_BASE)
    except ValueError as error:
        fail(str(error), USAGE)

    progress = _progress("Extracting", quiet)

    if shard_dir is not None:
        if store_path is not None:
            fail("--shards writes shard files instead of a store; leave out --store (load the shards with 'kg load')", USAGE)
        _build_shards(paths, shard_dir, model, base, progress, workers, scheduler)
        return
    where = store_path or default_store_path()
    new_store = _first_missing(where)
    store = open_store(where, read_only=False)
    _one_base_per_store(store, base, force)
    try:
        report = run_build(
            store,
            list(paths) if paths else None,
            model=model,
            force=force,
            base=base,
            on_mode=lambda line: click.echo(line, err=True),
            progress=progress,
            workers=workers or os.cpu_count() or 1,
            scheduler=scheduler,
        )
    except ModelNotFound as error:
        _remove_if_new(store, new_store)
        fail(str(error), MODEL)
    except SchedulerError as error:
        _remove_if_new(store, new_store)
        fail(str(error), USAGE)
    _echo_warnings(report)
    if not report.documents:
        _remove_if_new(store, new_store)
        fail(_nothing_built(paths, report), NO_INPUT)
    entities = ", ".join(f"{n} {category}" for category, n in sorted(report.entities.items())) or "none"
    click.echo(
        f"Built {len(report.built)} document(s), skipped {len(report.skipped_unchanged)} unchanged, "
        f"{len(report.warnings)} warning(s); store {store.path} holds {report.triples} triples; "
        f"entities: {entities}; {report.seconds:.1f} s",
        err=True,
    )
    _exit_if_partial(report)


def _build_shards(paths, shard_dir: Path, model, base: str, progress, workers, scheduler) -> None:
    """``kg build --shards DIR``: the build's batches as shard files, and the same exit codes as a build."""
    import os

    from kg.build import build as run_build
    from kg.extract import SchedulerError
    from kg.pipeline import ModelNotFound

    try:
        report = run_build(None, list(paths) if paths else None, model=model, base=base, progress=progress,
                           on_mode=lambda line: click.echo(line, err=True), workers=workers or os.cpu_count() or 1,
                           scheduler=scheduler, shards=shard_dir)
    except ModelNotFound as error:
        fail(str(error), MODEL)
    except SchedulerError as error:
        fail(str(error), USAGE)
    except OSError as error:
        fail(f"writing shards into {shard_dir} failed ({error.strerror or error}); free disk space or choose another --shards DIR", OUTPUT)
    _echo_warnings(report)
    if not report.documents:
        fail(_nothing_built(paths, report), NO_INPUT)
    click.echo(
        f"Built {len(report.built)} document(s) into shards, skipped {len(report.skipped_unchanged)} already sharded "
        f"or copies, {len(report.warnings)} warning(s); {shard_dir} got {report.triples} quads; "
        f"load them with 'kg load {shard_dir}'; {report.seconds:.1f} s",
        err=True,
    )
    _exit_if_partial(report)


def _progress(label: str, quiet: bool):
    """A progress bar on stderr over a list of paths (none when quiet or for a single path)."""
    def progress(items):
        if quiet or len(items) < 2:
            yield from items
            return
        with click.progressbar(items, label=label, file=sys.stderr, item_show_func=lambda p: p.name if p else "") as bar:
            yield from bar
    return progress


def _echo_warnings(report) -> None:
    """A build's warnings, one line each, even for a file name holding a line break."""
    for warning in report.warnings:
        click.echo(f"Warning: {warning}".replace("\r", "\\r").replace("\n", "\\n"), err=True)


def _exit_if_partial(report) -> None:
    """Exit PARTIAL after the summary when some inputs could not be built (each was named in a warning)."""
    if report.failed:
        click.echo(f"Error: {len(report.failed)} input(s) could not be built (named above); the others were", err=True)
        sys.exit(PARTIAL)


def _one_base_per_store(store: KGStore, base: str, force: bool) -> None:
    """Refuse to add documents under ``base`` to a store built under another, unless --force starts it over."""
    from kg.check import store_bases

    others = [other for other in store_bases(store) if other != base]
    if not others:
        return
    if not force:
        fail(f"the store at {store.path} was built under base IRI {others[0]}, not {base}; pass --base-uri {others[0]}, "
             "or --force to rebuild it under the new base (documents not given again are dropped)", STORE)
    dropped = [g for g in store.store.named_graphs() if g.value.startswith(tuple(others))]
    for graph in dropped:
        store.remove_graph(graph)
    click.echo(f"Warning: removed {len(dropped)} graph(s) built under {', '.join(others)}; building under {base}", err=True)


def _nothing_built(paths: tuple[Path, ...], report) -> str:
    """Why a build gave nothing, in one line."""
    if report.failed:
        return f"none of the {len(report.failed)} input(s) could be built (each is named above); nothing was built"
    return f"no .txt documents found in {', '.join(map(str, paths))}; pass .txt files or folders holding them"


def _first_missing(path: Path) -> Path | None:
    """The outermost folder of ``path`` that does not exist yet (``path`` itself, or a missing parent); None if it exists."""
    missing = None
    for folder in (path, *path.parents):
        if folder.exists():
            break
        missing = folder
    return missing


def _remove_if_new(store: KGStore, new_store: Path | None) -> None:
    """Remove a store this very command created, and the folders it made for it, so a typo leaves nothing behind."""
    if new_store is not None:
        store.delete()
        shutil.rmtree(new_store, ignore_errors=True)


def _parse_params(params: tuple[str, ...]) -> dict[str, str]:
    parsed = {}
    for item in params:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            fail(f"--param takes KEY=VALUE, got {item!r}", USAGE)
        if key in parsed:
            fail(f"--param {key} is given twice ({parsed[key]!r} and {value!r}); give each parameter once", USAGE)
        parsed[key] = value
    return parsed


class OutputFailed(Exception):
    """Writing the results failed (disk full, device error); not the query's fault."""


class _GuardedOutput:
    """A binary stream whose write failures say they are output failures, not store or query ones."""

    def __init__(self, stream) -> None:
        self.stream = stream

    def write(self, data: bytes) -> int:
        return self._guard(self.stream.write, data)

    def flush(self) -> None:
        self._guard(self.stream.flush)

    def _guard(self, call, *args):
        try:
            return call(*args)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise OutputFailed(f"writing the output failed ({error.strerror or error}); free some space or write elsewhere with -o FILE") from None


#: Stands in for an entity written as a label or short id while the other parameters are checked.
_SHORT_ID_STANDIN = "urn:x-kg:short-id"


def _is_short_id(saved, key: str, value: str) -> bool:
    from kg.resolve import is_absolute_iri

    return any(p.name == key and p.type == "iri" for p in saved.params) and not is_absolute_iri(value)


def _entities_resolved(store: KGStore, saved, given: dict[str, str]) -> dict[str, str]:
    """``given`` with every IRI parameter written as a label or short id replaced by the entity's IRI."""
    from kg.resolve import EntityNotFound, resolve_params

    try:
        return resolve_params(store, saved, given)
    except EntityNotFound as error:
        fail(f"--param {error.param}: {error}", USAGE)


def _check_query_text(sparql: str, allow_service: bool) -> None:
    """Refuse, before running, what a local read-only query command must not do."""
    from kg.query_text import is_update, uses_service

    if is_update(sparql):
        fail("query commands are read-only; this is a SPARQL Update (INSERT/DELETE/LOAD/...), "
             "rebuild with 'kg build' to change the store", QUERY)
    if uses_service(sparql) and not allow_service:
        fail("the query has a SERVICE clause, which calls another SPARQL endpoint over the network; "
             "pass --allow-service to let it", QUERY)


def _stop_after(seconds: float | None) -> None:
    """Let the rest of this command run in a child process that is killed after ``seconds``.

    pyoxigraph evaluates a query without giving Python a chance to run (neither SIGALRM handlers
    nor watchdog threads fire while it works: measured), so the only way to stop a runaway query
    is to run it in a process of its own. The parent waits, passes on the child's exit code, or
    kills it and says so. Output goes straight from the child to stdout.
    """
    import os
    import signal
    import time

    if seconds is None:
        return
    sys.stdout.flush()
    sys.stderr.flush()
    child = os.fork()
    if child == 0:
        return  # the child carries on with the command
    deadline = time.monotonic() + seconds
    while True:
        done, status = os.waitpid(child, os.WNOHANG)
        if done:
            os._exit(os.waitstatus_to_exitcode(status) if not os.WIFSIGNALED(status) else QUERY)
        if time.monotonic() >= deadline:
            os.kill(child, signal.SIGKILL)
            os.waitpid(child, 0)
            click.echo(f"Error: the query ran longer than --timeout {seconds:g} s and was stopped; "
                       "narrow it (LIMIT, a more specific pattern) or give it more time", err=True)
            os._exit(QUERY)
        time.sleep(0.02)


def _run_and_write(store: KGStore, sparql: str, substitutions, fmt: str, limit: int | None, output, *,
                   wide: bool = False, allow_service: bool = False, offset: int | None = None) -> int:
    """Run the query and stream its result; an OSError is the store's (see KGGroup) unless a SERVICE call made it."""
    from kg.output import OutputError, write_result
    from kg.query_text import uses_service

    remote = allow_service and uses_service(sparql)

    try:
        result = store.query(sparql, substitutions=substitutions)
    except SyntaxError as error:
        fail(f"malformed SPARQL: {error}", QUERY)
    stream = _GuardedOutput(output if output is not None else sys.stdout.buffer)
    # A person at a terminal gets columns cut to fit (unless --wide); a pipe or file gets full values.
    width = None if wide or output is not None or not sys.stdout.isatty() else shutil.get_terminal_size((120, 24)).columns
    try:
        count = write_result(result, fmt, stream, limit=limit, width=width, offset=offset)
        stream.flush()
    except OutputError as error:
        fail(str(error), USAGE)
    except OutputFailed as error:
        fail(str(error), OUTPUT)
    except SyntaxError as error:  # raised lazily by some evaluation errors
        fail(f"query failed: {error}", QUERY)
    except RuntimeError as error:
        fail(f"query failed: {error}", QUERY)
    except OSError as error:
        if not remote:
            raise
        fail(f"query failed: a SERVICE call failed ({error})", QUERY)
    if count == 0:
        click.echo("(no results)", err=True)
    return count


FORMAT_OPTION = click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "xml", "turtle", "ntriples", "jsonld"]),
    default="table", show_default=True, help="table for people; csv/tsv/json/xml are SPARQL 1.1 results; turtle/ntriples/jsonld for CONSTRUCT/DESCRIBE.",
)
LIMIT_OPTION = click.option("--limit", type=click.IntRange(min=0), default=None, help="At most this many rows.")
PAGE_LIMIT_OPTION = click.option(
    "--limit", type=click.IntRange(min=0), default=None,
    help="At most this many rows; a paged query (limit/offset parameters) computes only that page (0: all).")
OFFSET_OPTION = click.option("--offset", type=click.IntRange(min=0), default=None, help="Skip this many rows first (the next page).")
ALL_OPTION = click.option("--all", "all_rows", is_flag=True, help="Every row: a paged query computes its whole answer (same as --limit 0).")
QUERIES_OPTION = click.option(
    "--queries", "query_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path),
    help="Extra folder of .rq files (repeatable; also $KG_QUERIES).",
)
OUTPUT_OPTION = click.option("-o", "--output", type=click.File("wb"), default=None, help="Write to FILE instead of stdout.")


def run_options(command):
    """--timeout, --allow-service and --wide: how a query command may run and print."""
    command = click.option("--wide", is_flag=True, help="On a terminal, print full values instead of cutting columns to fit.")(command)
    command = click.option("--allow-service", is_flag=True,
                           help="Let SERVICE clauses call other SPARQL endpoints over the network (off by default).")(command)
    return click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None, metavar="SECONDS",
                        help="Stop the query after SECONDS (exit 5).")(command)


@main.command()
@click.argument("name")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="Bind a query parameter (repeatable).")
@FORMAT_OPTION
@PAGE_LIMIT_OPTION
@OFFSET_OPTION
@ALL_OPTION
@QUERIES_OPTION
@STORE_OPTION
@OUTPUT_OPTION
@run_options
def query(name: str, params: tuple[str, ...], fmt: str, limit: int | None, offset: int | None, all_rows: bool,
          query_dirs, store_path, output, timeout: float | None, allow_service: bool, wide: bool) -> None:
    """Run a saved query by NAME (see 'kg queries'), or a .rq file by path.

    A paged query (one with limit and offset parameters: mentions-of, entities, …) answers one page,
    100 rows unless it says otherwise; --limit N --offset M picks another, --all (or --limit 0) every row.

    \b
    Examples:
      kg query documents
      kg query entities --all --format csv > entities.csv
      kg query mentions-of --param entity=https://w3id.org/kamerstukken-kg/id/organisatie/uwv --offset 100
      kg query ./my-query.rq --format json
    """
    from kg.saved_queries import PAGE_PARAMS, QueryError, resolve_query

    if all_rows and limit:
        fail("--all and --limit N ask for different pages; give one of them", USAGE)
    if all_rows:
        limit = 0
    try:
        saved = resolve_query(name, list(query_dirs))
        given = _parse_params(params)
        page = {"limit": limit, "offset": offset}
        if saved.paged:
            for key in PAGE_PARAMS:
                if page[key] is not None:
                    if key in given and given[key] != str(page[key]):
                        raise QueryError(f"--{key} {page[key]} and --param {key}={given[key]} disagree; give one of them")
                    given[key] = str(page[key])
            limit = offset = None  # the query computes the page itself
        # Unknown, missing or malformed parameters fail before the store opens; short ids resolve after.
        saved.substitutions({key: _SHORT_ID_STANDIN if _is_short_id(saved, key, value) else value for key, value in given.items()})
    except QueryError as error:
        fail(str(error), USAGE)
    _check_query_text(saved.text, allow_service)
    _stop_after(timeout)
    store = open_store(store_path, read_only=True)
    try:
        text, substitutions = saved.prepare(_entities_resolved(store, saved, given))
    except QueryError as error:
        fail(str(error), USAGE)
    count = _run_and_write(store, text, substitutions, fmt, limit, output, wide=wide, allow_service=allow_service,
                           offset=offset)
    if saved.paged and "limit" not in given and count == saved.page_defaults()[0]:
        shown = int(given.get("offset", saved.page_defaults()[1]))
        click.echo(f"(one page: rows {shown + 1}–{shown + count}; --offset {shown + count} for the next, --all for every row)",
                   err=True)


@main.command(name="queries")
@QUERIES_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def list_queries(query_dirs, fmt: str) -> None:
    """List the saved queries with one-line descriptions.

    \b
    Examples:
      kg queries
      kg queries --queries ./my-queries --format json
    """
    from kg.output import format_table
    from kg.saved_queries import QueryError, saved_queries

    try:
        queries = saved_queries(list(query_dirs))
    except QueryError as error:
        fail(str(error), USAGE)
    if fmt == "json":
        click.echo(json.dumps([
            {"name": q.name, "title": q.title, "description": q.description, "path": q.path, "builtin": q.builtin,
             "params": [{"name": p.name, "type": p.type, "required": p.required, "default": p.default, "help": p.help} for p in q.params],
             "examples": list(q.examples)}
            for q in queries.values()
        ], indent=2, ensure_ascii=False))
        return
    rows = []
    for q in queries.values():
        params = " ".join(f"{p.name}={'…' if p.required else p.default or ''}".rstrip("=") for p in q.params)
        rows.append([q.name + ("" if q.builtin else " *"), q.description or q.title, params])
    click.echo(format_table(["name", "description", "parameters"], rows), nl=False)


@main.command()
@click.argument("query_text", metavar="QUERY")
@FORMAT_OPTION
@LIMIT_OPTION
@STORE_OPTION
@OUTPUT_OPTION
@run_options
def sparql(query_text: str, fmt: str, limit: int | None, store_path, output, timeout: float | None,
           allow_service: bool, wide: bool) -> None:
    """Run an ad-hoc SPARQL QUERY: text, @file.rq, or - for stdin.

    Common prefixes (kg, dcterms, skos, nif, org, foaf, prov, ...) are predeclared.

    \b
    Examples:
      kg sparql 'SELECT ?doc ?id WHERE { ?doc dcterms:identifier ?id }'
      kg sparql @queries/my.rq --format csv
      echo 'ASK { ?s a kg:Kamerstuk }' | kg sparql -
    """
    if query_text == "-":
        query_text = sys.stdin.read()
    elif query_text.startswith("@"):
        path = Path(query_text[1:])
        if not path.is_file():
            fail(f"query file {path} not found", USAGE)
        query_text = path.read_text(encoding="utf-8")
    if not query_text.strip():
        fail("empty query; pass SPARQL text, @file.rq or - for stdin", USAGE)
    _check_query_text(query_text, allow_service)
    _stop_after(timeout)
    store = open_store(store_path, read_only=True)
    _run_and_write(store, query_text, None, fmt, limit, output, wide=wide, allow_service=allow_service)


@main.command()
@click.option("--format", "fmt", type=click.Choice(list(EXPORT_FORMATS)), default="turtle", show_default=True,
              help="trig/nquads keep the named graphs; turtle/ntriples/jsonld (compact, kg's context) give their union.")
@click.option("--with-default-graph", is_flag=True,
              help="trig/nquads: add the default graph (the merge of the named graphs); left out by default so "
                   "stores that read the default graph as the union count each triple once.")
@OUTPUT_OPTION
@STORE_OPTION
def export(fmt: str, with_default_graph: bool, output, store_path) -> None:
    """Export the whole graph, deterministically (same input, same bytes).

    \b
    Examples:
      kg export > kg.ttl
      kg export --format trig -o kg.trig
      kg export --format nquads | gzip > kg.nq.gz
      kg export --format jsonld -o kg.jsonld
    """
    store = open_store(store_path, read_only=True)
    stream = _GuardedOutput(output if output is not None else sys.stdout.buffer)
    try:
        store.export(fmt, stream, with_default_graph=with_default_graph)
        stream.flush()
    except OutputFailed as error:
        fail(str(error), OUTPUT)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@STORE_OPTION
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def load(paths: tuple[Path, ...], store_path, quiet: bool) -> None:
    """Bulk-load N-Quads shards written by 'kg build --shards' into the store.

    PATHS are shard files or folders of them (every *.nq file inside). The store ends up as a
    build of the same documents would leave it: document graphs, their merge, the ontology and
    the dataset description. Every shard is checked before the store changes.

    \b
    Examples:
      kg build corpus/ --shards shards/ && kg load shards/ --store corpus-store
      kg load /shared/shards/ --store kg-store        # written by Dask workers elsewhere
      kg load shards/documents-1f3c*.nq shards/ontology-*.nq
    """
    from kg.load import ShardError, load as run_load

    where = store_path or default_store_path()
    new_store = _first_missing(where)
    store = open_store(where, read_only=False)

    progress = _progress("Loading", quiet)

    try:
        report = run_load(store, paths, progress=progress)
    except ShardError as error:
        _remove_if_new(store, new_store)
        fail(str(error), NO_INPUT if error.missing else USAGE)
    _echo_warnings(report)
    click.echo(f"Loaded {report.shards} shard(s), {report.graphs} graph(s), {report.quads} quads; "
               f"store {store.path} holds {report.triples} triples; {report.seconds:.1f} s", err=True)


@main.command()
@STORE_OPTION
def compact(store_path) -> None:
    """Rewrite the store as one bulk load of its quads, to bring it back to bulk-load size.

    A large build writes its documents in batches, and each batch leaves files of its own (about
    twice the size of a bulk-loaded store). Compacting needs free disk for one N-Quads dump and
    one copy of the store, and takes about as long as exporting and loading it.

    \b
    Examples:
      kg compact --store corpus-store
    """
    store = open_store(store_path, read_only=False)
    before = store.size()
    store.rewrite()
    click.echo(f"Compacted {store.path}: {before / 1e6:.1f} MB -> {store.size() / 1e6:.1f} MB", err=True)


@main.command()
@STORE_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def info(store_path, fmt: str) -> None:
    """Versions, NLP mode, store path, and counts per named graph and per class.

    \b
    Examples:
      kg info
      kg info --format json
    """
    from kg.info import gather_info, format_info

    announce_recovery(store_path or default_store_path())
    data = gather_info(store_path or default_store_path())
    click.echo(json.dumps(data, indent=2, ensure_ascii=False) if fmt == "json" else format_info(data), nl=fmt == "json")
    if "store_error" in data:
        sys.exit(STORE)


@main.command()
@STORE_OPTION
def validate(store_path) -> None:
    """Check the graph against kg's SHACL shapes; exits 1 on violations.

    \b
    Examples:
      kg validate
      kg validate --store corpus-store
    """
    from kg.validate import validate as run_validate

    store = open_store(store_path, read_only=True)
    report = run_validate(store.store, on_progress=lambda line: click.echo(line, err=True))
    click.echo(report.text)
    if not report.conforms:
        sys.exit(FINDINGS)


@main.command()
@STORE_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (127.0.0.1: this machine only).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="TCP port.")
@click.option("--base-uri", default=None, envvar="KG_BASE_URI", help="Base IRI of the graph (default: the one the store was built under).")
@click.option("--public-url", default=None, help="Where clients reach this server, for the VoID's endpoint and dump links (default: the base IRI).")
@click.option("--timeout", type=click.FloatRange(min=0.01), default=5.0, show_default=True, help="Seconds a SPARQL query may run before it is stopped.")
@click.option("--max-rows", type=click.IntRange(min=1), default=10_000, show_default=True, help="At most this many result rows (or triples) per query.")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True, help="Query worker processes (a runaway query holds one until --timeout).")
@QUERIES_OPTION
def serve(store_path, host: str, port: int, base_uri: str | None, public_url: str | None, timeout: float, max_rows: int,
          workers: int, query_dirs) -> None:
    """Serve the store as linked data: SPARQL endpoint, saved queries, IRIs, HTML pages, VoID, dumps.

    The store is opened read-only. /id/TYPE/REF answers 303 to /doc/TYPE/REF (HTML, Turtle,
    JSON-LD, N-Triples, TriG, N-Quads by Accept or suffix); /sparql speaks the SPARQL 1.1
    Protocol; /queries lists the saved queries; /.well-known/void describes the dataset.

    \b
    Examples:
      kg serve --store corpus-store
      kg serve --port 8080 --timeout 10 --max-rows 50000
      kg build --base-uri http://127.0.0.1:8000/ --store local && kg serve --store local
    """
    import uvicorn

    from kg.vocab import check_base
    from kg.web import ServeConfig, create_app
    from kg.web.app import BaseMismatch

    try:
        for iri in (base_uri, public_url):
            if iri is not None:
                check_base(iri)
        config = ServeConfig(base_uri, public_url, timeout, max_rows, workers, tuple(str(d) for d in query_dirs))
        app = create_app(store_path or default_store_path(), config)
    except StoreError as error:
        fail(str(error), STORE)
    except BaseMismatch as error:
        fail(str(error), STORE)
    except ValueError as error:  # a malformed base IRI
        fail(str(error), USAGE)
    import socket

    try:  # a taken port: one line and an exit code, before uvicorn logs it its own way
        with socket.create_server((host, port)):
            pass
    except OSError as error:
        fail(f"cannot listen on {host}:{port} ({error.strerror or error}); choose another --port or --host", USAGE)
    click.echo(f"Serving {app.state.base} from {store_path or default_store_path()} at http://{host}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


@main.command()
@click.argument("out_dir", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@STORE_OPTION
@click.option("--base-uri", default=None, envvar="KG_BASE_URI", help="Base IRI of the graph (default: the one the store was built under).")
@click.option("--public-url", default=None, help="Where the site will be reachable, for the VoID's dump links (default: the base IRI).")
@click.option("--force", is_flag=True, help="Write into DIR even when it is not empty.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def publish(out_dir: Path, store_path, base_uri: str | None, public_url: str | None, force: bool, quiet: bool) -> None:
    """Write the graph as a static linked-data site: DIR/site (pages, .ttl/.jsonld/.nt per resource, dumps, VoID) and DIR/nginx.conf.

    The nginx config answers /id/... with 303 to /doc/... and picks the page or description by Accept.

    \b
    Examples:
      kg publish public --store corpus-store
      kg publish public --public-url https://data.example.nl/kamerstukken/ --force
    """
    from kg.publish import publish as run_publish
    from kg.web.app import BaseMismatch
    from kg.vocab import check_base

    if out_dir.exists() and any(out_dir.iterdir()) and not force:
        fail(f"{out_dir} is not empty; choose another DIR or pass --force to write into it", USAGE)
    store = open_store(store_path, read_only=True)

    def progress(items):
        if quiet or len(items) < 2:
            yield from items
            return
        with click.progressbar(items, label="Publishing", file=sys.stderr) as bar:
            yield from bar

    try:
        if public_url is not None:
            check_base(public_url)
        report = run_publish(store, out_dir, base=base_uri, public_url=public_url, progress=progress)
    except BaseMismatch as error:
        fail(str(error), STORE)
    except ValueError as error:  # a malformed base IRI
        fail(str(error), USAGE)
    except OSError as error:
        fail(f"cannot write {out_dir}: {error.strerror or error}; check the path and free space", OUTPUT)
    click.echo(f"Wrote {report.pages} resource pages, {report.files} files to {report.site}; nginx config: {report.nginx_config}", err=True)


@main.command()
@STORE_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def check(store_path, fmt: str) -> None:
    """Check that the store is whole and kg's bookkeeping in it consistent; exits 1 on problems.

    Reads every quad (damaged files show), and checks that no build was interrupted, that the
    ontology and dataset graphs are there and up to date, that every document graph carries its
    finished build activity and source file, that kg's record of where files were read is
    readable, and that the default graph is the merge of the named graphs. To recover from a problem, rebuild from the sources (README: "When things go wrong").

    \b
    Examples:
      kg check
      kg check --store corpus-store --format json
    """
    from dataclasses import asdict

    from kg.check import check_store

    store = open_store(store_path, read_only=True)
    report = check_store(store)
    if fmt == "json":
        click.echo(json.dumps({**asdict(report), "consistent": report.consistent}, indent=2, ensure_ascii=False))
    else:
        click.echo(report.text(), nl=False)
    if not report.consistent:
        sys.exit(FINDINGS)


@main.command()
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("ontology-docs"),
              show_default=True, help="Folder to write the documentation to.")
@click.option("--format", "fmt", type=click.Choice(["html", "markdown"]), default="html", show_default=True)
@click.option("--base-uri", default=None, envvar="KG_BASE_URI", help="Base IRI the concept IRIs are shown under.")
def ontology(out_dir: Path, fmt: str, base_uri: str | None) -> None:
    """Write human-readable documentation of kg's ontology and concept schemes.

    \b
    Examples:
      kg ontology -o docs/ontology
      kg ontology --format markdown -o docs
    """
    from kg.ontology_docs import write_docs
    from kg.vocab import DEFAULT_BASE, check_base

    try:
        base = check_base(base_uri or DEFAULT_BASE)
    except ValueError as error:
        fail(str(error), USAGE)
    written = write_docs(out_dir, fmt=fmt, base=base)
    click.echo(f"Wrote {written}", err=True)


@main.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@STORE_OPTION
@click.option("--misses", is_flag=True, help="Also list every missed gold entity and every spurious prediction, per document.")
def evaluate(gold_dir: Path, store_path, misses: bool) -> None:
    """Score the store's entities against gold annotations: precision, recall, F1 per category, macro F1.

    A found entity matches a gold entity by its label or any vocabulary label of the concept kg
    linked it to; persons match by name parts (surname with tussenvoegsel, compatible initials).

    \b
    Examples:
      kg build ../shared/corpus --store corpus-store
      kg evaluate tests/gold/corpus --store corpus-store
      kg evaluate tests/gold/corpus --store corpus-store --misses
    """
    from kg.evaluate import GoldError, evaluate as run_evaluate, format_misses, format_report, load_gold
    from kg.saved_queries import resolve_query

    try:
        gold = load_gold(gold_dir)
    except GoldError as error:
        fail(str(error), NO_INPUT)
    store = open_store(store_path, read_only=True)
    rows = [{k: (s[k].value if s[k] is not None else "") for k in ("document", "source", "category", "entity", "label")}
            for s in store.query(resolve_query("entities").paged_text(limit=0))]
    labels: dict[str, list[str]] = {}
    for solution in store.query(resolve_query("entity-labels").text):
        labels.setdefault(solution["entity"].value, []).append(solution["label"].value)
    for row in rows:
        row["labels"] = labels.get(row["entity"], [])
    result = run_evaluate(rows, gold)
    click.echo(format_report(result), nl=False)
    if misses:
        click.echo(format_misses(result), nl=False)


if __name__ == "__main__":
    main()
