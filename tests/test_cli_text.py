"""What the CLI prints: readable --help, and user data (file names, query results) as written."""

from __future__ import annotations

import pytest

from graphbuild.cli import app


@pytest.mark.parametrize("command,expected", [
    ("build", ["--format FORMAT", "--jobs N", "--actor ACTOR", "--min-confidence SCORE", "--since DATE"]),
    ("export", ["--graph PATH", "--format FORMAT", "--out FOLDER", "--plover TYPE"]),
    ("query", ["--param NAME=VALUE", "--format FORMAT", "--timeout SECONDS", "[SPARQL]"]),
    ("serve", ["--graph PATH", "--port PORT", "--timeout SECONDS"]),
])
def test_cli_help_metavars_are_readable(runner, command, expected):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    options = result.stdout.split("\nOptions:\n", 1)[1]
    for noise in ("<bool>", "<list[", " range>", "<str>", "<path>", "<int>", "<float>"):
        assert noise not in options, f"{command} --help shows {noise}"
    for needle in expected:
        assert needle in result.stdout


@pytest.mark.parametrize("args,needle", [
    (["build", "[draft].txt", "--out", "{tmp}/o"], "[draft].txt: no such file or folder"),
    (["query", "SELECT * WHERE { }", "--graph", "{tmp}/[draft].ttl"], "[draft].ttl: graph file not found"),
    (["export", "--graph", "{tmp}/[bold]g[/bold].ttl"], "[bold]g[/bold].ttl: graph file not found"),
])
def test_cli_error_line_shows_names_as_written(runner, tmp_path, args, needle):
    result = runner.invoke(app, [a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.exit_code == 1 and needle in result.stderr, result.stderr


@pytest.mark.parametrize("value", ["[bold]x[/bold] [draft] [/]", "[link=http://x]y[/link]"])
def test_cli_query_table_shows_values_as_written(runner, seed_build, value):
    _result, out = seed_build
    # a bound parameter's own column is left out (its value is the caller's); a copy is shown
    result = runner.invoke(app, ["query", "SELECT ?v (STR(?v) AS ?w) WHERE { }", "--param", f"v={value}",
                                 "--graph", str(out / "graph.ttl")])
    assert result.exit_code == 0, result.output
    assert value in result.stdout
