"""Batch evaluation, run on demand: ``.venv/bin/python benchmarks/batch.py [--copies N]``.

Evaluates the example and test profiles ``--copies`` times over, once one by one (the
baseline) and once with :func:`mvi_rules.evaluate_many` over a process pool, in the same run,
and prints the throughput ratio. Throughput is a wall-clock figure, so run it on an otherwise
idle machine; the CPU time of the calling process is printed too (the pool's work happens in
its workers, so that figure shows what the caller is spared).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from mvi_rules import evaluate_many, load_catalogue, load_profile

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    """Time serial and pooled evaluation of the same profiles and print the ratio."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    catalogue = load_catalogue()
    files = sorted((ROOT / "examples").glob("*.yaml")) + sorted(
        (ROOT / "tests" / "profiles").glob("*.yaml")
    )
    profiles = [load_profile(f) for f in files] * args.copies
    figures = {}
    for name, workers in (("serial", 1), ("pool", args.workers)):
        wall, cpu = time.perf_counter(), time.process_time()
        evaluate_many(profiles, catalogue, backend="plain", workers=workers)
        figures[name] = (time.perf_counter() - wall, time.process_time() - cpu)
    serial, pool = figures["serial"], figures["pool"]
    print(f"{len(profiles)} profiles, {args.workers} workers, {os.cpu_count()} CPUs")
    print(f"{'':8} {'wall s':>8} {'caller CPU s':>13} {'profiles/s':>11}")
    for name, (wall, cpu) in figures.items():
        print(f"{name:8} {wall:8.2f} {cpu:13.2f} {len(profiles) / wall:11.1f}")
    print(f"pool/serial throughput: {serial[0] / pool[0]:.2f}x")


if __name__ == "__main__":
    main()
