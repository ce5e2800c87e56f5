#!/usr/bin/python3
"""Edits placed back in the text, on many real documents (no browser).

usage: check_placement.py DOCPIPE WORK_DIR INPUT_DIR... [--max-unplaced-share F]

Runs the inputs through a pipeline without stages (what the readers
produce) and through pipelines/base.yaml (which writes the review pages),
then reads each document page's original pane, as the HTML parser builds it:
without what edits added it must be exactly the reader's text, without what
edits removed exactly the result (the JSON output). Edits that could not be
placed (marked in the edit table) are counted; their share over all block
edits must stay under the limit. Exit 77 when no input directory exists
(../shared is not beside the repository).
"""
import json
import pathlib
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from check_review_chromium import ROOT, block_text, parse  # noqa: E402


def pane_texts(page):
    pane = page.find(lambda n: n.attrs.get("id") == "original")[0]
    blocks = pane.find(lambda n: n.tag == "p" and "blk" in n.classes())
    original = "\n".join(b.text(lambda n: n.tag in ("ins", "sup"))
                         for b in blocks if "new" not in b.classes())
    result = "\n".join(b.text(lambda n: n.tag in ("del", "sup"))
                       for b in blocks if "gone" not in b.classes())
    unplaced = len(page.find(lambda n: n.tag == "tr" and "unplaced" in n.classes()))
    return original, result, unplaced


def main():
    args = sys.argv[1:]
    limit = 0.01
    if "--max-unplaced-share" in args:
        i = args.index("--max-unplaced-share")
        limit = float(args[i + 1])
        del args[i:i + 2]
    docpipe, work = args[0], pathlib.Path(args[1]).resolve()
    inputs = [pathlib.Path(p) for p in args[2:] if pathlib.Path(p).is_dir()]
    if not inputs:
        print("SKIP: no input directory (../shared beside the repository)")
        return 77
    work.mkdir(parents=True, exist_ok=True)
    plain = work / "readers-only.yaml"
    plain.write_text('version: 1\nname: readers-only\noutputs:\n  - use: write.json\n'
                     '    path: "{out}/plain/{reldir}/{stem}.json"\n', encoding="utf-8")
    bad, pages, edits, unplaced_total = [], 0, 0, 0
    for n, folder in enumerate(inputs):
        out = work / f"out-{n}"  # one per input folder: {reldir} is relative to it
        for pipeline in (plain, ROOT / "pipelines/base.yaml"):
            r = subprocess.run([docpipe, "run", str(pipeline), "--input", str(folder), "--out",
                                str(out), "--jobs", "2"], capture_output=True, text=True)
            if r.returncode not in (0, 1):
                bad.append(f"{pipeline.name} over {folder}: exit {r.returncode}: {r.stderr[-300:]}")
        report = json.loads((out / "run-report.json").read_text(encoding="utf-8"))
        for d in report["documents"]:
            outs = [pathlib.Path(o) for o in d.get("outputs", [])]
            page = next((o for o in outs if o.suffix == ".html"), None)
            result_json = next((o for o in outs if o.suffix == ".json"), None)
            if not page or not result_json or not page.is_file():
                continue
            plain_json = out / "plain" / result_json.relative_to(out / "json")
            if not plain_json.is_file():
                continue
            pages += 1
            doc = json.loads(result_json.read_text(encoding="utf-8"))
            reader = json.loads(plain_json.read_text(encoding="utf-8"))
            want_original = "\n".join(block_text(b) for b in reader["blocks"])
            want_result = "\n".join(block_text(b) for b in doc["blocks"])
            original, result, unplaced = pane_texts(parse(page.read_text(encoding="utf-8")))
            edits += sum(1 for e in doc.get("edits", []) if e.get("block", -1) >= 0)
            unplaced_total += unplaced
            if result != want_result:
                bad.append(f"{d['input']}: the page without removals is not the result")
            elif unplaced == 0 and original != want_original:
                bad.append(f"{d['input']}: the page's original is not the reader's text")
    share = unplaced_total / edits if edits else 0
    print(f"{pages} pages, {edits} block edits, {unplaced_total} not placed ({100 * share:.2f} %)")
    for b in bad:
        print("FAIL " + b)
    ok = not bad and pages > 0 and share <= limit
    if share > limit:
        print(f"FAIL more than {100 * limit:.1f} % of the edits not placed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
