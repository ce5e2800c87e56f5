#!/usr/bin/python3
"""What the source got right stays right (issue 20): Word files made by
python-docx and by LibreOffice, run through the base pipeline, must keep
separate paragraphs separate (cover lines, keyword lines, captions, a
couplet), keep spaces that mean something (a list of names, a slogan, 第一条),
keep and read a report's closing date line, not flag complete reports as cut,
find a cover page's title and drop a table of contents instead of reading
it as a second outline -- while a paragraph Word broke inside a word is
still joined.

usage: test_source_kept.py DOCPIPE WORKDIR
"""
import glob
import json
import os
import shutil
import subprocess
import sys

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Pt

from e2e_common import check, failures

DOCPIPE, WORK = sys.argv[1], sys.argv[2]


def centred(d, text, size, bold=True):
    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(text)
    r.bold = bold
    r.font.size = Pt(size)
    return p


LONG_1 = ("本次社会实践以方言保护为主题，我们走访了城区和乡镇的多个社区，与老人、青年和学生交流，"
          "记录了大量日常用语和俗语，初步了解了方言在不同年龄人群中的使用情况。")
# One paragraph Word broke in two inside a word (渠 / 道).
BROKEN_A = "通过问卷和访谈我们发现，年轻人接触方言的机会越来越少，电视和网络成为他们主要的信息获取渠"
BROKEN_B = "道。多数受访者认为方言值得保护，但不知道从何做起。"
LONG_2 = ("实践过程中，团队成员分工协作，有的负责录音整理，有的负责问卷统计，有的负责撰写调研报告，"
          "大家克服了天气炎热、路途遥远等困难，按时完成了各项任务。")
LONG_3 = ("通过这次实践，我们对家乡的语言文化有了更深的认识，也更加体会到保护和传承方言的意义，"
          "今后我们将继续关注这一课题，把调研成果转化为可以推广的建议。")


def practice_report(path):
    d = docx.Document()
    centred(d, "苏州某某大学", 26)
    centred(d, "2019年暑期社会实践报告", 22)
    for line in ("建筑1801 张三", "学号：2018123456", "指导教师：李四", "二〇一九年九月"):
        centred(d, line, 14, bold=False)
    d.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    d.add_paragraph("目录")
    for entry in ("一、实践背景\t1", "二、实践过程\t2", "三、实践收获\t3"):
        d.add_paragraph(entry)
    d.add_paragraph("关键词：苏州方言；方言保护；方言传承")
    d.add_paragraph(LONG_1)
    d.add_paragraph("一、实践背景")
    d.add_paragraph(BROKEN_A)
    d.add_paragraph(BROKEN_B)
    d.add_paragraph("二、实践过程")
    d.add_paragraph(LONG_2)
    d.add_paragraph("参加人员：赵胜博    王磊   李佳诚  胡冰倩")
    d.add_paragraph("图1 社区老人讲述方言故事")
    d.add_paragraph("图2 团队成员整理录音资料")
    d.add_paragraph("三、实践收获")
    d.add_paragraph(LONG_3)
    d.add_paragraph("春风化雨育桃李，乡音绵长润人心")
    d.add_paragraph("薪火相传承文脉，方言常新话家园")
    d.add_paragraph("彰显青年担当 我们怎么干")
    d.add_paragraph("建筑学院暑期实践团")
    d.add_paragraph("2019/9/20")
    d.save(path)


def plan(path):
    d = docx.Document()
    d.add_paragraph("团支部2020年工作计划", style="Title")
    d.add_paragraph("为做好本年度团支部工作，结合支部实际，制定如下计划，请各位团员认真落实，按时完成各项任务。")
    d.add_paragraph("第一条 每月开展一次主题团日活动，围绕学习教育组织讨论。")
    d.add_paragraph("1、每季度召开一次支委会，研究部署支部工作。")
    d.add_paragraph("2、加强团员发展和教育管理，严格程序标准。")
    d.add_paragraph("3、做好年终总结")
    d.add_paragraph("时间： 2019/1/2")
    d.save(path)


def editor_tail(path):
    d = docx.Document()
    d.add_paragraph("社区团委2020年志愿服务活动总结")
    d.add_paragraph(LONG_2)
    d.add_paragraph(LONG_3)
    d.add_paragraph("（责任编辑：王五）")
    d.save(path)


