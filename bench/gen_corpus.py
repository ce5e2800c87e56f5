#!/usr/bin/python3
"""Builds a benchmark corpus of N realistic collected work reports.

Every document is derived from the shared seeds (../shared/seeds): a seed's
paragraphs with a different organisation, year and figures, some paragraphs
dropped or borrowed from another seed, and a random mix of the noise the
collected reports carry (docs NOISE.md): watermark domains inside sentences,
stray spaces and NBSP, ASCII punctuation between CJK characters, a duplicated
title, sentences broken across lines, paywall tails, redaction placeholders.

Formats, by share of the corpus:
  TXT  40 %  UTF-8, UTF-8 with BOM, GB18030, UTF-16 with BOM; some CRLF
  HTML 30 %  three page layouts (content farm, document-sharing site, office site)
  DOCX 30 %  a minimal WordprocessingML package written with zipfile

usage: gen_corpus.py OUT_DIR N [--seed S] [--seeds DIR]
Deterministic for a given --seed.
"""
import argparse
import html
import os
import random
import re
import zipfile

DISTRICTS = ["西湖区", "上城区", "拱墅区", "余杭区", "萧山区", "临平区", "钱塘区", "富阳区",
             "建德市", "桐庐县", "淳安县", "鹿城区", "龙湾区", "瓯海区", "海曙区", "江北区",
             "鄞州区", "越城区", "柯桥区", "吴兴区", "南湖区", "婺城区", "椒江区", "莲都区"]
WATERMARKS = ["www.qz26.com", "www.wenmi.com", "www.fanwen99.cn", "www.gwyoo.com", "www.docin.com"]
SITES = [("职场文秘网", "演讲致辞 > 精彩演讲"), ("范文先生网", "工作总结 > 团委工作总结"),
         ("公文易文秘", "工作计划 > 团委工作计划"), ("第一范文网", "总结汇报 > 年终总结")]
PAYWALL = "预览阅读已结束,若您需要全文或代笔。\n联系客服 📞 微信同号 1380000XXXX"


def load_seeds(seed_dir):
    seeds = []
    for name in sorted(os.listdir(seed_dir)):
        with open(os.path.join(seed_dir, name), encoding="utf-8", errors="replace") as f:
            lines = [l.strip() for l in f.read().splitlines()]
        paras = [l for l in lines if l]
        if len(paras) > 3:
            seeds.append(paras)
    return seeds


def vary(paras, others, rnd):
    district = rnd.choice(DISTRICTS)
    year = rnd.randint(2016, 2024)
    out = []
    for p in paras:
        if len(out) > 2 and rnd.random() < 0.12:
            continue  # a paragraph the copy lost
        p = re.sub(r"[\u4e00-\u9fff]{2}区委", district[:2] + "区委", p)
        p = re.sub(r"20[12]\d年", lambda m: "%d年" % (year - rnd.choice([0, 0, 1])), p)
        p = re.sub(r"\d+(\.\d+)?(?=万|个|人|名|次|场|元|%)",
                   lambda m: str(max(1, int(float(m.group(0)) * rnd.uniform(0.5, 1.8)))), p)
        out.append(p)
        if rnd.random() < 0.05:
            out.append(rnd.choice(rnd.choice(others)[2:]))  # borrowed from another report
    return out


def add_noise(paras, rnd):
    paras = list(paras)
    title = paras[0]
    if rnd.random() < 0.3:
        paras.insert(1, title)  # duplicated title
    for i in range(1, len(paras)):
        p = paras[i]
        r = rnd.random()
        if r < 0.08 and len(p) > 20:
            k = rnd.randrange(5, len(p) - 5)
            p = p[:k] + rnd.choice(WATERMARKS) + p[k:]
        elif r < 0.16 and len(p) > 20:
            k = rnd.randrange(5, len(p) - 5)
            p = p[:k] + "\n" + p[k:]  # a sentence broken across lines
        elif r < 0.24:
            p = p.replace("，", ",", 2).replace("：", ":", 1)
        elif r < 0.30 and len(p) > 10:
            k = rnd.randrange(1, len(p) - 1)
            p = p[:k] + rnd.choice([" ", "\u00a0", "  "]) + p[k:]
        elif r < 0.34:
            p = p.replace("西湖", "XX", 1).replace("5月", "x月", 1)
        paras[i] = p
    if rnd.random() < 0.05:
        paras.append(rnd.choice(WATERMARKS))
    if rnd.random() < 0.1:
        paras.append(PAYWALL)
    return paras


