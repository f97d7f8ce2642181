"""Documentation generated from the database itself (the README's schema section)."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils
import yaml

from .store import FTS, TABLES, VIEWS


def load_metadata(path: str | Path | None) -> dict:
    """Read metadata.yml (empty dict when there is none)."""
    if not path:
        return {}
    return yaml.safe_load(Path(path).read_text("utf-8")) or {}


def schema_markdown(db_path: str | Path, metadata_path: str | Path | None = None) -> str:
    """Markdown describing every table and view: columns, types, foreign keys, descriptions."""
    db = sqlite_utils.Database(db_path)
    tables_meta = (
        load_metadata(metadata_path).get("databases", {}).get("corpus", {}).get("tables", {})
    )
    out = []
    for name in list(TABLES) + list(VIEWS):
        if name not in db.table_names() + db.view_names():
            continue
        meta = tables_meta.get(name, {})
        hidden = " (hidden in Datasette)" if meta.get("hidden") else ""
        kind = "view" if name in VIEWS else "table"
        out.append(f"### `{name}` ({kind}){hidden}\n")
        if meta.get("description"):
            out.append(meta["description"].strip() + "\n")
        out.append("| column | type | description |\n|---|---|---|")
        obj = db[name]
        fks = {
            fk.column: f"{fk.other_table}.{fk.other_column}"
            for fk in getattr(obj, "foreign_keys", [])
        }
        for column in obj.columns:
            desc = (meta.get("columns") or {}).get(column.name, "")
            ref = f" → `{fks[column.name]}`" if column.name in fks else ""
            out.append(f"| `{column.name}` | {column.type or 'any'}{ref} | {desc} |")
        out.append("")
    out.append("Full-text tables: " + ", ".join(f"`{n}`" for n in FTS) + ".\n")
    db.close()
    return "\n".join(out)


def replace_section(text: str, name: str, body: str) -> str:
    """Replace what stands between <!-- name:start --> and <!-- name:end --> in a Markdown text."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    before, rest = text.split(start, 1)
    _, after = rest.split(end, 1)
    return f"{before}{start}\n{body.strip()}\n{end}{after}"


def section(text: str, name: str) -> str:
    """What stands between a section's markers."""
    return text.split(f"<!-- {name}:start -->", 1)[1].split(f"<!-- {name}:end -->", 1)[0].strip()
