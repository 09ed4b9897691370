"""``mvi-rules init``: an interview in the terminal that writes a valid, commented profile.

Every question has a default (Enter takes it) and a one-line explanation. Each answer is checked
as it is given: a wrong one is asked again, with "did you mean" for a near miss. The profile is
validated as a whole before anything is written, and an existing file is never overwritten
without ``--force``. ``--answers FILE`` (YAML or JSON, question key -> answer) answers without
a terminal, for scripts and tests; a question it leaves out gets its default.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import click

from .._atomic import write_atomic
from .._yaml import load_located
from ..errors import InputError, ProfileError
from ..profile import parse_profile
from ..profile.model import (
    AuthorityType,
    AwardMethod,
    CriteriaSet,
    Jurisdiction,
    LotUse,
    Procedure,
    ProductGroup,
    RefurbishedPolicy,
    Theme,
    ValueComponent,
)
from ..profile.write import profile_yaml

Parse = Callable[[str], Any]

#: At most this many lots are asked for in one interview.
MAX_LOTS = 20


@dataclass(frozen=True)
class Question:
    """One question: its key in an answers file, the prompt, a default and how to read it."""

    key: str
    prompt: str
    explain: str
    default: str
    parse: Parse


def _did_you_mean(value: str, options: Sequence[str]) -> str:
    close = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def choice(options: Sequence[str]) -> Parse:
    """One of ``options`` (case-insensitive), with "did you mean" for a near miss."""

    def parse(text: str) -> str:
        value = text.strip().lower()
        if value in options:
            return value
        raise ValueError(
            f"{text.strip()!r} is not one of: {', '.join(options)}" + _did_you_mean(value, options)
        )

    return parse


def optional_choice(options: Sequence[str]) -> Parse:
    """One of ``options``, or nothing (an empty answer or ``-``)."""
    inner = choice(options)

    def parse(text: str) -> str | None:
        return None if text.strip() in ("", "-") else inner(text)

    return parse


def choices(options: Sequence[str]) -> Parse:
    """Several of ``options``, separated by commas; empty or ``-`` for none."""
    inner = choice(options)

    def parse(text: str) -> list[str]:
        if text.strip() in ("", "-"):
            return []
        return [inner(part) for part in text.split(",") if part.strip()]

    return parse


def text_value(text: str) -> str:
    """Some text (not empty)."""
    if not text.strip():
        raise ValueError("an answer is needed")
    return text.strip()


def number(low: float, high: float | None = None, *, integer: bool = False) -> Parse:
    """A number from ``low`` (exclusive for decimals, inclusive for whole numbers) to ``high``."""

    def parse(text: str) -> float | int:
        cleaned = text.strip().replace("€", "").replace("_", "").replace(" ", "")
        try:
            value: float | int = int(cleaned) if integer else float(cleaned)
        except ValueError:
            kind = "a whole number" if integer else "a number (use . for decimals)"
            raise ValueError(f"{text.strip()!r} is not {kind}") from None
        too_low = value < low if integer else value <= low
        if too_low or (high is not None and value > high):
            bounds = f"from {low:g}" if integer else f"more than {low:g}"
            upper = f" to {high:g}" if high is not None else ""
            raise ValueError(f"{value:g} is out of range: give a number {bounds}{upper}")
        return value

    return parse


def percentage_between(text: str) -> float:
    """A percentage more than 0 and less than 100."""
    value = float(number(0, 100)(text))
    if value >= 100:
        raise ValueError("give a percentage less than 100")
    return value


def years_list(text: str) -> list[int]:
    """Whole years separated by commas (``1, 1``); empty or ``-`` for none."""
    if text.strip() in ("", "-"):
        return []
    return [int(number(1, 30, integer=True)(part)) for part in text.split(",") if part.strip()]


def yes_no(text: str) -> bool:
    """Yes or no (also ja/nee, y/n, true/false)."""
    value = text.strip().lower()
    if value in ("y", "yes", "j", "ja", "true"):
        return True
    if value in ("n", "no", "nee", "false"):
        return False
    raise ValueError(f"{text.strip()!r}: answer yes or no")


def optional_yes_no(text: str) -> bool | None:
    """Yes, no, or nothing (an empty answer or ``-``)."""
    return None if text.strip() in ("", "-") else yes_no(text)


def optional_level(text: str) -> int | None:
    """An ambition level 1-3, or nothing."""
    return None if text.strip() in ("", "-") else int(number(1, 3, integer=True)(text))


def iso_date(text: str) -> date:
    """A date as YYYY-MM-DD."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text.strip()!r} is not a date like 2027-01-31") from None


