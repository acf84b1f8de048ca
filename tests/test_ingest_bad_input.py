"""Bad input: each bad file or record is reported on one line naming it, and only it is lost.

Issue 11's findings, one test each: a bad byte in a corpus, invalid dates, deeply nested JSON,
lone surrogates, special files (FIFOs, devices, broken links, unreadable folders) and oversized
files. (Non-Latin names of unlinked actors: test_actor_keys.py.)
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from graphbuild.cli import app
from graphbuild.ingest import IngestError, IngestWarning, normalise_date, read_documents


@contextlib.contextmanager
def no_hang(seconds: int = 30) -> Iterator[None]:
    """Turn a hang (opening a FIFO blocks until a writer comes) into a test failure, not a stuck run."""

    def stop(_signum, _frame):
        raise TimeoutError("reading the inputs hung")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def record(rid: int | str, **extra) -> bytes:
    return (json.dumps({"id": rid, "text": f"Russia signs deal number {rid} with China.", **extra}) + "\n").encode()


def read(paths, **kwargs) -> tuple[list, list[IngestError]]:
    errors: list[IngestError] = []
    with no_hang():
        docs = list(read_documents(paths, on_error=errors.append, **kwargs))
    return docs, errors


@pytest.mark.parametrize("n,bad", [(200, 101)])
def test_ingest_jsonl_bad_byte_skips_only_its_line(tmp_path, n, bad):
    corpus = tmp_path / "corpus.jsonl"
    lines = [record(i) for i in range(1, n + 1)]
    lines[bad - 1] = lines[bad - 1].replace(b"Russia", b"Russ\xffia")
    corpus.write_bytes(b"".join(lines))
    docs, errors = read([corpus])
    assert [d.id for d in docs] == [str(i) for i in range(1, n + 1) if i != bad]
    assert [d.line for d in docs][bad - 1] == bad + 1
    assert len(errors) == 1
    assert str(errors[0]).startswith(f"{corpus}:{bad}: not valid UTF-8") and "re-save" in str(errors[0])


@pytest.mark.parametrize("value,iso", [
    ("2015-04-20", "2015-04-20"),
    ("2015-04-20T23:00:00Z", "2015-04-20"),
    ("April 20, 2015", "2015-04-20"),
    (" 2016-02-29 ", "2016-02-29"),
    ("yesterday", None),
    ("2015-02-30", None),
    ("2015", None),
    ("", None),
])
def test_ingest_normalise_date(value, iso):
    assert normalise_date(value) == iso


@pytest.mark.parametrize("value,shown", [("yesterday", "'yesterday'"), ("2015-02-30", "'2015-02-30'"), (2015, "2015")])
def test_ingest_jsonl_invalid_date_dropped_document_kept(tmp_path, value, shown):
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(record("a", date="April 20, 2015") + record("b", date=value) + record("c"))
    docs, errors = read([corpus])
    assert [(d.id, d.date) for d in docs] == [("a", "2015-04-20"), ("b", None), ("c", None)]
    assert len(errors) == 1 and isinstance(errors[0], IngestWarning)
    assert str(errors[0]).startswith(f"{corpus}:2: date {shown} ") and "YYYY-MM-DD" in str(errors[0])


@pytest.mark.parametrize("line,needle", [
    ("[" * 100_000 + "]" * 100_000, ":2: JSON nested too deeply"),
    ('{"id": "x", "text": "t", "meta": ' + "[" * 100_000 + "]" * 100_000 + "}", ":2: JSON nested too deeply"),
    ('{"id": ' + "1" * 5000 + ', "text": "t"}', ":2: not a JSON object"),
])
def test_ingest_jsonl_unreadable_json_skipped(tmp_path, line, needle):
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(record("a") + line.encode() + b"\n" + record("z"))
    docs, errors = read([corpus])
    assert [d.id for d in docs] == ["a", "z"]
    assert len(errors) == 1 and needle in str(errors[0]) and not isinstance(errors[0], IngestWarning)


@pytest.mark.parametrize("fields,where", [
    ({"id": "s", "text": "Russia \\ud800 signs a deal."}, '"text"'),
    ({"id": "s\\udfff", "text": "Russia signs a deal.", "title": "A \\udc00 title"}, '"id", "title"'),
])
def test_ingest_jsonl_lone_surrogate_replaced_and_reported(tmp_path, fields, where):
    corpus = tmp_path / "c.jsonl"
    line = "{" + ", ".join(f'"{k}": "{v}"' for k, v in fields.items()) + "}\n"
    corpus.write_bytes(record("a") + line.encode("ascii") + record("z"))
    docs, errors = read([corpus])
    assert [d.id.replace("\ufffd", "") for d in docs] == ["a", "s", "z"]
    kept = docs[1]
    assert not re.search("[\ud800-\udfff]", kept.id + kept.text + (kept.title or ""))
    assert "\ufffd" in kept.id + kept.text + (kept.title or "") and len(kept.sha256) == 64
    assert len(errors) == 1 and isinstance(errors[0], IngestWarning)
    assert str(errors[0]).startswith(f"{corpus}:2: lone surrogate") and where in str(errors[0])


@pytest.fixture()
def special_folder(tmp_path) -> Path:
    """A folder with a good file, a link to a good file, and the special entries issue 11 found."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Russia signs a deal with China.", encoding="utf-8")
    (tmp_path / "elsewhere.txt").write_text("China signs a deal with Russia.", encoding="utf-8")
    (folder / "link.txt").symlink_to(tmp_path / "elsewhere.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "dangling.jsonl").symlink_to(tmp_path / "gone.jsonl")
    (folder / "notes.bin").symlink_to("/dev/zero")  # not a supported suffix: never read, not reported
    return folder


@pytest.mark.parametrize("needles", [{
    "pipe.txt": "is a named pipe (FIFO), not a regular file",
    "zero.txt": "is a character device, not a regular file",
    "dangling.jsonl": "broken symbolic link",
}])
def test_ingest_special_files_in_folder_reported(special_folder, needles):
    docs, errors = read([special_folder])
    assert [d.id for d in docs] == ["good.txt", "link.txt"]
    assert sorted(Path(str(e).split(": ")[0]).name for e in errors) == sorted(needles)
    for e in errors:
        assert needles[Path(str(e).split(": ")[0]).name] in str(e)


@pytest.mark.parametrize("name,needle", [("pipe.txt", "named pipe (FIFO)"), ("zero.txt", "character device")])
def test_ingest_special_file_named_directly_never_read(special_folder, name, needle):
    docs, errors = read([special_folder / name, special_folder / "good.txt"])
    assert [d.id for d in docs] == ["good.txt"]
    assert len(errors) == 1 and str(errors[0]).startswith(f"{special_folder / name}: ") and needle in str(errors[0])


@pytest.mark.parametrize("name", ["dangling.jsonl"])
def test_ingest_broken_link_named_directly_raises_naming_it(special_folder, name):
    with pytest.raises(IngestError, match=f"{name}: broken symbolic link \\(to .*gone.jsonl\\)"):
        read([special_folder / name])


@pytest.mark.parametrize("sub", ["locked"])
def test_ingest_unreadable_folder_reported(tmp_path, monkeypatch, sub):
    (tmp_path / "a.txt").write_text("Russia signs a deal with China.", encoding="utf-8")
    (tmp_path / sub).mkdir()
    (tmp_path / sub / "b.txt").write_text("China signs a deal with Russia.", encoding="utf-8")
    real = os.scandir

    def scandir(path="."):
        # tests run as root in containers, where chmod 000 does not stop a listing
        if Path(path).name == sub:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    docs, errors = read([tmp_path])
    assert [d.id for d in docs] == ["a.txt"]
    assert len(errors) == 1
    assert str(errors[0]).startswith(f"{tmp_path / sub}: cannot list this folder (Permission denied)")


@pytest.mark.parametrize("name", ["big.txt"])
def test_ingest_text_file_over_size_limit_reported(tmp_path, name):
    big = tmp_path / name
    big.write_bytes(b"".join(record(i) for i in range(100)))
    (tmp_path / "small.txt").write_text("Russia signs a deal with China.", encoding="utf-8")
    size = big.stat().st_size
    docs, errors = read([tmp_path], max_file_size=size - 1)
    assert [d.id for d in docs] == ["small.txt"]
    assert len(errors) == 1 and str(errors[0]).startswith(f"{big}: ")
    assert f"{size:,} bytes is over the limit of {size - 1:,} bytes" in str(errors[0])
    assert "--max-file-size" in str(errors[0])
    docs, errors = read([tmp_path], max_file_size=size)
    assert [d.id for d in docs] == [name, "small.txt"] and not errors


@pytest.mark.parametrize("limit", [1000])
def test_ingest_jsonl_record_over_size_limit_reported_rest_kept(tmp_path, limit):
    corpus = tmp_path / "c.jsonl"
    huge = record("huge", title="x" * 3 * limit)
    corpus.write_bytes(b"".join(record(i) for i in range(1, 40)) + huge + record(40))
    assert corpus.stat().st_size > 2 * limit  # the corpus is larger than the limit, its records are not
    docs, errors = read([corpus], max_file_size=limit)
    assert [d.id for d in docs] == [str(i) for i in range(1, 41)]
    assert len(errors) == 1 and str(errors[0]).startswith(f"{corpus}:40: {len(huge):,} bytes is over the limit")
    assert "one record" in str(errors[0]) and "--max-file-size" in str(errors[0])


def test_cli_build_bad_corpus_and_special_files_reported_rest_built(runner, special_folder, tmp_path):
    corpus = special_folder / "corpus.jsonl"
    corpus.write_bytes(
        record("r1", date="2015-04-20")
        + record("r2").replace(b"Russia", b"Russ\xffia")
        + record("r3", date="yesterday")
        + b"[" * 100_000 + b"]" * 100_000 + b"\n"
        + b'{"id": "r5", "text": "Russia signs a deal \\ud800 with Japan."}\n'
        + record("r6", date="2015-02-30")
    )
    out = tmp_path / "out"
    with no_hang():
        result = runner.invoke(app, ["build", str(special_folder), "--out", str(out), "--format", "turtle"])
    assert result.exit_code == 0, result.output
    lines = result.stderr.strip().splitlines()
    expected = [f"{corpus}:2: not valid UTF-8", f"{corpus}:3: date 'yesterday'", f"{corpus}:4: JSON nested too deeply",
                f"{corpus}:5: lone surrogate", f"{corpus}:6: date '2015-02-30'", f"{special_folder / 'pipe.txt'}: ",
                f"{special_folder / 'zero.txt'}: ", f"{special_folder / 'dangling.jsonl'}: "]
    assert len(lines) == len(expected), result.stderr
    for needle in expected:
        assert sum(needle in line for line in lines) == 1, (needle, result.stderr)
    assert re.search(r"documents\s+6\b", result.stdout)  # good, link, r1, r3, r5, r6
    assert re.search(r"skipped\s+5\b", result.stdout)  # r2, r4, the FIFO, the device, the broken link
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert '"2015-04-20"^^xsd:date' in ttl and "yesterday" not in ttl and "2015-02-30" not in ttl


@pytest.mark.parametrize("mb", [1])
def test_cli_extract_max_file_size_option(runner, tmp_path, mb):
    big = tmp_path / "big.txt"
    big.write_bytes(b"Russia signs a deal with China. " * (mb * 2**20 // 32 + 1))
    (tmp_path / "small.txt").write_text("Russia signs a deal with China.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "--max-file-size", str(mb)])
    assert result.exit_code == 0, result.output
    size = big.stat().st_size
    assert result.stderr.count("\n") == 1
    assert f"{big}: {size:,} bytes is over the limit of {mb * 2**20:,} bytes ({mb} MB)" in result.stderr
    assert "--max-file-size" in result.stderr
    assert {json.loads(line)["doc"] for line in result.stdout.splitlines()} == {"small.txt"}
