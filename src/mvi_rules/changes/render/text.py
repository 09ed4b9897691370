"""The change check as plain text for the terminal (Dutch or English)."""

from __future__ import annotations

import textwrap

from ...profile.vocabulary import AUTHORITY_NAMES, AuthorityType
from ..ledger import (
    CONTRACT_KIND_NAMES,
    Contract,
    ContractKind,
    ProposedChange,
    RecordedChange,
)
from ..result import ChangeCheck, DrawerResult, Verdict
from ..texts import Lang, money, signed_money
from .wording import date_text, pick

_WIDTH = 100

#: Verdicts for which the notice is worth reading (the drawer may be used).
SHOW_NOTICE = (Verdict.FITS, Verdict.CONDITIONAL, Verdict.LEGAL_REVIEW)

# The report names the kind of authority with its level beside it ("de Staat (NL, centraal)"),
# so it leaves out what the document's name adds for the State and the Belgian authorities.
_AUTHORITIES = {
    **AUTHORITY_NAMES,
    AuthorityType.STATE: ("de Staat", "the State"),
    AuthorityType.BE_FEDERAL: ("federale overheid", "federal authority"),
    AuthorityType.BE_NON_FEDERAL: ("niet-federale overheid", "non-federal authority"),
}


def authority_text(contract: Contract, lang: Lang) -> str:
    """The authority in words, with its threshold level: ``gemeente (NL, decentraal)``."""
    level = (
        pick(lang, "centraal", "central")
        if contract.authority_type.is_central
        else pick(lang, "decentraal", "sub-central")
    )
    name = pick(lang, *_AUTHORITIES[contract.authority_type])
    return f"{name} ({contract.jurisdiction.value}, {level})"


def kind_text(contract: Contract, lang: Lang) -> str:
    """The kind of contract in words, e.g. ``speciale sectoren (werken)``."""
    text = pick(lang, *CONTRACT_KIND_NAMES[contract.kind])
    if contract.utilities_subject is not None:
        text += (
            f" ({pick(lang, *CONTRACT_KIND_NAMES[ContractKind(contract.utilities_subject.value)])})"
        )
    return text


def change_text(change: ProposedChange | RecordedChange, lang: Lang) -> str:
    """A change in one line: date, signed amount, description."""
    text = f"{date_text(change.date, lang)}, {signed_money(change.amount_eur, lang)}"
    if change.description:
        text += f": {change.description}"
    return text


def contract_facts(check: ChangeCheck) -> list[tuple[str, str]]:
    """The facts a reader needs before the drawers, as (label, value) rows."""
    lang, contract = check.lang, check.contract

    def t(nl: str, en: str) -> str:
        return pick(lang, nl, en)

    rows = [(t("Opdracht", "Contract"), contract.title)]
    if contract.reference:
        rows.append((t("Kenmerk", "Reference"), contract.reference))
    if contract.contractor:
        rows.append((t("Opdrachtnemer", "Contractor"), contract.contractor))
    rows += [
        (
            t("Aanbestedende dienst", "Contracting authority"),
            authority_text(contract, lang),
        ),
        (t("Soort opdracht", "Kind of contract"), kind_text(contract, lang)),
        (t("Regime", "Regime"), check.regime_text),
        (t("Gunningsdatum", "Award date"), date_text(contract.award_date, lang)),
        (t("Oorspronkelijke waarde", "Original value"), money(contract.original_value_eur, lang)),
    ]
    if contract.indexation is not None:
        as_of = (
            f", {date_text(contract.indexation.as_of, lang)}" if contract.indexation.as_of else ""
        )
        rows.append(
            (
                t("Geïndexeerde waarde", "Indexed value"),
                f"{money(contract.indexation.indexed_value_eur, lang)}{as_of}",
            )
        )
    rows += [
        (
            t("Basis voor de percentages", "Base for the percentages"),
            money(check.base_value_eur, lang),
        ),
        (t("Eerdere wijzigingen", "Earlier changes"), str(check.earlier_changes)),
        (t("Voorgestelde wijziging", "Proposed change"), change_text(check.proposed_change, lang)),
    ]
    if check.proposed_change.option:
        rows.append((t("Gebruikt optie", "Uses option"), check.proposed_change.option))
    if check.proposed_change.replaces_contractor:
        rows.append((t("Nieuwe opdrachtnemer", "New contractor"), t("ja", "yes")))
    return rows


def _wrap(text: str, first: str, rest: str) -> list[str]:
    return textwrap.wrap(
        text, width=_WIDTH, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False
    ) or [first.rstrip()]


def drawer_sections(drawer: DrawerResult, lang: Lang) -> list[tuple[str, list[str]]]:
    """A drawer's lists under their headings, in reading order (the report and the memo)."""
    return [
        (pick(lang, "Berekening", "Arithmetic"), drawer.arithmetic),
        (
            pick(lang, "Te bevestigen door de aanbestedende dienst", "The buyer must confirm"),
            drawer.conditions,
        ),
        (pick(lang, "Vragen voor de jurist", "Questions for the legal adviser"), drawer.questions),
        (pick(lang, "Let op", "Note"), drawer.notes),
    ]


def _drawer_lines(drawer: DrawerResult, lang: Lang) -> list[str]:
    lines = _wrap(f"{drawer.order}. {drawer.title}: {drawer.verdict_text}", "", "   ")
    lines += _wrap(drawer.reason, "   ", "   ")
    for heading, items in drawer_sections(drawer, lang):
        if items:
            lines.append(f"   {heading}:")
            for item in items:
                lines += _wrap(item, "   - ", "     ")
    if drawer.notice is not None and drawer.verdict in SHOW_NOTICE:
        lines += _wrap(pick(lang, "Aankondiging: ", "Notice: ") + drawer.notice.text, "   ", "   ")
    lines += _wrap(
        pick(lang, "Bronnen: ", "References: ") + "; ".join(drawer.references), "   ", "   "
    )
    return lines


def render_text(check: ChangeCheck) -> str:
    """The whole check as text: the contract, each drawer in testing order, advice, notes."""
    lang = check.lang
    title = check.heading()
    lines = [title, "=" * min(len(title), _WIDTH), ""]
    rows = contract_facts(check)
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        lines += _wrap(value, f"{label.ljust(width)} : ", " " * (width + 3))
    lines += ["", pick(lang, "Lades, in de volgorde van toetsing", "Drawers, in testing order"), ""]
    for drawer in check.drawers:
        lines += _drawer_lines(drawer, lang)
        lines.append("")
    lines.append(pick(lang, "Advies", "Recommendation"))
    lines += _wrap(check.recommendation.text, "  ", "  ")
    lines += ["", pick(lang, "Opmerkingen", "Notes")]
    for note in check.notes:
        lines += _wrap(note, "  - ", "    ")
    return "\n".join(lines) + "\n"
