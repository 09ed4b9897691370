"""The names of authority types and contract kinds come from one place each, for every value."""

from __future__ import annotations

from mvi_rules.changes.ledger import CONTRACT_KIND_NAMES, ContractKind
from mvi_rules.profile.vocabulary import AUTHORITY_NAMES, AuthorityType
from mvi_rules.rendering.wording import Wording


def test_every_authority_type_and_contract_kind_has_a_dutch_and_english_name() -> None:
    assert set(AUTHORITY_NAMES) == set(AuthorityType)
    assert set(CONTRACT_KIND_NAMES) == set(ContractKind)
    for nl, en in [*AUTHORITY_NAMES.values(), *CONTRACT_KIND_NAMES.values()]:
        assert nl.strip() and en.strip()


def test_the_annex_names_the_buyers_kind_as_the_shared_vocabulary_does() -> None:
    for lang, index in (("nl", 0), ("en", 1)):
        for kind, names in AUTHORITY_NAMES.items():
            assert Wording(lang, kind.jurisdiction).authority(kind) == names[index]
