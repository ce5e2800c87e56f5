#!/usr/bin/python3
"""A first week in an office, end to end through `docpipe run`: a folder of
TXT and Word reports (two with the same stem), a two-line signature, and junk
that fails (two with the same stem again). The DOCX are read back with
python-docx and the workbook with openpyxl.

usage: test_mixed_folder.py DOCPIPE WORKDIR
"""
import json
import os
import shutil
import subprocess
import sys

import docx
import openpyxl

from e2e_common import check, failures

DOCPIPE, WORK = sys.argv[1], sys.argv[2]


REPORT = """共青团西湖区委2020年上半年工作总结

一、主要工作

上半年,全区共开展主题团日活动12场,参与团员1200人次。

二、下半年计划

继续做好各项工作。

共青团西湖区委
2020年5月29日
"""

shutil.rmtree(WORK, ignore_errors=True)
inp = os.path.join(WORK, "in")
os.makedirs(inp)
with open(os.path.join(inp, "report.txt"), "w", encoding="utf-8") as f:
    f.write(REPORT)
d = docx.Document()
# The same body as report.txt's, written another way: one row on the Summary.
d.add_paragraph("西湖区团委2020年工作总结")
d.add_paragraph("一、主要工作")
d.add_paragraph("全年开展志愿服务活动8场,服务群众300余人次。")
d.add_paragraph("西湖区团委")
d.add_paragraph("2020年12月20日")
d.save(os.path.join(inp, "report.docx"))
for name in ("bad.txt", "bad.html"):
    with open(os.path.join(inp, name), "wb") as f:
        f.write(b"\x00\x01\x02\x03\xff\xfe binary junk \x00" * 8)

pipeline = os.path.join(WORK, "pipeline.yaml")
with open(pipeline, "w", encoding="utf-8") as f:
    f.write("""version: 1
name: office
extends: base.yaml
inputs: [in]
outputs:
  - use: write.json
    path: "{out}/json/{reldir}/{stem}.json"
  - use: write.docx
    path: "{out}/docx/{reldir}/{stem}.docx"
  - use: write.xlsx
    path: "{out}/summary.xlsx"
run: {jobs: 2, timeout: 300}
""")
out = os.path.join(WORK, "out")


def run(*extra):
    p = subprocess.run([DOCPIPE, "run", pipeline, "--out", out] + list(extra), cwd=WORK,
                       capture_output=True, text=True, timeout=600)
    with open(os.path.join(out, "run-report.json"), encoding="utf-8") as f:
        return p, json.load(f)


p, rep = run()
check(p.returncode == 1, "first run: exit %d (expected 1: two documents fail)\n%s" % (p.returncode, p.stderr))
st = {os.path.basename(x["input"]): x["status"] for x in rep["documents"]}
check(st == {"report.txt": "ok", "report.docx": "ok", "bad.txt": "failed", "bad.html": "failed"},
      "statuses: %s" % st)

# Same stems do not share outputs or quarantine entries.
for rel in ("json/report.txt.json", "json/report.docx.json", "docx/report.txt.docx",
            "docx/report.docx.docx", "quarantine/bad.txt.json", "quarantine/bad.html.json"):
    check(os.path.exists(os.path.join(out, rel)), "missing " + rel)
for rel in ("json/report.json", "docx/report.docx", "quarantine/bad.json"):
    check(not os.path.exists(os.path.join(out, rel)), "colliding output " + rel)
with open(os.path.join(out, "json/report.txt.json"), encoding="utf-8") as f:
    check(json.load(f)["source"]["path"].endswith("report.txt"), "report.txt.json is not report.txt's")
with open(os.path.join(out, "quarantine/bad.html.json"), encoding="utf-8") as f:
    check(json.load(f)["input"].endswith("bad.html"), "bad.html.json is not bad.html's")

