"""Dates of actor roles: which date-bounded code of a named actor holds on an article's date."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from newsevents.nlp.actors.vocab import DatedCode


def pick_code(codes: Sequence[DatedCode], date: str | None, curated: bool) -> DatedCode | None:
    """The code of a named actor on `date`.

    Imported dictionaries (PETRARCH): a dated code that covers the date, else the undated default
    (their open-ended codes stop being true after the file's last update in 2014).
    Curated people (people.yaml and users' files): the role held on the date (today when no date),
    else ELI with the country of the last role that ended (former office holders), else the first
    role's country with no sector (before taking office).
    """
    if not codes:
        return None
    if curated:
        day = date or _today()
        covering = [c for c in codes if (c.start or "0000") <= day <= (c.end or "9999")]
        if covering:
            return max(covering, key=lambda c: c.start or "")
        ended = [c for c in codes if c.end and c.end < day]
        if ended:
            last = max(ended, key=lambda c: c.end or "")
            return DatedCode(
                last.country, "ELI", last.end, None, f"former {last.title}" if last.title else None
            )
        first = min(codes, key=lambda c: c.start or "")
        return DatedCode(first.country, None, None, first.start, None)
    undated = [c for c in codes if c.start is None and c.end is None]
    if date:
        for code in codes:
            if (code.start or code.end) and (code.start or "0000") <= date <= (code.end or "9999"):
                return code
    if undated:
        return undated[-1]
    # No date, or none that covers it: the most recent role.
    return max(codes, key=lambda c: (c.end or "9999", c.start or "0000"))


def _today() -> str:
    return datetime.date.today().isoformat()


def iso_date(date: str | None) -> str | None:
    if not date:
        return None
    text = date.strip()
    if len(text) == 8 and text.isdigit():
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    if len(text) >= 10 and text[4] == "-":
        return text[:10]
    if text.lower() == "today":
        return datetime.date.today().isoformat()
    return None
