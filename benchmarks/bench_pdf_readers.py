"""Benchmark: text fidelity and speed of pypdf and pdfminer.six on PDFs made from the corpus texts.

Renders each corpus text to PDF three ways with Debian tools (enscript + ps2pdf in Courier and in
Times, groff + ps2pdf justified and kerned), extracts the text with both libraries and prints the
word-sequence difflib ratio and the word recall against the source text (after NFKC, so ligatures
count as their letters) and the time per source character. Prints figures, asserts nothing; the
README's "Input" section quotes them. Needs enscript, groff, ghostscript and pypdf (not a kg
dependency; ``pip install pypdf``):

    python benchmarks/bench_pdf_readers.py [/work/shared/corpus]
"""

from __future__ import annotations

import difflib
import logging
import re
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path


def render(source: Path, target: Path, how: str) -> str:
    """Write ``source`` as a PDF at ``target``; return the text the PDF shows (the reference)."""
    text = source.read_text(encoding="utf-8")
    if how == "groff":
        escaped = re.sub(r"^([.'])", r"\\&\1", text.replace("\\", "\\e"), flags=re.M)
        ps = subprocess.run(["groff", "-Tps", "-Kutf8"], input=".hy 0\n.ad b\n" + escaped,
                            capture_output=True, text=True, check=True).stdout
        reference = text
    else:
        latin1 = text.encode("latin-1", errors="replace")
        font = ["-f", "Times-Roman11"] if how == "times" else []
        ps = subprocess.run(["enscript", "-q", "-B", "-X", "latin1", *font, "-o", "-"], input=latin1,
                            capture_output=True, check=True).stdout.decode("latin-1")
        reference = latin1.decode("latin-1")
    subprocess.run(["ps2pdf", "-", str(target)], input=ps.encode("latin-1", errors="replace"), check=True)
    return reference


def words(text: str) -> list[str]:
    return unicodedata.normalize("NFKC", text).split()


def main() -> None:
    logging.disable(logging.WARNING)
    from pdfminer.high_level import extract_text
    from pypdf import PdfReader

    def with_pypdf(path: Path) -> str:
        return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)

    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpus")
    sources = sorted(corpus.glob("*.txt"))
    libraries = {"pypdf": with_pypdf, "pdfminer.six": extract_text}
    with tempfile.TemporaryDirectory() as tmp:
        for how in ("courier", "times", "groff"):
            for name, extract in libraries.items():
                ratios, recalls, seconds, chars = [], [], 0.0, 0
                for source in sources:
                    pdf = Path(tmp) / f"{source.stem}.{how}.pdf"
                    reference = render(source, pdf, how) if not pdf.exists() else pdf.with_suffix(".ref").read_text()
                    pdf.with_suffix(".ref").write_text(reference)
                    started = time.perf_counter()
                    for _ in range(3):
                        out = extract(pdf)
                    seconds += (time.perf_counter() - started) / 3
                    chars += len(reference)
                    expected, got = words(reference), words(out)
                    ratios.append(difflib.SequenceMatcher(None, expected, got, autojunk=False).ratio())
                    recalls.append(sum((Counter(expected) & Counter(got)).values()) / len(expected))
                print(f"{how:8s} {name:13s} ratio {statistics.mean(ratios):.4f}  recall {statistics.mean(recalls):.4f}"
                      f"  {seconds / chars * 1e6:6.1f} µs/char")


if __name__ == "__main__":
    main()
