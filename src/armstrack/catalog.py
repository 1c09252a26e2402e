"""The catalogs in data/: weapon systems and generic equipment categories.

Catalogs are data, not code: adding a system means adding a TOML table, never an
``if``. ``load_catalog`` validates them once (duplicate keys, unknown fields) so a
broken catalog fails loudly at load time instead of quietly tagging nothing.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from armstrack.errors import UnknownSystemError
from armstrack.resources import bundled_dir

# Characters an alias may write as a separator; the tagger treats them as optional.
SEPARATORS = " -\u00a0\u2010\u2011\u2013"
_SEPARATOR_RE = re.compile(f"[{re.escape(SEPARATORS)}]")


def alias_key(text: str) -> str:
    """The form an alias and a matched text share: lower case, separators removed."""
    return _SEPARATOR_RE.sub("", text.casefold())


@dataclass(frozen=True, slots=True)
class Entry:
    """A named system or a generic category, with everything the tagger needs."""

    id: str
    name: str
    category: str
    is_category: bool
    aliases: tuple[str, ...]
    manufacturer: str | None = None
    exact_case: frozenset[str] = frozenset()
    needs_context: frozenset[str] = frozenset()
    context: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    counted_as: frozenset[str] = frozenset()  # the plain nouns a count of it may use: "howitzer"
    exclude_re: re.Pattern[str] | None = field(default=None, compare=False)
    context_re: re.Pattern[str] | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Catalog:
    systems: tuple[Entry, ...]
    categories: tuple[Entry, ...]

    @property
    def entries(self) -> tuple[Entry, ...]:
        return self.systems + self.categories

    def system(self, id_: str) -> Entry:
        return next(e for e in self.systems if e.id == id_)

    def resolve_system(self, name: str) -> Entry:
        """A system from its id, name, designation or alias, any case.

        Raises ``UnknownSystemError`` naming the nearest catalog names.
        """
        key = alias_key(name.strip())
        for candidate in (key, key[:-1] if key.endswith("s") else None):
            for entry in self.systems:
                keys = {alias_key(entry.id), alias_key(entry.name)} | {alias_key(a) for a in entry.aliases}
                if candidate in keys:
                    return entry
        names = {e.name: e for e in self.systems} | {a: e for e in self.systems for a in e.aliases}
        close = difflib.get_close_matches(name, list(names), n=3, cutoff=0.5)
        if not close:
            close = difflib.get_close_matches(name.upper(), [n.upper() for n in names], n=3, cutoff=0.5)
        hint = f" (did you mean {', '.join(dict.fromkeys(close))}?)" if close else ""
        raise UnknownSystemError(f"unknown system {name!r}{hint}; `armstrack systems --catalog` lists them")


_SYSTEM_FIELDS = {
    "id", "name", "category", "manufacturer", "designations", "aliases",
    "exact_case", "needs_context", "context", "exclude", "counted_as",
}  # fmt: skip
_CATEGORY_FIELDS = {"id", "name", "aliases"}


def _entry(table: dict[str, object], *, is_category: bool, where: str) -> Entry:
    allowed = _CATEGORY_FIELDS if is_category else _SYSTEM_FIELDS
    unknown = set(table) - allowed
    if unknown:
        raise ValueError(f"{where}: unknown field(s) {sorted(unknown)} in {table.get('id')!r}")

    def strings(key: str) -> list[str]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"{where}: {key} of {table.get('id')!r} must be a list of strings")
        return list(value)

    aliases = tuple(dict.fromkeys(strings("designations") + strings("aliases") + [str(table["name"])]))
    exclude = tuple(strings("exclude"))
    context = tuple(strings("context"))
    needs_context = frozenset(strings("needs_context"))
    if needs_context and not context:
        raise ValueError(f"{where}: {table['id']!r} has needs_context but no context words")
    return Entry(
        id=str(table["id"]),
        name=str(table["name"]),
        category="category" if is_category else str(table["category"]),
        is_category=is_category,
        aliases=aliases,
        manufacturer=str(table["manufacturer"]) if "manufacturer" in table else None,
        exact_case=frozenset(strings("exact_case")),
        needs_context=needs_context,
        context=context,
        exclude=exclude,
        counted_as=frozenset(strings("counted_as")),
        exclude_re=re.compile("|".join(re.escape(x) for x in exclude), re.I) if exclude else None,
        context_re=(
            re.compile(r"\b(?:" + "|".join(re.escape(c) for c in context) + r")", re.I) if context else None
        ),
    )


def read_catalog(folder: Path) -> Catalog:
    with (folder / "systems.toml").open("rb") as f:
        systems = tuple(_entry(t, is_category=False, where="systems.toml") for t in tomllib.load(f)["system"])
    with (folder / "categories.toml").open("rb") as f:
        categories = tuple(
            _entry(t, is_category=True, where="categories.toml") for t in tomllib.load(f)["category"]
        )
    catalog = Catalog(systems, categories)
    _check_unique(catalog)
    return catalog


def _check_unique(catalog: Catalog) -> None:
    ids: set[str] = set()
    owner: dict[str, str] = {}
    for entry in catalog.entries:
        if entry.id in ids:
            raise ValueError(f"catalog: duplicate id {entry.id!r}")
        ids.add(entry.id)
        for alias in entry.aliases:
            key = alias_key(alias)
            if owner.get(key, entry.id) != entry.id:
                raise ValueError(f"catalog: alias {alias!r} belongs to both {owner[key]!r} and {entry.id!r}")
            owner[key] = entry.id


@cache
def load_catalog() -> Catalog:
    """The bundled catalog, read once per process."""
    return read_catalog(bundled_dir("data"))
