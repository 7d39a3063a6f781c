"""The four public Phoenix dictionaries in ../shared/dicts import and resolve by date."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.nlp.actors.resolver import ActorResolver
from newsevents.nlp.actors.vocab import load_vocabulary

FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
    "Phoenix.agents.txt",
)

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def resolver(shared_dir: Path) -> ActorResolver:
    return ActorResolver(load_vocabulary((), tuple(str(shared_dir / "dicts" / f) for f in FILES)))


@pytest.mark.parametrize(
    ("text", "date", "country", "sector"),
    [
        # Entries of Phoenix.Countries.actors.txt with date-bounded roles.
        ("Yoweri Museveni", "1990-01-01", "UGA", "GOV"),
        ("Samson Kisekka", "1980-01-01", "UGA", "ELI"),
        ("Samson Kisekka", "1988-01-01", "UGA", "GOV"),
        # Phoenix.MilNonState.actors.txt
        ("Anarchist Struggle", None, "GRC", "REB"),
        # Phoenix.International.actors.txt: IGO codes have no country
        ("International Atomic Energy Agency", None, None, "IGO"),
    ],
)
def test_dictionary_entries(
    resolver: ActorResolver, text: str, date: str | None, country: str | None, sector: str
) -> None:
    ref = resolver.resolve(text, date=date)
    assert ref is not None
    assert (ref.country, ref.sector) == (country, sector)


def test_agent_nouns_fill_gaps_of_our_vocabulary(resolver: ActorResolver) -> None:
    ref = resolver.resolve("sharecroppers")
    assert ref is not None
    assert ref.sector == "AGR"
