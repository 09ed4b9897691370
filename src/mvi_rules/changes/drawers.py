"""One check per drawer of the "ladekast" (Aw 2012 art. 2.163b-g and the Belgian AUR equivalents).

Each function takes the same :class:`Context` and returns a :class:`DrawerResult` with the
verdict, the arithmetic written out, what the buyer must confirm and what a legal adviser must
answer. Article numbers are given only where a source confirms them; everything else is
named by its ground and marked unconfirmed. Belgian article numbers (KB 14 januari 2013, AUR)
follow the Walloon procurement portal and say so.

Chapter 2.5 of the Aw 2012 (art. 2.163a-g) applies to concessions through art. 2a.53 and to
utilities through art. 3.80d, so a Dutch concession or utilities contract cites
"art. 2.163x jo. art. 2a.53" or "art. 2.163x jo. art. 3.80d".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from ..catalogue.thresholds import ThresholdKind, ThresholdTable
from .ledger import (
    PRACTITIONER_ORDER,
    Contract,
    ContractKind,
    Ground,
    Ledger,
    ProposedChange,
    Regime,
)
from .limits import (
    FIFTY_PERCENT,
    de_minimis_limit,
    de_minimis_total,
    fits_de_minimis,
    has_fifty_percent_cap,
    jurisdiction_is_be,
    option_used,
)
from .result import DrawerResult, Notice, Verdict
from .texts import Lang, money, percent, pick


@dataclass(frozen=True)
class Context:
    """What every drawer check needs."""

    ledger: Ledger
    proposed: ProposedChange
    thresholds: ThresholdTable
    lang: Lang
    regime: Regime

    @property
    def contract(self) -> Contract:
        """The contract as awarded."""
        return self.ledger.contract

    @property
    def base(self) -> Decimal:
        """The (indexed) original value the percentages are taken of."""
        return self.contract.base_value_eur

    @property
    def amount(self) -> Decimal:
        """The proposed change's amount (+ increase, - decrease)."""
        return self.proposed.amount_eur

    @property
    def be(self) -> bool:
        """Whether this is a Belgian contract."""
        return jurisdiction_is_be(self.contract)

    def t(self, nl: str, en: str) -> str:
        """Wording in the output language."""
        return pick(self.lang, nl, en)

    def m(self, amount: Decimal) -> str:
        """Money in the output language."""
        return money(amount, self.lang)

    def base_text(self) -> str:
        """The base value with what it is: ``de oorspronkelijke waarde € 1.000.000,00``."""
        if self.contract.indexation is not None:
            return self.t(
                f"de geïndexeerde oorspronkelijke waarde {self.m(self.base)}",
                f"the indexed original value {self.m(self.base)}",
            )
        return self.t(
            f"de oorspronkelijke waarde {self.m(self.base)}",
            f"the original value {self.m(self.base)}",
        )

    def plus(self, total: Decimal, amount: Decimal) -> str:
        """``€ 60.000,00 + € 50.000,00`` or, for a decrease, ``€ 60.000,00 - € 12.500,00``."""
        if amount < 0:
            return f"{self.m(total)} - {self.m(-amount)}"
        return f"{self.m(total)} + {self.m(amount)}"


# --- names and references -------------------------------------------------------------------

_NL_NAMES = {
    Ground.REVIEW_CLAUSE: ("optie of herzieningsclausule", "option or review clause"),
    Ground.ADDITIONAL: (
        "aanvullende leveringen, diensten of werken",
        "additional supplies, services or works",
    ),
    Ground.UNFORESEEABLE: ("onvoorziene omstandigheden", "unforeseeable circumstances"),
    Ground.NEW_CONTRACTOR: ("nieuwe opdrachtnemer", "new contractor"),
    Ground.DE_MINIMIS: (
        "de-minimiswijziging (het kleine laatje)",
        "de-minimis change (the small drawer)",
    ),
    Ground.NON_SUBSTANTIAL: ("niet-wezenlijke wijziging", "non-substantial change"),
}

_BE_NAMES = {
    Ground.REVIEW_CLAUSE: ("herzieningsclausule", "review clause"),
    Ground.ADDITIONAL: (
        "bijkomende werken, leveringen of diensten",
        "additional works, supplies or services",
    ),
    Ground.UNFORESEEABLE: ("onvoorzienbare omstandigheden", "unforeseeable circumstances"),
    Ground.NEW_CONTRACTOR: ("vervanging van de opdrachtnemer", "replacement of the contractor"),
    Ground.DE_MINIMIS: ("de-minimisregel", "de-minimis rule"),
    Ground.NON_SUBSTANTIAL: ("niet-substantiële wijziging", "non-substantial modification"),
}

_BE_SHORT = {
    Ground.REVIEW_CLAUSE: ("herzieningsclausule", "review clause"),
    Ground.ADDITIONAL: ("bijkomende prestaties", "additional performance"),
    Ground.UNFORESEEABLE: ("onvoorzienbaar", "unforeseeable"),
    Ground.NEW_CONTRACTOR: ("vervanging opdrachtnemer", "new contractor"),
    Ground.DE_MINIMIS: ("de-minimis", "de-minimis"),
    Ground.NON_SUBSTANTIAL: ("niet-substantieel", "non-substantial"),
}

# Dir. 2014/24/EU art. 72, per ground (DOMAIN.md section 6).
_DIR24 = {
    Ground.REVIEW_CLAUSE: ("lid 1, onder a", "(1)(a)"),
    Ground.ADDITIONAL: ("lid 1, onder b", "(1)(b)"),
    Ground.UNFORESEEABLE: ("lid 1, onder c", "(1)(c)"),
    Ground.NEW_CONTRACTOR: ("lid 1, onder d", "(1)(d)"),
    Ground.DE_MINIMIS: ("lid 2", "(2)"),
    Ground.NON_SUBSTANTIAL: ("lid 1, onder e, en lid 4", "(1)(e) and (4)"),
}


