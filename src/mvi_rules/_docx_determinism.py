"""Byte-identical .docx files: the same document content always gives the same bytes.

python-docx writes zip entries with the current time; this writes the package with a fixed
timestamp, a fixed order of entries and fixed zip metadata, leaving every part's content as is:
either from a saved .docx (:func:`normalise_docx`) or, without compressing everything twice,
straight from a python-docx document (:func:`docx_bytes`).
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from docx.opc.pkgwriter import PackageWriter

# The earliest time a zip entry can carry; it says "no meaningful time" to any reader.
_EPOCH = (1980, 1, 1, 0, 0, 0)
_CONTENT_TYPES = "[Content_Types].xml"


def normalise_docx(data: bytes) -> bytes:
    """Rewrite a .docx (zip) with fixed timestamps and sorted entries.

    ``[Content_Types].xml`` comes first, as Office writes it; the other entries follow in name
    order. Part contents are not changed.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    return _zip(parts)


class _Members:
    """Collects what python-docx's package writer would put into the zip, by member name."""

    def __init__(self) -> None:
        self.parts: dict[str, bytes] = {}

    def write(self, pack_uri: Any, blob: bytes) -> None:
        self.parts[pack_uri.membername] = blob


def docx_bytes(document: Any) -> bytes:
    """The .docx bytes of a python-docx ``document``, as :func:`normalise_docx` of its saved
    file gives them.

    ``Document.save`` compresses every part only for :func:`normalise_docx` to read and
    compress it again; this takes the parts python-docx's package writer would write (the
    same steps as ``OpcPackage.save``) and zips them once.
    """
    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    members = _Members()
    # The writer's steps are untyped static methods; they take any object with write().
    writer: Any = PackageWriter
    writer._write_content_types_stream(members, parts)
    writer._write_pkg_rels(members, package.rels)
    writer._write_parts(members, parts)
    return _zip(members.parts)


def _zip(parts: dict[str, bytes]) -> bytes:
    names = sorted(parts, key=lambda name: (name != _CONTENT_TYPES, name))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o600 << 16
            target.writestr(info, parts[name], compresslevel=6)
    return out.getvalue()
