"""Annexes for a folder of profiles: `generate FOLDER -o OUTDIR` and `generate_many`."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from mvi_rules import (
    Catalogue,
    ProfileError,
    ReferenceDocxError,
    evaluate,
    generate_many,
    load_profile,
    render_docx,
)
from mvi_rules.cli import main

from .conftest import EXAMPLES


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    for path in sorted(EXAMPLES.glob("*.yaml"))[:3]:
        shutil.copy(path, profiles / path.name)
    return profiles


def test_every_profile_gets_the_annex_it_would_get_on_its_own(
    folder: Path, tmp_path: Path, catalogue: Catalogue
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    profiles = sorted(folder.iterdir())
    # Two workers, so the pool is really used.
    written = generate_many(profiles, out, catalogue, workers=2)
    assert written == [out / f"{p.stem}.docx" for p in profiles]
    for profile, path in zip(profiles, written, strict=True):
        alone = render_docx(evaluate(load_profile(profile), catalogue), catalogue)
        assert path.read_bytes() == alone, profile.name


def test_a_bad_profile_stops_the_batch_before_anything_is_written(
    folder: Path, tmp_path: Path, catalogue: Catalogue
) -> None:
    (folder / "zz-broken.yaml").write_text("buyer: {name: X}\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ProfileError) as caught:
        generate_many(sorted(folder.iterdir()), out, catalogue)
    assert "zz-broken.yaml" in str(caught.value)
    assert list(out.iterdir()) == []


def test_generate_accepts_a_folder_and_never_overwrites(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "annexes"
    runner = CliRunner()
    done = runner.invoke(main, ["generate", str(folder), "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert sorted(p.name for p in out.iterdir()) == sorted(
        p.with_suffix(".docx").name for p in folder.iterdir()
    )
    again = runner.invoke(main, ["generate", str(folder), "-o", str(out)])
    assert again.exit_code == 1
    assert "already exists" in again.output
    forced = runner.invoke(main, ["generate", str(folder), "-o", str(out), "--force"])
    assert forced.exit_code == 0, forced.output


def test_a_folder_gives_word_annexes_only(folder: Path, tmp_path: Path) -> None:
    done = CliRunner().invoke(
        main, ["generate", str(folder), "-o", str(tmp_path / "out"), "--split"]
    )
    assert done.exit_code == 2
    assert "a folder of profiles gives Word annexes only" in done.output


HOUSE = EXAMPLES / "huisstijl.docx"
HOUSE_HEADER = "Gemeente Zuiderwaard · Team Inkoop"


def test_a_folder_of_annexes_takes_the_house_style(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "annexes"
    done = CliRunner().invoke(
        main, ["generate", str(folder), "-o", str(out), "--reference-docx", str(HOUSE)]
    )
    assert done.exit_code == 0, done.output
    written = sorted(out.iterdir())
    assert len(written) == 3
    for path in written:
        header = docx.Document(str(path)).sections[0].header.paragraphs
        assert HOUSE_HEADER in [p.text for p in header], path.name


def test_a_bad_house_style_stops_the_batch_before_anything_is_written(
    folder: Path, tmp_path: Path, catalogue: Catalogue
) -> None:
    broken = tmp_path / "huisstijl.docx"
    broken.write_text("not Word", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ReferenceDocxError) as caught:
        generate_many(sorted(folder.iterdir()), out, catalogue, reference_docx=broken)
    assert "huisstijl.docx" in str(caught.value)
    assert list(out.iterdir()) == []