def _as_text(value: Any) -> str:
    """An answer from a file as the text a person would type."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return ", ".join(_as_text(v) for v in value)
    if value is None:
        return ""
    return str(value)


class Interview:
    """Asks questions on the terminal, or takes the answers from a file."""

    def __init__(self, answers: dict[str, Any] | None, source: str) -> None:
        self.answers = answers
        self.source = source
        self.asked: list[str] = []
        self.explained: dict[str, str] = {}

    def ask(self, question: Question) -> Any:
        """The answer to ``question``, read and checked."""
        self.asked.append(question.key)
        if question.key != "lots":  # the number of lots is no field of the profile
            self.explained.setdefault(_field_path(question.key), question.explain)
        if self.answers is not None:
            raw = self.answers.get(question.key, question.default)
            try:
                return question.parse(_as_text(raw))
            except ValueError as exc:
                raise click.ClickException(
                    f"{self.source}: answer {question.key!r}: {exc}"
                ) from None
        click.echo(click.style(f"  {question.explain}", dim=True))

        def proc(text: str) -> Any:
            try:
                return question.parse(text)
            except ValueError as exc:
                raise click.UsageError(str(exc)) from None

        return click.prompt(
            f"{question.prompt} [{question.key}]",
            default=question.default,
            show_default=bool(question.default),
            value_proc=proc,
        )

    def unused(self) -> list[str]:
        """Keys in the answers file that no question asked, with a hint for each."""
        if self.answers is None:
            return []
        return [
            f"{key!r}{_did_you_mean(key, self.asked)}"
            for key in self.answers
            if key not in self.asked
        ]


def _field_path(key: str) -> str:
    """The profile field a question's key fills (``lot2.quantity`` -> ``lots.quantity``)."""
    head, _, rest = key.partition(".")
    if head.startswith("lot") and head[3:].isdigit():
        return f"lots.{rest}"
    if head == "award":
        return f"procurement.{key}"
    return key


def _authorities(jurisdiction: Jurisdiction) -> list[str]:
    return [t.value for t in AuthorityType if t.jurisdiction is jurisdiction]


def _procedures(jurisdiction: Jurisdiction) -> list[str]:
    return [p.value for p in Procedure if p.jurisdiction in (None, jurisdiction)]


def _lot(ask: Callable[[Question], Any], index: int) -> dict[str, Any]:
    key = f"lot{index}"
    groups = [g.value for g in ProductGroup]
    lot: dict[str, Any] = {
        "id": str(index),
        "name": ask(
            Question(
                f"{key}.name",
                f"Lot {index}: name",
                "What the lot buys, in a few words.",
                f"Perceel {index}",
                text_value,
            )
        ),
        "product_group": ask(
            Question(
                f"{key}.product_group",
                f"Lot {index}: product group",
                "One of: " + ", ".join(groups) + ".",
                "laptop",
                choice(groups),
            )
        ),
    }
    if lot["product_group"] == ProductGroup.WERKPLEK.value:
        devices = [g.value for g in ProductGroup if g.is_device]
        lot["components"] = ask(
            Question(
                f"{key}.components",
                f"Lot {index}: devices in the werkplek bundle",
                "Devices separated by commas, from: " + ", ".join(devices) + ".",
                "laptop, monitor",
                choices(devices),
            )
        )
        if not lot["components"]:
            raise click.ClickException(f"lot {index}: a werkplek bundle needs its devices")
    lot["quantity"] = ask(
        Question(
            f"{key}.quantity",
            f"Lot {index}: quantity",
            "How many devices (or service units) the lot buys over the initial term.",
            "100",
            number(1, integer=True),
        )
    )
    policies = [p.value for p in RefurbishedPolicy]
    lot["refurbished"] = ask(
        Question(
            f"{key}.refurbished",
            f"Lot {index}: refurbished devices",
            "wanted: the lot buys refurbished; accepted: new or refurbished; excluded: new only.",
            "accepted",
            choice(policies),
        )
    )
    uses = [u.value for u in LotUse]
    use = ask(
        Question(
            f"{key}.use",
            f"Lot {index}: use of the devices",
            "office, education (pupils and students), field (mobile work) or shared; decides"
            " drop tests, spill-resistant keyboards and protective sleeves. Empty: education"
            " for a school board, office otherwise.",
            "",
            optional_choice(uses),
        )
    )
    if use is not None:
        lot["use"] = use
    holds = ask(
        Question(
            f"{key}.holds_data",
            f"Lot {index}: do the devices hold data?",
            "In use they store the users' data (decides secure wiping); empty: the"
            " usual answer for the product group.",
            "",
            optional_yes_no,
        )
    )
    if holds is not None:
        lot["holds_data"] = holds
    return lot


