"""Figures: every number in a paragraph as a normalised fact.

`extract(text, doc_year)` finds quantities with units (13.78亿吨 → 1.378e9 吨),
percentages (10.1%, 百分之十五点五, 八成), percentage points (2.5个百分点), fractions
(1/3, 三分之一), ranges (3至5万元, 30多万), ordinals and ranks (第99位), dates
(2019年5月, 今年1月26日), change statements (增长10.1%, 由421亿元增长到861亿元,
翻了一番), qualifiers (近, 约, 以上, 不到 …), the period each figure refers to and
the subject it measures. Offsets index the paragraph text: text[start:end] == figure.text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import periods as periods_mod
from . import segment, units
from .numbers import ARABIC, ARABIC_WITH_UNITS, CHINESE, DIGITS, magnitude_of, parse_number

# Qualifiers before a number (近13亿, 超过300万) and after it (左右, 以上, 以内).
PREFIX_QUALIFIERS = {
    # comparisons: 大于等于三千, 小于20, 不大于50
    "大于等于": "lower_bound",
    "大于或等于": "lower_bound",
    "大于或者等于": "lower_bound",
    "不小于": "lower_bound",
    "大于": "lower_bound",
    "高于": "lower_bound",
    "多于": "lower_bound",
    "小于等于": "upper_bound",
    "小于或等于": "upper_bound",
    "小于或者等于": "upper_bound",
    "不大于": "upper_bound",
    "小于": "upper_bound",
    "近": "approximate",
    "约": "approximate",
    "大约": "approximate",
    "接近": "approximate",
    "将近": "approximate",
    "大概": "approximate",
    "超过": "lower_bound",
    "逾": "lower_bound",
    "突破": "lower_bound",
    "超": "lower_bound",
    "不少于": "lower_bound",
    "至少": "lower_bound",
    "不低于": "lower_bound",
    "不到": "upper_bound",
    "不足": "upper_bound",
    "少于": "upper_bound",
    "低于": "upper_bound",
    "最多": "upper_bound",
    "不超过": "upper_bound",
    "不高于": "upper_bound",
}
SUFFIX_QUALIFIERS = {
    "之上": "lower_bound",
    "之下": "upper_bound",
    "左右": "approximate",
    "上下": "approximate",
    "以上": "lower_bound",
    "有余": "lower_bound",
    "多": "lower_bound",
    "余": "lower_bound",
    "以下": "upper_bound",
    "以内": "upper_bound",
    "之内": "upper_bound",
}
_prefix = "|".join(sorted(PREFIX_QUALIFIERS, key=len, reverse=True))
_suffix = "|".join(sorted(SUFFIX_QUALIFIERS, key=len, reverse=True))
SUFFIX = re.compile(rf"(?:{_suffix})")
PREFIX_AT_END = re.compile(rf"(?:{_prefix})$")

# A number: Arabic (with magnitude) or a Chinese numeral that may carry a decimal and magnitude.
NUM = (
    rf"{ARABIC_WITH_UNITS}"
    rf"|(?:{ARABIC})(?:[万萬][亿億]|千[亿億]|百[亿億]|十[亿億]|千[万萬]|百[万萬]|十[万萬]|[万萬]{{2}}|[亿億万萬]|千(?![瓦克米卡])|百(?![分]))?"
    rf"|{CHINESE}(?:[万亿萬億]+)?"
)
RANGE_SEP = r"\s*(?:至|到|~|～|-|－|—|–|或)\s*|(?:和|与)(?=[^，。；]{1,12}?之?间)"

# The number core, each branch with a real string it matches.
# Characters a figure can start with; the lookahead lets the regex skip other text fast.
_FIRST = "".join(
    sorted({w[0] for w in PREFIX_QUALIFIERS} | set(DIGITS) | set("十拾百第负負-−0123456789"))
)
CORE = re.compile(
    rf"(?=[{re.escape(_FIRST)}])(?P<prefix>{_prefix})?(?:"
    rf"百分之(?P<pct>{NUM})"  # 百分之十五点五
    rf"|(?P<den>{NUM})分之(?P<numr>{NUM})"  # 三分之一
    rf"|第(?P<ord>{NUM})"  # 第99位, 第三
    rf"|(?P<fa>\d+)/(?P<fb>\d+)(?![\d/])"  # 1/3
    rf"|(?P<neg>[负負]|(?<![\w.])[-−])?(?P<num>{NUM})(?:(?P<sep>{RANGE_SEP})(?P<num2>{NUM}))?"  # 13.78亿, 3至5万, 负32
    rf")"
)
# 翻了一番 / 翻两番 — doublings.
DOUBLING = re.compile(r"翻了?(?P<n>[一两二三四五六七八九十\d]+)番")
# A ratio in tenths: 八成, 9成, 7.2成, 三成半 (not 成为, 成立, 成果 …); a discount: 八折, 8.5折, 五五折.
TENTHS = re.compile(
    r"(?P<word>成|折)(?P<half>半)?(?![为立果功本效就员长熟交绩都分品型套批像会是要能可叠扣旧线算合射])"
)
MAGNITUDE_AFTER = re.compile(
    r"[万萬][亿億]|千[亿億]|百[亿億]|十[亿億]|千[万萬]|百[万萬]|十[万萬]|[亿億万萬]|千(?![瓦克米卡])"
)
# 20和30之间, 10000与20000间 — the end of a "between" range.
BETWEEN_AFTER = re.compile(r"\s*之?间")
# Latin unit abbreviations after digits: 168cm, 250m, 5kg, 30kWh (not 5G, 3D).
# Case matters: 5g is grams, 5G is a network generation.
LATIN_UNITS = {
    "km": "公里",
    "KM": "公里",
    "m": "米",
    "cm": "厘米",
    "CM": "厘米",
    "mm": "毫米",
    "kg": "千克",
    "KG": "千克",
    "g": "克",
    "t": "吨",
    "kWh": "千瓦时",
    "kW": "千瓦",
    "MW": "兆瓦",
    "GW": "吉瓦",
    "MWh": "兆瓦时",
    "GWh": "吉瓦时",
}
LATIN_UNIT = re.compile(
    r"\s?(?P<unit>" + "|".join(sorted(LATIN_UNITS, key=len, reverse=True)) + r")(?![A-Za-z])"
)
# Change verbs right before a figure: 同比增长10.1%, 增产1.13亿吨, 下降了3%.
CHANGE_BEFORE = re.compile(
    r"(?:同比|环比|比上年|较上年|比去年|较去年|比2\d{3}年|年均|累计)?"
    r"(?P<verb>增长|增加|提高|上升|上涨|增产|增收|扩大|提升|攀升|增|下降|减少|降低|回落|减产|下滑|缩小|下跌|减)了?$"
)
DECREASE_VERBS = {"下降", "减少", "降低", "回落", "减产", "下滑", "缩小", "下跌", "减"}
# Between two figures of a from→to statement: 由65.7%提高到72.1%
FROM_TO_BETWEEN = re.compile(
    r"^(?:增长|提高|上升|下降|减少|降低|增加|扩大|提升|缩小|降|升|增)?(?:到|至|为)$"
)
# Ordinal counters after a bare number: 十四届, 二次会议.
ORDINAL_AFTER = re.compile(r"届|次(?=会议|全会|党代会|代表大会)")
# Words that end a subject search: scope, time and verb words in front of a figure.
SUBJECT_STRIP = re.compile(
    r"(?:全省|全国|全市|全区|全县|我省|我国|我市|山西|全年|累计|共计|总计|总共|共|目前|其中|已经|已|将|"
    r"力争|预计|有望|能够|能|可以|可|同比|比上年|较上年|达到|达|为|是|有|超过|突破|实现|完成|增长到|增长|增加|提高到|提高|"
    r"下降|减少|降低|提升到|提升|年均|大幅|明显|显著|稳步|持续|逐步|占|约|近|到|至|由|从|了|的|在|和|与|及|以|等|仅|就|也|还|都|又|再)+$"
)
# Scope words at the front of a subject: 全省煤炭产量 → 煤炭产量.
SCOPE_PREFIX = re.compile(
    r"^(?:全省|全国|全市|全区|全县|我省|我国|我市|全年|当年|今年|去年|其中|累计|共)+"
)
SUBJECT_POS = {"n", "nz", "nt", "ns", "nl", "ng", "vn", "b", "an", "nr", "eng", "j", "l", "i"}
CLAUSE_BREAK = re.compile(r"[，。；：！？、,;:!?（）()“”\"《》]")
# After a count the counted noun may be quoted (20家“链主”企业): quotes do not end it.
AFTER_BREAK = re.compile(r"[，。；：！？、,;:!?（）()《》]")
QUOTES = str.maketrans("", "", "“”‘’\"'「」")
SUBJECT_MAX_CHARS = 12
# Words jieba tags as nouns that never belong in a subject.
SUBJECT_STOPWORDS = {
    "全部",
    "全面",
    "部分",
    "以上",
    "以下",
    "左右",
    "方面",
    "时候",
    "目前",
    "当前",
    "预计",
    "力争",
    "计划",
    "目标",
    "确保",
    "争取",
    "有望",
    "实现",
    "完成",
    "达到",
}


@dataclass
class Figure:
    """One figure found in a paragraph."""

    text: str
    start: int
    end: int
    kind: str  # quantity | number | percent | percent_point | fraction | multiple | ordinal | rank | date
    value: float | None
    unit: str | None = None
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    change: str | None = None  # increase | decrease | from | to
    from_index: int | None = (
        None  # for change 'to': index of the 'from' figure in the same paragraph
    )
    period: str | None = None
    period_text: str | None = None
    subject: str | None = None
    dimension: str | None = None
    unit_en: str | None = None
    si_value: float | None = None
    si_unit: str | None = None


def _is_chinese(numeral: str) -> bool:
    return not any(c.isdigit() and c.isascii() for c in numeral)


def _scan_tail(text: str, pos: int) -> tuple[str | None, str | None, int, bool]:
    """After a number: (kind hint, unit, new end, saw 多/余). Order: 多 → magnitude → unit → qualifier."""
    duo = False
    if pos < len(text) and text[pos] in "多余":
        after = pos + 1
        if (
            MAGNITUDE_AFTER.match(text, after)
            or units.match_unit(text, after)
            or text.startswith(("个", "年"), after)
        ):
            duo, pos = True, after
    if text.startswith("%", pos):
        return "percent", "%", pos + 1, duo
    if text.startswith("个百分点", pos):
        return "percent_point", "百分点", pos + 4, duo
    if text.startswith("百分点", pos):
        return "percent_point", "百分点", pos + 3, duo
    if text.startswith("倍", pos):
        return "multiple", "倍", pos + 1, duo
    hit = units.match_unit(text, pos)
    if hit:
        return "quantity", hit[0], hit[1], duo
    return None, None, pos, duo


def _step(value: float) -> float:
    """The place value of a round number's last significant digit: 30 → 10, 300 → 100, 3 → 1."""
    step = 1.0
    v = abs(value)
    while v >= 10 and v % 10 == 0:
        v /= 10
        step *= 10
    return step


