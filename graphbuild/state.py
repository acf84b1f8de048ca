"""Build state: which document graphs an on-disk store holds, under which configuration.

A SQLite database beside the store (``graphbuild-state.sqlite``) maps each input
document (its file, or corpus file + record id) to the hash of its text and the
configuration fingerprint (extractor version, model, ontology files) it was extracted
under. SQLite rather than a JSON file: a build commits each batch in a small
transaction instead of rewriting the whole state, and neither the state nor the set of
documents seen in this run is held in Python memory, so both stay flat for corpora of
millions of documents. A row is committed only after its document's graph is written,
so a crash at any point leaves a state that never claims a graph the store lacks.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

STATE_FILE = "graphbuild-state.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    key TEXT PRIMARY KEY,      -- the input document
    sha TEXT NOT NULL,         -- sha256 of its cleaned text: its graph is document_iri(sha)
    config TEXT NOT NULL,      -- configuration it was extracted under
    run INTEGER NOT NULL       -- last run that saw it in the input
);
CREATE INDEX IF NOT EXISTS documents_sha ON documents (sha);
"""


class BuildState:
    """The state of one store (``store=None``: a throwaway state in memory)."""

    def __init__(self, store: Path | None, config: str) -> None:
        self.config = config
        self.db = sqlite3.connect(":memory:" if store is None else str(Path(store) / STATE_FILE))
        if store is not None:
            self.db.execute("PRAGMA journal_mode=WAL")  # readers (progress, tests) never block the build
        self.db.executescript(_SCHEMA)
        # this run's number marks the documents it saw; this run's texts go in a temporary table
        row = self.db.execute("SELECT value FROM meta WHERE name = 'run'").fetchone()
        self.run = int(row[0]) + 1 if row else 1
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('run', ?)", (str(self.run),))
        self.db.execute("CREATE TEMP TABLE run_texts (sha TEXT PRIMARY KEY)")
        self.db.commit()

    def close(self) -> None:
        self.db.close()

    # ------------------------------------------------------------ this run
    def first_time_text(self, sha: str) -> bool:
        """Record that this run met a text; False when an earlier document had the same text."""
        return self.db.execute("INSERT OR IGNORE INTO run_texts VALUES (?)", (sha,)).rowcount == 1

    def text_in_run(self, sha: str) -> bool:
        return self.db.execute("SELECT 1 FROM run_texts WHERE sha = ?", (sha,)).fetchone() is not None

    def current(self, key: str, sha: str) -> bool:
        """Whether ``key`` was extracted from this very text under this configuration
        (and mark it seen by this run)."""
        row = self.db.execute("SELECT sha, config FROM documents WHERE key = ?", (key,)).fetchone()
        if row is None:
            return False
        self.db.execute("UPDATE documents SET run = ? WHERE key = ?", (self.run, key))
        return tuple(row) == (sha, self.config)

    def sha_of(self, key: str) -> str | None:
        row = self.db.execute("SELECT sha FROM documents WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def record(self, key: str, sha: str) -> None:
        """``key``'s graph now holds the extraction of ``sha`` under this configuration."""
        self.db.execute("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?)", (key, sha, self.config, self.run))

    def commit(self) -> None:
        self.db.commit()

    def unseen(self) -> list[tuple[str, str]]:
        """Documents this run did not see in its input, sorted by key."""
        return self.db.execute("SELECT key, sha FROM documents WHERE run != ? ORDER BY key", (self.run,)).fetchall()

    def forget(self, key: str) -> None:
        self.db.execute("DELETE FROM documents WHERE key = ?", (key,))

    def sha_in_use(self, sha: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE sha = ? LIMIT 1", (sha,)).fetchone() is not None

    # ------------------------------------------------------------ reading
    @staticmethod
    def documents(store: Path) -> dict[str, str]:
        """Key -> text hash of every document the store's state lists (read-only; {} without a state)."""
        path = Path(store) / STATE_FILE
        if not path.is_file():
            return {}
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return dict(db.execute("SELECT key, sha FROM documents ORDER BY key").fetchall())
        except sqlite3.OperationalError:  # a build is just creating it
            return {}
        finally:
            db.close()
