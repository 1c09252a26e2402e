"""Stored records are compressed with a frozen dictionary (recordzip.py); records stored
before (zlib, plain JSON text) must still read back, and the dictionary must never change."""

from __future__ import annotations

import hashlib
import zlib
from concurrent.futures import ThreadPoolExecutor

import pytest
from pydantic_core import to_json

from armstrack import recordzip
from armstrack.resources import bundled_dir
from armstrack.store import Store
from armstrack.stored import encode_record
from tests.conftest import extract_text

TEXT = (
    "Kyiv, March 4 (Wire) - The Pentagon said on Tuesday it would send Ukraine a $275 million "
    "package including HIMARS rockets and 155mm artillery shells. “We will keep going,” Defense "
    "Secretary Lloyd Austin told reporters. Germany said it would deliver a second Patriot battery "
    "by June, while Washington kept its limits on ATACMS strikes inside Russia."
)


def test_the_dictionary_is_frozen() -> None:
    """Every record compressed with dictionary 1 needs these exact bytes to be read: a new
    dictionary is a new file and a new first byte, never an edit of this one."""
    data = (bundled_dir("data") / recordzip.DICTIONARY_1).read_bytes()
    assert (
        hashlib.sha256(data).hexdigest() == "f37b290f0cf73feb4debca552007c567011792b49149766ae3bc3f0b4ab03bd4"
    )


def test_the_dictionary_holds_no_prose() -> None:
    """The seeds' records with every text, summary and title blanked: their shape only."""
    import json

    for line in (bundled_dir("data") / recordzip.DICTIONARY_1).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert record["text"] == "" and record["title"] == ""
        assert all(
            m["text"] == "" and m["sentence"]["text"] == "" for s in record["systems"] for m in s["mentions"]
        )
        assert all(e["summary"] == "" and e["evidence"]["text"] == "" for e in record["events"])


def test_every_way_a_record_was_stored_reads_back() -> None:
    record = extract_text(TEXT, "2025-03-04")
    data = to_json(record)
    new = encode_record(record)
    assert new[:1] == b"\x02" and recordzip.decompress(new, record.text) == data
    with pytest.raises(ValueError, match="needs its article's text"):
        recordzip.decompress(new)
    whole = recordzip.compress(data)  # stores of November 2026, before recordslim.py
    assert whole[:1] == b"\x01" and recordzip.decompress(whole) == data == recordzip.decompress(whole, "?")
    assert len(new) < len(whole)
    assert recordzip.decompress(zlib.compress(data, 6)) == data  # stores before schema 12's time
    assert recordzip.decompress(data.decode("utf-8")) == data  # stores before compression
    assert len(new) < len(zlib.compress(data, 6))


def test_a_store_reads_old_and_new_records_side_by_side() -> None:
    other = (
        "Officials said two NASAMS launchers arrived in Ukraine last week, the first this year, Kirby said."
    )
    first, second = extract_text(TEXT, "2025-03-04"), extract_text(other, "2025-03-05")
    store = Store.memory()
    with store.transaction():
        store.put(first)
        store.put(second)
        store.db.execute(  # the first as an older armstrack stored it
            "UPDATE articles SET record = ? WHERE id = ?", (zlib.compress(to_json(first), 6), first.id)
        )
        third = extract_text(other + " Austin said the Patriot would follow.", "2025-03-06")
        store.put(third)
        store.db.execute(  # and the third whole, as stores of November 2026 did
            "UPDATE articles SET record = ? WHERE id = ?", (recordzip.compress(to_json(third)), third.id)
        )
    assert store.records([first.id, second.id, third.id]) == [first, second, third]
    assert [r["id"] for r in store.record_dicts([first.id, second.id])] == [first.id, second.id]


def test_threads_compress_and_decompress_at_once() -> None:
    """Compressors are kept per thread (Dask's workers run tasks in threads)."""
    texts = [to_json({"n": i, "text": TEXT * (1 + i % 7)}) for i in range(64)]
    with ThreadPoolExecutor(8) as pool:
        packed = list(pool.map(recordzip.compress, texts))
        assert list(pool.map(recordzip.decompress, packed)) == texts
