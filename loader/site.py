"""What the Datasette plugin registers, kept out of the hook module so it can be tested alone."""

from __future__ import annotations

import html
import sqlite3

from markupsafe import Markup

from . import search

CORPUS_MARKER_TABLE = "paragraph_search_fts"
# Columns whose values our SQL functions have already HTML-escaped and marked up.
HTML_COLUMNS = {"snippet", "highlight", "match_html"}


def is_corpus(conn: sqlite3.Connection) -> bool:
    """Whether a connection is to a corpus database (it has our search index)."""
    try:
        return bool(
            conn.execute(
                "select 1 from sqlite_master where name = ?", [CORPUS_MARKER_TABLE]
            ).fetchone()
        )
    except sqlite3.Error:
        return False


def register_functions(conn: sqlite3.Connection) -> None:
    """SQL functions for corpus queries: matching, snippets, highlighting, concordance sorting.

    ``escape_fts`` is replaced so Datasette's own search box (``?_search=煤炭``) turns
    unsegmented Chinese into character phrases.
    """
    conn.create_function("escape_fts", 1, search.fts_query, deterministic=True)
    conn.create_function("corpus_match", 1, search.fts_query, deterministic=True)
    conn.create_function("corpus_snippet", 2, search.snippet, deterministic=True)
    conn.create_function("corpus_snippet", 3, search.snippet, deterministic=True)
    conn.create_function("corpus_highlight", 2, search.highlight, deterministic=True)
    conn.create_function("reverse_text", 1, search.reverse_text, deterministic=True)


def render_marked_cell(value, column: str):
    """Show pre-escaped snippet HTML as HTML (with <mark>) instead of as escaped text."""
    if column in HTML_COLUMNS and isinstance(value, str) and search.MARK_OPEN in value:
        return Markup(value)
    return None


def csv_with_bom(columns: list[str], rows) -> str:
    """CSV with a UTF-8 byte-order mark, so Excel opens Chinese text correctly."""
    import csv
    import io

    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row[c] is None else row[c] for c in columns])
    return out.getvalue()


def configured_fts_lookup(datasette, database_name: str, original):
    """An fts_table() that honours metadata's fts_table, so datasette-search-all finds
    tables whose index lives in a separate table (paragraphs → paragraph_search_fts)."""

    async def fts_table(table: str):
        configured = datasette.table_metadata(database_name, table).get("fts_table")
        return configured or await original(table)

    return fts_table


def bar_chart_svg(
    rows: list[tuple[str, float]], title: str, unit: str = "", width: int = 720
) -> str:
    """A self-contained SVG bar chart (no scripts, no external assets)."""
    bar_h, gap, left, right = 22, 6, 150, 110
    height = max(1, len(rows)) * (bar_h + gap) + 40
    top = max((v for _, v in rows if v is not None), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="13">',
        f"<title>{html.escape(title)}</title>",
        f'<text x="0" y="16" font-weight="bold">{html.escape(title)}</text>',
    ]
    for i, (label, value, *text) in enumerate(rows):
        y = 30 + i * (bar_h + gap)
        w = 0 if value is None else (width - left - right) * value / top
        shown = (
            text[0]
            if text and text[0]
            else ("" if value is None else f"{value:,.6g} {unit}".strip())
        )
        parts.append(
            f'<text x="{left - 8}" y="{y + 15}" text-anchor="end">{html.escape(str(label))}</text>'
        )
        parts.append(
            f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="#4a7ebb"><title>{html.escape(shown)}</title></rect>'
        )
        parts.append(f'<text x="{left + w + 6:.1f}" y="{y + 15}">{html.escape(shown)}</text>')
    parts.append("</svg>")
    return "".join(parts)
