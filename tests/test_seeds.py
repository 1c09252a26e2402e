"""The seed answer key, turned into project tests (transcribed by hand, not read from ../shared).

Each seed's named systems, money amounts and headline as the key gives them. "optional"
systems are ones the key neither requires nor counts against us.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from armstrack.extract.pipeline import extract
from armstrack.loader import load_path

KEY = {
    "000_15dbe5167617452f.txt": {
        "title": "Missiles on the Move: US Expedites Patriot and NASAMS Deliveries",
        "systems": {"patriot", "nasams", "ammo-155mm"},
        "optional": set(),
        "money": [(2e9, "USD")],
    },
    "001_d3192188c0ee1568.txt": {
        "title": "WSJ: Trump administration reorganizes delivery of Patriot systems to allies, prioritizing Ukraine",
        "systems": {"patriot", "himars"},
        "optional": set(),
        "money": [(80.5e9, "USD")],
    },
    "002_e69a8b969b7dde78.txt": {
        "title": "Russia-Ukraine conflict: Pentagon to meet US arms manufacturers to ramp up military assistance",
        "systems": {"javelin", "stinger"},
        "optional": {"mi-17", "ammo-155mm"},
        "money": [(800e6, "USD"), (2.4e9, "USD")],
    },
    "003_016488cf7dffa966.txt": {
        "title": "The meeting of the USA and partners on September 28 about the industrial strategies "
        "of armament of Ukraine",
        "systems": {"harm"},
        "optional": set(),
        "money": [],
    },
    "004_4e236ddf1b53801e.txt": {
        "title": "The Pentagon has a “finite number” of ATACMS in stock and cannot quickly produce more, "
        "a US official told the channel",
        "systems": {"atacms"},
        "optional": {"dpicm"},
        "money": [],
    },
}


@pytest.fixture(scope="module", params=sorted(KEY))
def seed(request: pytest.FixtureRequest, seed_dir: Path):  # type: ignore[no-untyped-def]
    return request.param, extract(load_path(seed_dir / request.param))


def test_all_five_seeds_are_bundled(seed_dir: Path) -> None:
    assert sorted(p.name for p in seed_dir.glob("*.txt")) == sorted(KEY)


def test_title(seed) -> None:  # type: ignore[no-untyped-def]
    name, record = seed
    assert record.title == KEY[name]["title"]


def test_systems(seed) -> None:  # type: ignore[no-untyped-def]
    name, record = seed
    found = {s.id for s in record.systems}
    assert KEY[name]["systems"] <= found
    assert found - KEY[name]["systems"] <= KEY[name]["optional"]


def test_money(seed) -> None:  # type: ignore[no-untyped-def]
    name, record = seed
    assert [(a.value, a.currency) for a in record.amounts] == KEY[name]["money"]


def test_every_offset_points_at_its_text(seed) -> None:  # type: ignore[no-untyped-def]
    _, record = seed
    for system in record.systems + record.categories:
        for m in system.mentions:
            assert record.text[m.start : m.end] == m.text
            assert record.text[m.sentence.start : m.sentence.end] == m.sentence.text
            assert m.sentence.start <= m.start < m.end <= m.sentence.end
    for a in record.amounts + record.quantities:
        assert record.text[a.start : a.end] == a.text
