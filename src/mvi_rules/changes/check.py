"""Checking a proposed change against every drawer, in the practitioner's order, and choosing one.

The order is 2.163c-f first (the big drawers), then 2.163b (the small drawer, whose budget runs
out), then 2.163g. When several drawers fit, the larger one is recommended: changes put in a
bigger drawer do not eat the de-minimis budget (seed 001, "ladekast"). A decrease is the
exception: in the small drawer it is netted against earlier de-minimis changes and frees budget,
so there it comes before 2.163d/e.
"""

from __future__ import annotations

from pathlib import Path

from .._validation import field_path
from ..catalogue import ThresholdTable, load_thresholds
from ..errors import LedgerError, MviRulesError, Problem
from .drawers import CHECKS, Context, chapter_25_via, ground_label, nl_article_ref
from .ledger import PRACTITIONER_ORDER, ContractKind, Ground, Ledger, ProposedChange, Regime
from .limits import Loc, find_regime, jurisdiction_is_be, ledger_problems, proposed_problems
from .result import ChangeCheck, DrawerResult, Recommendation, Verdict
from .texts import Lang, money, pick


class AppendRefusedError(MviRulesError):
    """The proposed change cannot be recorded under the chosen ground."""


def _field(loc: Loc) -> str:
    return field_path(loc)


def check_change(
    ledger: Ledger,
    proposed: ProposedChange | None = None,
    *,
    lang: Lang = "nl",
    thresholds: ThresholdTable | None = None,
    source: str | Path = "<ledger>",
    proposed_label: str = "proposed_change",
) -> ChangeCheck:
    """Check a proposed change against every drawer of the ledger's contract.

    ``proposed`` defaults to the ledger's ``proposed_change``. ``thresholds`` defaults to the
    EU threshold table shipped with mvi-rules. ``source`` and ``proposed_label`` only name
    things in error messages (e.g. the ledger file, and ``--amount/--date`` for a change given
    on the command line).

    Raises :class:`~mvi_rules.errors.LedgerError` when the ledger is inconsistent (dates before
    the award, an overflowed de-minimis drawer, unknown options, ...) or names no change.
    """
    table = thresholds if thresholds is not None else load_thresholds()
    source = str(source)
    problems = [Problem(source, _field(loc), msg) for loc, msg in ledger_problems(ledger, table)]
    change = proposed if proposed is not None else ledger.proposed_change
    if change is None:
        problems.append(
            Problem(
                source,
                "proposed_change",
                "no proposed change: add a proposed_change entry to the ledger, or give one on "
                "the command line (--amount and --date)",
            )
        )
    elif proposed is not None:
        problems.extend(
            Problem(source, f"{proposed_label}.{_field(loc)}", msg)
            for loc, msg in proposed_problems(ledger, proposed)
        )
    if problems:
        raise LedgerError(problems)
    assert change is not None  # for mypy: a missing change was reported above
    finding = find_regime(ledger, table)
    assert finding is not None  # ledger_problems reports a regime that cannot be derived

    ctx = Context(
        ledger=ledger, proposed=change, thresholds=table, lang=lang, regime=finding.regime
    )
    drawers = [CHECKS[g](ctx) for g in PRACTITIONER_ORDER]
    contract = ledger.contract
    if finding.derived:
        assert finding.estimated_value is not None and finding.threshold is not None
        sign = "≥" if finding.regime is Regime.EUROPEAN else "<"
        derivation = pick(
            lang,
            f" (afgeleid: waarde incl. opties {money(finding.estimated_value, lang)} {sign} "
            f"EU-drempel {money(finding.threshold, lang)} op de gunningsdatum "
            f"{contract.award_date}; leg het regime vast in het grootboek als het anders is)",
            f" (derived: value incl. options {money(finding.estimated_value, lang)} {sign} EU "
            f"threshold {money(finding.threshold, lang)} on the award date {contract.award_date}; "
            "state the regime in the ledger if it differs)",
        )
    else:
        derivation = pick(lang, " (volgens het grootboek)", " (as stated in the ledger)")
    regime_text = (
        pick(lang, "Europese procedure", "European procedure")
        if finding.regime is Regime.EUROPEAN
        else pick(lang, "onder de Europese drempel", "below the EU threshold")
    ) + derivation

    return ChangeCheck(
        lang=lang,
        source=source,
        contract=contract,
        proposed_change=change,
        history=list(ledger.changes),
        base_value_eur=contract.base_value_eur,
        base_is_indexed=contract.indexation is not None,
        regime=finding.regime,
        regime_text=regime_text,
        by_analogy=finding.regime is Regime.BELOW_THRESHOLD,
        drawers=drawers,
        recommendation=recommend(drawers, ctx),
        notes=_notes(ctx, drawers),
    )


