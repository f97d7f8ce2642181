"""Figures: values, units, qualifiers, kinds, changes, periods and subjects."""

import pytest
from conftest import REPORT, TRANSCRIPT, seed_text

from loader import units
from loader.figures import extract
from loader.normalize import normalize
from loader.numbers import parse_chinese, parse_number


def one(text, year=2024, **kw):
    found = [f for f in extract(text, year, **kw) if f.kind != "date"]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "numeral, value",
    [
        ("一", 1),
        ("十", 10),
        ("十五", 15),
        ("二十", 20),
        ("一百零五", 105),
        ("两千三百万", 23_000_000),
        ("一万", 10_000),
        ("一万五", 15_000),
        ("三亿五千万", 350_000_000),
        ("一万亿", 1e12),
        ("十三点七八亿", 1_378_000_000),
        ("二〇二三", 2023),
        ("零点五", 0.5),
        ("壹佰贰拾", 120),
    ],
)
def test_chinese_numerals(numeral, value):
    assert parse_chinese(numeral) == value


@pytest.mark.parametrize(
    "numeral, value",
    [
        ("13.78亿", 1_378_000_000),
        ("8900万", 89_000_000),
        ("1.2万亿", 1.2e12),
        ("1,000", 1000),
        ("3千", 3000),
        ("5百万", 5e6),
        ("1.13亿", 113_000_000),
    ],
)
def test_arabic_numerals_with_magnitude(numeral, value):
    assert parse_number(numeral) == value


@pytest.mark.parametrize(
    "text, figure, value, unit",
    [
        ("去年煤炭产量达到13.78亿吨", "13.78亿吨", 1_378_000_000, "吨"),
        ("煤电装机达到8900万千瓦", "8900万千瓦", 89_000_000, "千瓦"),
        ("市场主体达到364.2万户", "364.2万户", 3_642_000, "户"),
        ("投资1.2万亿元", "1.2万亿元", 1.2e12, "元"),
        ("聚集了一万人", "一万人", 10_000, "人"),
        ("发电量4376亿千瓦时", "4376亿千瓦时", 437_600_000_000, "千瓦时"),
        ("处理能力17.5万立方米/日", "17.5万立方米/日", 175_000, "立方米/日"),
        ("浓度35微克/立方米", "35微克/立方米", 35, "微克/立方米"),
        ("接待游客6100万人次", "6100万人次", 61_000_000, "人次"),
        ("产能31.5万辆", "31.5万辆", 315_000, "辆"),
        ("产能260万台", "260万台", 2_600_000, "台"),
        ("改造416公里", "416公里", 416, "公里"),
        ("21家媒体", "21家", 21, "家"),
        ("行业10年", "10年", 10, "年"),
        ("两千三百万元", "两千三百万元", 23_000_000, "元"),
        ("建成5万方储水池", "5万方", 50_000, "方"),
    ],
)
def test_quantities_have_base_values_and_units(text, figure, value, unit):
    f = one(text)
    assert (f.text, f.value, f.unit, f.kind) == (figure, value, unit, "quantity")
    assert text[f.start : f.end] == f.text


def test_unit_registry_gives_dimension_and_si():
    f = one("产量13.78亿吨")
    assert (f.dimension, f.si_unit, f.si_value) == ("mass", "kg", 1.378e12)
    assert one("发电量4376亿千瓦时").dimension == "energy"
    assert one("17.5万立方米/日").dimension == "volume/time"
    assert units.lookup("户").english == "households"
    assert all(u.dimension for u in units.UNITS.values())


@pytest.mark.parametrize(
    "text, kind, value, unit",
    [
        ("增长10.1%", "percent", 10.1, "%"),
        ("百分之十五点五", "percent", 15.5, "%"),
        ("提高2.5个百分点", "percent_point", 2.5, "百分点"),
        ("八成", "percent", 80, "%"),
        ("9成", "percent", 90, "%"),
        ("占1/3", "fraction", 1 / 3, None),
        ("三分之一", "fraction", 1 / 3, None),
        ("翻了一番", "multiple", 2, "倍"),
        ("翻两番", "multiple", 4, "倍"),
        ("第99位", "rank", 99, None),
        ("第三", "ordinal", 3, None),
        ("十四届全国人大", "ordinal", 14, None),
    ],
)
def test_kinds(text, kind, value, unit):
    f = one(text)
    assert (f.kind, f.unit) == (kind, unit)
    assert f.value == pytest.approx(value)