FARM_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>今日股市行情_明日大盘_股票入门_财经资讯</title>
<meta name="keywords" content="<meta name=description content=x>">
</head><body>
<div class="nav"><a href="/">首页</a> | <a href="/n">新闻</a></div>
<div class="article">
<div class="headline">社区团委开展暑期志愿服务活动</div>
<div class="info">发布时间：2021-06-18 来源：本站</div>
<p>%s</p>
<p><strong>一是加强组织领导</strong><br>社区团委成立了志愿服务工作小组，明确分工，落实责任，确保各项活动有序开展。</p>
<p>%s</p>
</div></body></html>
""" % (LONG_2, LONG_3)

# An older government gazette page: layout tables, the navigation in one
# cell, the document in another, its paragraphs separated by <br>.
GAZETTE_PAGE = """<html><head><meta charset="utf-8"><title>某市人民政府公报</title></head><body>
<table width="980"><tr><td colspan="2"><img src="banner.jpg"></td></tr>
<tr><td width="200" valign="top"><table>
<tr><td><a href="/">首页</a></td></tr><tr><td><a href="/gb">政府公报</a></td></tr>
<tr><td><a href="/wj">政府文件</a></td></tr><tr><td><a href="/jd">政策解读</a></td></tr>
</table></td><td valign="top"><table width="100%%">
<tr><td align="center"><font size="4"><b>某市人民政府关于2022年度共青团工作情况的通报</b></font></td></tr>
<tr><td align="center">发布日期：2023-02-10　来源：市政府办公室</td></tr>
<tr><td class="content">各区县人民政府，市政府各部门：<br><br>
　　%s<br><br>　　一、主要成效<br><br>　　%s<br><br>
　　某市人民政府<br>　　2023年2月8日</td></tr></table></td></tr>
<tr><td colspan="2" align="center">主办：某市人民政府办公室　备案号：某ICP备12345678号</td></tr></table>
</body></html>
""" % (LONG_2, LONG_3)

shutil.rmtree(WORK, ignore_errors=True)
inp = os.path.join(WORK, "in")
out = os.path.join(WORK, "out")
os.makedirs(inp)
practice_report(os.path.join(inp, "practice.docx"))
plan(os.path.join(inp, "plan.docx"))
editor_tail(os.path.join(inp, "editor.docx"))
with open(os.path.join(inp, "farm.html"), "w", encoding="utf-8") as f:
    f.write(FARM_PAGE)
with open(os.path.join(inp, "gazette.html"), "w", encoding="utf-8") as f:
    f.write(GAZETTE_PAGE)

# The same practice report as LibreOffice writes it (another producer's XML).
lo_dir = os.path.join(WORK, "lo")
os.makedirs(lo_dir)
shutil.copy(os.path.join(inp, "practice.docx"), os.path.join(lo_dir, "practice_lo.docx"))
profile = "file://" + os.path.join(WORK, "lo-profile")
conv = subprocess.run(["soffice", "-env:UserInstallation=" + profile, "--headless",
                       "--convert-to", "odt", "--outdir", lo_dir,
                       os.path.join(lo_dir, "practice_lo.docx")],
                      capture_output=True, text=True, timeout=300)
check(conv.returncode == 0, "LibreOffice could not convert the fixture: " + conv.stderr)
conv = subprocess.run(["soffice", "-env:UserInstallation=" + profile, "--headless",
                       "--convert-to", "docx:MS Word 2007 XML", "--outdir", inp,
                       os.path.join(lo_dir, "practice_lo.odt")],
                      capture_output=True, text=True, timeout=300)
check(conv.returncode == 0 and os.path.exists(os.path.join(inp, "practice_lo.docx")),
      "LibreOffice could not write the DOCX fixture: " + conv.stderr)

pipeline = os.path.join(WORK, "pipeline.yaml")
with open(pipeline, "w", encoding="utf-8") as f:
    f.write("version: 1\nname: source-kept\nextends: base.yaml\noutputs:\n"
            "  - use: write.json\n    path: \"{out}/{stem}.json\"\n")
run = subprocess.run([DOCPIPE, "run", pipeline, "--input", inp, "--out", out],
                     capture_output=True, text=True, timeout=600)
check(run.returncode == 0, "docpipe run failed: %s %s" % (run.stdout, run.stderr))


def load(stem):
    with open(os.path.join(out, stem + ".json"), encoding="utf-8") as f:
        return json.load(f)


for stem in ("practice", "practice_lo"):
    doc = load(stem)
    texts = [b["text"] for b in doc["blocks"]]
    heads = [b["text"] for b in doc["blocks"] if b["kind"] == "heading"]
    md = doc["metadata"]
    who = stem + ": "
    check(md.get("title") == "2019年暑期社会实践报告", who + "cover title %r" % md.get("title"))
    for line in ("关键词：苏州方言；方言保护；方言传承", "指导教师：李四", "学号：2018123456",
                 "图1 社区老人讲述方言故事", "图2 团队成员整理录音资料",
                 "春风化雨育桃李，乡音绵长润人心", "薪火相传承文脉，方言常新话家园"):
        check(line in texts, who + "%r is no longer a paragraph of its own" % line)
    check(LONG_1 in texts, who + "the first body paragraph was changed")
    check(BROKEN_A + BROKEN_B in texts, who + "the paragraph broken inside 渠道 was not joined")
    check("参加人员：赵胜博    王磊   李佳诚  胡冰倩".replace("    ", " ").replace("   ", " ")
          .replace("  ", " ") in texts, who + "spaces of the name list lost: %r"
          % [t for t in texts if "赵胜博" in t])
    check("彰显青年担当 我们怎么干" in texts, who + "the slogan's space was lost")
    check(heads.count("一、实践背景") == 1 and heads.count("三、实践收获") == 1,
          who + "table of contents read as headings: %r" % heads)
    check(not any("\t" in t for t in texts), who + "table of contents left in the body")
    check(md.get("date") == "2019-09-20", who + "closing date %r" % md.get("date"))
    check("2019/9/20" in texts, who + "the closing date line was deleted")
    check("truncated_end" not in doc.get("flags", []), who + "complete report flagged truncated_end")

doc = load("plan")
texts = [b["text"] for b in doc["blocks"]]
check(doc["metadata"].get("title") == "团支部2020年工作计划", "plan: title %r" % doc["metadata"].get("title"))
check(any(t.startswith("第一条 每月") for t in texts), "plan: the space after 第一条 was lost")
check(doc["metadata"].get("date") == "2019-01-02", "plan: labelled closing date %r" % doc["metadata"].get("date"))
check(any("2019/1/2" in t for t in texts), "plan: the closing date line was deleted")
check("truncated_end" not in doc.get("flags", []), "plan: a plan ending with its last item flagged truncated_end")

doc = load("editor")
check("truncated_end" not in doc.get("flags", []), "editor: a report ending with an editor line flagged truncated_end")
check(any("责任编辑" in b["text"] for b in doc["blocks"]) or
      any("责任编辑" in e.get("before", "") for e in doc.get("edits", [])),
      "editor: the editor line vanished without an edit")

doc = load("farm")
md = doc["metadata"]
check(md.get("title") == "社区团委开展暑期志愿服务活动", "farm: title %r, not the headline" % md.get("title"))
check((md.get("page") or {}).get("published", "").startswith("2021-06-18"),
      "farm: published %r" % (md.get("page") or {}).get("published"))
check(not any("<" in t or "=" in t for t in (md.get("page") or {}).get("tags", [])),
      "farm: markup read as tags: %r" % (md.get("page") or {}).get("tags"))
texts = [b["text"] for b in doc["blocks"]]
check("一是加强组织领导" in texts, "farm: the <strong> sub-heading before <br> was merged: %r"
      % [t for t in texts if "一是" in t])

doc = load("gazette")
md = doc["metadata"]
texts = [b["text"] for b in doc["blocks"]]
check(md.get("title") == "某市人民政府关于2022年度共青团工作情况的通报",
      "gazette: title %r (the page's <title> is the gazette's name)" % md.get("title"))
check(md.get("doc_type") == "通报", "gazette: doc_type %r" % md.get("doc_type"))
check(md.get("organization") == "某市人民政府" and md.get("date") == "2023-02-08",
      "gazette: organization %r, date %r" % (md.get("organization"), md.get("date")))
body = "".join(texts)
check(LONG_2[:20] in body and LONG_3[:20] in body, "gazette: the document's body was lost: %r" % texts)
check(not any(w in body for w in ("首页", "政策解读", "备案号")), "gazette: navigation kept: %r" % texts)

if failures:
    print("%d failure(s)" % len(failures), file=sys.stderr)
    sys.exit(1)
print("ok: Word paragraphs, spaces, dates, endings, titles and contents kept")
