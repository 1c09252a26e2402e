"""Crash safety with real processes: kill -9 mid-ingest, two ingests at once, a read-only
store, a full disk. Each leaves a store that opens, passes integrity_check, and holds whole
batches only."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import articles  # noqa: E402  (the benchmarks' deterministic generator)

pytestmark = pytest.mark.slow
BATCH = 200  # ingest.BATCH: one transaction each


def feed(path: Path, count: int, seed: int = 7) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for item in articles(count, seed=seed):
            f.write(json.dumps(item) + "\n")
    return path


def armstrack(*args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    """The command in a process of its own; one that hangs (a worker pool that never lets
    go) fails the test after two minutes instead of holding the run."""
    kw.setdefault("timeout", 120)
    return subprocess.run([sys.executable, "-m", "armstrack", *args], capture_output=True, text=True, **kw)  # type: ignore[call-overload, no-any-return]


def count(db: Path) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # the schema is not there yet
    finally:
        conn.close()


def healthy(db: Path) -> None:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    doctor = armstrack("--db", str(db), "doctor", "--json")
    assert doctor.returncode == 0, doctor.stdout


def children(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (from /proc: the ingest's extraction workers)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited; only its entry waits to be reaped


def start_ingest(source: Path, db: Path) -> tuple[subprocess.Popen[bytes], set[int]]:
    """An ingest of ``source``, left running until two batches are committed; its workers."""
    process = subprocess.Popen(
        [sys.executable, "-m", "armstrack", "--db", str(db), "ingest", str(source)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while count(db) < 2 * BATCH and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.1)
    workers = children(process.pid)
    assert workers, "the ingest runs its extraction in worker processes"
    return process, workers


def wait_gone(pids: set[int], seconds: float) -> set[int]:
    deadline = time.monotonic() + seconds
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return {p for p in pids if alive(p)}


def test_kill_9_mid_ingest_keeps_committed_batches_and_leaves_no_worker(tmp_path: Path) -> None:
    source = feed(tmp_path / "feed.jsonl", 3000)
    db = tmp_path / "store.db"
    process, workers = start_ingest(source, db)
    os.kill(process.pid, signal.SIGKILL)  # the writer alone: its workers must notice and exit
    process.wait()
    try:
        assert wait_gone(workers, 5) == set(), "extraction workers outlived the killed ingest"
    finally:
        for pid in workers:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
    kept = count(db)
    assert 0 < kept < 3000
    assert kept % BATCH == 0  # whole batches only: a batch is one transaction
    healthy(db)
    rerun = armstrack("--db", str(db), "ingest", str(source))
    assert rerun.returncode == 0, rerun.stderr
    assert f"{3000 - kept} added, {kept} unchanged" in rerun.stderr
    assert count(db) == 3000
    healthy(db)


def test_ctrl_c_stops_the_whole_ingest_and_keeps_what_was_committed(tmp_path: Path) -> None:
    source = feed(tmp_path / "feed.jsonl", 3000)
    db = tmp_path / "store.db"
    process, workers = start_ingest(source, db)
    os.killpg(process.pid, signal.SIGINT)  # as a terminal sends Ctrl-C: to the whole group
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert stderr.decode().splitlines()[-1] == "armstrack: interrupted"
    assert b"Traceback" not in stderr
    assert wait_gone(workers, 5) == set()
    kept = count(db)
    assert 0 < kept < 3000 and kept % BATCH == 0
    healthy(db)


def test_two_ingests_at_once(tmp_path: Path) -> None:
    first, second = feed(tmp_path / "a.jsonl", 400, seed=1), feed(tmp_path / "b.jsonl", 400, seed=2)
    db = tmp_path / "store.db"
    armstrack("--db", str(db), "ingest", "--with-seeds")  # the store exists before the race
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "armstrack", "--db", str(db), "ingest", str(f)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in (first, second)
    ]
    outcomes = [p.communicate(timeout=300) for p in runs]
    assert [p.returncode for p in runs] == [0, 0], outcomes
    urls = {json.loads(line)["url"] for f in (first, second) for line in f.read_text().splitlines()}
    assert count(db) == 5 + len(urls)  # a URL in both feeds is one article (the later text replaces)
    healthy(db)


@pytest.fixture
def immutable(tmp_path: Path) -> Iterator[Path]:
    db = tmp_path / "store.db"
    armstrack("--db", str(db), "ingest", "--with-seeds")
    if subprocess.run(["chattr", "+i", str(db)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not permitted here (it needs root on ext4 or tmpfs)")
    try:
        yield db
    finally:
        subprocess.run(["chattr", "-i", str(db)], check=True)


def test_read_only_store_refuses_writes_and_serves_reads(immutable: Path, tmp_path: Path) -> None:
    new = tmp_path / "new.txt"
    new.write_text(
        "New story\n\nThe US delivered HIMARS launchers to Ukraine on May 2, 2024.\n", encoding="utf-8"
    )
    write = armstrack("--db", str(immutable), "ingest", str(new))
    assert write.returncode == 1
    assert (
        write.stderr.strip()
        .splitlines()[-1]
        .endswith("the store is read-only; nothing was written (reading still works)")
    )
    read = armstrack("--db", str(immutable), "articles", "--json")
    assert read.returncode == 0 and len(json.loads(read.stdout)) == 5


def test_old_read_only_store_is_one_clear_line(tmp_path: Path) -> None:
    from tests.test_store import make_v1_store

    db = tmp_path / "old.db"
    make_v1_store(db)
    if subprocess.run(["chattr", "+i", str(db)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not permitted here (it needs root on ext4 or tmpfs)")
    try:
        read = armstrack("--db", str(db), "articles")
    finally:
        subprocess.run(["chattr", "-i", str(db)], check=True)
    assert read.returncode == 1 and read.stdout == ""
    assert read.stderr.count("\n") == 1 and "Traceback" not in read.stderr
    assert read.stderr.rstrip().endswith("schema 1 needs migrating, and the store is read-only")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "disk"
    mount.mkdir()
    if subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs", str(mount)], capture_output=True
    ).returncode:
        pytest.skip("cannot mount a small tmpfs here (it needs root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


def test_full_disk_is_a_clear_error_and_a_consistent_store(small_disk: Path, tmp_path: Path) -> None:
    source = feed(tmp_path / "feed.jsonl", 1000)
    db = small_disk / "store.db"
    result = armstrack("--db", str(db), "ingest", str(source))
    assert result.returncode == 1
    assert "the disk is full; the batch in progress was not written, earlier ones are kept" in result.stderr
    kept = count(db)
    assert kept % BATCH == 0 and kept < 1000
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