def run_interview(interview: Interview, today: date) -> dict[str, Any]:
    """The profile as a mapping, from the answers to every question."""
    ask = interview.ask
    jurisdiction = Jurisdiction(
        ask(
            Question(
                "buyer.jurisdiction",
                "Country of the buyer (NL or BE)",
                "Decides the law the clauses cite: Dutch Aanbestedingswet or Belgian law.",
                "NL",
                lambda t: choice(["nl", "be"])(t).upper(),
            )
        )
    )
    authorities = _authorities(jurisdiction)
    buyer = {
        "name": ask(
            Question(
                "buyer.name",
                "Name of the contracting authority",
                "As it appears in the tender documents.",
                "Gemeente Voorbeeld",
                text_value,
            )
        ),
        "authority_type": ask(
            Question(
                "buyer.authority_type",
                "Kind of authority",
                "Decides the EU threshold and mandatory policies; one of: "
                + ", ".join(authorities)
                + ".",
                authorities[0 if jurisdiction is Jurisdiction.BE else 2],
                choice(authorities),
            )
        ),
        "jurisdiction": jurisdiction.value,
    }
    procurement: dict[str, Any] = {
        "title": ask(
            Question(
                "procurement.title",
                "Title of the procurement",
                "The title the annex carries.",
                "Levering ICT-apparatuur",
                text_value,
            )
        ),
        "reference_date": ask(
            Question(
                "procurement.reference_date",
                "Reference date (YYYY-MM-DD)",
                "Decides the thresholds and which label versions are valid; usually the"
                " planned publication date.",
                today.isoformat(),
                iso_date,
            )
        ).isoformat(),
        "estimated_value_eur": ask(
            Question(
                "procurement.estimated_value_eur",
                "Estimated value in euro, excl. VAT",
                "The value of the initial term for all lots together.",
                "250000",
                number(0),
            )
        ),
        "estimated_value_includes": ask(
            Question(
                "procurement.estimated_value_includes",
                "Does that value already include extensions, options or incentives?",
                "List what it includes, separated by commas (extensions, options,"
                " incentives); empty: none, the tool adds them for the threshold test.",
                "",
                choices([c.value for c in ValueComponent]),
            )
        ),
        "contract_term_years": ask(
            Question(
                "procurement.contract_term_years",
                "Initial contract term in years",
                "The initial term in years, without the optional extensions.",
                "4",
                number(1, 30, integer=True),
            )
        ),
        "extension_years": ask(
            Question(
                "procurement.extension_years",
                "Optional extensions in years",
                "Each period separated by commas, e.g. 1, 1; empty: no extensions.",
                "",
                years_list,
            )
        ),
        "price_indexation": ask(
            Question(
                "procurement.price_indexation",
                "Are prices indexed yearly?",
                "Whether prices are indexed during the term (yes or no).",
                "no",
                yes_no,
            )
        ),
    }
    procedures = _procedures(jurisdiction)
    procedure = ask(
        Question(
            "procurement.procedure",
            "Procedure, if already chosen",
            "One of: " + ", ".join(procedures) + "; empty: not chosen yet.",
            "",
            optional_choice(procedures),
        )
    )
    if procedure is not None:
        procurement["procedure"] = procedure
    procurement["criteria_set"] = ask(
        Question(
            "procurement.criteria_set",
            "Criteria set",
            "core: the few criteria with the most effect at low cost, scaled to the purchase;"
            " comprehensive: every criterion that applies.",
            "core",
            choice([s.value for s in CriteriaSet]),
        )
    )
    methods = [m.value for m in AwardMethod]
    method = ask(
        Question(
            "award.method",
            "Award method",
            "best_price_quality: price and quality; lowest_cost: price or life-cycle cost alone.",
            "best_price_quality",
            choice(methods),
        )
    )
    award: dict[str, Any] = {"method": method}
    if method == AwardMethod.BEST_PRICE_QUALITY.value:
        award["price_weight_percent"] = ask(
            Question(
                "award.price_weight_percent",
                "Weight of price in %",
                "The rest is quality; 50 is a starting point, not a rule.",
                "50",
                percentage_between,
            )
        )
        award["own_quality_share_percent"] = ask(
            Question(
                "award.own_quality_share_percent",
                "Share of the quality weight for your own quality criteria, in %",
                "The rest goes to the sustainability award criteria.",
                "50",
                lambda t: float(number(-1, 99.99)(t)),
            )
        )
    procurement["award"] = award
    count = ask(
        Question(
            "lots",
            "Number of lots",
            f"From 1 to {MAX_LOTS}.",
            "1",
            number(1, MAX_LOTS, integer=True),
        )
    )
    lots = [_lot(ask, index) for index in range(1, int(count) + 1)]
    ambition: dict[str, Any] = {
        "level": ask(
            Question(
                "ambition.level",
                "Ambition level (1-3)",
                "1 basic, 2 significant, 3 ambitious: decides which criteria apply.",
                "2",
                number(1, 3, integer=True),
            )
        )
    }
    for theme in Theme:
        level = ask(
            Question(
                f"ambition.{theme.value}",
                f"Ambition for {theme.value} (1-3)",
                "Empty: the overall level.",
                "",
                optional_level,
            )
        )
        if level is not None:
            ambition[theme.value] = level
    commitments = {
        "isv_policy": ask(
            Question(
                "commitments.isv_policy",
                "Committed to the international social conditions (ISV)?",
                "Mandatory for the State above the EU threshold.",
                "yes" if buyer["authority_type"] == AuthorityType.STATE.value else "no",
                yes_no,
            )
        ),
        "electronics_watch_affiliate": ask(
            Question(
                "commitments.electronics_watch_affiliate",
                "Affiliated to Electronics Watch?",
                "Whether the buyer is an affiliate of Electronics Watch (yes or no).",
                "no",
                yes_no,
            )
        ),
        "fira_participant": ask(
            Question(
                "commitments.fira_participant",
                "Participant in FIRA?",
                "Whether the buyer takes part in FIRA (yes or no).",
                "no",
                yes_no,
            )
        ),
    }
    language = ask(
        Question(
            "output_language",
            "Language of the annex (nl or en)",
            "The language of the annex: nl (Dutch) or en (English).",
            "nl",
            choice(["nl", "en"]),
        )
    )
    return {
        "buyer": buyer,
        "procurement": procurement,
        "lots": lots,
        "ambition": ambition,
        "commitments": commitments,
        "output_language": language,
    }