#: The article of KB 14 januari 2013 (AUR, NUMAC 2013021005) for each ground, as the Walloon
#: procurement portal "Modifier le marché" numbers them (marchespublics.wallonie.be). The
#: numbers were not checked against the text of the decree itself, so every reference says
#: where the number comes from (secondary) instead of presenting it as confirmed.
AUR_ARTICLES = {
    Ground.REVIEW_CLAUSE: "38",
    Ground.ADDITIONAL: "38/1",
    Ground.UNFORESEEABLE: "38/2",
    Ground.NEW_CONTRACTOR: "38/3",
    Ground.DE_MINIMIS: "38/4",
    Ground.NON_SUBSTANTIAL: "38/5-38/6",
}

#: The review clauses the AUR itself lays down (mandatory, or applying by default when the
#: procurement documents lack them), with the same portal as source for their numbers.
AUR_DEFAULT_CLAUSES = (
    ("38/7", "prijsherziening", "price revision"),
    ("38/8", "heffingen", "taxes"),
    (
        "38/9-38/10",
        "onvoorzienbare omstandigheden voor de opdrachtnemer",
        "unforeseeable circumstances for the contractor",
    ),
    ("38/11", "feiten van de partijen", "facts of the parties"),
    ("38/12", "schadevergoeding na schorsingen", "indemnities after suspensions"),
)

#: How a Belgian article number is marked: where it comes from, not "unconfirmed".
AUR_SECONDARY = (
    "nummering volgens het Waalse portaal 'Modifier le marché'",
    "numbering per the Walloon portal 'Modifier le marché'",
)


def aur_reference(ground: Ground, lang: Lang) -> str:
    """``KB 14 januari 2013 (AUR), art. 38/4: de-minimisregel (nummering volgens ...)``."""
    name = pick(lang, *_BE_NAMES[ground])
    article = AUR_ARTICLES[ground]
    art = "art." if "-" not in article else pick(lang, "art.", "arts")
    return f"KB 14 januari 2013 (AUR), {art} {article}: {name} ({pick(lang, *AUR_SECONDARY)})"


def aur_default_clauses(lang: Lang) -> str:
    """``art. 38/7 (prijsherziening), 38/8 (heffingen), ...`` in the output language."""
    return ", ".join(f"{number} ({pick(lang, nl, en)})" for number, nl, en in AUR_DEFAULT_CLAUSES)


def be_prefix(contract: Contract) -> str:
    """How Belgian drawers are labelled: after the AUR, except for concessions (not AUR)."""
    return "BE" if contract.kind is ContractKind.CONCESSION else "AUR"


def ground_name(ground: Ground, contract: Contract, lang: Lang) -> str:
    """The ground's name in the contract's legal vocabulary."""
    names = _BE_NAMES if jurisdiction_is_be(contract) else _NL_NAMES
    return pick(lang, *names[ground])


def ground_label(ground: Ground, contract: Contract, lang: Lang) -> str:
    """Short label: the Dutch article (``2.163b``) or, for Belgium, ``AUR <ground>``."""
    if jurisdiction_is_be(contract):
        return f"{be_prefix(contract)} " + pick(lang, *_BE_SHORT[ground])
    return ground.nl_article


def ground_title(ground: Ground, contract: Contract, lang: Lang) -> str:
    """Heading of a drawer: ``2.163d: aanvullende ...`` or ``AUR: bijkomende ...``."""
    name = ground_name(ground, contract, lang)
    if jurisdiction_is_be(contract):
        return f"{be_prefix(contract)}: {name}"
    return f"{ground.nl_article}: {name}"


#: The Aw 2012 article that applies chapter 2.5 to a kind of contract outside the classic sector.
_CHAPTER_25_VIA = {ContractKind.CONCESSION: "2a.53", ContractKind.UTILITIES: "3.80d"}


def nl_article_ref(article: str, contract: Contract, lang: Lang) -> str:
    """A Dutch article of chapter 2.5 as it applies to the contract: ``art. 2.163b Aw 2012``,
    or for a concession ``art. 2.163b jo. art. 2a.53 Aw 2012`` (utilities: ``jo. art. 3.80d``).

    ``article`` may carry a paragraph or a range (``2.163g lid 3``, ``2.163a tot en met 2.163g``).
    """
    joined = chapter_25_via(contract)
    return pick(lang, f"art. {article}{joined} Aw 2012", f"Aw 2012 art. {article}{joined}")


def chapter_25_via(contract: Contract) -> str:
    """`` jo. art. 2a.53`` (concessions), `` jo. art. 3.80d`` (utilities) or ``""``."""
    via = _CHAPTER_25_VIA.get(contract.kind)
    return f" jo. art. {via}" if via else ""


def references(ground: Ground, contract: Contract, lang: Lang) -> list[str]:
    """The legal references for a drawer; unconfirmed article numbers are marked, not guessed."""
    article = ground.nl_article
    refs: list[str] = []
    if jurisdiction_is_be(contract):
        name = pick(lang, *_BE_NAMES[ground])
        if contract.kind is ContractKind.CONCESSION:
            refs.append(
                pick(
                    lang,
                    f"Belgische regelgeving voor concessies (niet de AUR): {name} "
                    "[bron onbevestigd]",
                    f"Belgian rules for concessions (not the AUR): {name} [source unconfirmed]",
                )
            )
        else:
            refs.append(aur_reference(ground, lang))
    else:
        # Chapter 2.5 itself applies, to concessions and utilities through 2a.53 / 3.80d.
        refs.append(nl_article_ref(article, contract, lang))
    if ground is Ground.NON_SUBSTANTIAL and not jurisdiction_is_be(contract):
        refs.append(
            pick(
                lang,
                nl_article_ref("2.163g lid 3", contract, lang)
                + " (wanneer een wijziging wezenlijk is)",
                nl_article_ref("2.163g(3)", contract, lang) + " (when a change is substantial)",
            )
        )
    if contract.kind is ContractKind.UTILITIES:
        refs.append(pick(lang, "Richtlijn 2014/25/EU, art. 89", "Directive 2014/25/EU, Art. 89"))
    elif contract.kind is ContractKind.CONCESSION:
        refs.append(pick(lang, "Richtlijn 2014/23/EU, art. 43", "Directive 2014/23/EU, Art. 43"))
    else:
        nl_par, en_par = _DIR24[ground]
        refs.append(
            pick(
                lang,
                f"Richtlijn 2014/24/EU, art. 72, {nl_par}",
                f"Directive 2014/24/EU, Art. 72{en_par}",
            )
        )
    return refs


