"""Names, labels and article references of the grounds, worded from the law file.

The law is ``rulesets/changes/grounds.yaml`` (:mod:`mvi_rules.changes.law`). Dutch contracts
cite chapter 2.5 of the Aw 2012, which applies to concessions through art. 2a.53 and to
utilities through art. 3.80d ("art. 2.163x jo. art. 2a.53"). Belgian article numbers (KB 14
januari 2013, AUR) follow the Walloon procurement portal and say so.
"""

from __future__ import annotations

from ...profile.model import Jurisdiction
from ..law import ChangeLaw, change_law
from ..ledger import Contract, ContractKind, Ground
from ..limits import jurisdiction_is_be
from ..texts import Lang


def _law() -> ChangeLaw:
    return change_law()


def be_prefix(contract: Contract) -> str:
    """How Belgian drawers are labelled: after the AUR, except for concessions (not AUR)."""
    return "BE" if contract.kind is ContractKind.CONCESSION else "AUR"


def ground_name(ground: Ground, contract: Contract, lang: Lang) -> str:
    """The ground's name in the contract's legal vocabulary."""
    return _law().ground(ground).names[contract.jurisdiction].get(lang)


def ground_label(ground: Ground, contract: Contract, lang: Lang) -> str:
    """Short label: the Dutch article (``2.163b``) or, for Belgium, ``AUR <ground>``."""
    if jurisdiction_is_be(contract):
        short = _law().ground(ground).short[contract.jurisdiction].get(lang)
        return f"{be_prefix(contract)} {short}"
    return ground.nl_article


def ground_title(ground: Ground, contract: Contract, lang: Lang) -> str:
    """Heading of a drawer: ``2.163d: aanvullende ...`` or ``AUR: bijkomende ...``."""
    name = ground_name(ground, contract, lang)
    if jurisdiction_is_be(contract):
        return f"{be_prefix(contract)}: {name}"
    return f"{ground.nl_article}: {name}"


def chosen_text(ground: Ground, contract: Contract, lang: Lang) -> str:
    """A recommended ground: ``2.163d (aanvullende ...)`` or, for Belgium, its title."""
    if jurisdiction_is_be(contract):
        return ground_title(ground, contract, lang)
    return f"{ground_label(ground, contract, lang)} ({ground_name(ground, contract, lang)})"


def chapter_25_via(contract: Contract) -> str:
    """`` jo. art. 2a.53`` (concessions), `` jo. art. 3.80d`` (utilities) or ``""``."""
    via = _law().law.nl.chapter_25_via.get(contract.kind)
    return f" jo. art. {via}" if via else ""


def nl_article_ref(article: str, contract: Contract, lang: Lang) -> str:
    """A Dutch article of chapter 2.5 as it applies to the contract: ``art. 2.163b Aw 2012``,
    or for a concession ``art. 2.163b jo. art. 2a.53 Aw 2012`` (utilities: ``jo. art. 3.80d``).

    ``article`` may carry a paragraph or a range (``2.163g lid 3``, ``2.163a tot en met 2.163g``).
    """
    joined = chapter_25_via(contract)
    statute = _law().law.nl.statute.get(lang)
    return (
        f"art. {article}{joined} {statute}" if lang == "nl" else f"{statute} art. {article}{joined}"
    )


def aur_numbering(lang: Lang) -> str:
    """Where a Belgian article number per ground comes from (the Walloon portal)."""
    return _law().law.be.numbering_note.get(lang)


def aur_reference(ground: Ground, lang: Lang) -> str:
    """``KB 14 januari 2013 (AUR), art. 38/4: de-minimisregel (nummering volgens ...)``."""
    law = _law()
    name = law.ground(ground).names[Jurisdiction.BE].get(lang)
    article = law.ground(ground).be_article
    art = "art." if "-" not in article or lang == "nl" else "arts"
    return f"{law.law.be.statute.get(lang)}, {art} {article}: {name} ({aur_numbering(lang)})"


def aur_default_clauses(lang: Lang) -> str:
    """``38/7 (prijsherziening), 38/8 (heffingen), ...`` in the output language."""
    clauses = _law().law.be.default_clauses
    return ", ".join(f"{c.article} ({c.nl if lang == 'nl' else c.en})" for c in clauses)


def references(ground: Ground, contract: Contract, lang: Lang) -> list[str]:
    """The legal references for a drawer; unconfirmed article numbers are marked, not guessed."""
    refs: list[str] = []
    be = jurisdiction_is_be(contract)
    if be and contract.kind is ContractKind.CONCESSION:
        name = ground_name(ground, contract, lang)
        refs.append(
            f"Belgische regelgeving voor concessies (niet de AUR): {name} [bron onbevestigd]"
            if lang == "nl"
            else f"Belgian rules for concessions (not the AUR): {name} [source unconfirmed]"
        )
    elif be:
        refs.append(aur_reference(ground, lang))
    else:
        # Chapter 2.5 itself applies, to concessions and utilities through 2a.53 / 3.80d.
        refs.append(nl_article_ref(ground.nl_article, contract, lang))
    if ground is Ground.NON_SUBSTANTIAL and not be:
        refs.append(
            nl_article_ref("2.163g lid 3", contract, lang) + " (wanneer een wijziging wezenlijk is)"
            if lang == "nl"
            else nl_article_ref("2.163g(3)", contract, lang) + " (when a change is substantial)"
        )
    if contract.kind is ContractKind.UTILITIES:
        refs.append(
            "Richtlijn 2014/25/EU, art. 89" if lang == "nl" else "Directive 2014/25/EU, Art. 89"
        )
    elif contract.kind is ContractKind.CONCESSION:
        refs.append(
            "Richtlijn 2014/23/EU, art. 43" if lang == "nl" else "Directive 2014/23/EU, Art. 43"
        )
    else:
        paragraph = _law().ground(ground).directive_2014_24.get(lang)
        refs.append(
            f"Richtlijn 2014/24/EU, art. 72, {paragraph}"
            if lang == "nl"
            else f"Directive 2014/24/EU, Art. 72{paragraph}"
        )
    return refs
