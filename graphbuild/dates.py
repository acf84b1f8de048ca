"""Dates as they are written in news: 'Published: April 20, 2015', 'Monday, 20 April 2015',
'20.04.2015', '2015-04-20T10:00:00Z'. dateparser reads them (it knows month names in 200
locales and the common numeric orders); what it cannot read as a full calendar date, or reads
as an impossible one ('2015-02-30'), is None, so no ill-typed xsd:date ever reaches the graph.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

# A label before the date itself: 'Published:', 'Updated on', 'Posted'
_LABEL = re.compile(r"^\s*(?:(?:first\s+)?published|updated|posted|last\s+modified|date)(?:\s+on)?\s*:?\s*",
                    re.IGNORECASE)
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")
# a date is short: a longer line is a sentence that happens to contain one
MAX_DATE_CHARS = 60


def iso_date(value: str) -> str | None:
    """'YYYY-MM-DD' for a real calendar date written in any common form, else None."""
    text = _LABEL.sub("", value.strip()).strip()
    if not text or len(text) > MAX_DATE_CHARS or not re.search(r"\d", text):
        return None
    m = _ISO.match(text)
    if m:  # the common case, and one dateparser would not reject when impossible
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            return None
    found = _parse(text)
    return found.date().isoformat() if found is not None else None


@lru_cache(maxsize=4096)
def _parse(text: str):
    import dateparser  # imported on use: it takes a second to load its locales

    return dateparser.parse(text, languages=["en"], settings={
        "STRICT_PARSING": True,  # day, month and year all present
        "REQUIRE_PARTS": ["day", "month", "year"],
        "DATE_ORDER": "DMY",  # '20.04.2015'; an ISO date is read above
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    })
