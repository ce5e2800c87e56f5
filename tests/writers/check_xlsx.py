#!/usr/bin/python3
"""Checks the write.xlsx workbook with openpyxl: sheet names, the rows of
every sheet against the harness inputs, cell types (numbers as numbers,
dates as dates), and the layout offices rely on (bold frozen header,
autofilter on every sheet, widths fitted to CJK text, wrapped long text, a
chart on the summary sheet).

usage: check_xlsx.py WORKBOOK INPUT.json..."""
import datetime
import os
import sys

import openpyxl

from writers_common import Failures, load_input

path, *inputs = sys.argv[1:]
docs = [load_input(p) for p in inputs]
fail = Failures()
wb = openpyxl.load_workbook(path)

# Chinese labels by default (locale: zh), English with locale: en.
ZH = {"Reports": "报告", "Outline": "提纲", "Figures": "数字", "Cleaning": "清洗", "Summary": "汇总",
      "Run": "运行", "Input folder": "输入文件夹", "File": "文件", "Title": "标题", "Organization": "单位", "Type": "类型",
      "Year": "年份", "Period": "时段", "Date": "日期", "Headings": "标题数", "Characters": "字数",
      "Figures found": "数字个数", "Flags": "标记", "Status": "状态", "Error": "错误",
      "Document": "文件", "Level": "级别", "Marker": "序号", "Heading": "标题",
      "Heading path": "所在标题", "Value": "数值", "Unit": "计量单位", "Original text": "原文",
      "Context": "上下文", "Sentence": "句子", "Stage": "阶段", "Rule": "规则", "Changes": "改动数",
      "Block": "段落", "Example before": "改前示例", "Example after": "改后示例", "Before": "改前",
      "After": "改后", "Documents": "报告数", "Start": "开始", "End": "结束",
      "Workbook: ": "本工作簿：", "documents": "文档数", "Version ": "版本 ", "ok": "成功",
      "spun_restored": "洗稿已还原", "traditional_converted": "繁体已转换",
      "pinyin_removed": "拼音已删除", "boilerplate_removed": "网页杂项已删除", "mojibake": "乱码",
      "placeholders_present": "含占位符", "truncated_end": "结尾不全", "truncated_start": "开头不全",
      "watermark_removed": "水印已删除", "duplicates_removed": "重复已删除",
      "encoding_guessed": "编码为推测"}
CHINESE = wb.sheetnames[0] == "报告"


def L(word):
    return ZH.get(word, word) if CHINESE else word


def flags_text(flags):
    return ("、" if CHINESE else ", ").join(L(f) for f in flags)


SHEETS = [L(s) for s in ["Reports", "Outline", "Figures", "Cleaning", "Summary", "Run"]]
fail.check(wb.sheetnames == SHEETS, f"sheets {wb.sheetnames}")


def rows(ws):
    return list(ws.iter_rows(min_row=2, values_only=True))


def width(ws, col):
    dim = ws.column_dimensions.get(col)
    return dim.width if dim is not None and dim.width else 0


def cjk_width(s):
    return sum(2 if ord(c) >= 0x2E80 else 1 for c in s)


for ws in wb:
    fail.check(ws.freeze_panes == "A2", f"{ws.title}: header not frozen ({ws.freeze_panes})")
    fail.check(ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A1:"),
               f"{ws.title}: no autofilter")
    if ws.auto_filter.ref:
        last_row = int("".join(c for c in ws.auto_filter.ref.split(":")[1] if c.isdigit()))
        fail.check(last_row == ws.max_row, f"{ws.title}: autofilter {ws.auto_filter.ref} vs {ws.max_row} rows")
    fail.check(all(c.font.b for c in ws[1] if c.value), f"{ws.title}: header not bold")

# Paths are shown relative to the input folder the Run sheet names (a
# workbook written without a run, by the writers' harness, has none).
input_folder = {r[0]: r[1] for r in rows(wb[L("Run")])}.get(L("Input folder"))


def shown(path):
    if not input_folder:
        return path
    rel = os.path.relpath(os.path.normpath(path), input_folder)
    return path if rel.startswith("..") else rel


