"""Datasette plugin hooks for the corpus (registered through the `datasette` entry point).

Hooks only; what they register lives in loader.site.
"""

from __future__ import annotations

from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response

from .. import site

# Charts drawn from canned queries:
# route name → (query, parameter, label columns, value column, unit column, text column).
CHARTS = {
    "statistic_series": (
        "statistic_series",
        "subject",
        ("period", "said_on"),
        "value",
        "unit",
        "figure",
    ),
    "word_trend": ("word_trend", "word", ("year",), "occurrences", None, None),
}


# trylast: Datasette's own prepare_connection registers escape_fts too; ours must run
# after it so the Chinese-aware version is the one that stays registered.
@hookimpl(trylast=True)
def prepare_connection(conn, database, datasette):
    if site.is_corpus(conn):
        site.register_functions(conn)


@hookimpl
def render_cell(value, column, table, database, datasette):
    return site.render_marked_cell(value, column)


def _render_csv_bom(columns, rows):
    return Response(
        site.csv_with_bom(columns, rows),
        content_type="text/csv; charset=utf-8",
        headers={"content-disposition": "attachment"},
    )


@hookimpl
def register_output_renderer(datasette):
    # /corpus/figures.csvbom?_size=max — CSV for Excel (UTF-8 with a byte-order mark)
    return {"extension": "csvbom", "render": _render_csv_bom}


@hookimpl
def startup(datasette):
    for name, db in datasette.databases.items():
        db.fts_table = site.configured_fts_lookup(datasette, name, db.fts_table)


async def chart(request, datasette):
    name = request.url_vars["chart"]
    if name not in CHARTS:
        raise NotFound("No such chart")
    query_name, param, label_columns, value_column, unit_column, text_column = CHARTS[name]
    database = request.url_vars["database"]
    query = await datasette.get_canned_query(database, query_name, request.actor)
    if query is None:
        raise NotFound("No such query")
    value = request.args.get(param, "")
    result = await datasette.get_database(database).execute(query["sql"], {param: value})
    rows = [dict(r) for r in result.rows]
    bars = [
        (" · ".join(str(r[c]) for c in label_columns if r.get(c)), r[value_column]) for r in rows
    ]
    unit = rows[0][unit_column] if rows and unit_column else ""
    title = f"{query.get('title', query_name)}: {value or '(default)'}"
    return Response.html(
        await datasette.render_template(
            "corpus_chart.html",
            {
                "title": title,
                "svg": site.bar_chart_svg(bars, title, unit or ""),
                "rows": rows,
                "columns": list(rows[0]) if rows else [],
                "query_url": datasette.urls.database(database) + "/" + query_name,
                "param": param,
                "value": value,
                "database": database,
            },
            request=request,
        )
    )


@hookimpl
def register_routes():
    return [(r"^/(?P<database>[^/]+)/-/chart/(?P<chart>[a-z_]+)$", chart)]
