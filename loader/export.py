"""Export corpus tables as Parquet, for DuckDB, pandas, Spark or BigQuery."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from .store import BOOKKEEPING_TABLES, TABLES

BATCH_ROWS = 50_000


def export_parquet(db_path: str | Path, out_dir: str | Path) -> dict[str, int]:
    """Write one Parquet file per corpus table; return table → row count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(db_path)
    written = {}
    for table in TABLES:
        if table in BOOKKEEPING_TABLES or table == "paragraph_search":
            continue
        columns = TABLES[table]["columns"]
        schema = pa.schema([(name, _arrow_type(pa, kind)) for name, kind in columns.items()])
        count = 0
        with pq.ParquetWriter(out / f"{table}.parquet", schema) as writer:
            cursor = db.execute(
                f"select {', '.join(f'[{c}]' for c in columns)} from [{table}] order by rowid"
            )
            while batch := cursor.fetchmany(BATCH_ROWS):
                arrays = [
                    pa.array([row[i] for row in batch], type=schema.field(i).type)
                    for i in range(len(columns))
                ]
                writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
                count += len(batch)
        written[table] = count
    db.close()
    return written


def _arrow_type(pa, kind):
    return {int: pa.int64(), float: pa.float64(), str: pa.string()}[kind]