def notice_subtype(contract: Contract) -> int:
    """The eForms contract modification notice subtype for the contract's directive.

    eForms SDK, notice-types/notice-types.json (form type ``cont-modif``): 38 for Directive
    2014/24/EU, 39 for utilities (2014/25/EU), 40 for concessions (2014/23/EU).
    """
    if contract.kind is ContractKind.UTILITIES:
        return 39
    if contract.kind is ContractKind.CONCESSION:
        return 40
    return 38


def notice(ctx: Context, ground: Ground, required: bool) -> Notice:
    """The modification notice for a drawer: required for 2.163d/e, optional otherwise."""
    subtype = notice_subtype(ctx.contract)
    code = ground.bt200
    form = ctx.t(
        f"eForms-aankondiging van een wijziging, subtype {subtype}, "
        f"BT-200 (reden van de wijziging) = {code}",
        f"eForms contract modification notice, subtype {subtype}, "
        f"BT-200 (modification reason) = {code}",
    )
    if not required:
        text = ctx.t(
            f"Geen aankondiging van een wijziging voorgeschreven. Publiceert u toch: {form}.",
            f"No modification notice is required. If you publish one: {form}.",
        )
        return Notice(
            required=False,
            eforms_notice_subtype=subtype,
            bt200_code=code,
            bt202_description=ctx.proposed.description or None,
            text=text,
        )
    if ctx.regime is Regime.BELOW_THRESHOLD:
        text = ctx.t(
            f"Bij een Europese procedure is een aankondiging van een wijziging verplicht ({form}). "
            "Deze opdracht is niet Europees aanbesteed: die plicht geldt hooguit naar analogie; "
            "bespreek met de jurist of u publiceert.",
            f"In a European procedure a modification notice is mandatory ({form}). This contract "
            "was not awarded in a European procedure: the duty applies by analogy at most; "
            "discuss with the legal adviser whether to publish.",
        )
        return Notice(
            required=False,
            eforms_notice_subtype=subtype,
            bt200_code=code,
            bt202_description=ctx.proposed.description or None,
            text=text,
        )
    if ctx.be:
        where = ctx.t(
            " (het Belgische publicatieartikel is niet bevestigd in mvi-rules)",
            " (the Belgian publication article is not confirmed in mvi-rules)",
        )
    else:
        where = ctx.t(" via TenderNed", " through TenderNed")
    text = ctx.t(
        f"Verplicht: publiceer een aankondiging van een wijziging{where}: {form}.",
        f"Mandatory: publish a modification notice{where}: {form}.",
    )
    return Notice(
        required=True,
        eforms_notice_subtype=subtype,
        bt200_code=code,
        bt202_description=ctx.proposed.description or None,
        text=text,
    )


def _result(
    ctx: Context,
    ground: Ground,
    verdict: Verdict,
    reason: str,
    **fields: object,
) -> DrawerResult:
    label = ground_label(ground, ctx.contract, ctx.lang)
    return DrawerResult(
        ground=ground,
        order=PRACTITIONER_ORDER.index(ground) + 1,
        label=label,
        name=ground_name(ground, ctx.contract, ctx.lang),
        title=ground_title(ground, ctx.contract, ctx.lang),
        references=references(ground, ctx.contract, ctx.lang),
        verdict=verdict,
        verdict_text=verdict.label(ctx.lang),
        reason=reason,
        **fields,
    )


def _replacement_only(ctx: Context, ground: Ground) -> DrawerResult:
    """Any drawer but 2.163f, when the proposed change replaces the contractor."""
    return _result(
        ctx,
        ground,
        Verdict.NOT_APPLICABLE,
        ctx.t(
            "De opdrachtnemer wordt vervangen; dat kan alleen via de lade voor een nieuwe "
            f"opdrachtnemer. Daarbuiten is vervanging altijd een {_substantial(ctx)}e wijziging.",
            "The contractor is replaced; that is possible only through the new-contractor drawer. "
            "Outside it, a replacement is always a substantial change.",
        ),
    )


def _substantial(ctx: Context) -> str:
    # Belgian law says "substantieel" where the Dutch Aw says "wezenlijk".
    return "substantieel" if ctx.be else "wezenlijk"


def _general_nature(ctx: Context) -> str:
    return ctx.t(
        "De wijziging verandert de algemene aard van de opdracht niet (een eigen, engere toets "
        f"dan '{_substantial(ctx)}': HvJ EU C-282/24, 16 oktober 2025).",
        "The change does not alter the overall nature of the contract (a test of its own, "
        "narrower than 'substantial': CJEU C-282/24, 16 October 2025).",
    )


def _ratio_line(ctx: Context) -> str:
    ratio = percent(abs(ctx.amount) / ctx.base, ctx.lang, 2)
    if ctx.amount < 0:
        return ctx.t(
            f"De wijziging is een verlaging met {ratio} van {ctx.base_text()}.",
            f"The change is a decrease of {ratio} of {ctx.base_text()}.",
        )
    return ctx.t(
        f"De wijziging is {ratio} van {ctx.base_text()}.",
        f"The change is {ratio} of {ctx.base_text()}.",
    )


