#!/usr/bin/python3
"""With SOURCE_DATE_EPOCH set, write.docx output is byte-for-byte the same on
every run (archives can deduplicate and diff it), and the core properties
carry that time.

usage: check_reproducible.py HARNESS PLUGIN.so DATA_DIR OUT_DIR INPUT.json"""
import os
import subprocess
import sys
import zipfile

from writers_common import Failures, stem

harness, plugin, data_dir, out, inp = sys.argv[1:]
fail = Failures()
env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
outputs = []
for run in ("a", "b"):
    target = os.path.join(out, run)
    subprocess.run([harness, plugin, data_dir, "{}", target, inp], check=True, env=env)
    outputs.append(open(os.path.join(target, stem(inp) + ".docx"), "rb").read())
fail.check(outputs[0] == outputs[1], "two runs gave different bytes")
with zipfile.ZipFile(os.path.join(out, "a", stem(inp) + ".docx")) as z:
    core = z.read("docProps/core.xml").decode()
    fail.check("2023-11-14T22:13:20Z" in core, "created is not SOURCE_DATE_EPOCH")
    fail.check(all(i.date_time == (2023, 11, 14, 22, 13, 20) or i.date_time[0] == 2023 for i in z.infolist()),
               "ZIP entry times are not SOURCE_DATE_EPOCH")
fail.exit("check_reproducible")
