#!/usr/bin/python3
"""read.docx's text against pandoc's on the same DOCX files.

usage: docx_vs_pandoc.py READERS_DUMP FILE.docx...

pandoc (`pandoc -s -t plain`; -s so the Title paragraph, which pandoc moves
into the metadata, is printed too) is an independent reading of the same
package. The texts cannot match byte for byte: pandoc renders Word numbering
as its own "1." list markers (never 一、), draws tables with dashes and
spaces. Footnotes and endnotes are on both sides: pandoc writes "[1]" at
the reference and the notes after the text, read.docx the same "[1]" and
`note` blocks after the body. So both sides are reduced to the
words: list markers removed (ours from the block's marker field, pandoc's by
shape at line start), NFKC, whitespace, punctuation and symbols dropped; the
score is F1 over character bigrams, and each file must reach BAR.
A file pandoc cannot read is skipped with a printed note. Before scoring,
the measure is checked to fail a reading that lost a third of its text, so
a lax bar cannot pass silently. Exit 0 = all files pass, 1 = a file fails,
77 = pandoc missing (ctest SKIP_RETURN_CODE).
"""
import collections, os, re, shutil, subprocess, sys, unicodedata

BAR = 0.97
# pandoc's list markers: "1.  ", "a)  ", "iv. ", "(3) ", "-   ", "•   ".
# A block line of readers_dump: "kind<TAB>level<TAB>marker<TAB>text"; other
# lines continue the previous block (a table cell holding several lines).
DUMP_LINE = re.compile(r"^([a-z_]+)\t(-?\d+)\t([^\t]*)\t(.*)$")
PANDOC_MARKER = re.compile(r"^\s*(?:\(?(?:\d+|[a-zA-Z]|[ivxlcdmIVXLCDM]+)[.)]|[-*•+])\s+")


def norm(text):
    out = []
    for ch in unicodedata.normalize("NFKC", text):
        cat = unicodedata.category(ch)
        if ch.isspace() or cat[0] in "PSZ":
            continue
        out.append(ch.lower())
    return "".join(out)


def bigrams(s):
    return collections.Counter(s[i:i + 2] for i in range(len(s) - 1))


def f1(a, b):
    ga, gb = bigrams(norm(a)), bigrams(norm(b))
    if not ga and not gb:
        return 1.0
    m = sum((ga & gb).values())
    if m == 0:
        return 0.0
    p, r = m / sum(ga.values()), m / sum(gb.values())
    return 2 * p * r / (p + r)


def ours(dump, path):
    """Block texts without their list/heading markers, from readers_dump."""
    r = subprocess.run([dump, path], capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        raise RuntimeError(r.stdout + r.stderr)
    lines = []
    for line in r.stdout.split("\n"):
        if line.startswith(("# ", "! ")) or not line:
            continue
        m = DUMP_LINE.match(line)
        if not m:
            lines.append(line)  # continuation of a multi-line cell
            continue
        kind, _level, marker, text = m.groups()
        if kind not in ("table", "note") and marker and text.startswith(marker):
            text = text[len(marker):]
        lines.append(text)
    return "\n".join(lines)  # table brackets and " | " fall to norm()


def pandoc(path):
    r = subprocess.run(["pandoc", "-s", "-t", "plain", "--wrap=none", path],
                       capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        return None, r.stderr.strip().splitlines()[-1:] or ["exit %d" % r.returncode]
    return "\n".join(PANDOC_MARKER.sub("", l) for l in r.stdout.split("\n")), None


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    if not shutil.which("pandoc"):
        print("pandoc not installed: comparison skipped")
        return 77
    return compare(sys.argv[1], sys.argv[2:])


def compare(dump, files):
    failed = checked = 0
    for path in files:
        if not os.path.exists(path):
            print(f"SKIP {path}: not present (shared corpus not mounted?)")
            continue
        theirs, err = pandoc(path)
        if theirs is None:
            print(f"SKIP {path}: pandoc cannot read it ({err[0]})")
            continue
        mine = ours(dump, path)
        score = f1(mine, theirs)
        if checked == 0:
            # Negative check of the measure itself on the first file.
            kept = mine.split("\n")
            lossy = "\n".join(kept[: max(1, len(kept) * 2 // 3)])
            if len(kept) >= 3 and f1(lossy, theirs) >= BAR:
                print(f"FAIL measure too lax: a third of {path} dropped still scores >= {BAR}")
                return 1
        checked += 1
        ok = score >= BAR
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {score:.3f} {path}")
        if not ok:
            print("  ours:  ", norm(mine)[:300])
            print("  pandoc:", norm(theirs)[:300])
    print(f"{checked} file(s) compared, {failed} below {BAR}")
    return 1 if failed or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
