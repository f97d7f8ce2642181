"""How well figures get their subject (what they measure), on hand-labelled seed figures.

    python benchmarks/subjects.py

Labels are what a data journalist would call each statistic. `exact` counts subjects equal
to the label; `overlapping` also counts a subject that contains the label or is contained
in it (GDP for 山西GDP, 游客 for 云冈石窟游客).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loader.figures import extract  # noqa: E402
from loader.normalize import normalize  # noqa: E402

SEEDS = {"000_f96f47c78fa21d85.txt": 2024, "002_a2678734ee956aaa.txt": 2022}

# (figure as printed, a fragment of its paragraph to tell repeats apart or "", label)
LABELS = [
    ("21家", "21家媒体44位", "媒体"),
    ("44位", "", "记者"),
    ("13.78亿吨", "", "煤炭产量"),
    ("4376亿千瓦时", "", "发电量"),
    ("145.9亿立方米", "", "非常规天然气产量"),
    ("超过300万人次", "", "游客"),
    ("416公里", "", "雨污分流改造"),
    ("17.5万立方米/日", "", "城镇生活污水处理能力"),
    ("近100亿吨", "", "产煤"),
    ("11.93亿吨", "", "煤炭产量"),
    ("1.13亿吨", "", "煤炭产量"),
    ("6.41亿吨", "", "煤炭产量"),
    ("10.1%", "", "煤炭产量"),
    ("13亿吨以上", "", "煤炭产量"),
    ("360万吨", "", "日均产量"),
    ("6.2亿吨", "", "电煤"),
    ("突破75%", "", "煤炭先进产能占比"),
    ("8900万千瓦", "", "煤电装机"),
    ("50%", "", "新能源和清洁能源装机容量占比"),
    ("30%", "", "发电量占比"),
    ("20座", "", "智能化煤矿"),
    ("500处", "", "智能化采掘工作面"),
    ("31.5万辆", "", "新能源汽车整车制造能力"),
    ("260万台", "", "信创整机制造能力"),
    ("20家", "", "链主企业"),
    ("46.63万架", "", "数据中心设计标准机架"),
    ("一万人", "", "人口密度"),
    ("646亿元", "", "项目投资额"),
    ("312亿元", "", "项目投资额"),
    ("421亿元", "", "GDP"),
    ("861亿元", "", "GDP"),
    ("9.1%", "", "GDP"),
    ("5.2%", "", "GDP"),
    ("364.2万户", "", "市场主体"),
    ("21.6%", "", "市场主体"),
    ("99.2万户", "", "企业数量"),
    ("15.8%", "", "企业数量"),
    ("157.3万户", "", "涉税市场主体"),
    ("14.1%", "", "涉税市场主体"),
    ("23848个", "", "规上法人单位"),
    ("19.0%", "", "规上法人单位"),
    ("6903户", "", "规上工业企业"),
    ("23.4%", "", "规上工业企业"),
    ("600万户左右", "", "市场主体"),
    ("1%以下", "", "担保费率"),
    ("65.7%", "", "优良天数比例"),
    ("72.1%", "", "优良天数比例"),
    ("85%", "", "重污染天数"),
    ("55微克立方米", "", "PM2.5年均浓度"),
    ("39微克立方米", "", "PM2.5年均浓度"),
    ("55.2%", "", "国考断面水质优良比例"),
    ("72.3%", "", "国考断面水质优良比例"),
    ("18.03%", "", "森林覆盖率"),
    ("23.57%", "", "森林覆盖率"),
    ("2.5个百分点", "", "森林覆盖率"),
    ("329万", "", "贫困人口"),
    ("八成以上", "", "财政支出"),
    ("7.1%", "", "城镇居民人均可支配收入"),
    ("9.0%", "", "农村居民人均可支配收入"),
    ("超过95%", "", "基本养老保险覆盖率"),
    ("268.78万名", "", "共产党员"),
    ("600名", "", "文物全科人才"),
    ("182名", "", "全额事业编制"),
]


def main() -> None:
    figures = []
    for name, year in SEEDS.items():
        for p in normalize((ROOT / "seeds" / name).read_text("utf-8")).paragraphs:
            figures += [(p.text, f) for f in extract(p.text, year)]
    exact = overlapping = 0
    misses = []
    for text, fragment, label in LABELS:
        found = [f for para, f in figures if f.text == text and fragment in para]
        subject = found[0].subject if found else None
        if subject == label:
            exact += 1
        if subject and (subject in label or label in subject):
            overlapping += 1
        else:
            misses.append((text, label, subject))
    n = len(LABELS)
    print(f"labelled figures: {n}")
    print(f"exact subject:       {exact:3d}  {exact / n:6.1%}")
    print(f"overlapping subject: {overlapping:3d}  {overlapping / n:6.1%}")
    for text, label, subject in misses:
        print(f"  miss: {text:<14} label {label:<16} got {subject}")


if __name__ == "__main__":
    main()