# A two-line signature prints its date once.
for name, date in (("report.txt.docx", "2020年5月29日"), ("report.docx.docx", "2020年12月20日")):
    paras = [x.text for x in docx.Document(os.path.join(out, "docx", name)).paragraphs]
    check(sum(date in t for t in paras) == 1, "%s: the date %s %d times: %s" %
          (name, date, sum(date in t for t in paras), paras[-4:]))

# The workbook lists the failed documents with their error.
def workbook():
    wb = openpyxl.load_workbook(os.path.join(out, "summary.xlsx"))
    sheets = wb.sheetnames
    reports = wb[sheets[0]]
    header = [c.value for c in reports[1]]
    rows = [dict(zip(header, r)) for r in reports.iter_rows(min_row=2, values_only=True)]
    run_sheet = {r[0]: r[1] for r in wb[sheets[-1]].iter_rows(min_row=2, values_only=True)}
    return header, rows, run_sheet


header, rows, run_sheet = workbook()
# Chinese labels by default.
wb = openpyxl.load_workbook(os.path.join(out, "summary.xlsx"))
check(wb.sheetnames == ["报告", "提纲", "数字", "清洗", "汇总", "运行"], "sheets: %s" % wb.sheetnames)
check(header[0] == "文件" and header[11] == "状态" and header[12] == "错误", "header: %s" % header)
status_col, error_col, file_col = header[11], header[12], header[0]
# Paths relative to the input folder, which the Run sheet names.
by_file = {r[file_col]: r for r in rows}
check(sorted(by_file) == ["bad.html", "bad.txt", "report.docx", "report.txt"], "Reports rows: %s" % sorted(by_file))
check(os.path.basename(str(run_sheet.get("输入文件夹"))) == "in", "Run sheet input folder: %s" % run_sheet)
for name in ("bad.txt", "bad.html"):
    r = by_file.get(name, {})
    check(r.get(status_col) == "失败" and r.get(error_col), "Reports row of %s: %s" % (name, r))

# One body written two ways (共青团西湖区委, 西湖区团委) is one Summary row.
summary = [r for r in wb["汇总"].iter_rows(min_row=2, values_only=True)]
check(len(summary) == 1 and summary[0][0] in ("共青团西湖区委", "西湖区团委") and summary[0][1] == 2,
      "Summary rows: %s" % summary)
orgs = sorted(r[header[2]] for r in rows if r[header[2]])
check(orgs == ["共青团西湖区委", "西湖区团委"], "Reports keep each report's own form: %s" % orgs)

# An incremental run after a change: the Run sheet counts this run, the
# Reports sheet still lists the whole collection (failed ones included).
with open(os.path.join(inp, "report.txt"), "a", encoding="utf-8") as f:
    f.write("\n")
p, rep = run()
check(p.returncode == 0, "second run: exit %d\n%s" % (p.returncode, p.stderr))
check(rep["counts"] == {"ok": 1, "skipped": 3}, "second run counts: %s" % rep["counts"])
header, rows, run_sheet = workbook()
by_file = {r[file_col]: r for r in rows}
check(len(rows) == 4 and by_file.get("bad.txt", {}).get(status_col) == "失败",
      "Reports after an incremental run: %s" % rows)
check(run_sheet.get("本次运行：文档数") == 4 and run_sheet.get("本次运行：成功") == 1 and
      run_sheet.get("本次运行：跳过") == 3, "Run sheet, this run: %s" % run_sheet)
check(run_sheet.get("本工作簿：文档数") == 4 and run_sheet.get("本工作簿：成功") == 2 and
      run_sheet.get("本工作簿：失败") == 2, "Run sheet, workbook: %s" % run_sheet)

# A run with nothing to do says how many documents are still quarantined.
p, rep = run()
check(p.returncode == 0 and "2 documents are still in quarantine" in p.stderr,
      "no-change run: exit %d\n%s" % (p.returncode, p.stderr))

if failures:
    sys.exit(1)
print("ok: mixed folder")