@pytest.mark.parametrize("text", ["他八成会来", "成为全国第一"])
def test_cheng_only_as_tenths(text):
    assert not [f for f in extract(text, 2024) if f.kind == "percent"]


@pytest.mark.parametrize(
    "text, qualifier, low, high",
    [
        ("占全国产量的近1/3", "approximate", None, None),
        ("约300万人", "approximate", None, None),
        ("600万户左右", "approximate", None, None),
        ("上下浮动5%上下", "approximate", None, None),
        ("13亿吨以上", "lower_bound", 1.3e9, None),
        ("超过95%", "lower_bound", 95, None),
        ("突破75%", "lower_bound", 75, None),
        ("30多万", "lower_bound", 300_000, 400_000),
        ("10余年", "lower_bound", 10, 20),
        ("3年多", "lower_bound", 3, 4),
        ("1%以下", "upper_bound", None, 1),
        ("不到1000元", "upper_bound", None, 1000),
        ("5公里以内", "upper_bound", None, 5),
        ("大于等于三千", "lower_bound", 3000, None),
        ("小于20", "upper_bound", None, 20),
        ("3至5万元", "range", 30_000, 50_000),
        ("20-30吨", "range", 20, 30),
        ("20 – 100个", "range", 20, 100),
        ("位于20和30之间", "range", 20, 30),
    ],
)
def test_qualifiers_and_ranges(text, qualifier, low, high):
    f = one(text)
    assert f.qualifier == qualifier
    assert (f.low, f.high) == (low, high)


@pytest.mark.parametrize(
    "text, changes",
    [
        ("上半年全省煤炭产量6.41亿吨，增长10.1%", [None, "increase"]),
        ("同比增产1.13亿吨", ["increase"]),
        ("下降了3%", ["decrease"]),
        ("由421亿元增长到861亿元", ["from", "to"]),
        ("由65.7%提高到72.1%", ["from", "to"]),
    ],
)
def test_change_statements(text, changes):
    found = extract(text, 2024)
    assert [f.change for f in found if f.kind != "date"] == changes


def test_opposite_bounds_make_a_range():
    found = extract("数字在1000以上，1500以下", None)
    assert [(f.low, f.high) for f in found] == [(1000, 1500), (1000, 1500)]


@pytest.mark.parametrize(
    "text, value",
    [
        ("负三十二", -32),
        ("-10000", -10000),
        ("5万4千6百", 54600),
        ("一百七", 170),
        ("一吨半", 1.5),
        ("168cm", 168),
    ],
)
def test_more_numeral_forms(text, value):
    assert one(text, None, all_numbers=True).value == value


@pytest.mark.parametrize(
    "text, value",
    [("7.2成", 72), ("三成半", 35), ("十成", 100), ("打八折", 80), ("8.5折", 85), ("五五折", 55)],
)
def test_tenths_and_discounts(text, value):
    f = one(text)
    assert (f.kind, f.value) == ("percent", value)


def test_from_to_figures_are_linked():
    found = extract("由421亿元增长到861亿元", 2024)
    assert found[1].from_index == 0


@pytest.mark.parametrize(
    "text, period",
    [
        ("2019年5月", "2019-05"),
        ("今年1月26日", "2024-01-26"),
        ("3月6日下午", "2024-03-06"),
        ("2025年", "2025"),
        ("“十四五”末", "2025"),
    ],
)
def test_dates_are_recognised_not_counted(text, period):
    found = extract(text, 2024)
    assert [(f.kind, f.period) for f in found] == [("date", period)]


