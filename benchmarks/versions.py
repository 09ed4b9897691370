"""Memory of a long-running process that loads new catalogue versions, run on demand:
``.venv/bin/python benchmarks/versions.py [--versions N]``.

A procurement system following a ruleset fork evaluates with catalogue after catalogue. Each
version's durable-rules rulesets take memory in the C engine; the backend keeps at most
``MAX_REGISTERED`` catalogues registered and deletes older ones. Printed: the process's resident
memory after each version, as a ratio to the growth caused by the first version (the baseline,
measured in the same run), so a leak shows as a ratio that keeps rising with the version count.
"""

from __future__ import annotations

import argparse
import gc
import resource
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mvi_rules import durable_available, load_catalogue, load_profile
from mvi_rules.conditions import lot_facts

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@dataclass(frozen=True)
class Version:
    """The shipped catalogue's entries under another fingerprint: a new version to the engine."""

    entries: tuple[Any, ...]
    fingerprint: str


def rss_mib() -> float:
    """Current resident memory in MiB (Linux /proc; falls back to the peak elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * resource.getpagesize() / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    """Register version after version and print the resident memory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--versions", type=int, default=24, help="catalogue versions to load")
    args = parser.parse_args()
    if not durable_available():
        print("durable-rules is not available on this Python: nothing to measure")
        return
    from mvi_rules.engine.durable import MAX_REGISTERED, DurableBackend

    catalogue = load_catalogue()
    profile = load_profile(EXAMPLES / "gemeente-laptops.yaml")
    threshold = catalogue.thresholds.supplies_services(
        profile.buyer.authority_type.is_central, profile.procurement.reference_date
    )
    lots = [
        (lot.id, lot_facts(profile, lot, threshold, catalogue.isv.category_of(lot)))
        for lot in profile.lots
    ]
    backend = DurableBackend.shared()
    gc.collect()
    start = rss_mib()
    first_growth = None
    print(f"MAX_REGISTERED = {MAX_REGISTERED}; start {start:.1f} MiB")
    header = ("version", "RSS MiB", "growth MiB", "growth/first", "registered")
    print(" ".join(f"{h:>{w}}" for h, w in zip(header, (7, 9, 11, 13, 11), strict=True)))
    for number in range(1, args.versions + 1):
        version = Version(tuple(catalogue.entries), f"{catalogue.fingerprint}-v{number}")
        backend.match(version, lots)
        gc.collect()
        now = rss_mib()
        growth = now - start
        first_growth = first_growth or growth
        print(
            f"{number:7} {now:9.1f} {growth:11.1f} {growth / first_growth:13.2f} "
            f"{backend.registered_count:11}"
        )


if __name__ == "__main__":
    main()