def write_txt(path, paras, rnd):
    text = "\n".join(paras) + "\n"
    if rnd.random() < 0.3:
        text = text.replace("\n", "\r\n")
    enc = rnd.choices(["utf-8", "utf-8-sig", "gb18030", "utf-16"], [5, 1, 3, 1])[0]
    with open(path, "wb") as f:
        f.write(text.encode(enc, errors="replace"))  # utf-16 writes its BOM


def html_page(paras, rnd):
    site, crumbs = rnd.choice(SITES)
    title = html.escape(paras[0])
    body = "\n".join("<p>%s</p>" % html.escape(p).replace("\n", "<br>") for p in paras[1:])
    stamp = "20%02d-%02d-%02d %02d:%02d:%02d" % (rnd.randint(16, 24), rnd.randint(1, 12),
                                                 rnd.randint(1, 28), rnd.randint(0, 23),
                                                 rnd.randint(0, 59), rnd.randint(0, 59))
    layout = rnd.randrange(3)
    if layout == 0:  # content farm: breadcrumb, sidebar, tags
        return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}_{site}</title></head>
<body><div class="header"><a href="/">{site}</a></div>
<div class="crumb">首页 &gt; {html.escape(crumbs)} / 正文</div>
<div class="main"><h1>{title}</h1><div class="info">{stamp}</div>
<div class="content">{body}</div>
<div class="tags">Tags: 工作总结 团委 共青团</div></div>
<div class="sidebar">搜索 网站分类 标签列表 <ul><li><a href="/a">热门范文</a></li></ul></div>
<div class="footer">Copyright © {site} 版权所有</div></body></html>"""
    if layout == 1:  # document-sharing site: reader frame, paywall
        return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{title} - 豆丁网</title></head><body>
<div id="doc-header"><span class="doc-title">{title}</span><span>上传时间:{stamp}</span></div>
<div id="reader"><div class="page">{body}</div></div>
<div class="pay">{html.escape(PAYWALL)}</div></body></html>"""
    return f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title></head>
<body><nav>首页 | 团务公开 | 工作动态</nav><article><header><h2>{title}</h2>
<p class="meta">发布时间:{stamp} 来源:{site}</p></header>{body}</article></body></html>"""


DOCX_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""
DOCX_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""


def write_docx(path, paras, rnd):
    def para(text, style=None):
        ppr = '<w:pPr><w:pStyle w:val="%s"/></w:pPr>' % style if style else ""
        runs = "".join('<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % html.escape(t, quote=False)
                       for t in text.split("\n"))
        return "<w:p>%s%s</w:p>" % (ppr, runs)
    body = [para(paras[0], "Title")]
    for p in paras[1:]:
        body.append(para(p, "Heading1" if re.match(r"^[一二三四五六七八九十]+、", p) else None))
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           "<w:body>%s</w:body></w:document>" % "".join(body))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", DOCX_TYPES)
        z.writestr("_rels/.rels", DOCX_RELS)
        z.writestr("word/document.xml", doc)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--seeds", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "seeds"),
                    help="the shared seeds (default: ../shared/seeds beside the repository)")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    seeds = load_seeds(a.seeds)
    per_dir = 500  # folders of a few hundred files, like the nightly collections
    for i in range(a.n):
        d = os.path.join(a.out, "batch%03d" % (i // per_dir))
        os.makedirs(d, exist_ok=True)
        base = rnd.choice(seeds)
        paras = add_noise(vary(base, seeds, rnd), rnd)
        kind = rnd.choices(["txt", "html", "docx"], [4, 3, 3])[0]
        path = os.path.join(d, "report_%06d.%s" % (i, kind))
        if kind == "txt":
            write_txt(path, paras, rnd)
        elif kind == "html":
            with open(path, "w", encoding="utf-8") as f:
                f.write(html_page(paras, rnd))
        else:
            write_docx(path, paras, rnd)


if __name__ == "__main__":
    main()
