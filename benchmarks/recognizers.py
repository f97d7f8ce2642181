"""Figure extraction against Microsoft Recognizers-Text's Chinese test specs.

    python benchmarks/recognizers.py [SPECS_DIR]

SPECS_DIR defaults to ../shared/external/recognizers-text-specs beside the repository.
For every gold span, a figure counts as found when it overlaps the span and has the
gold value (ranges: both ends; percentages: the percent number). Prints the share per
file. The specs are read in place, never copied into the project.
"""

from __future__ import annotations

import json
import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loader.figures import extract  # noqa: E402
from loader.normalize import FULLWIDTH_TO_ASCII  # noqa: E402

DEFAULT_SPECS = ROOT.parent / "shared" / "external" / "recognizers-text-specs"
RANGE = re.compile(r"^[\[(](?P<low>[^,]*),(?P<high>[^\])]*)[\])]$")


def gold_value(result: dict):
    value = (result.get("Resolution") or {}).get("value")
    if value is None:
        return None
    value = str(value)
    m = RANGE.match(value)
    if m:
        low, high = m.group("low"), m.group("high")
        return (float(low) if low else None, float(high) if high else None)
    if value.endswith("%"):
        return float(value[:-1])
    try:
        return float(value)
    except ValueError:
        return None


def close(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def figure_matches(f, gold) -> bool:
    if isinstance(gold, tuple):
        low, high = gold
        return close(f.low if f.low is not None else f.value, low) and close(f.high, high)
    if f.kind == "fraction" and f.value is not None and close(f.value * 100, gold):
        return True  # 1/2 → 50%
    return close(f.value, gold)


def run(specs: Path) -> list[tuple[str, int, int]]:
    rows = []
    for path in sorted(specs.glob("*/Chinese/*.json")):
        cases = json.loads(path.read_text("utf-8"))
        total = right = 0
        for case in cases:
            text = "".join(FULLWIDTH_TO_ASCII.get(c, c) for c in case["Input"])
            figures = extract(text, None, all_numbers=True)
            for result in case["Results"]:
                gold = gold_value(result)
                if gold is None:
                    continue
                total += 1
                start, end = result["Start"], result["End"] + 1
                if any(
                    f.start < end and start < f.end and figure_matches(f, gold) for f in figures
                ):
                    right += 1
        rows.append((f"{path.parent.parent.name}/{path.name}", right, total))
    return rows


def main() -> None:
    specs = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SPECS
    if not specs.exists():
        sys.exit(f"{specs}: no such folder (pass the specs folder as the first argument)")
    rows = run(specs)
    width = max(len(r[0]) for r in rows)
    print(f"{'spec file':<{width}}  right / gold spans   share")
    for name, right, total in rows:
        print(f"{name:<{width}}  {right:>5} / {total:<5}       {right / total:6.1%}")
    right, total = sum(r[1] for r in rows), sum(r[2] for r in rows)
    print(f"{'all':<{width}}  {right:>5} / {total:<5}       {right / total:6.1%}")


if __name__ == "__main__":
    main()
