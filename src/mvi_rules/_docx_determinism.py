"""Byte-identical .docx files: the same document content always gives the same bytes.

python-docx writes zip entries with the current time; this rewrites the package with a fixed
timestamp, a fixed order of entries and fixed zip metadata, leaving every part's content as is.
"""

from __future__ import annotations

import io
import zipfile

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