# --- the drawers ----------------------------------------------------------------------------


def check_review_clause(ctx: Context) -> DrawerResult:
    """2.163c: the change uses an option or review clause of the contract, within its maximum."""
    ground = Ground.REVIEW_CLAUSE
    if ctx.proposed.replaces_contractor:
        return _replacement_only(ctx, ground)
    notes: list[str] = []
    if ctx.be and ctx.contract.kind is not ContractKind.CONCESSION:
        notes.append(
            ctx.t(
                "In België zijn sommige herzieningsclausules verplicht en gelden sommige van "
                "rechtswege als de opdrachtdocumenten ze niet bevatten (KB 14 januari 2013 "
                f"(AUR), art. {aur_default_clauses('nl')}; {AUR_SECONDARY[0]}). mvi-rules "
                "toetst alleen de opties in het grootboek: ga na of de wijziging onder zo'n "
                "verplichte of aanvullende clausule valt.",
                "In Belgium some review clauses are mandatory and some apply by default when the "
                "procurement documents lack them (KB 14 januari 2013 (AUR), arts "
                f"{aur_default_clauses('en')}; {AUR_SECONDARY[1]}). mvi-rules checks only the "
                "options in the ledger: check whether the change falls under such a mandatory "
                "or default clause.",
            )
        )
    option_id = ctx.proposed.option
    if option_id is None:
        if ctx.ledger.options:
            listed = "; ".join(
                f"{o.id} ({o.description}"
                + (
                    ctx.t(
                        f", ruimte {ctx.m(o.max_value_eur - option_used(ctx.ledger, o.id))})",
                        f", room {ctx.m(o.max_value_eur - option_used(ctx.ledger, o.id))})",
                    )
                    if o.max_value_eur is not None
                    else ")"
                )
                for o in ctx.ledger.options
            )
            reason = ctx.t(
                f"De voorgestelde wijziging noemt geen optie. Opties in het contract: {listed}. "
                "Gebruikt de wijziging er een, vermeld die optie dan bij de voorgestelde "
                "wijziging.",
                f"The proposed change names no option. Options in the contract: {listed}. "
                "If the change uses one, name that option with the proposed change.",
            )
        else:
            reason = ctx.t(
                "Het grootboek bevat geen opties of herzieningsclausules; deze lade is leeg.",
                "The ledger lists no options or review clauses; this drawer is empty.",
            )
        return _result(ctx, ground, Verdict.NOT_APPLICABLE, reason, notes=notes)

    option = ctx.ledger.option(option_id)
    if option is None:  # load_ledger and check_change reject this; kept for direct callers
        raise ValueError(f"unknown option {option_id!r}")
    conditions = [
        ctx.t(
            f"De optie '{option.id}' stond duidelijk, nauwkeurig en ondubbelzinnig in de "
            "oorspronkelijke aanbestedingsstukken, met omvang, aard en voorwaarden van gebruik.",
            f"Option '{option.id}' was in the original procurement documents in clear, precise "
            "and unequivocal terms, stating its scope, nature and conditions of use.",
        ),
        ctx.t(
            f"De wijziging valt binnen wat de optie beschrijft: {option.description}.",
            f"The change is within what the option describes: {option.description}.",
        ),
        _general_nature(ctx),
    ]
    used = option_used(ctx.ledger, option.id)
    after = used + ctx.amount
    figures: dict[str, Decimal] = {"option_used_before": used, "option_used_after": after}
    arithmetic = [
        ctx.t(
            f"Optie '{option.id}': eerder gebruikt {ctx.m(used)}; met deze wijziging "
            f"{ctx.plus(used, ctx.amount)} = {ctx.m(after)}.",
            f"Option '{option.id}': used before {ctx.m(used)}; with this change "
            f"{ctx.plus(used, ctx.amount)} = {ctx.m(after)}.",
        )
    ]
    late = option.exercisable_until is not None and ctx.proposed.date > option.exercisable_until
    if late:
        return _result(
            ctx,
            ground,
            Verdict.DOES_NOT_FIT,
            ctx.t(
                f"De optie '{option.id}' kon worden gebruikt tot {option.exercisable_until}; de "
                f"wijziging is op {ctx.proposed.date}.",
                f"Option '{option.id}' could be used until {option.exercisable_until}; the change "
                f"is dated {ctx.proposed.date}.",
            ),
            arithmetic=arithmetic,
            figures=figures,
            notes=notes,
            notice=notice(ctx, ground, required=False),
        )
    if option.max_value_eur is None:
        conditions.insert(
            0,
            ctx.t(
                "Het grootboek noemt geen maximum voor deze optie: bevestig dat de wijziging "
                "binnen de in het contract vastgelegde omvang blijft.",
                "The ledger states no maximum for this option: confirm that the change stays "
                "within the extent the contract lays down.",
            ),
        )
        return _result(
            ctx,
            ground,
            Verdict.CONDITIONAL,
            ctx.t(
                f"De wijziging gebruikt optie '{option.id}'; die heeft in het grootboek geen "
                "maximum, dus de omvang moet worden bevestigd.",
                f"The change uses option '{option.id}', which has no maximum in the ledger, so "
                "its extent must be confirmed.",
            ),
            arithmetic=arithmetic,
            figures=figures,
            conditions=conditions,
            notes=notes,
            notice=notice(ctx, ground, required=False),
        )
    maximum = option.max_value_eur
    figures.update(
        option_max=maximum, remaining_before=maximum - used, remaining_after=maximum - after
    )
    fits = after <= maximum
    arithmetic.append(
        ctx.t(
            f"Maximum van de optie: {ctx.m(maximum)}; {ctx.m(after)} "
            + ("≤" if fits else ">")
            + f" {ctx.m(maximum)}. Ruimte vóór deze wijziging {ctx.m(maximum - used)}"
            + (f", daarna {ctx.m(maximum - after)}." if fits else "."),
            f"Option maximum: {ctx.m(maximum)}; {ctx.m(after)} "
            + ("≤" if fits else ">")
            + f" {ctx.m(maximum)}. Room before this change {ctx.m(maximum - used)}"
            + (f", after it {ctx.m(maximum - after)}." if fits else "."),
        )
    )
    if fits:
        reason = ctx.t(
            f"De wijziging past binnen optie '{option.id}' (maximum {ctx.m(maximum)}).",
            f"The change fits option '{option.id}' (maximum {ctx.m(maximum)}).",
        )
        verdict = Verdict.FITS
    else:
        reason = ctx.t(
            f"Met deze wijziging komt het gebruik van optie '{option.id}' op {ctx.m(after)}, "
            f"boven het maximum {ctx.m(maximum)}.",
            f"With this change option '{option.id}' would be used for {ctx.m(after)}, above its "
            f"maximum {ctx.m(maximum)}.",
        )
        verdict = Verdict.DOES_NOT_FIT
    return _result(
        ctx,
        ground,
        verdict,
        reason,
        arithmetic=arithmetic,
        figures=figures,
        conditions=conditions if fits else [],
        notes=notes,
        notice=notice(ctx, ground, required=False),
    )


