"""Shared fixtures: the real corpus beside the repository, and stores built from it and from the samples."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    return CORPUS


@pytest.fixture(scope="session")
def corpus_files(corpus_dir) -> list[Path]:
    return sorted(corpus_dir.glob("*.txt"))


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory, corpus_dir):
    """A store built once from ../shared/corpus (rules-only), shared by the tests that only read it."""
    from kg.build import build
    from kg.store import KGStore

    store = KGStore.open(tmp_path_factory.mktemp("corpus") / "store")
    report = build(store, [corpus_dir])
    assert len(report.built) == 5, report.warnings
    return store


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory):
    """A store built once from the bundled samples."""
    from kg.build import build
    from kg.store import KGStore

    store = KGStore.open(tmp_path_factory.mktemp("samples") / "store")
    build(store)
    return store


@pytest.fixture
def two_samples(tmp_path) -> tuple[Path, Path, Path]:
    """A folder holding the first two samples as ``a.txt`` and ``b.txt``, and those two samples."""
    import shutil

    from kg.build import sample_paths

    folder = tmp_path / "in"
    folder.mkdir()
    first, second = sample_paths()[:2]
    shutil.copy(first, folder / "a.txt")
    shutil.copy(second, folder / "b.txt")
    return folder, first, second


@pytest.fixture
def two_printings(tmp_path) -> Path:
    """A folder with two printings of one Kamerstuk: the same text, the second with a line added."""
    from kg.build import sample_paths

    folder = tmp_path / "in"
    folder.mkdir()
    text = sample_paths()[0].read_text(encoding="utf-8")
    (folder / "first.txt").write_text(text, encoding="utf-8")
    (folder / "second.txt").write_text(text + "\n(tweede druk)\n", encoding="utf-8")
    return folder


def _require_tool(name: str) -> str:
    """The path of a third-party tool a test drives (.ci/install-test-tools.sh installs them): locally a
    missing tool skips the test; under CI (CI=true) it fails it, so a broken install cannot pass as green."""
    import os
    import shutil

    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (run .ci/install-test-tools.sh)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def require_tool():
    """``require_tool(name)`` -> the tool's path, or skip/fail as :func:`_require_tool` says."""
    return _require_tool


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RunningServer:
    """A ``kg serve`` process on a loopback port; ``url`` ends in '/'."""

    def __init__(self, store: Path, port: int, *extra: str) -> None:
        import shutil
        import subprocess
        import sys

        kg = shutil.which("kg", path=str(Path(sys.executable).parent)) or "kg"
        self.store, self.port, self.url = store, port, f"http://127.0.0.1:{port}/"
        self.process = subprocess.Popen(
            [kg, "serve", "--store", str(store), "--port", str(port), *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        self._wait()

    def _wait(self, seconds: float = 60.0) -> None:
        import time
        import urllib.request

        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"kg serve exited: {self.process.stderr.read()}")
            try:
                with urllib.request.urlopen(self.url + "sparql", timeout=5):
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("kg serve did not answer within a minute")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except Exception:
            self.process.kill()


@pytest.fixture(scope="session")
def served_samples(tmp_path_factory):
    """The bundled samples, built by the real CLI and served by a real ``kg serve`` process (1 s query limit)."""
    import shutil
    import subprocess
    import sys

    store = tmp_path_factory.mktemp("served") / "store"
    kg = shutil.which("kg", path=str(Path(sys.executable).parent)) or "kg"
    subprocess.run([kg, "build", "--store", str(store), "--quiet"], check=True, capture_output=True)
    server = RunningServer(store, free_port(), "--timeout", "1", "--workers", "2")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def start_server():
    """``start_server(store, *options, port=None)`` -> a RunningServer, stopped at the end; ``.free_port()`` picks a port."""
    started: list[RunningServer] = []

    def start(store: Path, *extra: str, port: int | None = None) -> RunningServer:
        server = RunningServer(store, port or free_port(), *extra)
        started.append(server)
        return server

    start.free_port = free_port
    yield start
    for server in started:
        server.stop()