@pytest.mark.parametrize(
    "text, doc_year, period",
    [
        ("去年煤炭产量达到13.78亿吨", 2024, "2023"),
        ("今年煤炭产量13亿吨", 2022, "2022"),
        ("上半年全省煤炭产量6.41亿吨", 2022, "2022-H1"),
        ("2021年煤炭产量11.93亿吨", 2022, "2021"),
        ("到“十四五”末，森林覆盖率提高2.5个百分点", 2022, "2025"),
        ("力争2025年全省煤电装机达到8900万千瓦", 2022, "2025"),
        ("“十四五”期间投资300亿元", 2022, "2021/2025"),
        ("前三季度投资300亿元", 2022, "2022-01/2022-09"),
        ("煤炭产量13亿吨", 2022, None),
        ("去年产量13亿吨", None, None),
    ],
)
def test_periods_resolve_against_the_document_date(text, doc_year, period):
    f = one(text, doc_year)
    assert f.period == period


@pytest.mark.parametrize(
    "text, subject",
    [
        ("去年煤炭产量达到13.78亿吨", "煤炭产量"),
        ("发电量4376亿千瓦时", "发电量"),
        ("非常规天然气产量145.9亿立方米", "非常规天然气产量"),
        ("全省市场主体达到364.2万户", "市场主体"),
        ("21家媒体到会", "媒体"),
        ("329万贫困人口全部脱贫", "贫困人口"),
        ("煤炭先进产能占比突破75%", "煤炭先进产能占比"),
        ("我省城镇居民人均可支配收入年均增长7.1%", "城镇居民人均可支配收入"),
        ("优选20家“链主”企业", "链主企业"),
        ("按照合同供应的6.2亿吨电煤", "电煤"),
    ],
)
def test_subjects(text, subject):
    assert one(text).subject == subject


def test_a_change_after_a_share_inherits_the_statistic_not_the_base():
    found = extract("去年全省煤炭产量达到11.93亿吨，占全国产量的近1/3；同比增产1.13亿吨。", 2022)
    assert [(f.text, f.subject, f.period) for f in found] == [
        ("11.93亿吨", "煤炭产量", "2021"),
        ("近1/3", "产量", "2021"),
        ("1.13亿吨", "煤炭产量", "2021"),
    ]


def test_change_inherits_the_sentence_subject():
    found = extract("上半年全省煤炭产量6.41亿吨，增长10.1%，预计全年能达到13亿吨以上。", 2022)
    assert [(f.text, f.subject, f.period) for f in found] == [
        ("6.41亿吨", "煤炭产量", "2022-H1"),
        ("10.1%", "煤炭产量", "2022-H1"),
        ("13亿吨以上", "煤炭产量", "2022"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "一带一路",
        "三对关系",
        "一是加强",
        "统一市场",
        "进一步",
        "5G基站",
        "COVID-19疫情",
        "十周年",
        "四方责任",
    ],
)
def test_words_with_numerals_are_not_figures(text):
    assert [f for f in extract(text, 2024) if f.kind not in ("ordinal", "rank", "date")] == []


def test_all_numbers_mode_keeps_bare_chinese_numerals():
    assert [f.value for f in extract("一只", None, all_numbers=True)] == [1]