def _fifty_percent(ctx: Context) -> tuple[bool, list[str], dict[str, Decimal]]:
    """The 50 % cap per change (2.163d/e); utilities have none. Returns (passes, lines, figures).

    The cap limits the size of a change, so a decrease is measured by its absolute value.
    """
    if not has_fifty_percent_cap(ctx.contract):
        line = ctx.t(
            "Speciale sectoren: geen 50%-grens per wijziging (Richtlijn 2014/25/EU, art. 89, "
            "kent die grens niet"
            + ("" if ctx.be else "; hoofdstuk 2.5 Aw 2012 geldt hier via art. 3.80d")
            + ").",
            "Utilities: no 50% cap per change (Directive 2014/25/EU, Art. 89, has none"
            + ("" if ctx.be else "; chapter 2.5 of the Aw 2012 applies through art. 3.80d")
            + ").",
        )
        return True, [line, _ratio_line(ctx)], {}
    cap = ctx.base * FIFTY_PERCENT
    size = abs(ctx.amount)
    passes = size <= cap
    sign = "≤" if passes else ">"
    if ctx.amount < 0:
        line = ctx.t(
            f"50%-grens per wijziging, gemeten aan de omvang van de verlaging: {ctx.m(size)} "
            f"{sign} {ctx.m(cap)} (50% van {ctx.base_text()}).",
            f"50% cap per change, measured by the size of the decrease: {ctx.m(size)} {sign} "
            f"{ctx.m(cap)} (50% of {ctx.base_text()}).",
        )
    else:
        line = ctx.t(
            f"50%-grens per wijziging: {ctx.m(size)} {sign} {ctx.m(cap)} "
            f"(50% van {ctx.base_text()}).",
            f"50% cap per change: {ctx.m(size)} {sign} {ctx.m(cap)} (50% of {ctx.base_text()}).",
        )
    return passes, [line, _ratio_line(ctx)], {"cap": cap}


def _not_split(ctx: Context) -> list[str]:
    """The no-splitting condition of 2.163d/e; empty for utilities, which have no 50 % cap."""
    if not has_fifty_percent_cap(ctx.contract):
        return []
    return [
        ctx.t(
            "De wijziging is niet opgeknipt om de 50%-grens te ontlopen.",
            "The change has not been split to stay below the 50% cap.",
        )
    ]


def _earlier_in(ctx: Context, ground: Ground) -> str | None:
    earlier = [c for c in ctx.ledger.changes if c.ground is ground]
    if not earlier:
        return None
    total = sum((c.amount_eur for c in earlier), Decimal(0))
    if not has_fifty_percent_cap(ctx.contract):
        return ctx.t(
            f"Eerder in deze lade: {len(earlier)} wijziging(en), samen {ctx.m(total)}. Die tellen "
            "niet op; speciale sectoren kennen geen 50%-grens.",
            f"Earlier in this drawer: {len(earlier)} change(s), together {ctx.m(total)}. They do "
            "not add up; utilities have no 50% cap.",
        )
    return ctx.t(
        f"Eerder in deze lade: {len(earlier)} wijziging(en), samen {ctx.m(total)}. Die tellen "
        "niet op (de grens geldt per wijziging), maar opknippen van één wijziging om onder de "
        "grens te blijven is niet toegestaan.",
        f"Earlier in this drawer: {len(earlier)} change(s), together {ctx.m(total)}. They do not "
        "add up (the cap is per change), but splitting one change to stay below the cap is not "
        "allowed.",
    )


def _capped(ctx: Context, ground: Ground, conditions: list[str]) -> DrawerResult:
    """The verdict of a drawer capped at 50 % per change (2.163d, 2.163e), with a notice."""
    passes, arithmetic, figures = _fifty_percent(ctx)
    notes = [n for n in (_earlier_in(ctx, ground),) if n]
    if passes:
        verdict = Verdict.CONDITIONAL
        reason = ctx.t(
            "De cijfers laten deze lade toe; de wijziging past als de voorwaarden hieronder "
            "worden bevestigd, en er moet een aankondiging van de wijziging worden gepubliceerd.",
            "The figures allow this drawer; the change fits if the conditions below are "
            "confirmed, and a modification notice must be published.",
        )
    else:
        verdict = Verdict.DOES_NOT_FIT
        what = (
            ctx.t("De verlaging", "The decrease")
            if ctx.amount < 0
            else ctx.t("De wijziging", "The change")
        )
        reason = ctx.t(
            f"{what} is groter dan de 50%-grens van {ctx.m(figures['cap'])}.",
            f"{what} exceeds the 50% cap of {ctx.m(figures['cap'])}.",
        )
    return _result(
        ctx,
        ground,
        verdict,
        reason,
        arithmetic=arithmetic,
        figures=figures,
        conditions=conditions if passes else [],
        notes=notes,
        notice=notice(ctx, ground, required=True),
    )


