"""The line under a clause that names a document it refers to and where to get it.

A clause that says "the Electronics Watch contract conditions, as attached to the tender
documents" leaves the tenderer asking where they are; the annex (concept and final) names the
document and its address under the clause. The points of attention add that the buyer must
attach it (selection: the ``attachment-needed`` notice).
"""

from __future__ import annotations

from ..catalogue.model import LocalText
from ..catalogue.sourcing import text_in
from ..selection.result import AttachmentRef

_FROM = LocalText(
    nl="Bijlage bij deze clausule: {name}; te verkrijgen via {where} ({document}).",
    en="Attachment to this clause: {name}; available from {where} ({document}).",
)
_PLAIN = LocalText(
    nl="Bijlage bij deze clausule: {name}.",
    en="Attachment to this clause: {name}.",
)


def attachment_line(attachment: AttachmentRef, lang: str) -> str:
    """``Bijlage bij deze clausule: ...; te verkrijgen via <URL> (<publisher, title>).``"""
    name = attachment.name.get(lang)
    if attachment.where is None or attachment.supplied:
        return _PLAIN.get(lang).format(name=name)
    document = text_in(attachment.document, lang) if attachment.document is not None else ""
    return (
        _FROM.get(lang)
        .format(name=name, where=attachment.where, document=document)
        .replace(" ()", "")
    )
