"""Options shared by several commands, so each means the same everywhere."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, TypeVar, cast

import typer

from armstrack.cli.output import Fields, Format, Json

if TYPE_CHECKING:
    from armstrack.filters import Filters

__all__ = ["Fields", "Format", "Json"]  # the output options, with the filters: one import for commands
# Reading input (extract and ingest).
InputFormat = Annotated[
    str | None,
    typer.Option("--format", metavar="FORMAT", help="txt, md, html, json or jsonl (default: by extension)."),
]
MAX_SIZE = 10 * 1024 * 1024  # ingest.DEFAULT_MAX_BYTES, without importing ingest (and pydantic) here
MaxSize = Annotated[int, typer.Option("--max-size", metavar="BYTES", help="Refuse inputs larger than this.")]


def _zero_is_all(value: int | None) -> int | None:
    """--limit 0 shows every row, as it does for timeline, search and articles."""
    return value or None


Limit = Annotated[
    int | None,
    typer.Option(
        "--limit",
        "-n",
        min=0,
        metavar="N",
        callback=_zero_is_all,
        help="Show at most N rows (default: all; 0: all).",
    ),
]
TIMELINE_LIMIT = 100
SEARCH_LIMIT = 50


def _latest(default: str) -> Any:  # typer.Option is typed as returning Any
    return typer.Option(
        "--limit", "-n", min=0, metavar="N", help=f"Show the latest N rows, in date order ({default})."
    )


LatestTimeline = Annotated[int | None, _latest(f"default {TIMELINE_LIMIT}; 0 shows all")]
LatestSearch = Annotated[int | None, _latest(f"default {SEARCH_LIMIT}; 0 shows all")]
LatestAll = Annotated[int | None, _latest("default: all")]


def _complete_system(incomplete: str) -> list[str]:
    from armstrack.catalog import load_catalog

    return [e.id for e in load_catalog().systems if e.id.startswith(incomplete.lower())]


Systems = Annotated[
    list[str] | None,
    typer.Option(
        "--system",
        "-s",
        help="Only rows naming this system: id, name, designation or alias, any case. Repeatable.",
        metavar="NAME",
        autocompletion=_complete_system,
    ),
]
Query = Annotated[
    str | None,
    typer.Option("--query", "-q", metavar="TEXT", help="Only rows whose text has every word of TEXT."),
]
Articles = Annotated[
    list[str] | None,
    typer.Option(
        "--article", "-a", help="Only this article (an id or unambiguous prefix). Repeatable.", metavar="ID"
    ),
]
Since = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="DATE",
        help="Only rows dated on or after DATE: 2024, 2024-06, 2024-06-20, '6 months ago', 2w.",
    ),
]
Until = Annotated[
    str | None,
    typer.Option(
        "--until", metavar="DATE", help="Only rows dated on or before DATE (same forms as --since)."
    ),
]
ActorsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--actor",
        metavar="NAME",
        help="Only rows naming this actor: a name, an alias or an id ('Kirby', 'Kiev'). Repeatable.",
    ),
]
Kinds = Annotated[
    list[str] | None,
    typer.Option(
        "--kind", "-k", metavar="KIND", help="Only events of this kind (delivery, sale, …). Repeatable."
    ),
]
Statuses = Annotated[
    list[str] | None,
    typer.Option(
        "--status",
        metavar="STATUS",
        help="Only events with this status: done, planned, considered, requested, denied. Repeatable.",
    ),
]
Sources = Annotated[
    list[str] | None,
    typer.Option(
        "--source",
        metavar="OUTLET",
        help="Only events reported by this outlet (part of its name). Repeatable.",
    ),
]


# ------------------------------------------------------------------ the shared filter set


@dataclass(frozen=True, slots=True)
class FilterArgs:
    """The shared filter options as the user typed them; ``build`` resolves them."""

    system: list[str] | None = None
    kind: list[str] | None = None
    status: list[str] | None = None
    actor: list[str] | None = None
    source: list[str] | None = None
    query: str | None = None
    article: list[str] | None = None
    since: str | None = None
    until: str | None = None

    def build(self, *, limit: int | None = None, query: str | None = None, dated: bool = True) -> Filters:
        """The ``Filters`` these values mean (``dated=False`` leaves out --since/--until)."""
        from armstrack.filters import Filters

        return Filters.build(
            systems=self.system, kinds=self.kind, statuses=self.status, actors=self.actor, sources=self.source,
            query=query if query is not None else self.query, articles=self.article, limit=limit,
            since=self.since if dated else None, until=self.until if dated else None,
        )  # fmt: skip


# Name and option of each shared filter, in the order every command's --help lists them.
_FILTERS: tuple[tuple[str, object], ...] = (
    ("system", Systems), ("kind", Kinds), ("status", Statuses), ("actor", ActorsOpt), ("source", Sources), ("query", Query),
    ("article", Articles), ("since", Since), ("until", Until),
)  # fmt: skip

_Command = TypeVar("_Command", bound=Callable[..., None])


def with_filters(*, query: bool = True) -> Callable[[_Command], _Command]:
    """Give a command the shared filter options in place of its ``filter_args: FilterArgs``
    parameter (``query=False`` for a command whose words are its argument, like search).

    typer reads a command's options from its signature, so the wrapper's signature lists
    the filters one by one and the wrapper gathers them back into one ``FilterArgs``: the
    options are declared once, here, and mean the same in every command."""
    chosen = [(name, option) for name, option in _FILTERS if query or name != "query"]

    def decorate(command: _Command) -> _Command:
        signature = inspect.signature(command, eval_str=True)
        params: list[inspect.Parameter] = []
        for param in signature.parameters.values():
            if param.name == "filter_args":
                params += [
                    inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=option)
                    for name, option in chosen
                ]
            else:
                params.append(param.replace(kind=inspect.Parameter.KEYWORD_ONLY))

        @functools.wraps(command)
        def wrapper(**values: Any) -> None:
            args = FilterArgs(**{name: values.pop(name) for name, _ in chosen})
            command(filter_args=args, **values)

        wrapper.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
        wrapper.__annotations__ = {p.name: p.annotation for p in params}
        return cast(_Command, wrapper)

    return decorate


NO_FILTERS = FilterArgs()
