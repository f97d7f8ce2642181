"""Load and search at scale, against the floor of a plain sqlite-utils insert + FTS.

    python benchmarks/scale.py                       # 10k, 100k and 1M paragraphs
    python benchmarks/scale.py --sizes 10000         # one size
    python benchmarks/scale.py --keep DIR            # keep corpora and databases in DIR

For each size it generates realistic Chinese (words drawn by frequency from jieba's
own dictionary, figures and speaker labels mixed in, plus the seed paragraphs) as
documents of 100 paragraphs, then measures in the same run:

* floor: sqlite-utils insert_all of the same paragraphs + enable_fts (the default
  tokenizer, which indexes a run of Chinese as one token), and a char-index floor that
  inserts the U+200B-separated text our search needs and indexes that;
* corpus load from empty (documents, paragraphs, speakers, turns, figures, search and
  word indexes): wall time, MB/s of text, peak RSS of the whole process tree, size;
* reload with nothing changed, and after changing one document;
* search latency through Datasette's test client: table `_search` and the canned
  `search` query (with snippets) for 1-, 2- and 4-character queries, p50/p95;
* recall of the index against a Python substring scan.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PARAGRAPHS_PER_DOCUMENT = 100
POOL_SIZE = 40_000
SPEAKERS = [
    "人民日报记者",
    "新华社记者",
    "林武书记",
    "蓝佛安省长",
    "中央广播电视总台记者",
    "王立新局长",
    "问",
    "答",
]
# Figures as statistics are printed; {n} is a noun drawn from the dictionary, so no subject
# word is more common than the language makes it.
FIGURES = [
    "{n}达到{a}.{b}亿吨",
    "同比增长{b}.{a}%",
    "{n}{a}{b}亿千瓦时",
    "{n}达到{a}{b}.{a}万户",
    "投资{a}{b}亿元",
    "占全国的近1/{a}",
    "提高{a}.{b}个百分点",
    "去年{n}超过{a}{b}0万人次",
]
QUERIES = {
    1: ["的", "煤", "国", "量"],
    2: ["煤炭", "发展", "能源", "产量"],
    4: ["煤炭产量", "高质量发", "市场主体", "能源革命"],
}


def load_words():
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    entries = []
    for line in path.read_text("utf-8").splitlines():
        word, freq, *_ = line.split(" ")
        if all("\u4e00" <= c <= "\u9fff" for c in word):
            entries.append((word, int(freq)))
    entries.sort(key=lambda e: -e[1])
    entries = entries[:60_000]
    return [w for w, _ in entries], [f for _, f in entries]


def make_pool(rng: random.Random) -> list[str]:
    words, weights = load_words()
    cum = list(__import__("itertools").accumulate(weights))
    nouns = [w for w in words[:20000] if len(w) >= 2]
    seeds = []
    from loader.normalize import normalize

    for path in sorted((ROOT / "seeds").glob("*.txt")):
        seeds += [
            p.text
            for p in normalize(path.read_text("utf-8")).paragraphs
            if p.kind == "body" and "：" not in p.text[:12]
        ]
    pool = []
    for i in range(POOL_SIZE):
        if i % 20 == 0:
            pool.append(rng.choice(seeds))
            continue
        sentences = []
        for _ in range(rng.randint(6, 14)):
            clause = "".join(rng.choices(words, cum_weights=cum, k=rng.randint(6, 12)))
            if rng.random() < 0.3:
                figure = rng.choice(FIGURES)
                a, b, n = rng.randint(1, 9), rng.randint(0, 9), rng.choice(nouns)
                clause += "，" + figure.format(a=a, b=b, n=n)
            sentences.append(clause + rng.choice("。。。！"))
        pool.append("".join(sentences))
    return pool


def write_corpus(folder: Path, paragraphs: int, pool: list[str], rng: random.Random) -> int:
    """Write documents of 100 paragraphs; return bytes of paragraph text."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for d in range(paragraphs // PARAGRAPHS_PER_DOCUMENT):
        lines = [f"第{d}号新闻发布会实录"]
        for i in range(PARAGRAPHS_PER_DOCUMENT - 1):
            text = rng.choice(pool)
            if i % 6 == 0:
                text = f"{rng.choice(SPEAKERS)}：{text}"
            lines.append(text)
            total += len(text.encode("utf-8"))
        (folder / f"doc_{d:06d}.txt").write_text("\n\n".join(lines) + "\n", "utf-8")
    return total