def check_additional(ctx: Context) -> DrawerResult:
    """2.163d: additional supplies, services or works by the same contractor (50 % per change)."""
    ground = Ground.ADDITIONAL
    if ctx.proposed.replaces_contractor:
        return _replacement_only(ctx, ground)
    if ctx.amount <= 0:
        return _result(
            ctx,
            ground,
            Verdict.NOT_APPLICABLE,
            ctx.t(
                "Deze lade is voor aanvullende prestaties; de wijziging verhoogt de "
                "opdrachtwaarde niet.",
                "This drawer is for additional performance; the change does not increase the "
                "contract value.",
            ),
        )
    conditions = [
        ctx.t(
            "De aanvullende leveringen, diensten of werken zijn noodzakelijk geworden en zaten "
            "niet in de oorspronkelijke opdracht.",
            "The additional supplies, services or works have become necessary and were not "
            "included in the original contract.",
        ),
        ctx.t(
            "Een andere opdrachtnemer is om economische of technische redenen niet mogelijk "
            "(bijvoorbeeld uitwisselbaarheid of interoperabiliteit met bestaande apparatuur, "
            "diensten of installaties).",
            "A change of contractor cannot be made for economic or technical reasons (for "
            "example interchangeability or interoperability with existing equipment, services "
            "or installations).",
        ),
        ctx.t(
            "Een andere opdrachtnemer zou voor de aanbestedende dienst aanzienlijk ongemak of "
            "een aanzienlijke verdubbeling van de kosten meebrengen.",
            "A change of contractor would cause the buyer significant inconvenience or "
            "substantial duplication of costs.",
        ),
        *_not_split(ctx),
    ]
    return _capped(ctx, ground, conditions)


def check_unforeseeable(ctx: Context) -> DrawerResult:
    """2.163e: the need arose from circumstances a diligent buyer could not foresee (50 %)."""
    ground = Ground.UNFORESEEABLE
    if ctx.proposed.replaces_contractor:
        return _replacement_only(ctx, ground)
    # Unlike 2.163d, a decrease may use this drawer; the 50 % cap then applies to its size.
    conditions = [
        ctx.t(
            "De noodzaak van de wijziging komt voort uit omstandigheden die een zorgvuldig "
            "handelende aanbestedende dienst niet kon voorzien.",
            "The need for the change arose from circumstances a diligent buyer could not foresee.",
        ),
        _general_nature(ctx),
        *_not_split(ctx),
    ]
    return _capped(ctx, ground, conditions)


def check_new_contractor(ctx: Context) -> DrawerResult:
    """2.163f: another contractor takes over; only questions for the legal adviser."""
    ground = Ground.NEW_CONTRACTOR
    if not ctx.proposed.replaces_contractor:
        return _result(
            ctx,
            ground,
            Verdict.NOT_APPLICABLE,
            ctx.t(
                "Alleen voor een wijziging waarbij een andere opdrachtnemer de opdracht "
                "overneemt; volgens de voorgestelde wijziging is daarvan hier geen sprake.",
                "Only for a change in which another contractor takes over the contract; "
                "according to the proposed change, that is not the case here.",
            ),
        )
    questions = [
        ctx.t(
            "Gebeurt de vervanging op grond van een duidelijke, nauwkeurige en ondubbelzinnige "
            "herzieningsclausule of optie in de oorspronkelijke aanbestedingsstukken?",
            "Is the replacement made under a clear, precise and unequivocal review clause or "
            "option in the original procurement documents?",
        ),
        ctx.t(
            "Of treedt de nieuwe opdrachtnemer in de plaats van de oorspronkelijke als gevolg van "
            "een herstructurering van de onderneming (zoals overname, fusie, verwerving of "
            "insolventie), en voldoet hij aan de oorspronkelijke kwalitatieve selectiecriteria?",
            "Or does the new contractor succeed the original one after a corporate "
            "restructuring (such as takeover, merger, acquisition or insolvency), and does it "
            "meet the original qualitative selection criteria?",
        ),
        ctx.t(
            "Brengt de vervanging geen andere wezenlijke wijzigingen mee, en is zij niet bedoeld "
            "om de aanbestedingsregels te ontwijken?",
            "Does the replacement bring no other substantial changes, and is it not meant to "
            "circumvent the procurement rules?",
        ),
    ]
    return _result(
        ctx,
        ground,
        Verdict.LEGAL_REVIEW,
        ctx.t(
            "Deze lade heeft geen rekentoets; de jurist beantwoordt de vragen hieronder.",
            "This drawer has no numeric test; the legal adviser answers the questions below.",
        ),
        questions=questions,
        notice=notice(ctx, ground, required=False),
    )


_THRESHOLD_NAMES = {
    ThresholdKind.WORKS: ("werken", "works"),
    ThresholdKind.SUPPLIES_SERVICES_CENTRAL: (
        "leveringen en diensten, centrale overheid",
        "supplies and services, central government",
    ),
    ThresholdKind.SUPPLIES_SERVICES_SUB_CENTRAL: (
        "leveringen en diensten, decentrale overheid",
        "supplies and services, sub-central authorities",
    ),
    ThresholdKind.SOCIAL_SERVICES: ("sociale en andere specifieke diensten", "social services"),
    ThresholdKind.UTILITIES_SUPPLIES_SERVICES: (
        "speciale sectoren, leveringen en diensten",
        "utilities, supplies and services",
    ),
    ThresholdKind.UTILITIES_WORKS: ("speciale sectoren, werken", "utilities, works"),
    ThresholdKind.CONCESSIONS: ("concessies", "concessions"),
}