def extract(text: str, doc_year: int | None = None, all_numbers: bool = False) -> list[Figure]:
    """Every figure in a paragraph, in order; `all_numbers` also keeps bare Chinese numerals."""
    found_periods = periods_mod.find_periods(text, doc_year)
    figures: list[Figure] = []
    taken: list[tuple[int, int]] = []
    for p in found_periods:
        if any(c.isdigit() or c in DIGITS or c == "十" for c in p.text):
            figures.append(
                Figure(p.text, p.start, p.end, "date", None, period=p.iso, period_text=p.text)
            )
            taken.append((p.start, p.end))
    for m in DOUBLING.finditer(text):
        n = parse_number(m.group("n"))
        if n is not None and not _overlaps(taken, m.start(), m.end()):
            figures.append(
                Figure(m.group(), m.start(), m.end(), "multiple", 2.0**n, "倍", change="increase")
            )
            taken.append((m.start(), m.end()))
    pos = 0
    while True:
        m = CORE.search(text, pos)
        if not m:
            break
        pos = max(m.end(), m.start() + 1)
        if _overlaps(taken, m.start(), m.end()) or _inside_latin_word(text, m.start(), m.end()):
            continue
        figure = _figure_from_match(text, m, all_numbers)
        if figure is None:
            continue
        figures.append(figure)
        taken.append((figure.start, figure.end))
        pos = figure.end
    figures.sort(key=lambda f: f.start)
    for f in figures:
        _apply_unit_registry(f)
    _link_changes(text, figures)
    _pair_bounds(text, figures)
    _assign_periods_and_subjects(text, figures, found_periods)
    return figures


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _inside_latin_word(text: str, start: int, end: int) -> bool:
    """Digits glued to Latin letters (COVID-19, 5G, A1, PM2.5) are names, not figures."""
    before, after = text[start - 1 : start], text[end : end + 1]
    if before and before in "-_" and start >= 2:
        before = text[start - 2 : start - 1]
    glued_before = bool(before and before.isascii() and before.isalpha())
    glued_after = bool(
        after and after.isascii() and after.isalpha() and text[end - 1 : end].isdigit()
    ) and not LATIN_UNIT.match(text, end)
    return glued_before or glued_after