# Reports: one row per document, in input order.
reports = wb[L("Reports")]
header = [c.value for c in reports[1]]
fail.check(header[:12] == [L(x) for x in ["File", "Title", "Organization", "Type", "Year", "Period", "Date", "Headings",
                           "Characters", "Figures found", "Flags", "Status"]], f"Reports header {header}")
got = rows(reports)
fail.check(len(got) == len(docs), f"Reports: {len(got)} rows for {len(docs)} documents")
for doc, row in zip(docs, got):
    m, name = doc["metadata"], shown(doc["source"].get("path", ""))
    fail.check(row[0] == name, f"Reports: file {row[0]} != {name}")
    fail.check(row[1] == m.get("title"), f"Reports: title {row[1]}")
    fail.check(row[2] == m.get("organization"), f"Reports: organization {row[2]}")
    year = (m.get("period") or {}).get("year")
    fail.check(row[4] == year and (year is None or isinstance(row[4], int)), f"Reports: year {row[4]!r} != {year}")
    if m.get("date"):
        fail.check(isinstance(row[6], datetime.datetime) and row[6].date().isoformat() == m["date"],
                   f"Reports: date {row[6]!r} != {m['date']}")
    heads = sum(1 for b in doc["blocks"] if b["kind"] == "heading")
    fail.check(row[7] == heads and isinstance(row[7], int), f"Reports: headings {row[7]!r} != {heads}")
    chars = sum(len(b["text"]) for b in doc["blocks"])
    fail.check(row[8] == chars, f"Reports: characters {row[8]!r} != {chars}")
    fail.check(row[9] == len(doc["metrics"]), f"Reports: figures {row[9]!r}")
    fail.check((row[10] or "") == flags_text(doc["flags"]), f"Reports: flags {row[10]!r}")
    fail.check(row[11] == L("ok"), f"Reports: status {row[11]!r}")
dated = [r for r in reports.iter_rows(min_row=2) if isinstance(r[6].value, datetime.datetime)]
fail.check(all("yy" in r[6].number_format for r in dated), "Reports: date cells not formatted as dates")
titles = [d["metadata"].get("title") or "" for d in docs]
want = min(max((cjk_width(t) for t in titles), default=0), 50)
fail.check(width(reports, "B") >= want, f"Reports: title column {width(reports, 'B')} narrower than {want}")
fail.check(width(reports, "B") <= 60, f"Reports: title column {width(reports, 'B')} too wide")

# Outline: every heading, in order; a run-in heading ("（一）聚焦主责主业。一是…")
# shows its heading part, up to its first full stop.
def heading_title(text):
    stop = text.find("。")
    return text if stop < 0 or not text[stop + 1:].strip() else text[:stop + 1]


want = [(shown(d["source"]["path"]), b.get("level"), b.get("marker") or None, heading_title(b["text"]))
        for d in docs for b in d["blocks"] if b["kind"] == "heading"]
fail.check(not docs or any(heading_title(b["text"]) != b["text"] for d in docs for b in d["blocks"]
                           if b["kind"] == "heading"), "Outline: no run-in heading among the inputs")
fail.check(rows(wb[L("Outline")]) == want, "Outline rows differ from the headings")

# Figures: value is a number, with its unit, text and sentence: the whole
# sentence (figure_context: 0), or by default the figure with at most 30
# characters of it on each side, "…" where text was left out.
figures = wb[L("Figures")]
header = [c.value for c in figures[1]]
fail.check(header[:5] == [L(x) for x in ["Document", "Heading path", "Value", "Unit", "Original text"]], f"Figures header {header}")
fail.check(header[5] in (L("Sentence"), L("Context")), f"Figures header {header}")
metrics = [(d, x) for d in docs for x in d["metrics"]]
want = [(shown(d["source"]["path"]), " > ".join(x["heading_path"]) or None, x["value"],
         x["unit"] or None, x["text"] or None) for d, x in metrics]