def all_paragraph_texts(folder: Path):
    for path in sorted(folder.glob("*.txt")):
        for block in path.read_text("utf-8").split("\n\n"):
            if block.strip():
                yield block.strip()


def floor(folder: Path, db_path: Path, spaced: bool = False) -> float:
    """insert_all + enable_fts of the paragraphs; `spaced` indexes every character as ours does."""
    import sqlite_utils

    from loader.search import search_text

    start = time.perf_counter()
    db = sqlite_utils.Database(db_path)
    prepare = search_text if spaced else str
    rows = ({"id": i, "text": prepare(t)} for i, t in enumerate(all_paragraph_texts(folder), 1))
    db["paragraphs"].insert_all(rows, pk="id", batch_size=1000)
    db["paragraphs"].enable_fts(["text"])
    db.close()
    return time.perf_counter() - start


class TreeRss:
    """Peak resident memory of a process and all its descendants, sampled from /proc."""

    def __init__(self, pid: int):
        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    stat = Path(f"/proc/{entry}/stat").read_text()
                    ppid = int(stat.rsplit(")", 1)[1].split()[1])
                    children.setdefault(ppid, []).append(int(entry))
                except (OSError, ValueError, IndexError):
                    pass
        out, todo = [], [self.pid]
        while todo:
            p = todo.pop()
            out.append(p)
            todo += children.get(p, [])
        return out

    def _run(self):
        while not self._stop.is_set():
            total = 0
            for p in self._tree():
                try:
                    for line in Path(f"/proc/{p}/status").read_text().splitlines():
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1]) * 1024
                except OSError:
                    pass
            self.peak = max(self.peak, total)
            time.sleep(0.1)

    def stop(self) -> int:
        self._stop.set()
        self.thread.join()
        return self.peak


def corpus_load(folder: Path, db_path: Path) -> tuple[float, int]:
    corpus = Path(sys.executable).parent / "corpus"
    start = time.perf_counter()
    proc = subprocess.Popen([str(corpus), "load", str(folder), "--db", str(db_path), "--quiet"])
    rss = TreeRss(proc.pid)
    code = proc.wait()
    elapsed = time.perf_counter() - start
    peak = rss.stop()
    if code:
        raise SystemExit(f"corpus load failed with exit code {code}")
    return elapsed, peak


async def search_latencies(db_path: Path) -> dict:
    import yaml
    from datasette.app import Datasette

    from loader.cli import SERVE_SETTINGS

    ds = Datasette(
        [str(db_path)],
        immutables=[],
        metadata=yaml.safe_load((ROOT / "metadata.yml").read_text("utf-8")),
        settings={**SERVE_SETTINGS, "sql_time_limit_ms": 60_000},
    )
    name = db_path.stem
    results = {}
    for length, queries in QUERIES.items():
        box, canned = [], []
        for q in queries:
            for _ in range(5):
                t = time.perf_counter()
                r = await ds.client.get(
                    f"/{name}/paragraphs.json", params={"_search": q, "_size": 50, "_col": "id"}
                )
                box.append((time.perf_counter() - t) * 1000)
                assert r.status_code == 200, r.text[:300]
                t = time.perf_counter()
                r = await ds.client.get(f"/{name}/search.json", params={"q": q, "_shape": "array"})
                canned.append((time.perf_counter() - t) * 1000)
                assert r.status_code == 200, r.text[:300]
        results[length] = (pct(box, 50), pct(box, 95), pct(canned, 50), pct(canned, 95))
    return results


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def recall(db_path: Path) -> float:
    import sqlite3

    from loader.search import fts_query

    conn = sqlite3.connect(db_path)
    texts = conn.execute("select id, text from paragraphs").fetchall()
    found = expected = 0
    for q in ["煤", "煤炭", "产量", "煤炭产量", "RCEP国家", "13.78"]:
        truth = {i for i, t in texts if q in t}
        hits = {
            r[0]
            for r in conn.execute(
                "select rowid from paragraph_search_fts where paragraph_search_fts match ?",
                [fts_query(q)],
            )
        }
        expected += len(truth)
        found += len(truth & hits)
    conn.close()
    return found / expected if expected else 1.0


