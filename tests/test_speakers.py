"""Speakers, turns, exchanges and mentions, on the seeds and on small inline documents."""

import pytest

from loader.normalize import normalize
from loader.speakers import Speaker, attribute, parse_label


def turns_of(text, known=frozenset()):
    paragraphs = normalize(text).paragraphs
    return paragraphs, attribute(paragraphs, known)


def summary(attribution):
    return [(t.speaker.label, t.kind, len(t.paragraphs)) for t in attribution.turns]


def test_transcript_seed_has_the_twelve_turns(transcript_paragraphs):
    a = attribute(transcript_paragraphs)
    assert summary(a) == [
        ("人民日报记者", "question", 1),
        ("林武书记", "answer", 5),
        ("新华社记者", "question", 1),
        ("蓝佛安省长", "answer", 16),
        ("中央广播电视总台记者", "question", 1),
        ("林武书记", "answer", 3),
        ("香港南报记者", "question", 1),
        ("蓝佛安省长", "answer", 6),
        ("山西日报记者", "question", 1),
        ("蓝佛安省长", "answer", 16),
        ("山西广播电视台记者", "question", 1),
        ("林武书记", "answer", 6),
    ]
    # the title has no speaker
    assert 0 not in a.paragraph_turns()


def test_transcript_exchanges_pair_each_question_with_its_answer(transcript_paragraphs):
    a = attribute(transcript_paragraphs)
    assert [(e.asker.label, e.answerer.label, len(e.answer_paragraphs)) for e in a.exchanges] == [
        ("人民日报记者", "林武书记", 5),
        ("新华社记者", "蓝佛安省长", 16),
        ("中央广播电视总台记者", "林武书记", 3),
        ("香港南报记者", "蓝佛安省长", 6),
        ("山西日报记者", "蓝佛安省长", 16),
        ("山西广播电视台记者", "林武书记", 6),
    ]
    assert a.exchanges[0].question.startswith("山西一直是我国重要的能源基地")


def test_report_seed_has_the_five_reported_speech_exchanges(report_paragraphs):
    a = attribute(report_paragraphs)
    assert [(e.answerer.name, e.asker.organization) for e in a.exchanges] == [
        ("唐登杰", "中央广播电视总台"),
        ("金湘军", "人民日报社"),
        ("吴伟", "香港大公报"),
        ("杭侃", "新华社"),
        ("李丽丽", "光明日报"),
    ]
    questions = [e.question for e in a.exchanges]
    assert questions[0] == "山西将如何推动高质量发展，深化全方位转型，加快发展新质生产力"
    assert questions[1] == "统筹推进能源保供和绿色低碳转型、加快建设新型能源体系"
    assert questions[2:] == ["如何加快打造对外开放新高地", "弘扬优秀传统文化", "改善生态环境质量"]


def test_report_paragraphs_belong_to_the_answerer_and_narration_to_nobody(report_paragraphs):
    a = attribute(report_paragraphs)
    turn_of = a.paragraph_turns()
    by_text = {p.text[:6]: i for i, p in enumerate(report_paragraphs)}
    assert turn_of[by_text["唐登杰代表在"]].speaker.name == "唐登杰"
    # 唐登杰谈到，… is a later reference to the same speaker
    assert turn_of[by_text["唐登杰谈到，"]].speaker.name == "唐登杰"
    # the answer runs on into the next, unattributed paragraph
    assert turn_of[by_text["去年煤炭产量"]].speaker.name == "金湘军"
    for narration in ("本报北京电（", "常国华、郭凤", "自然资源部副"):
        assert by_text[narration] not in turn_of


@pytest.mark.parametrize(
    "label, expected",
    [
        ("人民日报记者", Speaker("outlet", None, "记者", "人民日报")),
        ("中央广播电视总台记者", Speaker("outlet", None, "记者", "中央广播电视总台")),
        ("香港大公报记者", Speaker("outlet", None, "记者", "香港大公报")),
        ("人民日报社记者", Speaker("outlet", None, "记者", "人民日报社")),
        ("林武书记", Speaker("person", "林武", "书记")),
        ("蓝佛安省长", Speaker("person", "蓝佛安", "省长")),
        ("唐登杰代表", Speaker("person", "唐登杰", "代表")),
        ("外交部发言人汪文斌", Speaker("person", "汪文斌", "发言人", "外交部")),
        ("新华社记者张三", Speaker("person", "张三", "记者", "新华社")),
        ("外交部发言人", Speaker("role", None, "发言人", "外交部")),
    ],
)
def test_labels(label, expected):
    parsed = parse_label(label + "：内容。")
    assert parsed.speaker == expected


