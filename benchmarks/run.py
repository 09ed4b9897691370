"""Benchmarks, run on demand: ``.venv/bin/python benchmarks/run.py [--repeat N]``.

Every figure of issue 13's targets is printed next to a baseline measured in the same run, as a
ratio of CPU times (process CPU, or a child process's CPU from ``wait4``), so that results can be
compared across machines and a busy machine distorts them less than wall-clock times would:

* catalogue load vs a bare PyYAML C-loader parse of the same files; a second load vs the first;
* ``mvi-rules --help`` vs ``python -c "import click"``; ``--version`` vs ``--help``;
* ``generate`` of the municipal example, total CPU and its split (imports, load, evaluate,
  render, write);
* rendering the Word annex vs bare python-docx writing the same paragraphs and tables;
* ``evaluate`` (plain) vs a lower bound: the same conditions compiled into closures, run for
  every lot; p50 and p95 of ``evaluate``; the durable backend vs plain;
* batch throughput (``evaluate_many`` over a process pool vs one by one; wall clock, as
  throughput is);
* peak memory (tracemalloc) of one evaluation and one rendering vs bare python-docx; resident
  memory over 10,000 evaluations in one process.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import docx
import yaml
from docx.table import Table

from mvi_rules import (
    EvaluationResult,
    durable_available,
    evaluate,
    evaluate_many,
    generate_many,
    load_catalogue,
    load_profile,
    render_docx,
)
from mvi_rules.catalogue import cache
from mvi_rules.conditions import lot_facts
from mvi_rules.engine.compiled import compiled_conditions
from mvi_rules.profile.model import ProcurementProfile

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
MUNICIPAL = EXAMPLES / "gemeente-laptops.yaml"
ROWS: list[tuple[str, float, float, str]] = []


def cpu_of(func: Callable[[], object], repeat: int) -> list[float]:
    """CPU seconds of ``repeat`` calls (after one warm-up call), sorted."""
    func()
    times = []
    for _ in range(repeat):
        start = time.process_time()
        func()
        times.append(time.process_time() - start)
    return sorted(times)


def singles_against(
    func: Callable[[], object], base: Callable[[], object], repeat: int
) -> tuple[list[float], list[float]]:
    """CPU seconds of ``repeat`` single calls of ``func``, each right after a call of ``base``,
    in call order: (func's, base's), for :func:`drift_corrected`."""
    func()
    base()
    ours: list[float] = []
    bases: list[float] = []
    for _ in range(repeat):
        start = time.process_time()
        base()
        middle = time.process_time()
        func()
        ours.append(time.process_time() - middle)
        bases.append(middle - start)
    return ours, bases


def drift_corrected(ours: list[float], bases: list[float], window: int = 5) -> list[float]:
    """Each of ``ours`` scaled by how fast the machine was at the time, sorted.

    The machine's speed is the median of the baseline calls around it (``window`` each side),
    relative to their overall median: a baseline that allocates little has no tail of its own,
    so what slows both is the machine, and what slows only ``ours`` is ours.
    """
    overall = statistics.median(bases)
    scaled = []
    for index, value in enumerate(ours):
        near = bases[max(0, index - window) : index + window + 1]
        scaled.append(value * overall / statistics.median(near))
    return sorted(scaled)


def median_cpu(func: Callable[[], object], repeat: int) -> float:
    """Median CPU seconds of ``repeat`` calls."""
    return statistics.median(cpu_of(func, repeat))


def in_turns(funcs: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """CPU seconds of each function per round, the functions called in turns, round by round.

    On a shared machine a burst of load then falls on the baseline and the subject alike,
    where measuring one after the other lets it fall on either and swing the ratio.
    """
    for func in funcs.values():
        func()
    times: dict[str, list[float]] = {name: [] for name in funcs}
    for _ in range(rounds):
        for name, func in funcs.items():
            start = time.process_time()
            func()
            times[name].append(time.process_time() - start)
    return times


def paired_ratio(ours: list[float], base: list[float]) -> float:
    """The median of each round's ratio of ``ours`` to ``base`` (see :func:`in_turns`).

    Measured a few milliseconds apart, the two of a round share the machine's speed of the
    moment, which here varies by up to 2x within a minute: the ratio of two medians would mix
    rounds of different speeds.
    """
    return statistics.median(o / b for o, b in zip(ours, base, strict=True))


def child_cpu(args: list[str], repeat: int) -> float:
    """Median CPU seconds (user + system) of running ``args`` as a child process."""
    times = []
    for _ in range(repeat):
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(proc.pid, 0)
        proc.returncode = 0  # reaped by wait4
        times.append(usage.ru_utime + usage.ru_stime)
    return statistics.median(times)


def report(
    figure: str, ours: float, base: float, baseline: str, ratio: float | None = None
) -> None:
    """Print one figure: our CPU time, the baseline's, and the ratio (``ours / base`` unless
    given, e.g. as a :func:`paired_ratio`)."""
    ROWS.append((figure, ours, base, baseline))
    ratio = ours / base if ratio is None else ratio
    print(f"{figure:44} {ours * 1000:9.1f} {base * 1000:9.1f} {ratio:8.2f}  {baseline}")


def bench_catalogue(repeat: int) -> None:
    files = sorted(load_catalogue().rulesets_dir.glob("*.yaml"))
    texts = [f.read_text(encoding="utf-8") for f in files]

    def bare() -> None:
        for text in texts:
            yaml.load(text, Loader=yaml.CSafeLoader)

    def cold() -> None:
        cache.clear()
        load_catalogue()

    bare_s = median_cpu(bare, repeat)
    cold_s = median_cpu(cold, repeat)
    report("catalogue load (cold)", cold_s, bare_s, f"bare C-loader parse of {len(files)} files")
    load_catalogue()
    warm_s = median_cpu(load_catalogue, repeat)
    report("second load_catalogue() (cached)", warm_s, cold_s, "first (cold) load")


def bench_cli(repeat: int) -> None:
    script = Path(sys.executable).with_name("mvi-rules")
    cli = [str(script)] if script.exists() else [sys.executable, "-m", "mvi_rules"]
    click_s = child_cpu([sys.executable, "-c", "import click"], repeat)
    help_s = child_cpu([*cli, "--help"], repeat)
    version_s = child_cpu([*cli, "--version"], repeat)
    report("mvi-rules --help", help_s, click_s, 'python -c "import click"')
    report("mvi-rules --version", version_s, help_s, "mvi-rules --help")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "annex.docx"
        generate_s = child_cpu([*cli, "generate", str(MUNICIPAL), "-o", str(out), "--force"], 3)
        split = _generate_split(Path(tmp) / "split.docx")
    report(f"mvi-rules generate {MUNICIPAL.name}", generate_s, help_s, "mvi-rules --help")
    total = sum(split.values())
    print(f"  generate split in one process, CPU ms (total {total * 1000:.0f}):")
    for phase, seconds in split.items():
        print(f"    {phase:10} {seconds * 1000:8.1f}  {seconds / total:6.1%}")


_SPLIT = """
import json, sys, time
clock = time.process_time
start = clock()
from mvi_rules import evaluate, load_catalogue, load_profile, render_docx
import mvi_rules.cli
t = {"imports": clock() - start}
start = clock(); catalogue = load_catalogue(); t["load"] = clock() - start
start = clock()
result = evaluate(load_profile(sys.argv[1]), catalogue)
t["evaluate"] = clock() - start
start = clock(); data = render_docx(result, catalogue); t["render"] = clock() - start
start = clock()
with open(sys.argv[2], "wb") as handle:
    handle.write(data)
