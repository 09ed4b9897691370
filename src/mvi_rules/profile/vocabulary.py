"""The words a procurement profile is written in: jurisdictions, authority types, product
groups, procedures and the other closed lists, and the checks every free text passes."""

from __future__ import annotations

import re
from enum import Enum
from typing import Literal

from pydantic import ConfigDict

# Characters XML 1.0 cannot hold (a .docx is XML): C0 controls other than tab and line breaks,
# lone surrogates and the two non-characters U+FFFE/U+FFFF.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Largest amount of euros a profile may state (far above any tender; keeps numbers exact).
MAX_EUR = 1e15
_LINE_BREAKS = re.compile("[\n\r\x85\u2028\u2029]")


def document_text(value: str) -> str:
    """``value`` if a Word document can hold it; else a ValueError naming the character."""
    bad = _XML_ILLEGAL.search(value)
    if bad is not None:
        raise ValueError(
            f"contains the control character U+{ord(bad.group()):04X}, which a Word document "
            "cannot hold; remove it"
        )
    return value


def single_line(value: str) -> str:
    """``value`` if it is one line a Word document can hold (names, titles); else ValueError."""
    if _LINE_BREAKS.search(value):
        raise ValueError("must be a single line (no line breaks)")
    return document_text(value)


class TextEnum(str, Enum):
    """An enumeration of texts that prints as its value (YAML, JSON and messages show the
    value, not ``Class.MEMBER``); the shared base of the profile's and the ledger's choices."""

    def __str__(self) -> str:
        return str(self.value)


class Jurisdiction(TextEnum):
    """Which procurement law applies: the Dutch Aanbestedingswet 2012 or Belgian law."""

    NL = "NL"
    BE = "BE"


class AuthorityType(TextEnum):
    """Kind of contracting authority; decides thresholds and mandatory policies."""

    STATE = "state"  # de Staat / ministries (central government, Aw 2.2)
    PROVINCE = "province"
    MUNICIPALITY = "municipality"
    WATER_BOARD = "water_board"
    UNIVERSITY = "university"
    UNIVERSITY_OF_APPLIED_SCIENCES = "university_of_applied_sciences"
    SCHOOL_BOARD = "school_board"
    HEALTHCARE_INSTITUTION = "healthcare_institution"
    PUBLIC_LAW_BODY = "public_law_body"
    BE_FEDERAL = "be_federal"
    BE_NON_FEDERAL = "be_non_federal"

    @property
    def jurisdiction(self) -> Jurisdiction:
        """The jurisdiction this kind of authority belongs to."""
        return Jurisdiction.BE if self.value.startswith("be_") else Jurisdiction.NL

    @property
    def is_central(self) -> bool:
        """Central government in the sense of the EU thresholds (NL: the State; BE: federal)."""
        return self in (AuthorityType.STATE, AuthorityType.BE_FEDERAL)


#: The kinds of authority in Dutch and English, as a document names the buyer's kind; the one
#: place documents and reports take them from.
AUTHORITY_NAMES: dict[AuthorityType, tuple[str, str]] = {
    AuthorityType.STATE: ("de Staat (rijksoverheid)", "the State (central government)"),
    AuthorityType.PROVINCE: ("provincie", "province"),
    AuthorityType.MUNICIPALITY: ("gemeente", "municipality"),
    AuthorityType.WATER_BOARD: ("waterschap", "water board"),
    AuthorityType.UNIVERSITY: ("universiteit", "university"),
    AuthorityType.UNIVERSITY_OF_APPLIED_SCIENCES: ("hogeschool", "university of applied sciences"),
    AuthorityType.SCHOOL_BOARD: ("schoolbestuur", "school board"),
    AuthorityType.HEALTHCARE_INSTITUTION: ("zorginstelling", "healthcare institution"),
    AuthorityType.PUBLIC_LAW_BODY: ("publiekrechtelijke instelling", "body governed by public law"),
    AuthorityType.BE_FEDERAL: ("federale aanbestedende overheid", "federal contracting authority"),
    AuthorityType.BE_NON_FEDERAL: (
        "niet-federale aanbestedende overheid",
        "non-federal contracting authority",
    ),
}


class ProductGroup(TextEnum):
    """ICT product groups a lot can buy."""

    LAPTOP = "laptop"
    DESKTOP = "desktop"
    MONITOR = "monitor"
    TABLET = "tablet"
    SMARTPHONE = "smartphone"
    THIN_CLIENT = "thin_client"
    SERVER = "server"
    NETWORK_EQUIPMENT = "network_equipment"
    DATA_CENTRE_SERVICE = "data_centre_service"
    CLOUD_SERVICE = "cloud_service"
    PRINTER = "printer"
    WERKPLEK = "werkplek"

    @property
    def is_service(self) -> bool:
        """True for services, which deliver no devices."""
        return self in (ProductGroup.DATA_CENTRE_SERVICE, ProductGroup.CLOUD_SERVICE)

    @property
    def is_device(self) -> bool:
        """True for hardware; false for services and the werkplek bundle itself."""
        return self not in (
            ProductGroup.DATA_CENTRE_SERVICE,
            ProductGroup.CLOUD_SERVICE,
            ProductGroup.WERKPLEK,
        )

    def plural(self, lang: str) -> str:
        """What a document calls the group, in ``lang`` (nl or en): ``beeldschermen``."""
        nl, en = GROUP_NAMES[self]
        return nl if lang == "nl" else en


