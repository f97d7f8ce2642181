"""Periods a statistic refers to (去年, 上半年, 2021年, “十四五”末), resolved against the document's date.

Resolved periods are ISO 8601 strings: a year (``2023``), a month (``2024-03``), a day,
a half or quarter (``2024-H1``, ``2024-Q3``) or an interval (``2021/2025``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import CN_DIGIT, parse_chinese

RELATIVE_YEARS = {
    "前年": -2,
    "去年": -1,
    "上年": -1,
    "上一年": -1,
    "今年": 0,
    "本年": 0,
    "当年": 0,
    "明年": 1,
    "后年": 2,
}
# Parts of a year: 上半年 → H1, 前三季度 → months 1–9 …
YEAR_PARTS = {
    "上半年": "H1",
    "下半年": "H2",
    "一季度": "Q1",
    "第一季度": "Q1",
    "二季度": "Q2",
    "第二季度": "Q2",
    "三季度": "Q3",
    "第三季度": "Q3",
    "四季度": "Q4",
    "第四季度": "Q4",
    "前三季度": "01/09",
    "年底": "end",
    "年末": "end",
    "底": "end",
    "末": "end",
    "年初": "start",
    "初": "start",
    "全年": "",
}
_parts = "|".join(sorted(YEAR_PARTS, key=len, reverse=True))
_rel = "|".join(sorted(RELATIVE_YEARS, key=len, reverse=True))
YEAR_NUM = rf"(?:1[89]\d\d|20\d\d|[{CN_DIGIT}]{{4}})"
MONTH_NUM = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
DAY_NUM = r"(?:3[01]|[12]\d|0?[1-9]|[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])"

# Each pattern with a real string it matches.
PERIOD = re.compile(
    "|".join(
        [
            # “十四五”末, 十四五期间, “十三五”以来
            r"[“\"]?(?P<plan>十[一二三四五六七八九]五)[”\"]?(?P<plan_part>末|期间|时期|初|以来|规划期)?",
            # 2017年到2021年, 2017—2021年
            rf"(?P<y1>{YEAR_NUM})年?(?:到|至|—|-|~)(?P<y2>{YEAR_NUM})年",
            # 2024年1-6月 / 1至6月
            rf"(?:(?P<ym_year>{YEAR_NUM})年|(?P<ym_rel>{_rel}))?(?P<m1>{MONTH_NUM})(?:月份?)?(?:到|至|-|—|~)(?P<m2>{MONTH_NUM})月(?:份)?",
            # 2019年5月, 今年1月26日, 3月6日, 2025年, 2023年上半年, 去年底
            rf"(?:(?P<year>{YEAR_NUM})年|(?P<rel>{_rel}))(?:(?P<month>{MONTH_NUM})月(?:(?P<day>{DAY_NUM})[日号])?|(?P<part>{_parts}))?",
            rf"(?P<bare_month>{MONTH_NUM})月(?P<bare_day>{DAY_NUM})[日号]",
            r"(?P<bare_part>上半年|下半年|前三季度|[一二三四]季度|第[一二三四]季度|全年)",
        ]
    )
)


@dataclass
class Period:
    """A period expression found in text, with its resolution (None when it cannot be resolved)."""

    text: str
    start: int
    end: int
    iso: str | None


def _num(text: str | None) -> int | None:
    if not text:
        return None
    if text.isdigit():
        return int(text)
    value = parse_chinese(text)
    return int(value) if value is not None else None


def plan_years(plan: str) -> tuple[int, int] | None:
    """Years of a five-year plan: 十四五 → (2021, 2025). Plans 3+ run from 1966 in fives."""
    n = _num(plan[:-1])
    if n is None or n < 3:
        return None
    start = 1966 + (n - 3) * 5
    return start, start + 4


def _with_part(year: int | None, part: str | None) -> str | None:
    if year is None:
        return None
    code = YEAR_PARTS.get(part or "", "")
    if code in ("", "end", "start"):
        return str(year)
    if "/" in code:
        a, b = code.split("/")
        return f"{year}-{a}/{year}-{b}"
    return f"{year}-{code}"


def resolve(m: re.Match, doc_year: int | None) -> str | None:
    """ISO form of one PERIOD match, relative years resolved against doc_year."""
    g = m.groupdict()
    if g["plan"]:
        years = plan_years(g["plan"])
        if not years:
            return None
        if g["plan_part"] == "末":
            return str(years[1])
        if g["plan_part"] == "初":
            return str(years[0])
        return f"{years[0]}/{years[1]}"
    if g["y1"]:
        return f"{_num(g['y1'])}/{_num(g['y2'])}"
    if g["m1"]:
        year = _num(g["ym_year"]) if g["ym_year"] else _relative(g["ym_rel"], doc_year)
        if year is None:
            year = doc_year
        if year is None:
            return None
        return f"{year}-{_num(g['m1']):02d}/{year}-{_num(g['m2']):02d}"
    if g["year"] or g["rel"]:
        year = _num(g["year"]) if g["year"] else _relative(g["rel"], doc_year)
        if year is None:
            return None
        if g["month"]:
            month = _num(g["month"])
            if g["day"]:
                return f"{year}-{month:02d}-{_num(g['day']):02d}"
            return f"{year}-{month:02d}"
        return _with_part(year, g["part"])
    if g["bare_month"]:
        if doc_year is None:
            return None
        return f"{doc_year}-{_num(g['bare_month']):02d}-{_num(g['bare_day']):02d}"
    if g["bare_part"]:
        return _with_part(doc_year, g["bare_part"])
    return None


def _relative(word: str | None, doc_year: int | None) -> int | None:
    if word is None or doc_year is None:
        return None
    return doc_year + RELATIVE_YEARS[word]


# Every period expression contains one of these; text without them is skipped quickly.
PERIOD_HINT = re.compile(r"[年月季日号]|十[一二三四五六七八九]五")


def find_periods(text: str, doc_year: int | None) -> list[Period]:
    """Every period expression in text, in order."""
    if not PERIOD_HINT.search(text):
        return []
    return [
        Period(m.group(), m.start(), m.end(), resolve(m, doc_year)) for m in PERIOD.finditer(text)
    ]


# Sentences end at 。！？ — a ；-separated clause keeps the sentence's period (去年…；同比增产…).
SENTENCE_BREAK = re.compile(r"[。！？]")


def period_before(periods: list[Period], text: str, pos: int) -> Period | None:
    """The nearest period expression before pos within the same sentence."""
    sentence_start = 0
    for m in SENTENCE_BREAK.finditer(text, 0, pos):
        sentence_start = m.end()
    best = None
    for p in periods:
        if p.end <= pos and p.start >= sentence_start:
            best = p
    return best