def _figure_from_match(text: str, m: re.Match, all_numbers: bool) -> Figure | None:
    start, g = m.start(), m.groupdict()
    qualifier = PREFIX_QUALIFIERS.get(g["prefix"]) if g["prefix"] else None
    if g["pct"]:
        value = parse_number(g["pct"])
        return (
            _finish(text, start, m.end(), "percent", value, "%", qualifier)
            if value is not None
            else None
        )
    if g["den"]:
        den, num = parse_number(g["den"]), parse_number(g["numr"])
        if not den or num is None:
            return None
        return _finish(text, start, m.end(), "fraction", num / den, None, qualifier)
    if g["fa"]:
        a, b = int(g["fa"]), int(g["fb"])
        if b == 0:
            return None
        return _finish(text, start, m.end(), "fraction", a / b, None, qualifier)
    if g["ord"]:
        value = parse_number(g["ord"])
        if value is None:
            return None
        end = m.end()
        kind = "ordinal"
        if text.startswith(("位", "名"), end):
            kind, end = "rank", end + 1
        return Figure(text[start:end], start, end, kind, value)
    numeral, numeral2 = g["num"], g["num2"]
    value = parse_number(numeral)
    if value is None:
        return None
    sign = -1 if g["neg"] else 1
    value *= sign
    end = m.end()
    low = high = None
    if numeral2:
        value2 = parse_number(numeral2)
        if value2 is None:
            return None
        mag2 = MAGNITUDE_AFTER.search(numeral2)
        if mag2 and not MAGNITUDE_AFTER.search(numeral) and mag2.end() == len(numeral2):
            value *= magnitude_of(mag2.group())  # 3至5万元: the 万 applies to both ends
        dash = g["sep"].strip() in ("-", "－", "—", "–")
        if value2 < value or dash and value2 > 100 * max(value, 1):
            # 2-3 may be a phone number or code; a falling 'range' is not a range
            end = m.start("sep")
            numeral2 = None
        else:
            low, high, qualifier = value, value2, qualifier or "range"
            between = BETWEEN_AFTER.match(text, end)
            if between:
                end = between.end()
    if ORDINAL_AFTER.match(text, end):
        stop = end + 1
        return Figure(text[start:stop], start, stop, "ordinal", value)
    tenths = TENTHS.match(text, end)
    if tenths and not numeral2 and 0 < value <= 100:
        percent = _tenths_to_percent(value, numeral, tenths.group("word"))
        if percent is not None:
            if tenths.group("half"):
                percent += 5
            return _finish(text, start, tenths.end(), "percent", percent, "%", qualifier)
    latin = LATIN_UNIT.match(text, end)
    if latin:
        unit = LATIN_UNITS[latin.group("unit")]
        return _finish(text, start, latin.end(), "quantity", value, unit, qualifier, low, high)
    kind, unit, end, duo = _scan_tail(text, end)
    if duo:
        step = _step(value)
        low, high, qualifier = value, value + step, qualifier or "lower_bound"
    mag = MAGNITUDE_AFTER.match(text, end) if duo else None
    if mag:
        factor = magnitude_of(mag.group())
        value, low, high = value * factor, low * factor, high * factor
        end = mag.end()
        kind, unit, end, _ = _scan_tail(text, end)
    if kind is None:
        kind = "number"
        if text.startswith(("多", "余"), end) and not numeral2:
            step = _step(value)
            low, high, qualifier, end = value, value + step, qualifier or "lower_bound", end + 1
            kind, unit, end2, _ = _scan_tail(text, end)
            kind = kind or "number"
            end = end2
    elif kind == "quantity" and text.startswith(("多", "余"), end) and not numeral2 and not duo:
        low, high, qualifier, end = value, value + _step(value), qualifier or "lower_bound", end + 1
    elif kind == "quantity" and text.startswith("半", end) and not numeral2 and value == int(value):
        value, end = value + 0.5, end + 1  # 一吨半, 一年半
    if not all_numbers and _is_chinese(numeral) and not MAGNITUDE_AFTER.search(numeral):
        # Chinese numerals without a magnitude are words far more often than figures
        # (一带一路, 三对关系, 一批): keep them only with a unit, and never a lone 一.
        if kind == "number" or (value == 1 and kind == "quantity"):
            return None
        if unit in units.AMBIGUOUS_AFTER_CHINESE_NUMERAL:
            return None
    return _finish(text, start, end, kind, value, unit, qualifier, low, high)