# Every figure with a unit or % in the seeds, hand-checked: (text as printed, value, unit, qualifier).
SEED_FIGURES = [
    ("21家", 21, "家", None),
    ("44位", 44, "位", None),
    ("13.78亿吨", 1.378e9, "吨", None),
    ("4376亿千瓦时", 4.376e11, "千瓦时", None),
    ("145.9亿立方米", 1.459e10, "立方米", None),
    ("3年多", 3, "年", "lower_bound"),
    ("超过300万人次", 3e6, "人次", "lower_bound"),
    ("10余年", 10, "年", "lower_bound"),
    ("416公里", 416, "公里", None),
    ("17.5万立方米/日", 175000, "立方米/日", None),
    ("近100亿吨", 1e10, "吨", "approximate"),
    ("11.93亿吨", 1.193e9, "吨", None),
    ("1.13亿吨", 1.13e8, "吨", None),
    ("6.41亿吨", 6.41e8, "吨", None),
    ("10.1%", 10.1, "%", None),
    ("13亿吨以上", 1.3e9, "吨", "lower_bound"),
    ("360万吨", 3.6e6, "吨", None),
    ("6.2亿吨", 6.2e8, "吨", None),
    ("突破75%", 75, "%", "lower_bound"),
    ("8900万千瓦", 8.9e7, "千瓦", None),
    ("50%", 50, "%", None),
    ("30%", 30, "%", None),
    ("20座", 20, "座", None),
    ("500处", 500, "处", None),
    ("31.5万辆", 315000, "辆", None),
    ("260万台", 2.6e6, "台", None),
    ("20家", 20, "家", None),
    ("46.63万架", 466300, "架", None),
    ("一万人", 10000, "人", None),
    ("646亿元", 6.46e10, "元", None),
    ("312亿元", 3.12e10, "元", None),
    ("19个", 19, "个", None),
    ("421亿元", 4.21e10, "元", None),
    ("861亿元", 8.61e10, "元", None),
    ("9.1%", 9.1, "%", None),
    ("5.2%", 5.2, "%", None),
    ("364.2万户", 3.642e6, "户", None),
    ("21.6%", 21.6, "%", None),
    ("99.2万户", 992000, "户", None),
    ("15.8%", 15.8, "%", None),
    ("157.3万户", 1.573e6, "户", None),
    ("14.1%", 14.1, "%", None),
    ("23848个", 23848, "个", None),
    ("19.0%", 19.0, "%", None),
    ("6903户", 6903, "户", None),
    ("23.4%", 23.4, "%", None),
    ("600万户左右", 6e6, "户", "approximate"),
    ("1%以下", 1, "%", "upper_bound"),
    ("65.7%", 65.7, "%", None),
    ("72.1%", 72.1, "%", None),
    ("85%", 85, "%", None),
    ("55微克立方米", 55, "微克/立方米", None),
    ("39微克立方米", 39, "微克/立方米", None),
    ("55.2%", 55.2, "%", None),
    ("72.3%", 72.3, "%", None),
    ("18.03%", 18.03, "%", None),
    ("23.57%", 23.57, "%", None),
    ("2.5个百分点", 2.5, "百分点", None),
    ("八成以上", 80, "%", "lower_bound"),
    ("7.1%", 7.1, "%", None),
    ("9.0%", 9.0, "%", None),
    ("超过95%", 95, "%", "lower_bound"),
    ("15岁", 15, "岁", None),
    ("10.45年", 10.45, "年", None),
    ("268.78万名", 2.6878e6, "名", None),
    ("600名", 600, "名", None),
    ("182名", 182, "名", None),
    ("6100万人次", 6.1e7, "人次", None),
    ("近1/3", 1 / 3, None, "approximate"),
    ("1/4", 0.25, None, None),
    ("近2/3", 2 / 3, None, "approximate"),
    ("1/9", 1 / 9, None, None),
    ("1/7", 1 / 7, None, None),
    ("翻了一番", 2, "倍", None),
]


@pytest.fixture(scope="module")
def seed_figures():
    found = []
    for path, year in ((REPORT, 2024), (TRANSCRIPT, 2022)):
        for p in normalize(seed_text(path)).paragraphs:
            found.extend((p.text, f) for f in extract(p.text, year))
    return found


@pytest.mark.parametrize("text, value, unit, qualifier", SEED_FIGURES)
def test_every_seed_figure_has_the_right_value_unit_and_qualifier(
    seed_figures, text, value, unit, qualifier
):
    matches = [f for _, f in seed_figures if f.text == text]
    assert matches, f"{text} not found"
    for f in matches:
        assert f.value == pytest.approx(value)
        assert (f.unit, f.qualifier) == (unit, qualifier)


def test_offsets_hold_for_every_seed_figure(seed_figures):
    assert len(seed_figures) > 100
    for paragraph, f in seed_figures:
        assert paragraph[f.start : f.end] == f.text


def test_no_seed_date_is_a_quantity(seed_figures):
    for _, f in seed_figures:
        if f.unit in ("年", "月", "日"):
            assert not (f.value and 1900 <= f.value <= 2100), f.text
