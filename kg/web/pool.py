"""Run SPARQL queries in worker processes, so a runaway query can be stopped.

pyoxigraph cannot cancel a query running in a thread. Each worker is a process holding its own
read-only handle on the store; a query that overruns its time limit gets its worker killed and
replaced, while the other workers keep answering. Results come back serialized (bounded by the
row limit), so the server only copies bytes.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
from dataclasses import dataclass
from pathlib import Path

from kg.web.negotiation import GRAPH_FORMATS, RESULT_FORMATS, Format, choose, format_param


class QueryRefused(Exception):
    """A query the server will not run or could not finish; carries the HTTP status and a one-line message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class QueryRequest:
    sparql: str
    substitutions: dict | None = None
    accept: str | None = None
    format: str | None = None  # a ?format= override (name, suffix or media type)
    max_rows: int = 10_000


@dataclass(frozen=True)
class QueryReply:
    body: bytes
    format: Format
    kind: str  # "solutions", "boolean" or "graph"
    rows: int
    truncated: bool


def _negotiate(kind: str, request: QueryRequest) -> Format:
    offered = GRAPH_FORMATS if kind == "graph" else RESULT_FORMATS
    fmt = format_param(request.format, offered) or choose(request.accept, offered)
    if fmt is None:
        names = ", ".join(f.media_type for f in offered)
        what = "CONSTRUCT/DESCRIBE results" if kind == "graph" else "SELECT/ASK results"
        raise QueryRefused(406, f"cannot give {what} in the requested format; accepted: {names}")
    return fmt


def execute(store, request: QueryRequest) -> QueryReply:
    """Run one query on a :class:`kg.store.KGStore` and serialize the result (in a worker, or inline)."""
    import io

    from pyoxigraph import QueryBoolean, QueryTriples

    from kg.output import write_result

    one_line = lambda error: " ".join(str(error).split())  # noqa: E731
    try:
        result = store.query(request.sparql, substitutions=request.substitutions)
        kind = "boolean" if isinstance(result, QueryBoolean) else "graph" if isinstance(result, QueryTriples) else "solutions"
        fmt = _negotiate(kind, request)
        out = io.BytesIO()
        rows = write_result(result, fmt.name, out, limit=request.max_rows)
    except SyntaxError as error:
        raise QueryRefused(400, f"malformed SPARQL: {one_line(error)}") from None
    except (OSError, RuntimeError, ValueError) as error:
        raise QueryRefused(500, f"query failed: {one_line(error)}") from None
    return QueryReply(out.getvalue(), fmt, kind, rows, kind != "boolean" and rows >= request.max_rows)


def _worker_main(connection, store_path: str) -> None:
    """A worker process: open the store read-only once, then answer requests until the pipe closes."""
    from kg.store import KGStore, StoreError

    try:
        store = KGStore.open(store_path, read_only=True)
    except StoreError as error:
        connection.send(("refused", 503, str(error)))
        return
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        try:
            connection.send(("ok", execute(store, request)))
        except QueryRefused as refused:
            connection.send(("refused", refused.status, str(refused)))


class _Worker:
    def __init__(self, context, store_path: str) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, store_path), daemon=True, name="kg-query-worker")
        self.process.start()
        child.close()

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.connection.close()


class QueryPool:
    """A fixed number of query worker processes over one store; :meth:`run` blocks (call it from a thread)."""

    def __init__(self, store_path: str | Path, *, workers: int = 2, timeout: float = 5.0) -> None:
        self.store_path, self.timeout = str(store_path), timeout
        # spawn: a fresh interpreter per worker, never a fork of a server with open sockets and threads.
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(max(1, workers)):
            self._add_worker()

    def _add_worker(self) -> None:
        worker = _Worker(self._context, self.store_path)
        with self._lock:
            self._all.add(worker)
        self._idle.put(worker)

    def _retire(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.stop()
        if not self._closed:
            self._add_worker()

    def run(self, request: QueryRequest, timeout: float | None = None) -> QueryReply:
        """Answer ``request`` within ``timeout`` seconds (default: the pool's), or raise :class:`QueryRefused`."""
        limit = self.timeout if timeout is None else timeout
        try:
            worker = self._idle.get(timeout=limit)
        except queue.Empty:
            raise QueryRefused(503, f"all query workers are busy; try again in a few seconds (time limit {limit:g} s)") from None
        try:
            worker.connection.send(request)
            if not worker.connection.poll(limit):
                self._retire(worker)
                raise QueryRefused(
                    504, f"query stopped after the time limit of {limit:g} s; add a LIMIT or narrow the patterns"
                )
            status, *payload = worker.connection.recv()
        except (EOFError, OSError, BrokenPipeError):
            self._retire(worker)
            raise QueryRefused(500, "the query worker died; the query may need more memory than the server has") from None
        self._idle.put(worker)
        if status == "ok":
            return payload[0]
        raise QueryRefused(payload[0], payload[1])

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.stop()