def _decrease_first(passing: list[DrawerResult]) -> list[DrawerResult]:
    """For a decrease: the de-minimis drawer before the 50 % drawers (2.163d/e).

    In the de-minimis drawer a decrease is netted against earlier de-minimis changes and frees
    budget for later increases; in 2.163d/e it frees nothing and needs a notice. An option the
    change names (2.163c) stays first: the decrease then gives room back to that option.
    """
    small = [d for d in passing if d.ground is Ground.DE_MINIMIS]
    if not small:
        return passing
    head = [d for d in passing if d.ground is Ground.REVIEW_CLAUSE]
    rest = [d for d in passing if d.ground not in (Ground.REVIEW_CLAUSE, Ground.DE_MINIMIS)]
    return head + small + rest


def _decrease_text(best: DrawerResult, ctx: Context) -> str:
    """Why a decrease goes into the small drawer, in a sentence for the adviser."""
    lang = ctx.lang
    before = best.figures["net_cumulative_before"]
    after = best.figures["net_cumulative_after"]
    freed = best.figures["budget_freed"]
    chosen = _chosen(best, ctx)
    european = ctx.regime is Regime.EUROPEAN  # below the threshold a notice is not mandatory
    return pick(
        lang,
        f"Aanbevolen: {chosen}. Een verlaging past het best in het kleine laatje: daar worden "
        "alle wijzigingen netto opgeteld, dus deze verlaging brengt het netto cumulatieve totaal "
        f"van {money(before, lang)} op {money(after, lang)} en maakt {money(freed, lang)} vrij "
        "voor latere verhogingen. In een grotere lade maakt zij niets vrij en gelden extra "
        + ("voorwaarden en een verplichte aankondiging." if european else "voorwaarden."),
        f"Recommended: {chosen}. A decrease is best placed in the small drawer: all its changes "
        "are added up net, so this decrease takes the net cumulative total from "
        f"{money(before, lang)} to {money(after, lang)} and frees {money(freed, lang)} for "
        "later increases. In a larger drawer it frees nothing, and extra conditions "
        + ("and a mandatory notice apply." if european else "apply."),
    )


def _chosen(best: DrawerResult, ctx: Context) -> str:
    return best.title if jurisdiction_is_be(ctx.contract) else f"{best.label} ({best.name})"


def recommend(drawers: list[DrawerResult], ctx: Context) -> Recommendation:
    """The largest drawer whose numbers pass, with the others as fallbacks, largest first.

    A decrease that fits the de-minimis drawer is recommended there instead (before 2.163d/e):
    it lowers the net cumulative de-minimis total and so frees budget.
    """
    lang = ctx.lang
    passing = [d for d in drawers if d.verdict.numeric_pass]
    if ctx.amount < 0:
        passing = _decrease_first(passing)
    review = [d for d in drawers if d.verdict is Verdict.LEGAL_REVIEW]
    if passing:
        best, rest = passing[0], passing[1:]
        chosen = _chosen(best, ctx)
        if best.ground is Ground.DE_MINIMIS and "budget_freed" in best.figures:
            text = _decrease_text(best, ctx)
        elif best.verdict is Verdict.FITS:
            text = pick(
                lang,
                f"Aanbevolen: {chosen}. Dit is de grootste lade waarin de wijziging past.",
                f"Recommended: {chosen}. This is the largest drawer the change fits.",
            )
        else:
            text = pick(
                lang,
                f"Aanbevolen: {chosen}, als de voorwaarden van die lade worden bevestigd. "
                "Dit is de grootste lade die de cijfers toelaten.",
                f"Recommended: {chosen}, if the conditions of that drawer are confirmed. "
                "This is the largest drawer the figures allow.",
            )
        if (
            ctx.amount > 0
            and best.ground is not Ground.DE_MINIMIS
            and any(d.ground is Ground.DE_MINIMIS for d in rest)
        ):
            text += pick(
                lang,
                " De wijziging past ook in het kleine laatje (de-minimis), maar een grotere lade "
                "gaat voor: daar telt de wijziging niet mee in het de-minimisbudget.",
                " The change also fits the small de-minimis drawer, but a larger drawer comes "
                "first: there the change does not eat the de-minimis budget.",
            )
        if best.notice is not None and best.notice.required:
            code = best.notice.bt200_code
            text += pick(
                lang,
                f" Publiceer een aankondiging van de wijziging (BT-200 = {code}).",
                f" Publish a modification notice (BT-200 = {code}).",
            )
        if rest:
            text += (
                pick(
                    lang,
                    " Valt deze lade af, dan in deze volgorde: ",
                    " If this drawer falls away, then in this order: ",
                )
                + ", ".join(d.label for d in rest)
                + "."
            )
        return Recommendation(
            ground=best.ground,
            label=best.label,
            verdict=best.verdict,
            alternatives=[d.ground for d in rest],
            for_legal_review=[d.ground for d in review],
            text=text,
        )
    if jurisdiction_is_be(ctx.contract):
        new_procedure = pick(
            lang,
            "dan is voor deze wijziging een nieuwe plaatsingsprocedure nodig.",
            "then this change needs a new award procedure.",
        )
    else:
        new_procedure = pick(
            lang,
            "dan is voor deze wijziging een nieuwe aanbestedingsprocedure nodig "
            f"({nl_article_ref('2.163a', ctx.contract, lang)}).",
            "then this change needs a new procurement procedure "
            f"({nl_article_ref('2.163a', ctx.contract, lang)}).",
        )
    if review:
        labels = ", ".join(d.label for d in review)
        text = pick(
            lang,
            f"Geen lade past op grond van de cijfers. Laat de jurist {labels} beoordelen; "
            f"past ook dat niet, {new_procedure}",
            f"No drawer fits on the figures. Have the legal adviser assess {labels}; if that "
            f"fails too, {new_procedure}",
        )
    else:
        text = pick(lang, "Geen lade past; ", "No drawer fits; ") + new_procedure
    if any(d.verdict is Verdict.UNDETERMINED for d in drawers):
        text += pick(
            lang,
            " Let op: niet elke toets kon worden gemaakt (zie hierboven).",
            " Note: not every test could be made (see above).",
        )
    return Recommendation(
        ground=None,
        label=None,
        verdict=None,
        alternatives=[],
        for_legal_review=[d.ground for d in review],
        text=text,
    )