def _net_text(ctx: Context, net: Decimal) -> str:
    """A net cumulative total: ``€ 50.000,00`` or ``een verlaging van € 10.000,00``."""
    if net < 0:
        return ctx.t(f"een verlaging van {ctx.m(-net)}", f"a decrease of {ctx.m(-net)}")
    return ctx.m(net)


def check_de_minimis(ctx: Context) -> DrawerResult:
    """2.163b: below the EU threshold and 10 %/15 %, net cumulative over de-minimis changes.

    Increases and decreases are netted, so a decrease recorded here lowers the net total and
    frees budget for later increases; the net total counts by its absolute value.
    """
    ground = Ground.DE_MINIMIS
    if ctx.proposed.replaces_contractor:
        return _replacement_only(ctx, ground)
    limit = de_minimis_limit(ctx.contract, ctx.proposed.date, ctx.thresholds)
    earlier = [c for c in ctx.ledger.changes if c.ground is ground]
    before = de_minimis_total(ctx.ledger)
    after = before + ctx.amount
    decrease = ctx.amount < 0
    m, t = ctx.m, ctx.t
    threshold_name = pick(ctx.lang, *_THRESHOLD_NAMES[limit.threshold_kind])
    rate = percent(limit.rate, ctx.lang)
    if ctx.contract.kind is ContractKind.CONCESSION:
        # Dir. 2014/23/EU art. 43(2) (and art. 2a.53 Aw 2012): 10 % for every concession.
        rate_note = t(" (concessie: 10%, ook voor werken)", " (concession: 10%, also for works)")
    else:
        rate_note = ""
    arithmetic = [
        t(
            f"{rate} van {ctx.base_text()} = {m(limit.percent_limit)}{rate_note}.",
            f"{rate} of {ctx.base_text()} = {m(limit.percent_limit)}{rate_note}.",
        )
    ]
    if limit.threshold is not None:
        arithmetic.append(
            t(
                f"EU-drempel ({threshold_name}) op {ctx.proposed.date}, de datum van de "
                f"wijziging: {m(limit.threshold)}.",
                f"EU threshold ({threshold_name}) on {ctx.proposed.date}, the date of the "
                f"change: {m(limit.threshold)}.",
            )
        )
        arithmetic.append(
            t(
                f"Grens: de netto cumulatieve waarde moet lager blijven dan {m(limit.limit)} "
                "(de laagste van beide).",
                f"Limit: the net cumulative value must stay below {m(limit.limit)} (the lower "
                "of the two).",
            )
        )
    arithmetic.append(
        t(
            f"Eerdere de-minimiswijzigingen: {len(earlier)}, netto samen {m(before)}.",
            f"Earlier de-minimis changes: {len(earlier)}, net together {m(before)}.",
        )
    )
    arithmetic.append(
        t(
            f"Met deze wijziging: {ctx.plus(before, ctx.amount)} = {m(after)}"
            + (" (de verlaging telt netto mee)." if decrease else "."),
            f"With this change: {ctx.plus(before, ctx.amount)} = {m(after)}"
            + (" (the decrease is netted)." if decrease else "."),
        )
    )
    remaining_before = limit.limit - before
    remaining_after = limit.limit - after
    figures: dict[str, Decimal] = {
        "percent_limit": limit.percent_limit,
        "limit": limit.limit,
        "net_cumulative_before": before,
        "net_cumulative_after": after,
        "remaining_before": remaining_before,
    }
    if limit.threshold is not None:
        figures["eu_threshold"] = limit.threshold
    rates = {"de_minimis_rate": limit.rate}
    conditions = [_general_nature(ctx)]
    notes = [
        t(
            "Het kleine laatje: alle de-minimiswijzigingen tellen netto bij elkaar op (vol is "
            "vol). Verhogingen en verlagingen worden verrekend; het netto totaal moet, in "
            "absolute waarde, onder de grens blijven.",
            "The small drawer: all de-minimis changes add up net (full is full). Increases and "
            "decreases offset each other; the net total, in absolute value, must stay below "
            "the limit.",
        )
    ]
    fits = fits_de_minimis(after, limit)
    budget = t(
        f"Resterend budget vóór deze wijziging: {m(remaining_before)} (de netto som moet "
        "daaronder blijven, dus een verhoging moet lager zijn dan dit bedrag).",
        f"Remaining budget before this change: {m(remaining_before)} (the net sum must stay "
        "below the limit, so an increase must be lower than this amount).",
    )
    net_after = _net_text(ctx, after)
    size_after = m(abs(after))
    if after < 0:
        compared = t(
            f"Het netto totaal, {net_after}, is in absolute waarde",
            f"The net total, {net_after}, is in absolute value",
        )
    else:
        compared = t(f"{size_after} is", f"{size_after} is")
    if not limit.complete:
        arithmetic.append(budget)
        return _result(
            ctx,
            ground,
            Verdict.UNDETERMINED,
            t(
                f"mvi-rules kent geen EU-drempel voor {ctx.proposed.date}; alleen de "
                f"{rate}-toets is gemaakt " + ("(die slaagt)." if fits else "(die faalt)."),
                f"mvi-rules knows no EU threshold for {ctx.proposed.date}; only the "
                f"{rate} test was made " + ("(it passes)." if fits else "(it fails)."),
            ),
            arithmetic=arithmetic,
            figures=figures,
            rates=rates,
            notes=notes,
            notice=notice(ctx, ground, required=False),
        )
    if fits:
        figures["remaining_after"] = remaining_after
        arithmetic.append(
            t(
                f"{compared} lager dan {m(limit.limit)}: de wijziging past.",
                f"{compared} below {m(limit.limit)}: the change fits.",
            )
        )
        arithmetic.append(budget)
        if decrease:
            figures["budget_freed"] = -ctx.amount
            arithmetic.append(
                t(
                    f"Resterend budget na deze wijziging: {m(remaining_after)}; de verlaging "
                    f"maakt {m(-ctx.amount)} vrij voor latere verhogingen.",
                    f"Remaining budget after this change: {m(remaining_after)}; the decrease "
                    f"frees {m(-ctx.amount)} for later increases.",
                )
            )
            if after < 0:
                colon, below = ":", t("in absolute waarde lager dan", "in absolute value below")
            else:
                colon, below = "", t("lager dan", "below")
            reason = t(
                f"Netto cumulatief{colon} {net_after}, {below} {m(limit.limit)}. Deze verlaging "
                f"brengt het netto totaal omlaag en maakt {m(-ctx.amount)} budget vrij.",
                f"Net cumulative{colon} {net_after}, {below} {m(limit.limit)}. This decrease "
                f"brings the net total down and frees {m(-ctx.amount)} of budget.",
            )
        else:
            arithmetic.append(
                t(
                    f"Resterend budget na deze wijziging: {m(remaining_after)}.",
                    f"Remaining budget after this change: {m(remaining_after)}.",
                )
            )
            reason = t(
                f"Netto cumulatief {m(after)}, lager dan {m(limit.limit)}.",
                f"Net cumulative {m(after)}, below {m(limit.limit)}.",
            )
        if after < 0:
            # A net decrease also counts by its size: what is left for further decreases.
            notes.append(
                t(
                    f"Het netto totaal is nu {net_after}. Ook een netto verlaging moet in "
                    f"absolute waarde onder de grens blijven: voor verdere verlagingen in deze "
                    f"lade is nog {m(limit.limit - abs(after))} ruimte.",
                    f"The net total is now {net_after}. A net decrease must also stay below "
                    f"the limit in absolute value: further decreases in this drawer have "
                    f"{m(limit.limit - abs(after))} of room left.",
                )
            )
        verdict = Verdict.FITS
    else:
        arithmetic.append(
            t(
                f"{compared} niet lager dan {m(limit.limit)}: het de-minimisbudget is "
                "overschreden.",
                f"{compared} not below {m(limit.limit)}: the de-minimis budget is exceeded.",
            )
        )
        arithmetic.append(budget)
        reason = t(
            f"Netto cumulatief: {net_after}, in absolute waarde niet lager dan "
            f"{m(limit.limit)}: het kleine laatje is vol."
            if after < 0
            else f"Netto cumulatief {m(after)}, niet lager dan {m(limit.limit)}: het kleine "
            "laatje is vol.",
            f"Net cumulative: {net_after}, in absolute value not below {m(limit.limit)}: the "
            "small drawer is full."
            if after < 0
            else f"Net cumulative {m(after)}, not below {m(limit.limit)}: the small drawer is "
            "full.",
        )
        verdict = Verdict.DOES_NOT_FIT
    return _result(
        ctx,
        ground,
        verdict,
        reason,
        arithmetic=arithmetic,
        figures=figures,
        rates=rates,
        conditions=conditions if fits else [],
        notes=notes,
        notice=notice(ctx, ground, required=False),
    )