got = rows(figures)
fail.check([r[:5] for r in got] == want, f"Figures rows differ: {got[:2]} vs {want[:2]}")
fail.check(all(isinstance(r[2], (int, float)) for r in got), "Figures: values are not numbers")
for r, (d, x) in zip(got, metrics):
    cell, sentence = r[5] or "", x["sentence"] or ""
    if header[5] == L("Sentence"):
        fail.check(cell == sentence, f"Figures: sentence {cell!r} != {sentence!r}")
        continue
    core = cell.removeprefix("…").removesuffix("…")
    fail.check(core in sentence and x["text"] in core, f"Figures: context {cell!r} not around {x['text']!r} in {sentence!r}")
    fail.check(len(core) <= len(x["text"]) + 60, f"Figures: context {cell!r} longer than 30 characters a side")
    fail.check(cell.startswith("…") == (not sentence.startswith(core)), f"Figures: context {cell!r}: … at the start")
    fail.check(cell.endswith("…") == (not sentence.endswith(core)), f"Figures: context {cell!r}: … at the end")
    if len(sentence) <= len(x["text"]) + 30:  # neither side can pass 30
        fail.check(core == sentence, f"Figures: short sentence {sentence!r} cut to {cell!r}")
long_ones = [i for i, (d, x) in enumerate(metrics) if len(x["sentence"] or "") > len(x["text"]) + 61]
fail.check(header[5] == L("Sentence") or all(got[i][5] != metrics[i][1]["sentence"] for i in long_ones),
           "Figures: a long sentence was not cut to its context")
sentence_cells = [r[5] for r in figures.iter_rows(min_row=2)]
fail.check(all(c.alignment.wrap_text for c in sentence_cells), "Figures: sentences not wrapped")

# Cleaning: every edit in full (cleaning: edits), or by default one row per
# document and rule, with its number of changes and the first change cut to
# where it differs ("…" marks text left out on either side).
cleaning = wb[L("Cleaning")]
header = [c.value for c in cleaning[1]]
if header[3] == L("Block"):
    want = [(shown(d["source"]["path"]), e["stage"], e["rule"], e["block"] if e["block"] >= 0 else None,
             e["before"] or None, e["after"] or None) for d in docs for e in d["edits"]]
    fail.check(rows(cleaning) == want, "Cleaning rows differ from the edits")
else:
    fail.check(header == [L(x) for x in ["Document", "Stage", "Rule", "Changes", "Example before", "Example after"]],
               f"Cleaning header {header}")
    want, first = [], []
    for d in docs:
        seen = {}
        for e in d["edits"]:
            key = (shown(d["source"]["path"]), e["stage"], e["rule"])
            if key not in seen:
                seen[key] = len(want)
                want.append(list(key) + [0])
                first.append(e)
            want[seen[key]][3] += 1
    got = rows(cleaning)
    fail.check([list(r[:4]) for r in got] == want, f"Cleaning rules differ: {got[:2]} vs {want[:2]}")
    for row, e in zip(got, first):
        for cell, full in ((row[4], e["before"]), (row[5], e["after"])):
            fail.check((cell or "").strip("…") in full, f"Cleaning: example {cell!r} not in {full!r}")
        if e["before"] and e["after"]:
            fail.check(row[4] != row[5], f"Cleaning: example shows no change: {row[4]!r}")
            fail.check(len(row[4]) <= len(e["before"]) + 2, f"Cleaning: example longer than the edit")

# Summary: documents per organization, and a chart of it.
summary = wb[L("Summary")]
counts = {}
for d in docs:
    org = d["metadata"].get("organization") or "(未识别)"
    counts[org] = counts.get(org, 0) + 1
got = {r[0]: r[1] for r in rows(summary)}
fail.check(got == counts, f"Summary: {got} != {counts}")
fail.check(len(summary._charts) == (1 if docs else 0), f"Summary: {len(summary._charts)} charts")

# Run: start and end as dates, the document count.
run = {r[0]: r[1] for r in rows(wb[L("Run")])}
fail.check(isinstance(run.get(L("Start")), datetime.datetime), f"Run: start {run.get(L('Start'))!r}")
fail.check(isinstance(run.get(L("End")), datetime.datetime), f"Run: end {run.get(L('End'))!r}")
documents = L("Workbook: ") + L("documents")
fail.check(run.get(documents) == len(docs), f"Run: documents {run.get(documents)!r}")
fail.check(any(k.startswith(L("Version ")) for k in run), "Run: no plugin versions")

fail.exit("check_xlsx")