t["write"] = clock() - start
print(json.dumps(t))
"""


def _generate_split(out: Path) -> dict[str, float]:
    """CPU seconds per phase of what ``generate`` does, in a fresh process (median of 3)."""
    runs = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", _SPLIT, str(MUNICIPAL), str(out)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        for _ in range(3)
    ]
    return {phase: statistics.median(run[phase] for run in runs) for phase in runs[0]}


def document_content(data: bytes) -> list[str | list[list[str]]]:
    """The annex's body in order: a paragraph's text, or a table as rows of cell texts."""
    content: list[str | list[list[str]]] = []
    for block in docx.Document(io.BytesIO(data)).iter_inner_content():
        if isinstance(block, Table):
            content.append([[cell.text for cell in row.cells] for row in block.rows])
        else:
            content.append(block.text)
    return content


def bare_docx(content: list[str | list[list[str]]]) -> bytes:
    """The same paragraphs and tables through bare python-docx: no templates or styles."""
    document = docx.Document()
    for block in content:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        table = document.add_table(rows=len(block), cols=max(len(row) for row in block))
        for row, texts in zip(table.rows, block, strict=True):
            for cell, text in zip(row.cells, texts, strict=False):
                cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def bench_render(repeat: int) -> None:
    catalogue = load_catalogue()
    for path in sorted(EXAMPLES.glob("*.yaml")):
        result = evaluate(load_profile(path), catalogue, backend="plain")
        content = document_content(render_docx(result, catalogue))
        turns = in_turns(
            {
                "bare": lambda c=content: bare_docx(c),
                "ours": lambda r=result: render_docx(r, catalogue),
            },
            repeat,
        )
        tables = sum(1 for block in content if not isinstance(block, str))
        report(
            f"render_docx {path.name}",
            statistics.median(turns["ours"]),
            statistics.median(turns["bare"]),
            f"bare python-docx, {len(content) - tables} paragraphs + {tables} tables",
            paired_ratio(turns["ours"], turns["bare"]),
        )


def bench_evaluate(repeat: int) -> None:
    catalogue = load_catalogue()
    checks = compiled_conditions.get(catalogue)
    for path in sorted(EXAMPLES.glob("*.yaml")):
        profile = load_profile(path)
        threshold = catalogue.thresholds.supplies_services(
            profile.buyer.authority_type.is_central, profile.procurement.reference_date
        )
        lots = [
            (lot.id, lot_facts(profile, lot, threshold, catalogue.isv.category_of(lot)))
            for lot in profile.lots
        ]

        def bound(lots: list[tuple[str, dict]] = lots) -> None:  # type: ignore[type-arg]
            for _ in range(10):
                {(cid, lot_id) for lot_id, facts in lots for cid, check in checks if check(facts)}

        def plain(p: ProcurementProfile = profile) -> None:
            for _ in range(10):
                evaluate(p, catalogue, backend="plain")

        # Every variant runs ten times in a row: the same warm-up for each.
        def explained(p: ProcurementProfile = profile) -> None:
            for _ in range(10):
                _explained(evaluate(p, catalogue, backend="plain"))

        def durable(p: ProcurementProfile = profile) -> None:
            for _ in range(10):
                evaluate(p, catalogue, backend="durable")

        variants = {"bound": bound, "plain": plain}
        if durable_available():
            variants["durable"] = durable
        variants["explained"] = explained
        turns = in_turns(variants, repeat * 2)
        medians = {name: statistics.median(cpu) / 10 for name, cpu in turns.items()}
        # Single evaluations for the spread, after the rounds.
        ours, bases = singles_against(
            lambda p=profile: evaluate(p, catalogue, backend="plain"),
            bound,
            repeat * 10,
        )
        singles = sorted(ours)
        lower, p50 = medians["bound"], medians["plain"]
        report(
            f"evaluate plain {path.name}",
            p50,
            lower,
            "compiled conditions, every lot",
            paired_ratio(turns["plain"], turns["bound"]),
        )
        median, p95 = statistics.median(singles), singles[int(len(singles) * 0.95) - 1]
        report(f"  p95 vs p50 ({len(singles)} runs)", p95, median, "p50")
        corrected = drift_corrected(ours, bases)
        report(
            "  p95 vs p50, machine drift corrected",
            corrected[int(len(corrected) * 0.95) - 1],
            statistics.median(corrected),
            "p50 (baseline runs around each)",
        )
        report(
            "  with every explanation read",
            medians["explained"],
            p50,
            "evaluate alone",
            paired_ratio(turns["explained"], turns["plain"]),
        )
        if "durable" in medians:
            report(
                "  durable vs plain",
                medians["durable"],
                p50,
                "plain backend",
                paired_ratio(turns["durable"], turns["plain"]),
            )


def _explained(result: EvaluationResult) -> None:
    """Read what an evaluation makes only when asked: every decision's reason, the rest."""
    for outcome in (*result.selected, *result.not_selected):
        for decision in outcome.decisions:
            _ = decision.reason
    _ = result.left_out


