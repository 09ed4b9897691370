"""The questions ``mvi-rules init`` asks, in order, and the profile built from the answers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import click

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
from ._interview import (
    MAX_LOTS,
    Interview,
    Question,
    choice,
    choices,
    iso_date,
    number,
    optional_choice,
    optional_level,
    optional_yes_no,
    percentage_between,
    text_value,
    years_list,
    yes_no,
)


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