def _tenths_to_percent(value: float, numeral: str, word: str) -> float | None:
    """八成 → 80, 7.2成 → 72, 十成 → 100; 八折 → 80, 8.5折 → 85, 五五折 → 55."""
    if value <= 10:
        return value * 10
    if word == "折" and value < 100 and value == int(value) and len(numeral) == 2:
        return value
    return None


def _finish(text, start, end, kind, value, unit, qualifier, low=None, high=None) -> Figure:
    suffix = SUFFIX.match(text, end)
    if suffix and not (suffix.group() in ("多", "余") and low is not None):
        word = suffix.group()
        # 以上/以下 after a percentage or quantity qualify it; 多/余 only right after the figure.
        qualifier = qualifier or SUFFIX_QUALIFIERS[word]
        if word in ("多", "余", "有余") and low is None and value is not None:
            low, high = value, value + _step(value)
        end = suffix.end()
    if low is None and high is None and value is not None:
        # a bound is a half-open range: 13亿吨以上 → low 1.3e9; 不到1000元 → high 1000
        if qualifier == "lower_bound":
            low = value
        elif qualifier == "upper_bound":
            high = value
    return Figure(text[start:end], start, end, kind, value, unit, low, high, qualifier)


BOUND_PAIR_GAP = re.compile(r"^[^。；;！？]{0,12}$")


