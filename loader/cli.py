"""The `corpus` command: load documents, serve the corpus, export it, describe its schema."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .errors import InputError

DEFAULT_DB = "corpus.db"
DEFAULT_SOURCES = ("seeds",)

# Datasette settings sized for a corpus of millions of paragraphs on a small machine.
SERVE_SETTINGS = {
    "sql_time_limit_ms": 3000,
    "max_returned_rows": 2000,
    "facet_time_limit_ms": 500,
    "facet_suggest_time_limit_ms": 200,
    # suggested facets run a query per column on every table page: too slow at a million rows
    "suggest_facets": False,
    "default_page_size": 50,
    "allow_download": "off",
    "default_cache_ttl": 300,
}


def existing_db_option(help_text: str):
    """--db for commands that read an existing corpus database."""
    return click.option(
        "--db",
        "db_path",
        default=DEFAULT_DB,
        show_default=True,
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help=help_text,
    )


metadata_option = click.option(
    "-m",
    "--metadata",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Datasette metadata.yml (default: metadata.yml beside the database).",
)


def metadata_beside(db_path: Path, metadata: Path | None) -> Path | None:
    """The metadata file to use: the one given, else metadata.yml beside the database if any."""
    path = metadata or db_path.parent / "metadata.yml"
    return path if Path(path).exists() else None


@click.group()
@click.version_option(__version__, prog_name="corpus")
def cli():
    """Chinese press corpus: load press-conference transcripts and newspaper reports into
    a normalised SQLite database with full-text search, and publish it with Datasette.

    \b
    Typical use:
      corpus load seeds/            # parse the folder into corpus.db
      corpus serve                  # browse and search it on http://127.0.0.1:8001/
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--db",
    "db_path",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(path_type=Path),
    help="Database file to create or update.",
)
@click.option(
    "--prune", is_flag=True, help="Remove documents whose files are no longer among PATHS."
)
@click.option(
    "--skip-bad", is_flag=True, help="Report bad files and load the rest instead of stopping."
)
@click.option(
    "--encoding",
    help="Decode every file with this encoding (default: detect UTF-8/GB18030/UTF-16).",
)
@click.option("--workers", type=int, help="Parser processes (default: one per core, at most 2).")
@click.option(
    "--max-paragraph-chars",
    type=int,
    default=1_000_000,
    show_default=True,
    help="Refuse files with a longer paragraph (usually a file without line breaks).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def load(paths, db_path, prune, skip_bad, encoding, workers, max_paragraph_chars, quiet):
    """Load text files and folders (default: seeds/) into the corpus database.

    Folders are read recursively (.txt and .md files). A folder may hold manifest.yml
    (dates and sources of its documents) and speakers.yml (people and their roles).
    Unchanged files are skipped; a changed file replaces its document. The whole load
    is one transaction: on an error nothing is written.
    """
    from .load import load as run_load

    paths = paths or tuple(Path(p) for p in DEFAULT_SOURCES)
    show_bar = not quiet and sys.stderr.isatty()
    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = click.progressbar(length=total, label="Loading", file=sys.stderr)
            bar.__enter__()
        bar.update(1)

    def on_skip(error: InputError) -> None:
        click.echo(f"skipped {error.message}", err=True)

    try:
        report = run_load(
            db_path,
            paths,
            prune=prune,
            skip_bad=skip_bad,
            encoding=encoding,
            workers=workers,
            max_paragraph_chars=max_paragraph_chars,
            progress=progress if show_bar else None,
            on_skip=on_skip,
        )
    except InputError as e:
        raise click.ClickException(e.message) from None
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    if not quiet:
        click.echo(f"{db_path}: {report.summary()}", err=True)


@cli.command()
@existing_db_option("Corpus database to serve.")
@metadata_option
@click.option(
    "-h", "--host", default="127.0.0.1", show_default=True, help="Interface to listen on."
)
@click.option("-p", "--port", default=8001, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--watch", is_flag=True, help="Serve the file mutable so reloads show up (default: immutable)."
)
@click.option(
    "--setting",
    "settings",
    multiple=True,
    type=(str, str),
    help="Extra Datasette setting, e.g. --setting sql_time_limit_ms 5000.",
)
def serve(db_path, metadata, host, port, watch, settings):
    """Serve the corpus with Datasette (metadata, canned queries and the search plugin)."""
    from datasette.cli import cli as datasette_cli

    metadata = metadata_beside(db_path, metadata)
    args = ["serve", "--host", host, "--port", str(port)]
    args += [str(db_path)] if watch else ["-i", str(db_path)]
    if metadata:
        args += ["--metadata", str(metadata)]
    merged = {**SERVE_SETTINGS, **dict(settings)}
    for key, value in merged.items():
        args += ["--setting", key, str(value)]
    datasette_cli.main(args=args, prog_name="corpus serve")


@cli.command()
@existing_db_option("Corpus database to export.")
@click.option(
    "-o",
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write one Parquet file per table into.",
)
def export(db_path, out_dir):
    """Export every corpus table as Parquet (needs the 'parquet' extra: pyarrow)."""
    from .export import export_parquet

    try:
        written = export_parquet(db_path, out_dir)
    except ImportError:
        raise click.ClickException(
            "Parquet export needs pyarrow: pip install 'chinese-press-corpus[parquet]'"
        ) from None
    for table, rows in written.items():
        click.echo(f"{out_dir / (table + '.parquet')}: {rows} rows", err=True)


@cli.command()
@existing_db_option("Corpus database to describe.")
@metadata_option
def schema(db_path, metadata):
    """Print the corpus schema as Markdown: tables, columns, types, descriptions."""
    from .docs import schema_markdown

    click.echo(schema_markdown(db_path, metadata_beside(db_path, metadata)), nl=False)