def _notes(ctx: Context, drawers: list[DrawerResult]) -> list[str]:
    lang, contract = ctx.lang, ctx.contract
    be = jurisdiction_is_be(contract)
    notes: list[str] = []
    if ctx.regime is Regime.BELOW_THRESHOLD:
        if be:
            notes.append(
                pick(
                    lang,
                    "Deze opdracht ligt onder de Europese drempel. De toetsen zijn naar analogie "
                    "toegepast; of en hoe de AUR-wijzigingsregels op deze opdracht van "
                    "toepassing zijn, is niet vastgelegd in mvi-rules [onbevestigd].",
                    "This contract is below the EU threshold. The tests are applied by analogy; "
                    "whether and how the AUR modification rules apply to it is not recorded in "
                    "mvi-rules [unconfirmed].",
                )
            )
        else:
            notes.append(
                pick(
                    lang,
                    "Deze opdracht is niet Europees aanbesteed. Hoofdstuk 2.5 Aw 2012 (art. 2.163a "
                    f"tot en met 2.163g{chapter_25_via(contract)}) bindt alleen Europese "
                    "procedures; de toetsen hieronder zijn naar analogie toegepast.",
                    "This contract was not awarded in a European procedure. Chapter 2.5 of the "
                    f"Aw 2012 (arts 2.163a-2.163g{chapter_25_via(contract)}) binds only European "
                    "procedures; the tests below are applied by analogy.",
                )
            )
    if contract.indexation is not None:
        notes.append(
            pick(
                lang,
                f"Het contract indexeert ({contract.indexation.clause}): de geïndexeerde waarde "
                f"{money(contract.base_value_eur, lang)} is de basis voor de percentages "
                "(Richtlijn 2014/24/EU, art. 72, lid 3); eerdere wijzigingen zijn met dezelfde "
                "basis nagerekend.",
                f"The contract indexes prices ({contract.indexation.clause}): the indexed value "
                f"{money(contract.base_value_eur, lang)} is the base for the percentages "
                "(Directive 2014/24/EU, Art. 72(3)); earlier changes were rechecked on the same "
                "base.",
            )
        )
    de_minimis = next(d for d in drawers if d.ground is Ground.DE_MINIMIS)
    if "eu_threshold" in de_minimis.figures:
        notes.append(
            pick(
                lang,
                "De de-minimistoets gebruikt de EU-drempel die gold op de datum van de "
                "wijziging. Welke drempel geldt voor een latere wijziging wanneer de drempels "
                "intussen zijn gewijzigd, is onbevestigd.",
                "The de-minimis test uses the EU threshold in force on the date of the change. "
                "Which threshold applies to a later change when the thresholds have moved "
                "since the award is unconfirmed.",
            )
        )
    if be and contract.kind is ContractKind.CONCESSION:
        notes.append(
            pick(
                lang,
                "Belgische concessie: mvi-rules heeft hiervoor geen bevestigde Belgische bron (de "
                "AUR geldt voor overheidsopdrachten); de toetsen volgen Richtlijn 2014/23/EU, "
                "art. 43 [Belgische bepalingen onbevestigd].",
                "Belgian concession: mvi-rules has no confirmed Belgian source for it (the AUR "
                "governs public contracts); the tests follow Directive 2014/23/EU, Art. 43 "
                "[Belgian provisions unconfirmed].",
            )
        )
    elif be:
        notes.append(
            pick(
                lang,
                "Belgische wijzigingsregels: KB 14 januari 2013 (AUR), art. 37-38/19, zoals "
                "gewijzigd bij KB 22 juni 2017. Het artikel per grond (art. 38 "
                "herzieningsclausule, 38/1 bijkomende prestaties, 38/2 onvoorzienbare "
                "omstandigheden, 38/3 vervanging van de opdrachtnemer, 38/4 de-minimisregel, "
                "38/5-38/6 niet-substantiële wijziging) volgt het Waalse portaal 'Modifier le "
                "marché' (https://marchespublics.wallonie.be/pouvoirs-adjudicateurs/"
                "executer-un-marche/modifier-le-marche.html); mvi-rules heeft de nummers niet "
                "tegen de tekst van het KB zelf nagekeken.",
                "Belgian modification rules: KB 14 januari 2013 (AUR), arts 37-38/19, as amended "
                "by KB 22 juni 2017. The article of each ground (art. 38 review clause, 38/1 "
                "additional performance, 38/2 unforeseeable circumstances, 38/3 replacement of "
                "the contractor, 38/4 de-minimis rule, 38/5-38/6 non-substantial modification) "
                "follows the Walloon portal 'Modifier le marché' "
                "(https://marchespublics.wallonie.be/pouvoirs-adjudicateurs/"
                "executer-un-marche/modifier-le-marche.html); mvi-rules has not checked the "
                "numbers against the text of the decree itself.",
            )
        )
    order = ", ".join(ground_label(g, contract, lang) for g in PRACTITIONER_ORDER)
    notes.append(
        pick(
            lang,
            f"Volgorde van toetsing: eerst de grote lades, dan het kleine laatje, als laatste de "
            f"niet-wezenlijke wijziging ({order}). Past een wijziging in meer lades, kies dan de "
            "grotere"
            + (
                "; behalve voor een verlaging die in het kleine laatje past: daar maakt zij "
                "budget vrij."
                if ctx.amount < 0
                else "."
            ),
            f"Testing order: the large drawers first, then the small drawer, the non-substantial "
            f"change last ({order}). When a change fits several drawers, choose the larger one"
            + (
                "; except for a decrease that fits the small drawer: there it frees budget."
                if ctx.amount < 0
                else "."
            ),
        )
    )
    notes.append(
        pick(
            lang,
            "mvi-rules rekent en ordent; het oordeel over de voorwaarden en de vragen is aan de "
            "jurist. Dit is geen juridisch advies.",
            "mvi-rules does the arithmetic and the ordering; judging the conditions and the "
            "questions is for the legal adviser. This is not legal advice.",
        )
    )
    return notes


