"""`armstrack batch` on a real Dask local cluster of two worker processes: generated JSON
Lines and WARC files (about two thousand articles) give the same records as single-process
`extract`; off-topic articles are counted and skipped; a worker killed mid-run has its
partitions retried, with nothing lost or doubled; `ingest DIR` stores the records."""

from __future__ import annotations

import io
import json
import os
import signal
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")
warcio = pytest.importorskip("warcio")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from synthetic import articles  # noqa: E402

OFF_TOPIC = {
    "title": "Patriots win",
    "text": "The Patriots beat the Jets 24-17 as the quarterback threw two touchdowns.",
}


def page(item: dict[str, str]) -> bytes:
    from html import escape

    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in item["text"].split("\n\n"))
    return (
        f"<html><head><title>{escape(item['title'])}</title></head><body><article><h1>{escape(item['title'])}</h1>"
        f"{paragraphs}</article></body></html>"
    ).encode()


def write_warc(path: Path, items: list[dict[str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for i, item in enumerate(items):
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                f"https://news.example/{i}", "response", payload=io.BytesIO(page(item)), http_headers=headers
            )
            writer.write_record(record)
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://news.example/x.png", "response", payload=io.BytesIO(b"\x89PNG"), http_headers=image
            )
        )


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[dict[str, str]]]:
    folder = tmp_path_factory.mktemp("batch-in")
    generated = list(articles(1800, seed=7))
    jsonl = folder / "feed.jsonl"
    lines = [json.dumps(a) for a in generated[:1500]] + [json.dumps(OFF_TOPIC), "{not json"]
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    warc = folder / "crawl.warc.gz"
    write_warc(warc, generated[1500:])
    return jsonl, warc, generated


def expected_records(jsonl: Path, warc: Path) -> dict[str, str]:
    """Single-process extraction of the same inputs, as the tests compare."""
    from armstrack.batch import Partition, _documents
    from armstrack.errors import InputError
    from armstrack.ingest import extract_document
    from armstrack.relevance import relevance

    out = {}
    for part in (Partition(0, str(jsonl), "jsonl", 0), Partition(1, str(warc), "warc", 0)):
        for doc in _documents(part):
            if isinstance(doc, InputError) or not relevance(str(doc.text)).on_topic:
                continue
            record = extract_document(doc)
            out[record.id] = record.model_dump_json()
    return out


def stored(out: Path) -> list[tuple[str, str]]:
    table = pq.read_table(out / "articles", columns=["id", "record"]).to_pylist()
    return [(row["id"], row["record"]) for row in table]


def test_batch_equals_single_process_extract(cli, inputs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    jsonl, warc, _ = inputs
    out = tmp_path / "out"
    result = cli("batch", str(jsonl), str(warc), "-o", str(out), "--workers", "2", "--partition-size", "400")
    assert result.exit_code == 1  # the broken JSON line is one failure, reported
    assert "not valid JSON" in result.stderr
    assert "1800 extracted, 1 off-topic, 1 failed" in result.stderr, result.stderr
    rows = stored(out)
    assert len(rows) == len({i for i, _ in rows}) == 1800
    assert dict(rows) == expected_records(jsonl, warc)
    for table in ("mentions", "events", "quotes", "amounts"):
        assert pq.read_table(out / table).num_rows > 0, table

    db = str(tmp_path / "s.db")
    loaded = cli("--db", db, "ingest", str(out))
    assert "1800 added" in loaded.stderr, loaded.stderr
    assert len(json.loads(cli("--db", db, "articles", "--json", "--limit", "0").stdout)) == 1800


def test_a_killed_worker_loses_nothing(inputs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from distributed import Client, LocalCluster

    from armstrack.batch import run

    jsonl, _, _ = inputs
    out = tmp_path / "out"
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True)
    client = Client(cluster)
    done: dict[str, object] = {}

    def go() -> None:
        done["summary"] = run([str(jsonl)], str(out), scheduler=cluster.scheduler_address, partition_size=60)

    worker = threading.Thread(target=go)
    worker.start()
    killed = False
    deadline = time.monotonic() + 60
    while worker.is_alive() and time.monotonic() < deadline and not killed:
        busy = [address for address, tasks in client.processing().items() if tasks]
        if busy:
            pids = client.run(os.getpid, workers=[busy[0]])
            time.sleep(0.3)  # mid-task
            os.kill(pids[busy[0]], signal.SIGKILL)
            killed = True
        time.sleep(0.05)
    worker.join(180)
    client.close()
    cluster.close()
    assert killed and "summary" in done
    summary = done["summary"]
    assert summary.kept == 1500 and summary.off_topic == 1  # type: ignore[attr-defined]
    ids = [i for i, _ in stored(out)]
    assert len(ids) == len(set(ids)) == 1500
    assert not list(out.glob("*/.*.tmp"))  # no half-written file left visible
