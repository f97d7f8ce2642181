"""Normalisation rules, each on the seeds and on small inline cases."""

import pytest

from loader.normalize import clean_line, ends_sentence, normalize


def texts(paragraphs):
    return [p.text for p in paragraphs]


def paragraph_containing(paragraphs, fragment):
    found = [p for p in paragraphs if fragment in p.text]
    assert len(found) == 1, f"{fragment!r} is in {len(found)} paragraphs"
    return found[0]


# Page and column breaks in the report seed: both halves must be in ONE paragraph.
@pytest.mark.parametrize(
    "left, right",
    [
        ("张吉福", "主持。21家媒体44位记者"),
        ("政府工作报告", "的安排部署"),
        ("乡村产", "业振兴"),
        ("科学统筹好", "传统产业"),
        ("和公", "平竞争"),
    ],
)
def test_report_layout_breaks_are_rejoined(report_paragraphs, left, right):
    paragraph_containing(report_paragraphs, left + right)


@pytest.mark.parametrize(
    "left, right",
    [("“三", "新一高”"), ("“一群两区三圈”，", "则是"), ("的特", "点。")],
)
def test_transcript_layout_breaks_are_rejoined(transcript_paragraphs, left, right):
    paragraph_containing(transcript_paragraphs, left + right)


def test_deck_lines_stay_separate_from_the_byline(report_paragraphs):
    kinds = [(p.kind, p.text) for p in report_paragraphs[:4]]
    assert kinds == [
        ("heading", "山西代表团举行全体会议向中外媒体开放"),
        ("deck", "唐登杰金湘军参加"),
        ("deck", "21家媒体到会采访"),
        ("byline", kinds[3][1]),
    ]
    assert kinds[3][1].startswith("本报北京电（山西日报记者杨文）3月6日下午，")
    second = [p for p in report_paragraphs if p.text == "唐登杰金湘军回答记者提问"]
    assert second and second[0].kind == "deck"


def test_headings_keep_their_level(report_paragraphs, transcript_paragraphs):
    headings = [(p.level, p.text) for p in report_paragraphs if p.kind == "heading"]
    assert headings == [
        (1, "山西代表团举行全体会议向中外媒体开放"),
        (2, "山西代表团代表接受中外媒体采访"),
    ]
    assert transcript_paragraphs[0].kind == "heading"
    assert transcript_paragraphs[0].text == "“中国这十年·山西”主题新闻发布会答记者问实录"


def test_continuation_marker_is_recorded_not_kept_as_text():
    from conftest import REPORT, seed_text

    result = normalize(seed_text(REPORT))
    assert [(m.direction, m.page) for m in result.markers] == [("continued_to", "05")]
    assert not any("下转" in p.text for p in result.paragraphs)


def test_paragraph_counts_of_the_seeds(report_paragraphs, transcript_paragraphs):
    assert len(report_paragraphs) == 16
    assert len(transcript_paragraphs) == 59


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("3月6日下午,十四届", "3月6日下午，十四届"),
        ("本报北京电(山西日报记者杨文)3月6日", "本报北京电（山西日报记者杨文）3月6日"),
        ("产量达到13.78亿吨", "产量达到13.78亿吨"),
        ("1,000万元", "1,000万元"),
        ("深化与RCEP国家的区域合作", "深化与RCEP国家的区域合作"),
        ("(RCEP)", "(RCEP)"),
        ("记者:你好", "记者：你好"),
        ("真的吗?是的!", "真的吗？是的！"),
        ("时间12:30开会", "时间12:30开会"),
        ("\u3000\u3000全文缩进", "全文缩进"),
        ("能源\u00a0双碳\u3000发展  ", "能源 双碳 发展"),
        ("１３.７８亿吨，ＲＣＥＰ", "13.78亿吨，RCEP"),
        ("零\u200b宽\ufeff字符", "零宽字符"),
        ("控制\x07字符", "控制字符"),
        ("trailing   ", "trailing"),
    ],
)
def test_character_rules(raw, expected):
    assert clean_line(raw) == expected


@pytest.mark.parametrize(
    "line, ends",
    [
        ("主持。", True),
        ("请大家放心！", True),
        ("有哪些标志性成果？", True),
        ("他说：“共产党就是给人民办事的。”", True),
        ("……", True),
        ("张吉福", False),
        ("“一群两区三圈”，", False),
        ("要统筹；", False),
    ],
)
def test_sentence_end(line, ends):
    assert ends_sentence(line) is ends


def test_markdown_heading_then_body():
    result = normalize("# 标题\n\n## 小标题\n\n正文第一句，\n\n接着写完。")
    assert [(p.kind, p.text) for p in result.paragraphs] == [
        ("heading", "标题"),
        ("heading", "小标题"),
        ("body", "正文第一句，接着写完。"),
    ]


def test_label_line_is_never_joined_into_the_previous_paragraph():
    result = normalize("问：今年的目标是什么\n\n答：稳中求进。")
    assert texts(result.paragraphs) == ["问：今年的目标是什么", "答：稳中求进。"]


def test_latin_words_broken_over_lines_keep_a_space():
    result = normalize("# 标题\n\nthe Belt and\n\nRoad Initiative。")
    assert texts(result.paragraphs)[1:] == ["the Belt and Road Initiative。"]


def test_inline_marker_is_taken_out():
    result = normalize("正文写到这里(下转05版)\n")
    assert texts(result.paragraphs) == ["正文写到这里"]
    assert result.markers[0].page == "05"


def test_windows_line_endings():
    assert texts(normalize("第一段。\r\n\r\n第二段。\r\n").paragraphs) == ["第一段。", "第二段。"]