def check_non_substantial(ctx: Context) -> DrawerResult:
    """2.163g: the change is not substantial; only questions for the legal adviser."""
    ground = Ground.NON_SUBSTANTIAL
    if ctx.proposed.replaces_contractor:
        return _result(
            ctx,
            ground,
            Verdict.NOT_APPLICABLE,
            ctx.t(
                "Vervanging van de opdrachtnemer buiten de lade voor een nieuwe opdrachtnemer is "
                f"altijd een {_substantial(ctx)}e wijziging.",
                "Replacing the contractor outside the new-contractor drawer is always a "
                "substantial change.",
            ),
        )
    questions = [
        ctx.t(
            "Had de wijziging, als zij in de oorspronkelijke procedure had gestaan, andere "
            "gegadigden toegelaten, een andere inschrijving doen winnen of meer deelnemers "
            "aangetrokken?",
            "Had the change been part of the original procedure, would it have admitted other "
            "candidates, let another tender win, or attracted more participants?",
        ),
        ctx.t(
            "Verschuift de wijziging het economisch evenwicht ten gunste van de opdrachtnemer op "
            "een manier die de opdracht niet voorzag?",
            "Does the change shift the economic balance in the contractor's favour in a way the "
            "contract did not provide for?",
        ),
        ctx.t(
            "Breidt de wijziging de reikwijdte van de opdracht aanzienlijk uit?",
            "Does the change extend the scope of the contract considerably?",
        ),
        ctx.t(
            "Verandert de wijziging de algemene aard van de opdracht? Beoordeel dit apart van "
            f"'{_substantial(ctx)}' (HvJ EU C-282/24, 16 oktober 2025).",
            "Does the change alter the overall nature of the contract? Judge this separately "
            "from 'substantial' (CJEU C-282/24, 16 October 2025).",
        ),
    ]
    return _result(
        ctx,
        ground,
        Verdict.LEGAL_REVIEW,
        ctx.t(
            "Deze lade heeft geen rekentoets; de jurist beantwoordt de vragen hieronder. "
            "Is het antwoord op een van de eerste drie vragen ja, dan is de wijziging "
            f"{_substantial(ctx)}.",
            "This drawer has no numeric test; the legal adviser answers the questions below. "
            "If any of the first three is answered yes, the change is substantial.",
        ),
        arithmetic=[_ratio_line(ctx)],
        questions=questions,
        notice=notice(ctx, ground, required=False),
    )


#: The check for each drawer.
CHECKS: dict[Ground, Callable[[Context], DrawerResult]] = {
    Ground.REVIEW_CLAUSE: check_review_clause,
    Ground.ADDITIONAL: check_additional,
    Ground.UNFORESEEABLE: check_unforeseeable,
    Ground.NEW_CONTRACTOR: check_new_contractor,
    Ground.DE_MINIMIS: check_de_minimis,
    Ground.NON_SUBSTANTIAL: check_non_substantial,
}
