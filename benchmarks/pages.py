"""Page counts of the Word annex per example and test profile, in the core and comprehensive set.

Renders every profile to .docx, converts it to PDF with headless LibreOffice (``soffice``) and
prints the number of pages next to the targets of issue 8 (core set: the municipal two-lot
example at most 25 pages, the small school purchase at most 10). LibreOffice is needed only
here, never in the test suite or CI:

    .venv/bin/python benchmarks/pages.py [PROFILE ...]
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mvi_rules import evaluate, load_catalogue, load_profile, render_docx
from mvi_rules.profile import CriteriaSet, ProcurementProfile

REPO = Path(__file__).resolve().parent.parent
DEFAULT = sorted((REPO / "examples").glob("*.yaml")) + sorted(
    (REPO / "tests" / "profiles").glob("*.yaml")
)
#: Page targets in the core set (issue 8); other profiles have none.
TARGETS = {"gemeente-laptops": 25, "nl-school-small": 10}


def _with_set(profile: ProcurementProfile, chosen: CriteriaSet) -> ProcurementProfile:
    procurement = profile.procurement.model_copy(update={"criteria_set": chosen})
    return profile.model_copy(update={"procurement": procurement})


def pdf_pages(pdf: Path) -> int:
    """Pages of a PDF, read from its page tree (no PDF library needed)."""
    data = pdf.read_bytes()
    counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data)]
    if not counts:
        counts = [int(n) for n in re.findall(rb"/Count\s+(\d+)", data)]
    return max(counts) if counts else len(re.findall(rb"/Type\s*/Page\b", data))


def count_pages(docx: bytes, workdir: Path, name: str) -> int:
    source = workdir / f"{name}.docx"
    source.write_bytes(docx)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(workdir), str(source)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return pdf_pages(workdir / f"{name}.pdf")


def main(argv: list[str]) -> int:
    if shutil.which("soffice") is None:
        print("LibreOffice (soffice) is not installed; see /work/shared/tools/docx-preview")
        return 1
    paths = [Path(a) for a in argv] or DEFAULT
    catalogue = load_catalogue()
    print(f"{'profile':32} {'core':>5} {'compr.':>7}  target (core)")
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for path in paths:
            profile = load_profile(path)
            pages = {}
            for chosen in CriteriaSet:
                result = evaluate(_with_set(profile, chosen), catalogue, backend="plain")
                pages[chosen] = count_pages(
                    render_docx(result, catalogue), workdir, f"{path.stem}-{chosen.value}"
                )
            target = TARGETS.get(path.stem)
            mark = ""
            if target is not None:
                ok = pages[CriteriaSet.CORE] <= target
                failed |= not ok
                mark = f"<= {target} {'ok' if ok else 'OVER'}"
            print(
                f"{path.stem:32} {pages[CriteriaSet.CORE]:>5} "
                f"{pages[CriteriaSet.COMPREHENSIVE]:>7}  {mark}"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