def _pair_bounds(text: str, figures: list[Figure]) -> None:
    """大于二十的同时小于等于三十五, 1000以上，1500以下: two opposite bounds make one range."""
    for a, b in zip(figures, figures[1:], strict=False):
        kinds = {a.qualifier, b.qualifier}
        if kinds != {"lower_bound", "upper_bound"} or a.unit != b.unit or a.kind != b.kind:
            continue
        if not BOUND_PAIR_GAP.match(text[a.end : b.start]):
            continue
        low = a.value if a.qualifier == "lower_bound" else b.value
        high = b.value if b.qualifier == "upper_bound" else a.value
        if low is not None and high is not None and low <= high:
            for f in (a, b):
                f.low, f.high = low, high


def _link_changes(text: str, figures: list[Figure]) -> None:
    for i, f in enumerate(figures):
        if f.kind in ("date", "ordinal", "rank"):
            continue
        prefix_start = f.start
        before = text[max(0, prefix_start - 8) : prefix_start]
        change = CHANGE_BEFORE.search(before)
        if change and f.change is None:
            f.change = "decrease" if change.group("verb") in DECREASE_VERBS else "increase"
        if i + 1 < len(figures):
            nxt = figures[i + 1]
            between = text[f.end : nxt.start]
            lead = text[max(0, f.start - 1) : f.start]
            if FROM_TO_BETWEEN.match(between) and lead in ("由", "从") and nxt.kind != "date":
                f.change = "from"
                nxt.change = "to"
                nxt.from_index = i


def _assign_periods_and_subjects(text: str, figures: list[Figure], found: list) -> None:
    previous_subject: tuple[int, str, str | None] | None = None  # (sentence start, subject, unit)
    for f in figures:
        if f.kind == "date":
            continue
        p = periods_mod.period_before(found, text, f.start)
        if p is not None:
            f.period, f.period_text = p.iso, p.text
        if f.kind in ("ordinal", "rank"):
            continue
        sentence_start = _sentence_start(text, f.start)
        # a noun right after a count or a quantity is what it counts (44位记者, 6.2亿吨电煤)
        counted = f.kind == "quantity" or (f.kind == "number" and f.value and f.value >= 10000)
        subject = (subject_after(text, f.end) if counted else None) or subject_before(
            text, f.start, found
        )
        if subject and f.kind != "fraction":
            # a share (占全国产量的近1/3) names its base, not the sentence's statistic
            previous_subject = (sentence_start, subject, f.unit)
        elif (
            previous_subject
            and previous_subject[0] == sentence_start
            and (f.change or f.kind == "percent" or (f.unit and f.unit == previous_subject[2]))
        ):
            # 增长10.1%, 预计全年能达到13亿吨以上: the sentence's last subject, when the
            # figure is its change or is in the same unit.
            subject = previous_subject[1]
        f.subject = subject


def _sentence_start(text: str, pos: int) -> int:
    start = 0
    for m in periods_mod.SENTENCE_BREAK.finditer(text, 0, pos):
        start = m.end()
    return start


