"""The ASGI application behind ``kg serve``: SPARQL endpoint, saved queries, dereferenceable IRIs, pages, VoID, dumps.

IRIs follow the Dutch URI strategy: ``{base}id/{type}/{ref}`` names a thing and answers 303 See
Other to ``{base}doc/{type}/{ref}``, the page about it, which speaks HTML, Turtle, JSON-LD,
N-Triples (and TriG/N-Quads, which keep each statement's named graph). The server answers for
the base's paths at its own root, so it works both at the base itself and behind a redirect.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from importlib.resources import files
from pathlib import Path

import anyio.to_thread
from pyoxigraph import NamedNode, Quad
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from kg.store import KGStore
from kg.vocab import DEFAULT_BASE, check_base
from kg.web import describe
from kg.web.config import DUMPS, ServeConfig
from kg.web.html import render
from kg.web.negotiation import BY_NAME, BY_SUFFIX, DATASET_FORMATS, GRAPH_FORMATS, HTML, choose, format_param
from kg.web.pool import QueryPool
from kg.web.sparql import SparqlEndpoint, wants_html
from kg.web.views import Site, Views

DOC_FORMATS = (HTML, *GRAPH_FORMATS, *DATASET_FORMATS)
DATA_FORMATS = (*GRAPH_FORMATS, *DATASET_FORMATS)


class BaseMismatch(ValueError):
    """The --base-uri differs from the IRI space the store was built under."""


def store_base(store: KGStore, requested: str | None) -> str:
    """The base IRI to serve: ``requested`` (checked against the store's ``void:uriSpace``) or the store's own."""
    built = None
    for row in store.query("SELECT ?u WHERE { GRAPH ?g { ?ds void:uriSpace ?u } } LIMIT 1"):
        built = row["u"].value
    if requested is None:
        return check_base(built or DEFAULT_BASE)
    requested = check_base(requested)
    if built and built != requested:
        raise BaseMismatch(
            f"the store was built under the base IRI {built}, not {requested}; "
            f"serve it with --base-uri {built} or rebuild with 'kg build --base-uri {requested} --force'"
        )
    return requested


def dataset_description(store: KGStore, base: str, public: str) -> list[Quad]:
    """The VoID/DCAT description with this server's endpoint and dumps."""
    from kg.dataset import describe_dataset

    dumps = [f"{public}dumps/{name}" for name in DUMPS]
    return describe_dataset(store.store, base, dumps=dumps, sparql_endpoint=f"{public}sparql")


def json_ld_context() -> bytes | None:
    """kg's JSON-LD context, when the installed ontology package ships one."""
    resource = files("kg.ontology").joinpath("context.jsonld")
    return resource.read_bytes() if resource.is_file() else None


def _split_suffix(path: str) -> tuple[str, str | None]:
    for suffix, fmt in BY_SUFFIX.items():
        if path.endswith(suffix):
            return path[: -len(suffix)], fmt.name
    return path, None


class _ChunkWriter:
    """A file-like sink handing what an export writes to a streaming response, a bounded queue at a time.

    When the client goes away the response sets ``cancelled``; the next write raises, which ends the export.
    """

    def __init__(self) -> None:
        self.chunks: queue.Queue = queue.Queue(maxsize=32)
        self.cancelled = threading.Event()

    def _put(self, item) -> bool:
        """Queue ``item`` as soon as there is room; False when the reader went away first."""
        while not self.cancelled.is_set():
            try:
                self.chunks.put(item, timeout=1)
                return True
            except queue.Full:
                continue
        return False

    def write(self, data) -> int:
        if not self._put(bytes(data)):
            raise BrokenPipeError("the client stopped reading the dump")
        return len(data)

    def write_end(self) -> None:
        self._put(None)

    def flush(self) -> None:
        pass


def stream_export(store: KGStore, fmt: str):
    """Yield the export of ``store`` as ``fmt`` while a thread writes it (memory: what the export itself holds)."""
    sink = _ChunkWriter()

    def produce() -> None:
        try:
            store.export(fmt, sink)
        except BrokenPipeError:
            pass
        finally:
            sink.write_end()

    threading.Thread(target=produce, daemon=True, name="kg-dump").start()
    try:
        while (chunk := sink.chunks.get()) is not None:
            yield chunk
    finally:
        sink.cancelled.set()


def create_app(store_path: str | Path, config: ServeConfig | None = None) -> Starlette:
    """The kg web application over the store at ``store_path``, opened read-only.

    Raises :class:`kg.store.StoreError` when the store cannot be opened and :class:`BaseMismatch`
    when ``config.base_uri`` is not the store's base. Query workers start with the app (lifespan).
    """
    config = config or ServeConfig()
    store = KGStore.open(store_path, read_only=True)
    base = store_base(store, config.base_uri)
    public = config.public(base)
    site = Site(base)
    views = Views(store, site)
    pools: list[QueryPool] = []
    description: list[list[Quad]] = []
    description_lock = threading.Lock()

    def pool() -> QueryPool:
        if not pools:
            raise RuntimeError("the query pool runs only while the application is started (lifespan)")
        return pools[0]

    def void_quads() -> list[Quad]:
        with description_lock:
            if not description:
                description.append(dataset_description(store, base, public))
            return description[0]

    endpoint = SparqlEndpoint(pool, endpoint=f"{public}sparql", dataset=f"{base}dataset", max_rows=config.max_rows, site=site)

    async def in_thread(function, *args):
        return await anyio.to_thread.run_sync(function, *args)

    def page(name: str, status: int = 200, headers: dict | None = None, **context) -> HTMLResponse:
        return HTMLResponse(render(name, site=site, **context), status_code=status, headers=headers)

    def not_found(request: Request, what: str) -> Response:
        if wants_html(request):
            return page("error.html", 404, title="Not found", message=what)
        return PlainTextResponse(what, status_code=404)

    async def home(request: Request) -> Response:
        return page("home.html", home=await in_thread(views.home))

    async def search(request: Request) -> Response:
        text = request.query_params.get("q", "")
        hits = await in_thread(views.search, text[:200])
        return page("search.html", q=text, hits=hits)

    async def see_other(request: Request) -> Response:
        path = request.path_params["path"]
        return RedirectResponse(site.url(f"doc/{path}"), status_code=303, headers={"Vary": "Accept"})

    async def resource(request: Request, iri: str, doc_path: str, suffix_format: str | None) -> Response:
        """The page about ``iri`` (HTML or RDF); ``doc_path`` is its URL path without a suffix."""
        fmt = BY_NAME[suffix_format] if suffix_format else format_param(request.query_params.get("format"), DOC_FORMATS)
        fmt = fmt or choose(request.headers.get("accept"), DOC_FORMATS)
        if fmt is None:
            return PlainTextResponse(
                f"no representation in the requested format; available: {', '.join(f.media_type for f in DOC_FORMATS)}", status_code=406
            )
        try:
            node = NamedNode(iri)
        except ValueError:  # characters no IRI may hold: nothing can be known about it
            return not_found(request, f"{iri} is not a valid IRI")
        alternates = ", ".join(f'<{site.url(doc_path)}{f.suffix}>; rel="alternate"; type="{f.media_type}"' for f in DOC_FORMATS)
        headers = {"Vary": "Accept", "Link": alternates, "Content-Location": site.url(doc_path) + fmt.suffix}
        if fmt is HTML:
            entity = await in_thread(views.entity, iri)
            if entity is None:
                return not_found(request, f"nothing is known about {iri}")
            return page("entity.html", entity=entity, doc_path=doc_path, formats=DATA_FORMATS, headers=headers)
        document = NamedNode(base + doc_path) if doc_path.startswith("doc/") else None
        quads = await in_thread(lambda: describe.describe(
            store, node, document=document, limit=config.max_rows, hash_namespace=document is None))
        if not quads or all(q.predicate.value.startswith("http://xmlns.com/foaf/0.1/primaryTopic") for q in quads):
            return not_found(request, f"nothing is known about {iri}")
        body = await in_thread(describe.serialize_description, quads, fmt.name)
        return Response(body, media_type=fmt.content_type, headers=headers)

    async def doc(request: Request) -> Response:
        path, suffix_format = _split_suffix(request.path_params["path"])
        return await resource(request, f"{base}id/{path}", f"doc/{path}", suffix_format)

    async def other(request: Request) -> Response:
        """Any other IRI under the base (``def``, ``text/...``, ``graph/...``, ``build/...``) describes itself: 200, no 303."""
        path, suffix_format = _split_suffix(request.path_params["path"])
        return await resource(request, base + path, path, suffix_format)

    async def dataset(request: Request) -> Response:
        fmt = format_param(request.query_params.get("format"), DOC_FORMATS) or choose(request.headers.get("accept"), DOC_FORMATS)
        if fmt is None:
            return PlainTextResponse("no representation in the requested format", status_code=406)
        quads = await in_thread(void_quads)
        if fmt is HTML:
            return page("dataset.html", quads=quads, dumps=DUMPS, public=public, base=base)
        body = await in_thread(describe.serialize_description, quads, fmt.name)
        return Response(body, media_type=fmt.content_type, headers={"Vary": "Accept"})

    async def dumps_index(request: Request) -> Response:
        return page("dumps.html", dumps=[(name, BY_NAME[fmt]) for name, fmt in DUMPS.items()])

    async def dump(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in DUMPS:
            return not_found(request, f"no dump named {name}; available: {', '.join(DUMPS)}")
        fmt = BY_NAME[DUMPS[name]]
        return StreamingResponse(
            stream_export(store, DUMPS[name]), media_type=fmt.content_type,
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    async def context(request: Request) -> Response:
        body = json_ld_context()
        if body is None:
            return not_found(request, "this kg version ships no JSON-LD context")
        return Response(body, media_type="application/ld+json")

    async def query_list(request: Request) -> Response:
        from kg.saved_queries import QueryError, saved_queries

        try:
            queries = saved_queries(list(config.query_dirs))
        except QueryError as error:
            return PlainTextResponse(str(error), status_code=500)
        return page("queries.html", queries=list(queries.values()))

    async def saved_query(request: Request) -> Response:
        from kg.resolve import EntityNotFound, resolve_params
        from kg.saved_queries import QueryError, saved_queries

        name = request.path_params["name"]
        try:
            saved = saved_queries(list(config.query_dirs)).get(name)
            if saved is None:
                return not_found(request, f"no saved query named {name!r}; see {site.url('queries')}")
            given = {k: v for k, v in request.query_params.items() if k != "format"}
            # As in 'kg query': an entity may be given by label or short id (entity=UWV).
            resolved = await in_thread(resolve_params, store, saved, {k: v for k, v in given.items() if v != ""})
            # limit= and offset= pick the page of a paged query, as kg query --limit/--offset do.
            text, substitutions = saved.prepare(resolved)
        except EntityNotFound as error:
            error = QueryError(f"parameter {error.param}: {error}")
            if wants_html(request):
                return page("query.html", 400, saved=saved, params=given, result=None, error=str(error), query=saved.text)
            return PlainTextResponse(str(error), status_code=400)
        except QueryError as error:
            if wants_html(request):
                return page("query.html", 400, saved=saved, params=given, result=None, error=str(error), query=saved.text)
            return PlainTextResponse(str(error), status_code=400)
        return await endpoint.answer(
            request, text, substitutions, request.query_params.get("format"),
            template="query.html", saved=saved, params=given,
        )

    @contextlib.asynccontextmanager
    async def lifespan(app):
        pools.append(QueryPool(store.path, workers=config.workers, timeout=config.timeout))
        try:
            yield
        finally:
            pools.pop().close()

    routes = [
        Route("/", home),
        Route("/search", search),
        Route("/sparql", endpoint.handle, methods=["GET", "POST"]),
        Route("/queries", query_list),
        Route("/queries/{name}", saved_query),
        Route("/id/{path:path}", see_other),
        Route("/doc/{path:path}", doc),
        Route("/.well-known/void", dataset),
        Route("/dataset", dataset),
        Route("/dumps/", dumps_index),
        Route("/dumps", dumps_index),
        Route("/dumps/{name}", dump),
        Route("/context.jsonld", context),
        Mount("/static", StaticFiles(packages=[("kg.web", "static")]), name="static"),
        Route("/{path:path}", other),
    ]
    middleware = [
        Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST", "HEAD", "OPTIONS"], allow_headers=["*"],
                   expose_headers=["Link", "Content-Location", "X-KG-Truncated"]),
    ]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.store, app.state.base, app.state.views = store, base, views
    return app
