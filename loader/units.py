"""The unit registry: Chinese unit names, their dimension and, where one exists, an SI/English equivalent.

Data, not code: add a row to UNITS to teach the extractor a unit. `factor` converts a
value in the unit to `si_unit` (None when the unit is a count with no SI equivalent).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    """One unit of the registry."""

    name: str  # as printed, magnitude stripped: 吨, 千瓦时, 立方米/日
    dimension: str  # mass, energy, power, volume, area, length, money, count, time, ratio, …
    english: str
    si_unit: str | None = None
    factor: float | None = None  # value in `name` × factor = value in si_unit


def _u(name, dimension, english, si_unit=None, factor=None):
    return Unit(name, dimension, english, si_unit, factor)


UNITS: dict[str, Unit] = {
    u.name: u
    for u in [
        # mass
        _u("吨", "mass", "tonne", "kg", 1000.0),
        _u("公斤", "mass", "kilogram", "kg", 1.0),
        _u("千克", "mass", "kilogram", "kg", 1.0),
        _u("克", "mass", "gram", "kg", 0.001),
        _u("毫克", "mass", "milligram", "kg", 1e-6),
        _u("微克", "mass", "microgram", "kg", 1e-9),
        _u("斤", "mass", "jin", "kg", 0.5),
        _u("吨标准煤", "mass", "tonne of coal equivalent", "kg", 1000.0),
        _u("吨标煤", "mass", "tonne of coal equivalent", "kg", 1000.0),
        # energy and power
        _u("千瓦时", "energy", "kilowatt-hour", "J", 3.6e6),
        _u("度", "energy", "kilowatt-hour", "J", 3.6e6),
        _u("兆瓦时", "energy", "megawatt-hour", "J", 3.6e9),
        _u("吉瓦时", "energy", "gigawatt-hour", "J", 3.6e12),
        _u("瓦", "power", "watt", "W", 1.0),
        _u("千瓦", "power", "kilowatt", "W", 1e3),
        _u("兆瓦", "power", "megawatt", "W", 1e6),
        _u("吉瓦", "power", "gigawatt", "W", 1e9),
        _u("焦耳", "energy", "joule", "J", 1.0),
        # volume, area, length
        _u("立方米", "volume", "cubic metre", "m3", 1.0),
        _u("方", "volume", "cubic metre", "m3", 1.0),
        _u("升", "volume", "litre", "m3", 0.001),
        _u("平方米", "area", "square metre", "m2", 1.0),
        _u("平方公里", "area", "square kilometre", "m2", 1e6),
        _u("平方千米", "area", "square kilometre", "m2", 1e6),
        _u("公顷", "area", "hectare", "m2", 1e4),
        _u("亩", "area", "mu", "m2", 666.6667),
        _u("公里", "length", "kilometre", "m", 1000.0),
        _u("千米", "length", "kilometre", "m", 1000.0),
        _u("米", "length", "metre", "m", 1.0),
        _u("厘米", "length", "centimetre", "m", 0.01),
        _u("公分", "length", "centimetre", "m", 0.01),
        _u("毫米", "length", "millimetre", "m", 0.001),
        _u("英里", "length", "mile", "m", 1609.344),
        # money
        _u("元", "money", "yuan (CNY)", "CNY", 1.0),
        _u("人民币", "money", "yuan (CNY)", "CNY", 1.0),
        _u("块", "money", "yuan (CNY)", "CNY", 1.0),
        _u("美元", "money", "US dollar", "USD", 1.0),
        _u("欧元", "money", "euro", "EUR", 1.0),
        _u("英镑", "money", "pound sterling", "GBP", 1.0),
        _u("日元", "money", "yen", "JPY", 1.0),
        _u("港元", "money", "Hong Kong dollar", "HKD", 1.0),
        _u("港币", "money", "Hong Kong dollar", "HKD", 1.0),
        # counts of people and things
        _u("人", "count", "people"),
        _u("人次", "count", "person-times"),
        _u("户", "count", "households"),
        _u("名", "count", "people"),
        _u("位", "count", "people"),
        _u("家", "count", "firms/organisations"),
        _u("个", "count", "items"),
        _u("辆", "count", "vehicles"),
        _u("台", "count", "machines/units"),
        _u("架", "count", "racks/aircraft"),
        _u("座", "count", "structures"),
        _u("所", "count", "institutions"),
        _u("项", "count", "items/projects"),
        _u("件", "count", "pieces/cases"),
        _u("套", "count", "sets"),
        _u("条", "count", "lines/items"),
        _u("处", "count", "sites"),
        _u("次", "count", "times"),
        _u("只", "count", "animals/items"),
        _u("头", "count", "head (livestock)"),
        _u("批", "count", "batches"),
        _u("注", "count", "bets"),
        _u("篇", "count", "articles"),
        _u("部", "count", "works/units"),
        _u("款", "count", "models"),
        _u("张", "count", "sheets"),
        _u("册", "count", "volumes"),
        _u("本", "count", "volumes"),
        _u("份", "count", "copies"),
        _u("例", "count", "cases"),
        _u("场", "count", "events"),
        _u("届", "count", "sessions"),
        _u("期", "count", "issues/phases"),
        _u("倍", "ratio", "times (multiple)"),
        _u("县", "count", "counties"),
        _u("村", "count", "villages"),
        # time and age
        _u("年", "time", "years", "s", 31557600.0),
        _u("个月", "time", "months", "s", 2629800.0),
        _u("月", "time", "months", "s", 2629800.0),
        _u("周", "time", "weeks", "s", 604800.0),
        _u("天", "time", "days", "s", 86400.0),
        _u("日", "time", "days", "s", 86400.0),
        _u("小时", "time", "hours", "s", 3600.0),
        _u("分钟", "time", "minutes", "s", 60.0),
        _u("秒", "time", "seconds", "s", 1.0),
        _u("岁", "age", "years of age", "s", 31557600.0),
        # temperature and percentages
        _u("摄氏度", "temperature", "degree Celsius", "°C", 1.0),
        _u("℃", "temperature", "degree Celsius", "°C", 1.0),
        _u("%", "ratio", "percent", "ratio", 0.01),
        _u("百分点", "ratio", "percentage points", "ratio", 0.01),
        _u("成", "ratio", "tenths", "ratio", 0.1),
    ]
}

# Denominators of compound units: 立方米/日, 微克/立方米, 元/吨, 千瓦时/年.
PER_UNITS = [
    "立方米",
    "平方米",
    "千瓦时",
    "小时",
    "公斤",
    "千克",
    "吨",
    "日",
    "天",
    "年",
    "月",
    "人",
    "户",
    "亩",
    "秒",
]
TIME_DIMENSION = {"日", "天", "年", "月", "小时", "秒"}

# Units followed by these characters are words, not units: 年轻, 人民, 家庭, 台阶, 米饭…
NOT_UNIT_AFTER = {
    "人": "民才员们口工类士造体均次",
    "家": "庭乡长属园人里具电",
    "台": "阶湾风上",
    "名": "单字称义誉额牌",
    "个": "人体性别案",
    "年": "轻度代底初末内份来间级会终",
    "日": "益常本前后报子期",
    "月": "份底初末",
    "次": "要序日",
    "天": "然下津空地气",
    "方": "面式案向法针略位便",
    "所": "以有谓在得属",
    "位": "置于",
    "部": "门分署长署",
    "期": "间望待限货",
    "本": "身地土领质届",
    "度": "过",
    "元": "素旦首",
    "条": "件例款",
    "件": "事",
    "处": "理于置长",
    "场": "景所合",
    "头": "部",
    "倍": "增",
    "户": "口籍外",
    "批": "准",
    "座": "谈",
    "周": "年边末围",
    "县": "城委长级域区",
    "村": "民庄镇干",
}

# Units that after a Chinese numeral are usually part of a word (四方责任, 三次分配, 十周年):
# the extractor keeps them only after Arabic digits or with a magnitude (5万方).
AMBIGUOUS_AFTER_CHINESE_NUMERAL = {
    "方",
    "度",
    "块",
    "本",
    "部",
    "期",
    "场",
    "批",
    "头",
    "周",
    "日",
    "月",
    "届",
    "注",
    "张",
    "款",
    "条",
    "份",
}

# Printed variants of compound units → the registry's spelling (the slash is often lost in print).
UNIT_ALIASES = {
    "微克立方米": "微克/立方米",
    "微克每立方米": "微克/立方米",
    "毫克立方米": "毫克/立方米",
    "毫克每立方米": "毫克/立方米",
    "立方米每日": "立方米/日",
    "立方米每天": "立方米/日",
}

_names = sorted(list(UNITS) + list(UNIT_ALIASES), key=len, reverse=True)
_per = "|".join(re.escape(p) for p in sorted(PER_UNITS, key=len, reverse=True))
# 17.5万立方米/日 → 立方米/日; 35微克/立方米 → 微克/立方米; a plain unit otherwise.
UNIT = re.compile(
    r"(?P<unit>(?:" + "|".join(re.escape(n) for n in _names) + r")(?:/(?:" + _per + r"))?)"
)


def lookup(name: str) -> Unit | None:
    """The registry entry for a unit as printed, compound units included (立方米/日)."""
    if name in UNITS:
        return UNITS[name]
    numerator, _, denominator = name.partition("/")
    if numerator in UNITS and denominator:
        base = UNITS[numerator]
        denom = UNITS.get(denominator)
        dimension = f"{base.dimension}/{denom.dimension if denom else denominator}"
        english = f"{base.english} per {denom.english.rstrip('s') if denom else denominator}"
        return Unit(name, dimension, english)
    return None


def match_unit(text: str, pos: int) -> tuple[str, int] | None:
    """The longest unit starting at text[pos] that is not the start of a longer word."""
    m = UNIT.match(text, pos)
    if not m:
        return None
    unit = m.group("unit")
    end = m.end()
    unit = UNIT_ALIASES.get(unit, unit)
    following = text[end : end + 1]
    blocked = NOT_UNIT_AFTER.get(unit)
    if blocked and following and following in blocked:
        return None
    return unit, end
