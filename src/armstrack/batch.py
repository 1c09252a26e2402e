"""Extraction beyond one machine: JSON Lines and WARC files in, Parquet tables out, on a
Dask cluster (a local one by default).

Why Dask distributed: it runs plain Python functions over partitions with no JVM and no
cluster manager to install (Spark needs both), it retries a partition whose worker died
(Ray does too, but asks for its own runtime and object store), and a local cluster and a
real one are the same code with a scheduler address.

Inputs are local paths or fsspec URLs (``s3://…``, ``https://…``). A JSON Lines file is cut
into partitions of ``partition_size`` lines; a WARC file (the news crawl's format, read with
warcio) is one partition, its HTML responses read by trafilatura. Each partition runs the
relevance check first (relevance.py: an off-topic article costs a few substring scans and
is counted, not extracted), extracts the rest and writes one Parquet file per table under
``DIR/<table>/part-<input>-<partition>.parquet``. Files are written under a temporary name
and renamed: a partition retried after its worker died replaces its own files, so nothing
is lost or counted twice. The ``articles`` table carries each full record as JSON, which
``armstrack ingest DIR`` stores without extracting again.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TABLES = ("articles", "mentions", "events", "quotes", "amounts")
PARTITION_SIZE = 500  # JSON Lines per task


@dataclass(frozen=True, slots=True)
class Partition:
    index: int  # the input's position, for the file names
    url: str  # a path or fsspec URL
    kind: str  # "jsonl" or "warc"
    part: int  # which slice of the input
    first_line: int = 0
    last_line: int | None = None  # exclusive; None: to the end


@dataclass(slots=True)
class BatchSummary:
    partitions: int = 0
    read: int = 0
    kept: int = 0
    off_topic: int = 0
    failed: list[str] = field(default_factory=list)

    def add(self, other: dict[str, Any]) -> None:
        self.read += other["read"]
        self.kept += other["kept"]
        self.off_topic += other["off_topic"]
        self.failed += other["failed"]

    def line(self) -> str:
        return (
            f"{self.partitions} partitions; {self.read} articles read, {self.kept} extracted, "
            f"{self.off_topic} off-topic, {len(self.failed)} failed"
        )


def kind_of(url: str) -> str:
    name = url.lower().removesuffix(".gz").removesuffix(".bz2")
    if name.endswith((".warc", ".arc")):
        return "warc"
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    from armstrack.errors import UsageError

    raise UsageError(f"{url}: batch reads JSON Lines (.jsonl) and WARC (.warc, .warc.gz) files")


def plan(urls: Sequence[str], partition_size: int = PARTITION_SIZE) -> list[Partition]:
    """The partitions of the inputs: JSON Lines cut every ``partition_size`` lines (counted
    here, one streaming pass), a WARC file whole."""
    import fsspec

    out: list[Partition] = []
    for index, url in enumerate(urls):
        kind = kind_of(url)
        if kind == "warc":
            out.append(Partition(index, url, kind, 0))
            continue
        with fsspec.open(url, "rb", compression="infer") as handle:
            lines = sum(1 for _ in handle)
        for part, first in enumerate(range(0, max(lines, 1), partition_size)):
            out.append(Partition(index, url, kind, part, first, first + partition_size))
    return out


def run(
    urls: Sequence[str],
    out_dir: str,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    keep_all: bool = False,
    partition_size: int = PARTITION_SIZE,
) -> BatchSummary:
    """Extract every article of ``urls`` on a Dask cluster into Parquet tables in ``out_dir``."""
    import importlib.util

    missing = [
        m for m in ("distributed", "pyarrow", "warcio", "fsspec") if importlib.util.find_spec(m) is None
    ]
    if missing:
        from armstrack.errors import UsageError

        raise UsageError(
            f"batch needs Dask, pyarrow, warcio and fsspec ({', '.join(missing)} missing): "
            "pip install 'armstrack[batch]'"
        )
    from distributed import Client, LocalCluster

    Path(out_dir).mkdir(parents=True, exist_ok=True)
    partitions = plan(urls, partition_size)
    summary = BatchSummary(partitions=len(partitions))
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True)  # type: ignore[no-untyped-call]
    try:
        with Client(scheduler or cluster) as client:  # type: ignore[no-untyped-call]
            futures = client.map(process, partitions, out_dir=out_dir, keep_all=keep_all, pure=False)
            for result in client.gather(futures):
                summary.add(result)
    finally:
        if cluster is not None:
            cluster.close()
    return summary


def process(partition: Partition, out_dir: str, keep_all: bool = False) -> dict[str, Any]:
    """One partition: read, check relevance, extract, write its Parquet files. Runs on a
    worker; pure but for the files it writes, which a retry writes again whole."""
    from armstrack.documents import Document
    from armstrack.errors import InputError
    from armstrack.ingest import extract_document
    from armstrack.relevance import relevance

    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    counts: dict[str, Any] = {"read": 0, "kept": 0, "off_topic": 0, "failed": []}
    for item in _documents(partition):
        counts["read"] += 1
        if isinstance(item, InputError):
            counts["failed"].append(str(item))
            continue
        assert isinstance(item, Document)
        text = item.text if isinstance(item.text, str) else item.text.decode("utf-8", errors="replace")
        if not keep_all and not relevance(text).on_topic:
            counts["off_topic"] += 1
            continue
        try:
            record = extract_document(item)
        except InputError as exc:
            counts["failed"].append(str(exc))
            continue
        counts["kept"] += 1
        for name, found in table_rows(record, partition.url).items():
            rows[name].extend(found)
    _write(rows, out_dir, f"part-{partition.index:05d}-{partition.part:05d}")
    return counts


def _documents(partition: Partition) -> Iterator[Any]:
    import fsspec

    from armstrack.documents import json_lines

    with fsspec.open(partition.url, "rb", compression="infer") as handle:
        if partition.kind == "warc":
            yield from _warc_documents(partition.url, handle)
            return
        lines = itertools.islice(enumerate(handle, start=1), partition.first_line, partition.last_line)
        yield from json_lines(partition.url, ((n, raw.decode("utf-8", errors="replace")) for n, raw in lines))


def _warc_documents(url: str, handle: Any) -> Iterator[Any]:
    """The HTML responses of a WARC file, each read by trafilatura with its target URI."""
    from warcio.archiveiterator import ArchiveIterator

    from armstrack.documents import html_document
    from armstrack.errors import InputError

    for record in ArchiveIterator(handle):
        if record.rec_type != "response":
            continue
        target = record.rec_headers.get_header("WARC-Target-URI") or url
        content_type = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
        if "html" not in content_type.lower():
            continue
        body = record.content_stream().read()
        try:
            doc = html_document(target, body)
        except InputError as exc:
            yield exc
            continue
        # The page's canonical URL, else the crawled one. The crawl's WARC-Date is when the
        # page was fetched, not published: the date comes from the page or its text.
        doc.url = doc.url if doc.url and doc.url.startswith(("http://", "https://")) else target
        yield doc


def table_rows(record: Any, input_url: str) -> dict[str, list[dict[str, Any]]]:
    """One record as the rows of the five tables (offsets into the article text, no copies
    of whole sentences but the events' own)."""
    p = record.published
    article = {
        "id": record.id, "title": record.title, "source": record.source, "url": record.url,
        "author": record.author, "published": p.date.isoformat() if p.date else None,
        "published_earliest": p.earliest.isoformat() if p.earliest else None,
        "published_latest": p.latest.isoformat() if p.latest else None,
        "published_precision": p.precision, "published_inferred": p.inferred, "text": record.text,
        "input": input_url, "record": record.model_dump_json(),
    }  # fmt: skip
    mentions = [
        {
            "article_id": record.id,
            "system_id": s.id,
            "system": s.name,
            "start": m.start,
            "end": m.end,
            "text": m.text,
        }
        for s in record.systems
        for m in s.mentions
    ]
    events = []
    for e in record.events:
        d = e.date
        events.append({
            "article_id": record.id, "kind": e.kind, "status": e.status,
            "date_start": d.start.isoformat() if d else None, "date_end": d.end.isoformat() if d else None,
            "date_precision": d.precision if d else "unknown", "summary": e.summary,
            "evidence_start": e.evidence.start, "evidence_end": e.evidence.end,
            "amount_value": e.amount.value if e.amount else None,
            "amount_currency": e.amount.currency if e.amount else None, "systems": list(e.systems),
        })  # fmt: skip
    quotes = [
        {"article_id": record.id, "start": q.start, "end": q.end, "text": q.text, "speaker": q.speaker,
         "speaker_id": q.speaker_id, "speaker_description": q.speaker_description, "partial": q.partial}
        for q in record.quotes
    ]  # fmt: skip
    amounts = [
        {"article_id": record.id, "start": a.start, "end": a.end, "text": a.text, "kind": a.kind, "value": a.value,
         "currency": a.currency, "unit": a.unit, "role": getattr(a, "role", None)}
        for a in [*record.amounts, *record.quantities]
    ]  # fmt: skip
    return {
        "articles": [article],
        "mentions": mentions,
        "events": events,
        "quotes": quotes,
        "amounts": amounts,
    }


def _schemas() -> dict[str, Any]:
    import pyarrow as pa

    s, i, f, b = pa.string(), pa.int64(), pa.float64(), pa.bool_()
    return {
        "articles": pa.schema([("id", s), ("title", s), ("source", s), ("url", s), ("author", s), ("published", s),
                               ("published_earliest", s), ("published_latest", s), ("published_precision", s),
                               ("published_inferred", b), ("text", s), ("input", s), ("record", s)]),
        "mentions": pa.schema([("article_id", s), ("system_id", s), ("system", s), ("start", i), ("end", i),
                               ("text", s)]),
        "events": pa.schema([("article_id", s), ("kind", s), ("status", s), ("date_start", s), ("date_end", s),
                             ("date_precision", s), ("summary", s), ("evidence_start", i), ("evidence_end", i),
                             ("amount_value", f), ("amount_currency", s), ("systems", pa.list_(s))]),
        "quotes": pa.schema([("article_id", s), ("start", i), ("end", i), ("text", s), ("speaker", s),
                             ("speaker_id", s), ("speaker_description", s), ("partial", b)]),
        "amounts": pa.schema([("article_id", s), ("start", i), ("end", i), ("text", s), ("kind", s),
                              ("value", f), ("currency", s), ("unit", s), ("role", s)]),
    }  # fmt: skip


def _write(rows: dict[str, list[dict[str, Any]]], out_dir: str, name: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schemas = _schemas()
    for table, found in rows.items():
        folder = Path(out_dir) / table
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / f"{name}.parquet"
        for stale in folder.glob(f".{name}.*.tmp"):  # left by a worker killed while writing
            stale.unlink(missing_ok=True)
        partial = folder / f".{name}.{os.getpid()}.tmp"
        pq.write_table(pa.Table.from_pylist(found, schema=schemas[table]), partial)
        partial.replace(final)


def parquet_records(folder: Path) -> Iterator[str]:
    """The records (JSON) in a batch output folder's ``articles`` table, file by file."""
    import pyarrow.parquet as pq

    for path in sorted((folder / "articles").glob("*.parquet")):
        table = pq.read_table(path, columns=["record"])
        for value in table.column("record").to_pylist():
            if value:
                yield value


def is_batch_output(path: Path) -> bool:
    return path.is_dir() and (path / "articles").is_dir() and any((path / "articles").glob("*.parquet"))
