"""The Python API: the README's example runs as printed, and importing graphbuild loads no spaCy."""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_python_example_runs_as_printed(tmp_path, monkeypatch):
    section = re.split(r"\n#{2,3} ", README.read_text(encoding="utf-8").split("\n## Python\n", 1)[1], maxsplit=1)[0]
    code, printed = re.findall(r"```(?:python)?\n(.*?)```", section, flags=re.S)
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})  # noqa: S102 (the README's own example)
    assert out.getvalue() == printed
    assert (tmp_path / "out" / "graph.ttl").stat().st_size > 0


def test_import_graphbuild_loads_no_spacy():
    code = "import sys, graphbuild, graphbuild.api; graphbuild.Graph; print('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"


def test_api_takes_paths_and_pairs_and_skips_what_it_cannot_read(tmp_path):
    import warnings

    import graphbuild

    (tmp_path / "a.txt").write_text("Russia joined the Asian Infrastructure Investment Bank.", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        kg = graphbuild.build([tmp_path / "a.txt", ("empty", "   ")])
    assert [t["doc"] for t in kg.triples()] == ["a.txt"]
    assert any("no text after cleaning" in str(w.message) for w in caught)
    assert isinstance(kg, graphbuild.KnowledgeGraph)


def test_cli_help_and_version_load_no_spacy():
    code = ("import sys\nfrom graphbuild.cli import app\nfor args in (['--version'], ['--help'], ['query', '--help']):\n"
            "    try:\n        app(args)\n    except SystemExit:\n        pass\n"
            "print('spacy' in sys.modules or any(m.startswith('spacy.') for m in sys.modules), file=sys.stderr)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stderr.strip().splitlines()[-1] == "False"


def test_help_shows_flags_without_a_bool_metavar():
    from typer.testing import CliRunner

    from graphbuild.cli import app

    for command in (["build", "--help"], ["export", "--help"], ["evaluate", "--help"]):
        result = CliRunner().invoke(app, command)
        assert result.exit_code == 0 and "--include-hypothetical" in result.output or command[0] == "evaluate"
        assert "<bool>" not in result.output