def change_one_document(folder: Path) -> None:
    path = sorted(folder.glob("*.txt"))[len(list(folder.glob("*.txt"))) // 2]
    path.write_text(path.read_text("utf-8") + "\n新增一段：今年煤炭产量预计增长5%。\n", "utf-8")


def run_size(n: int, work: Path, pool, rng) -> dict:
    base = work / f"n{n}"
    shutil.rmtree(base, ignore_errors=True)
    folder = base / "texts"
    text_bytes = write_corpus(folder, n, pool, rng)
    # named corpus.db so metadata.yml's canned queries apply to it
    floor_db, db = base / "floor.db", base / "corpus.db"

    floor_s = floor(folder, floor_db)
    char_floor_db = base / "floor_chars.db"
    char_floor_s = floor(folder, char_floor_db, spaced=True)
    load_s, peak = corpus_load(folder, db)
    reload_s, _ = corpus_load(folder, db)
    change_one_document(folder)
    change_s, _ = corpus_load(folder, db)
    latencies = asyncio.run(search_latencies(db))
    row = {
        "paragraphs": n,
        "text_mb": text_bytes / 1e6,
        "floor_s": floor_s,
        "load_s": load_s,
        "ratio": load_s / floor_s,
        "char_floor_s": char_floor_s,
        "char_ratio": load_s / char_floor_s,
        "mb_s": text_bytes / 1e6 / load_s,
        "peak_mb": peak / 1e6,
        "db_mb": db.stat().st_size / 1e6,
        "floor_db_mb": floor_db.stat().st_size / 1e6,
        "reload_s": reload_s,
        "change_s": change_s,
        "latencies": latencies,
        "recall": recall(db),
    }
    return row


def print_table(rows):
    print(
        "\n| paragraphs | text MB | floor s | char-index floor s | load s | × floor | × char floor "
        "| MB/s | peak RSS MB | db MB | reload, none changed s | reload, 1 doc changed s | recall |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['paragraphs']:,} | {r['text_mb']:.0f} | {r['floor_s']:.1f} | {r['char_floor_s']:.1f} "
            f"| {r['load_s']:.1f} | {r['ratio']:.2f} | {r['char_ratio']:.2f} | {r['mb_s']:.2f} "
            f"| {r['peak_mb']:.0f} | {r['db_mb']:.0f} | {r['reload_s']:.2f} | {r['change_s']:.2f} "
            f"| {r['recall']:.1%} |"
        )
    print(
        "\nSearch latency, ms (p50 / p95): table `_search` (first page + count) and canned `search` (ranked, snippets)"
    )
    print("\n| paragraphs | query length | _search p50 | _search p95 | search p50 | search p95 |")
    print("|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        for length, (b50, b95, c50, c95) in r["latencies"].items():
            print(
                f"| {r['paragraphs']:,} | {length} | {b50:.0f} | {b95:.0f} | {c50:.0f} | {c95:.0f} |"
            )
    sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument(
        "--keep", type=Path, help="folder to keep generated corpora and databases in"
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = args.keep or Path(tempfile.mkdtemp(prefix="corpus-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores; work folder {work}", flush=True)
    pool = make_pool(rng)
    rows = []
    try:
        for n in [int(s) for s in args.sizes.split(",")]:
            print(f"… {n:,} paragraphs", flush=True)
            rows.append(run_size(n, work, pool, rng))
            print_table(rows[-1:])
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print_table(rows)


if __name__ == "__main__":
    main()
