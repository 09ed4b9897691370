"""Benchmarks, run on demand: ``.venv/bin/python benchmarks/run.py [--repeat N]``.

Every figure is printed next to a baseline measured in the same run, as a ratio, so results can
be compared across machines:

* evaluation of the whole catalogue per example profile: durable-rules backend vs plain backend;
* rendering the Word annex vs bare python-docx writing the same paragraphs (the floor any
  .docx writer pays);
* peak memory (tracemalloc) of one evaluation and one rendering.
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import docx

from mvi_rules import durable_available, evaluate, load_catalogue, load_profile, render_docx

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def best_of(func: Callable[[], object], repeat: int) -> float:
    """Median seconds of ``repeat`` calls (after one warm-up call)."""
    func()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_kib(func: Callable[[], object]) -> float:
    """Peak traced memory of one call, in KiB."""
    tracemalloc.start()
    try:
        func()
        return tracemalloc.get_traced_memory()[1] / 1024
    finally:
        tracemalloc.stop()


def bare_docx(paragraphs: list[str]) -> bytes:
    """The same paragraphs through bare python-docx, no templates, styles or tables."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def main() -> None:
    """Run every benchmark and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per figure")
    args = parser.parse_args()
    catalogue = load_catalogue()
    print(f"catalogue {catalogue.version}: {len(catalogue)} criteria; repeat={args.repeat}")
    print(f"{'profile':32} {'plain ms':>9} {'durable ms':>11} {'durable/plain':>14}")
    for path in sorted(EXAMPLES.glob("*.yaml")):
        profile = load_profile(path)
        plain = best_of(lambda p=profile: evaluate(p, catalogue, backend="plain"), args.repeat)
        if durable_available():
            durable = best_of(
                lambda p=profile: evaluate(p, catalogue, backend="durable"), args.repeat
            )
            ratio = f"{durable / plain:14.2f}"
            durable_ms = f"{durable * 1000:11.2f}"
        else:
            ratio, durable_ms = f"{'n/a':>14}", f"{'n/a':>11}"
        print(f"{path.name:32} {plain * 1000:9.2f} {durable_ms} {ratio}")

    print()
    print(f"{'profile':32} {'bare ms':>9} {'render ms':>11} {'render/bare':>14} {'paragraphs':>11}")
    for path in sorted(EXAMPLES.glob("*.yaml")):
        result = evaluate(load_profile(path), catalogue, backend="plain")
        rendered = render_docx(result, catalogue)
        paragraphs = [p.text for p in docx.Document(io.BytesIO(rendered)).paragraphs]
        bare = best_of(lambda texts=paragraphs: bare_docx(texts), args.repeat)
        ours = best_of(lambda r=result: render_docx(r, catalogue), args.repeat)
        print(
            f"{path.name:32} {bare * 1000:9.2f} {ours * 1000:11.2f} "
            f"{ours / bare:14.2f} {len(paragraphs):11}"
        )

    print()
    path = EXAMPLES / "gemeente-laptops.yaml"
    profile = load_profile(path)
    result = evaluate(profile, catalogue, backend="plain")
    paragraphs = [
        p.text for p in docx.Document(io.BytesIO(render_docx(result, catalogue))).paragraphs
    ]
    base = peak_kib(lambda: bare_docx(paragraphs))
    print(f"peak memory, {path.name} (baseline: bare python-docx {base:.0f} KiB)")
    for name, func in (
        ("evaluate (plain)", lambda: evaluate(profile, catalogue, backend="plain")),
        *(
            (("evaluate (durable)", lambda: evaluate(profile, catalogue, backend="durable")),)
            if durable_available()
            else ()
        ),
        ("render_docx", lambda: render_docx(result, catalogue)),
    ):
        kib = peak_kib(func)
        print(f"  {name:20} {kib:9.0f} KiB  {kib / base:6.2f} x baseline")


if __name__ == "__main__":
    main()