@pytest.mark.parametrize(
    "text",
    [
        "“三无”：一是“无差别”",
        "一是：加强",
        "第一：稳增长",
        "其中：煤炭",
        "目标：2025年",
        "数据来源：国家统计局",
        "总之：要落实",
    ],
)
def test_false_labels_are_not_speakers(text):
    assert parse_label(text) is None


def test_false_label_inside_an_answer_does_not_start_a_turn(transcript_paragraphs):
    a = attribute(transcript_paragraphs)
    i = next(i for i, p in enumerate(transcript_paragraphs) if "“三无”：一是" in p.text)
    assert a.paragraph_turns()[i].speaker.name == "蓝佛安"


def test_anonymous_question_and_answer():
    _, a = turns_of(
        "问：今年的目标是什么？\n\n答：稳中求进。\n\n具体来说，有三点。\n\n追问：第一点是什么？\n\n答：稳增长。"
    )
    assert summary(a) == [
        ("提问者", "question", 1),
        ("答问者", "answer", 2),
        ("提问者", "question", 1),
        ("答问者", "answer", 1),
    ]
    assert len(a.exchanges) == 2
    assert a.exchanges[1].question == "第一点是什么？"


def test_named_spokesperson_and_bare_name_labels():
    text = (
        "外交部发言人汪文斌：各位记者朋友，下午好。\n\n"
        "法新社记者：请问中方对此有何评论？\n\n"
        "汪文斌：我们注意到有关报道。\n\n"
        "彭博社记者：还有一个问题。\n\n"
        "汪文斌：我没有更多信息。"
    )
    _, a = turns_of(text)
    assert summary(a) == [
        ("汪文斌发言人", "statement", 1),
        ("法新社记者", "question", 1),
        ("汪文斌发言人", "answer", 1),
        ("彭博社记者", "question", 1),
        ("汪文斌发言人", "answer", 1),
    ]
    assert {t.speaker.key for t in a.turns if t.speaker.name} == {("person", "汪文斌")}


def test_bare_label_unknown_name_used_once_is_text():
    _, a = turns_of("标题\n\n张三：这是一句引语。")
    assert a.turns == []


def test_bare_reporter_and_moderator():
    _, a = turns_of("主持人：现在开始提问。\n\n记者：请问发布会何时结束？\n\n李四局长：很快。")
    assert summary(a) == [
        ("主持人", "statement", 1),
        ("记者", "question", 1),
        ("李四局长", "answer", 1),
    ]
    assert a.exchanges[0].asker == Speaker("role", title="记者")


def test_narrated_question():
    paragraphs, a = turns_of("# 标题\n\n会后有记者问及煤炭保供，王五厅长表示，今年将确保供应。")
    e = a.exchanges[0]
    assert e.question == "煤炭保供"
    assert e.asker == Speaker("role", title="记者")
    assert e.answerer.name == "王五"


def test_narrated_question_without_an_answerer_attributes_nothing():
    _, a = turns_of("# 标题\n\n会后有记者问及煤炭保供，相关部门未予回应。")
    assert a.exchanges[0].answerer is None
    assert a.turns == []


def test_mentions_resolve_surname_and_title_within_the_document(transcript_paragraphs):
    a = attribute(transcript_paragraphs)
    lin = [m for m in a.mentions if m.text == "林书记"]
    assert len(lin) == 1 and lin[0].speaker.name == "林武"
    assert transcript_paragraphs[lin[0].paragraph].text[lin[0].start : lin[0].end] == "林书记"


def test_surname_title_is_not_resolved_when_ambiguous():
    text = "标题\n\n林武书记：第一段。\n\n记者：问题？\n\n林峰书记：第二段，林书记说得对。"
    paragraphs, a = turns_of(text)
    assert not [m for m in a.mentions if m.text == "林书记"]


def test_report_mentions(report_paragraphs):
    a = attribute(report_paragraphs)
    names = {m.text for m in a.mentions}
    assert {"唐登杰", "金湘军", "吴伟"} <= names