def bench_batch(copies: int) -> None:
    catalogue = load_catalogue()
    files = sorted(EXAMPLES.glob("*.yaml")) + sorted((ROOT / "tests" / "profiles").glob("*.yaml"))
    profiles = [load_profile(f) for f in files] * copies
    walls = {}
    for name, workers in (("serial", 1), ("pool", os.cpu_count() or 1)):
        start = time.perf_counter()
        evaluate_many(profiles, catalogue, backend="plain", workers=workers)
        walls[name] = time.perf_counter() - start
    print(
        f"batch: {len(profiles)} profiles; serial {walls['serial']:.2f} s, pool of"
        f" {os.cpu_count()} {walls['pool']:.2f} s (wall clock): throughput"
        f" {walls['serial'] / walls['pool']:.2f}x serial"
    )


def bench_documents(copies: int) -> None:
    """Annexes for a folder of profiles: ``generate_many`` in a pool against one process.

    Each copy of a profile buys a few more devices per lot, so that every annex differs as a
    folder of real tenders does: with identical copies one process draws each lifetime chart
    once and reuses it (its cache), while every worker draws it again, which measures the
    cache rather than the pool.
    """
    catalogue = load_catalogue()
    files = sorted(EXAMPLES.glob("*.yaml")) + sorted((ROOT / "tests" / "profiles").glob("*.yaml"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "profiles"
        folder.mkdir()
        for copy in range(copies):
            for f in files:
                data = yaml.safe_load(f.read_text("utf-8"))
                for lot in data.get("lots", []):
                    lot["quantity"] += copy
                text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
                (folder / f"{copy:02d}-{f.name}").write_text(text, "utf-8")
        profiles = sorted(folder.iterdir())
        walls = {}
        for name, workers in (("serial", 1), ("pool", os.cpu_count() or 1)):
            out = Path(tmp) / name
            out.mkdir()
            start = time.perf_counter()
            generate_many(profiles, out, catalogue, workers=workers)
            walls[name] = time.perf_counter() - start
    print(
        f"documents: {len(profiles)} annexes; serial {walls['serial']:.2f} s, pool of"
        f" {os.cpu_count()} {walls['pool']:.2f} s (wall clock): throughput"
        f" {walls['serial'] / walls['pool']:.2f}x serial"
    )


def peak_kib(func: Callable[[], object]) -> float:
    """Peak traced memory of one call, in KiB."""
    tracemalloc.start()
    try:
        func()
        return tracemalloc.get_traced_memory()[1] / 1024
    finally:
        tracemalloc.stop()


def bench_memory() -> None:
    catalogue = load_catalogue()
    profile = load_profile(MUNICIPAL)
    result = evaluate(profile, catalogue, backend="plain")
    content = document_content(render_docx(result, catalogue))
    base = peak_kib(lambda: bare_docx(content))
    print(f"peak memory, {MUNICIPAL.name} (baseline: bare python-docx {base:.0f} KiB)")
    for name, func in (
        ("evaluate (plain)", lambda: evaluate(profile, catalogue, backend="plain")),
        ("render_docx", lambda: render_docx(result, catalogue)),
    ):
        kib = peak_kib(func)
        print(f"  {name:20} {kib:9.0f} KiB  {kib / base:6.2f} x baseline")


def resident_kib() -> float:
    """The process's resident memory now (Linux), else its peak so far, in KiB."""
    statm = Path("/proc/self/statm")
    if statm.exists():
        return int(statm.read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024
    import resource  # not on Windows

    return float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def bench_flat_memory(evaluations: int) -> None:
    """Resident memory over many evaluations: after the first tenth, and at the end.

    Every example and test profile in turn, with the durable backend (where it imports) and the
    plain one alternately; one result in ten is written out in full as JSON, which makes
    everything it explains on demand.
    """
    catalogue = load_catalogue()
    files = sorted(EXAMPLES.glob("*.yaml")) + sorted((ROOT / "tests" / "profiles").glob("*.yaml"))
    profiles = [load_profile(f) for f in files]
    backends = ("durable", "plain") if durable_available() else ("plain",)
    marks: dict[int, float] = {}
    for number in range(1, evaluations + 1):
        profile = profiles[number % len(profiles)]
        result = evaluate(profile, catalogue, backend=backends[number % len(backends)])
        if number % 10 == 0:
            result.model_dump_json()
        if number in (evaluations // 10, evaluations):
            marks[number] = resident_kib()
    first, last = marks[evaluations // 10], marks[evaluations]
    print(
        f"resident memory over {evaluations} evaluations ({', '.join(backends)}): "
        f"{first / 1024:.1f} MiB after {evaluations // 10}, {last / 1024:.1f} MiB at the end "
        f"({(last - first) / 1024:+.1f} MiB)"
    )


def main() -> None:
    """Run every benchmark and print the figures with their baselines."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10, help="timed runs per figure")
    parser.add_argument("--copies", type=int, default=10, help="batch: copies of each profile")
    parser.add_argument(
        "--evaluations", type=int, default=10_000, help="memory: evaluations in one process"
    )
    args = parser.parse_args()
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; repeat={args.repeat}")
    print(f"{'figure (CPU time)':44} {'ours ms':>9} {'base ms':>9} {'ratio':>8}  baseline")
    bench_catalogue(args.repeat)
    bench_cli(max(3, args.repeat // 2))
    bench_evaluate(args.repeat)
    bench_render(args.repeat)
    print()
    bench_batch(args.copies)
    bench_documents(args.copies)
    bench_memory()
    bench_flat_memory(args.evaluations)


if __name__ == "__main__":
    main()
