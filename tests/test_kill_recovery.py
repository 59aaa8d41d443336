"""``kill -9`` during a build: the next command says so, the next build recovers, the export equals a clean build."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from kg.errors import FINDINGS, OK

SAMPLES = Path(__file__).resolve().parents[1] / "kg" / "samples"
KG = str(Path(sys.executable).with_name("kg"))
#: Fixed build times, so two builds of the same input give the same bytes.
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
KILL_POINTS = 3


def kg(*args) -> subprocess.CompletedProcess:
    return subprocess.run([KG, *map(str, args)], capture_output=True, text=True, env=ENV, timeout=300)


def sources(tmp_path: Path) -> Path:
    """The samples, each also under a second name, so a build writes ten documents."""
    folder = tmp_path / "stukken"
    folder.mkdir()
    for path in sorted(SAMPLES.glob("*.txt")):
        shutil.copy(path, folder / path.name)
        (folder / f"kopie_{path.name}").write_text(path.read_text(encoding="utf-8") + "\nKopie.\n", encoding="utf-8")
    return folder


def test_kill_9_at_random_points_then_recover_to_the_clean_export(tmp_path):
    folder = sources(tmp_path)
    started = time.monotonic()
    assert kg("build", folder, "--store", tmp_path / "clean", "--quiet").returncode == OK
    clean_seconds = time.monotonic() - started
    clean = kg("export", "--format", "nquads", "--store", tmp_path / "clean").stdout

    seed = random.randrange(10**6)
    chooser = random.Random(seed)
    store = tmp_path / "killed"
    seen_interrupted = 0
    for point in range(KILL_POINTS):
        delay = chooser.uniform(0.35, 0.9) * clean_seconds  # after the pipeline loads, before the end
        build = subprocess.Popen([KG, "build", folder, "--store", store, "--quiet"], env=ENV,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        build.send_signal(signal.SIGKILL)
        build.wait()
        if not (store / "CURRENT").exists():
            continue  # killed before the store was created: nothing to recover
        info = kg("info", "--store", store)
        check = kg("check", "--store", store)
        assert "Traceback" not in info.stderr + check.stderr, (seed, point, info.stderr, check.stderr)
        assert check.returncode in (OK, FINDINGS), (seed, point, check.stdout, check.stderr)
        if (store / "kg-build-in-progress").exists():
            seen_interrupted += 1
            assert check.returncode == FINDINGS and "interrupted" in check.stdout, (seed, point, check.stdout)
            assert "INTERRUPTED" in info.stdout, (seed, point, info.stdout)
            assert "Opening store (recovering after an interrupted write)" in info.stderr, (seed, point, info.stderr)
    recovered = kg("build", folder, "--store", store, "--quiet")
    assert recovered.returncode == OK, (seed, recovered.stderr)
    check = kg("check", "--store", store)
    assert check.returncode == OK and "consistent" in check.stdout, (seed, check.stdout)
    assert kg("export", "--format", "nquads", "--store", store).stdout == clean, f"seed {seed}"
    assert seen_interrupted >= 1, f"no kill landed inside a build (seed {seed}); the test proved nothing"
