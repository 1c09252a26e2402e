"""How a stored record is compressed: Zstandard with a dictionary of the record's JSON shape.

A record's JSON (about 50 KB for a 4 KB article: each fact repeats its sentence) spends the
start of its compressed stream teaching the compressor the contract's vocabulary: its keys,
the catalogs' ids and names, roles and kinds. A dictionary that already holds them takes
that off every record: measured on 300 generated articles, 4,843 → 4,236 bytes a record
(zlib at level 6 before), and on the development set's 20 real articles 2,211 → 1,718; it
also compresses in three quarters of the time and decodes in under half.

The dictionary (``data/record_dictionary_1.jsonl``) is the bundled seeds' records, with
every text, summary and title blanked: their shape, none of their prose. It is frozen:
changing one byte would make each record compressed with it unreadable. A better one gets
the next number and its own first byte.

Stored values: ``b"\\x01"`` and a Zstandard frame made with dictionary 1. Stores made before
hold zlib streams (their first byte is 0x78) or, older still, plain JSON text; all read back.
"""

from __future__ import annotations

import threading
import zlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import zstandard

DICTIONARY_1 = "record_dictionary_1.jsonl"
_FIRST_BYTE = b"\x01"  # never the first byte of a zlib stream (its low four bits name the method: 8)
# Measured on 300 generated records (zlib at 6 was 4,843 bytes and 0.31 ms): level 5 gives
# 4,403 bytes in 0.17 ms, 6 4,236 in 0.23 ms, 9 3,952 in 0.42 ms. Ingest time and store
# size both miss their targets by about twice: 6 is smaller and quicker than zlib was.
_LEVEL = 6
_local = threading.local()  # compressors are not safe to share between threads


def compress(data: bytes) -> bytes:
    """A record's JSON as the store keeps it."""
    compressor: zstandard.ZstdCompressor | None = getattr(_local, "compressor", None)
    if compressor is None:
        import zstandard

        compressor = _local.compressor = zstandard.ZstdCompressor(level=_LEVEL, dict_data=_dictionary())
    return _FIRST_BYTE + compressor.compress(data)


def is_current(value: bytes | str) -> bool:
    """Was the stored value compressed as records are now (its JSON written by pydantic,
    compact), rather than stored in an older form?"""
    return isinstance(value, bytes) and value[:1] == _FIRST_BYTE


def decompress(value: bytes | str) -> bytes:
    """A stored record's JSON as UTF-8, whichever way it was stored."""
    if isinstance(value, str):
        return value.encode("utf-8")
    if value[:1] != _FIRST_BYTE:
        return zlib.decompress(value)
    decompressor: zstandard.ZstdDecompressor | None = getattr(_local, "decompressor", None)
    if decompressor is None:
        import zstandard

        decompressor = _local.decompressor = zstandard.ZstdDecompressor(dict_data=_dictionary())
    return decompressor.decompress(value[1:])


_loaded: list[zstandard.ZstdCompressionDict] = []


def _dictionary() -> zstandard.ZstdCompressionDict:
    if not _loaded:
        import zstandard

        from armstrack.resources import bundled_dir

        data = (bundled_dir("data") / DICTIONARY_1).read_bytes()
        _loaded.append(zstandard.ZstdCompressionDict(data, dict_type=zstandard.DICT_TYPE_RAWCONTENT))
    return _loaded[0]