def ensure_appendable(result: ChangeCheck, ground: Ground) -> DrawerResult:
    """The drawer result for ``ground`` if the change may be recorded under it; else refuse.

    A change may be recorded under a drawer whose numbers pass (the buyer has confirmed the
    conditions by choosing it) or that only a legal adviser can judge; never under a drawer that
    does not fit, does not apply, or could not be checked, and never twice.
    """
    change = result.proposed_change
    for i, earlier in enumerate(result.history):
        if (earlier.date, earlier.amount_eur, earlier.description) == (
            change.date,
            change.amount_eur,
            change.description,
        ):
            raise AppendRefusedError(
                f"this change (same date, amount and description) is already recorded as "
                f"changes[{i}]; not recording it twice"
            )
    drawer = result.drawer(ground)
    if drawer.verdict in (Verdict.FITS, Verdict.CONDITIONAL, Verdict.LEGAL_REVIEW):
        if not result.proposed_change.description:
            raise AppendRefusedError(
                "cannot record the change without a description; give --description (or "
                "proposed_change.description) so the ledger says what changed"
            )
        return drawer
    raise AppendRefusedError(
        f"cannot record the change under {drawer.label} ({ground.value}): "
        f"{drawer.verdict_text.lower()}: {drawer.reason}"
    )