#: The plural names of the product groups in Dutch and English, the one place documents and
#: notices take them from.
GROUP_NAMES: dict[ProductGroup, tuple[str, str]] = {
    ProductGroup.LAPTOP: ("laptops", "laptops"),
    ProductGroup.DESKTOP: ("desktops", "desktop computers"),
    ProductGroup.MONITOR: ("beeldschermen", "monitors"),
    ProductGroup.TABLET: ("tablets", "tablets"),
    ProductGroup.SMARTPHONE: ("smartphones", "smartphones"),
    ProductGroup.THIN_CLIENT: ("thin clients", "thin clients"),
    ProductGroup.SERVER: ("servers", "servers"),
    ProductGroup.NETWORK_EQUIPMENT: ("netwerkapparatuur", "network equipment"),
    ProductGroup.DATA_CENTRE_SERVICE: ("datacenterdiensten", "data centre services"),
    ProductGroup.CLOUD_SERVICE: ("clouddiensten", "cloud services"),
    ProductGroup.PRINTER: ("printers", "printers"),
    ProductGroup.WERKPLEK: ("werkplekpakket", "workplace bundle"),
}


# Devices that normally hold user data, used when a lot does not say.
_DATA_BEARING = {
    ProductGroup.LAPTOP,
    ProductGroup.DESKTOP,
    ProductGroup.TABLET,
    ProductGroup.SMARTPHONE,
    ProductGroup.THIN_CLIENT,
    ProductGroup.SERVER,
    ProductGroup.PRINTER,
    ProductGroup.NETWORK_EQUIPMENT,
}


class RefurbishedPolicy(TextEnum):
    """What the buyer wants for refurbished devices in a lot."""

    WANTED = "wanted"  # the lot buys refurbished devices (its own route)
    ACCEPTED = "accepted"  # new or refurbished devices may be offered
    EXCLUDED = "excluded"  # new devices only


class CriteriaSet(TextEnum):
    """Which criteria a buyer takes: the core set or the comprehensive one (as EU GPP splits them).

    The core set holds the few criteria that address the key impacts at low administrative cost
    for buyer and bidder, scaled to the size of the purchase; the comprehensive set holds every
    criterion that applies. Ambition levels keep their meaning inside either set.
    """

    CORE = "core"
    COMPREHENSIVE = "comprehensive"


class LotUse(TextEnum):
    """How the devices of a lot are used; decides robustness requirements (drop tests etc.)."""

    OFFICE = "office"  # desk work in offices and at home
    EDUCATION = "education"  # pupils and students, carried around every day
    FIELD = "field"  # mobile work outdoors, in vehicles or on site
    SHARED = "shared"  # devices shared by many users (pools, wards, counters)


class Theme(TextEnum):
    """Themes of the Dutch MVI criteria tool."""

    CLIMATE = "climate"
    CIRCULARITY = "circularity"
    SOCIAL = "social"
    ENVIRONMENT = "environment"


class Procedure(TextEnum):
    """Procurement procedure, where already chosen.

    The European procedures exist in both jurisdictions; ``national_open``,
    ``multiple_private`` and ``single_private`` are Dutch procedures below the EU threshold, and
    the ``be_`` procedures are Belgian ones (Wet van 17 juni 2016).
    """

    OPEN = "open"
    RESTRICTED = "restricted"
    COMPETITIVE_DIALOGUE = "competitive_dialogue"
    COMPETITIVE_WITH_NEGOTIATION = "competitive_with_negotiation"
    INNOVATION_PARTNERSHIP = "innovation_partnership"
    NEGOTIATED_WITHOUT_PUBLICATION = "negotiated_without_publication"
    NATIONAL_OPEN = "national_open"
    MULTIPLE_PRIVATE = "multiple_private"
    SINGLE_PRIVATE = "single_private"
    BE_SIMPLIFIED_NEGOTIATED = "be_simplified_negotiated_with_publication"
    BE_NEGOTIATED_WITHOUT_PUBLICATION = "be_negotiated_without_publication"
    BE_LOW_VALUE = "be_low_value_accepted_invoice"

    @property
    def jurisdiction(self) -> Jurisdiction | None:
        """The one jurisdiction this procedure belongs to, or ``None`` for European ones."""
        if self.value.startswith("be_"):
            return Jurisdiction.BE
        if self in _NL_NATIONAL:
            return Jurisdiction.NL
        return None

    @property
    def is_national(self) -> bool:
        """A procedure the law allows only below the EU threshold."""
        return self.jurisdiction is not None


_NL_NATIONAL = {Procedure.NATIONAL_OPEN, Procedure.MULTIPLE_PRIVATE, Procedure.SINGLE_PRIVATE}


class ValueComponent(TextEnum):
    """What a profile's estimated value may already include."""

    EXTENSIONS = "extensions"  # the optional extension periods
    OPTIONS = "options"  # the options and review clauses with a value, valued as the annex does
    INCENTIVES = "incentives"  # bonus and gain-share caps of contract clauses


class AwardMethod(TextEnum):
    """How the contract is awarded."""

    BEST_PRICE_QUALITY = "best_price_quality"  # price (or LCC) and quality criteria
    LOWEST_COST = "lowest_cost"  # price or life-cycle cost alone, no quality criteria


Language = Literal["nl", "en"]

_Strict = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
