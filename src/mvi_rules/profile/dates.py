"""Today's date where the buyer is, for a profile without ``reference_date``.

The reference date decides thresholds and label validity, and a tender is dated where the buyer
is: on a server in another time zone, "today" by the machine's clock can be a day off around
midnight. So the default is today's date in the jurisdiction's time zone, and the document says
which date and time zone were used.
"""

from __future__ import annotations

import datetime as dt

#: The time zone of each jurisdiction (IANA names).
ZONES = {"NL": "Europe/Amsterdam", "BE": "Europe/Brussels"}


def today_in(jurisdiction: str) -> tuple[dt.date, str | None]:
    """Today's date in the jurisdiction's time zone, and that zone's name.

    Where the time zone database is missing (Windows without the ``tzdata`` package) the
    machine's local date is returned with ``None`` for the zone.
    """
    name = ZONES.get(jurisdiction)
    if name is None:
        return dt.date.today(), None
    try:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
    except ImportError:  # pragma: no cover - Python 3.9
        return dt.date.today(), None
    try:
        zone = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return dt.date.today(), None
    return _now(zone).date(), name


def _now(zone: dt.tzinfo) -> dt.datetime:
    # The clock, in one place (tests set it to a moment around midnight).
    return dt.datetime.now(zone)
