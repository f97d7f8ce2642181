"""Write generated sections into README.md: the schema, and benchmark output saved to files.

    python benchmarks/update_readme.py [--recognizers FILE] [--scale FILE]

The schema comes from a fresh load of seeds/ (so it matches what tests/test_docs.py checks).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loader.docs import replace_section, schema_markdown  # noqa: E402
from loader.load import load  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--recognizers", type=Path, help="saved output of benchmarks/recognizers.py"
    )
    parser.add_argument(
        "--scale", type=Path, help="saved output of benchmarks/scale.py (its final tables)"
    )
    args = parser.parse_args()
    readme = ROOT / "README.md"
    text = readme.read_text("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "corpus.db"
        load(db, [ROOT / "seeds"], workers=1)
        text = replace_section(text, "schema", schema_markdown(db, ROOT / "metadata.yml"))
    if args.recognizers:
        text = replace_section(
            text, "recognizers", "```\n" + args.recognizers.read_text("utf-8").strip() + "\n```"
        )
    if args.scale:
        out = args.scale.read_text("utf-8")
        final = out[out.rfind("| paragraphs | text MB") :]
        text = replace_section(text, "scale", final)
    readme.write_text(text, "utf-8")


if __name__ == "__main__":
    main()