def subject_before(text: str, pos: int, found_periods: list) -> str | None:
    """What a figure measures: the trailing noun phrase of its clause (去年煤炭产量达到 → 煤炭产量)."""
    clause_start = 0
    for m in CLAUSE_BREAK.finditer(text, 0, pos):
        clause_start = m.end()
    clause = text[clause_start:pos]
    for p in found_periods:
        if clause_start <= p.start and p.end <= pos:
            clause = clause.replace(p.text, "")
    prefix = PREFIX_AT_END.search(clause)
    if prefix:
        clause = clause[: prefix.start()]
    clause = SUBJECT_STRIP.sub("", clause.rstrip()).strip()
    clause = clause.replace(" ", "")
    if not clause:
        return None
    run: list[tuple[str, str]] = []
    for word, flag in reversed(_subject_tags(clause)):
        if word in SUBJECT_STOPWORDS:
            break
        if _is_nominal(word, flag):
            run.insert(0, (word, flag))
        elif run and flag in SUBJECT_MODIFIER_POS and word not in SUBJECT_STOP_VERBS:
            run.insert(0, (word, flag))  # 先进产能, 可支配收入: modifiers inside the phrase
        else:
            break
    while run and not _is_nominal(*run[0]):
        run.pop(0)  # a phrase starts with a noun-like word, not a dangling modifier
    subject = SCOPE_PREFIX.sub("", "".join(word for word, _ in run))
    if len(subject) > SUBJECT_MAX_CHARS:
        subject = subject[-SUBJECT_MAX_CHARS:]
    return subject if len(subject) >= 2 else None


# Heads of statistics that jieba often tags as verbs (产能/v, 收入/v): always nominal here.
STAT_HEADS = {
    "产量",
    "产能",
    "收入",
    "占比",
    "比重",
    "比例",
    "装机",
    "投资",
    "消费",
    "增速",
    "增量",
    "总量",
    "规模",
    "能力",
    "人数",
    "数量",
    "面积",
    "价格",
    "费率",
    "覆盖率",
    "浓度",
    "增加值",
    "支出",
    "出口",
    "进口",
}
SUBJECT_MODIFIER_POS = {"j", "a", "b", "vn", "v", "ad", "an", "d"}
SUBJECT_STOP_VERBS = {
    "达到",
    "达",
    "增长",
    "超过",
    "完成",
    "实现",
    "突破",
    "提高",
    "下降",
    "降低",
    "占",
    "是",
    "为",
    "有",
    "接待",
    "新增",
    "建设",
    "建成",
    "推动",
    "推进",
    "加快",
    "培育",
    "投入",
    "累计",
    "预计",
    "力争",
}


def _subject_tags(clause: str) -> list[tuple[str, str]]:
    """POS tags with 占+比 merged into the noun 占比."""
    out: list[tuple[str, str]] = []
    for word, flag in segment.tag(clause):
        if out and out[-1][0] == "占" and word == "比":
            out[-1] = ("占比", "n")
        else:
            out.append((word, flag))
    return out


def _is_nominal(word: str, flag: str) -> bool:
    return word in STAT_HEADS or flag in SUBJECT_POS or (flag.startswith("n") and flag != "nr")


def subject_after(text: str, pos: int) -> str | None:
    """The counted noun right after a count (44位记者 → 记者, 329万贫困人口 → 贫困人口)."""
    m = AFTER_BREAK.search(text, pos)
    clause = text[pos : m.start() if m else len(text)].translate(QUOTES)[:SUBJECT_MAX_CHARS]
    if not clause:
        return None
    run: list[str] = []
    for word, flag in segment.tag(clause):
        if word in SUBJECT_STOPWORDS:
            break
        if (
            flag in SUBJECT_POS
            or (flag.startswith("n") and flag != "nr")
            or (run == [] and flag == "a")
        ):
            run.append(word)
        else:
            break
    subject = "".join(run)
    return subject if len(subject) >= 2 else None


def _apply_unit_registry(f: Figure) -> None:
    if not f.unit:
        return
    entry = units.lookup(f.unit)
    if entry is None:
        return
    f.dimension, f.unit_en = entry.dimension, entry.english
    if entry.factor is not None and f.value is not None:
        f.si_value, f.si_unit = f.value * entry.factor, entry.si_unit


def extract_document(document) -> list[list[Figure]]:
    """Figures of every paragraph of a parsed document (headings and bylines included)."""
    year = int(document.date[:4]) if document.date else None
    return [extract(p.text, year) for p in document.paragraphs]