def _load_answers(path: Path) -> dict[str, Any]:
    located = load_located(path, ProfileError)
    if not isinstance(located.data, dict):
        raise click.ClickException(f"{path}: an answers file is a mapping of question keys")
    return {str(k): v for k, v in located.data.items()}


@click.command("init")
@click.option(
    "-o",
    "--output",
    default="profile.yaml",
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The profile file to write.",
)
@click.option(
    "--answers",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Take the answers from this YAML or JSON file (question key -> answer) instead of asking.",
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def init_command(output: Path, answers: Path | None, force: bool) -> None:
    """Write a procurement profile by answering questions (Enter takes the default).

    Example: mvi-rules init -o profile.yaml
    """
    # Refuse before the questions, so nobody answers them for nothing.
    if output.exists() and not force:
        raise click.ClickException(f"{output} already exists; use --force to overwrite it")
    interview = Interview(_load_answers(answers) if answers else None, str(answers))
    if answers is None:
        click.echo("A few questions about your procurement; Enter takes the [default].")
    data = run_interview(interview, date.today())
    unused = interview.unused()
    if unused:
        raise click.ClickException(
            f"{answers}: no question has the key(s) {', '.join(unused)}; nothing written"
        )
    try:
        profile = parse_profile(data, str(output))
    except InputError as exc:
        raise click.ClickException(
            f"the answers do not make a valid profile; nothing written\n{exc}"
        ) from None
    header = (
        f"Procurement profile written by 'mvi-rules init' for {profile.buyer.name}.\n"
        f"Check it with: mvi-rules validate {output.name}\n"
        f"Generate the annex with: mvi-rules generate {output.name} -o annex.docx"
    )
    text = profile_yaml(profile, header, notes=interview.explained)
    write_atomic(output, text.encode("utf-8"), force=force)
    click.echo(f"{output}: profile written ({len(profile.lots)} lot(s))", err=True)
