#!/usr/bin/python3
"""Checks write.json outputs: every file validates against
schemas/document.schema.json (Draft 2020-12), is valid UTF-8, has the
layout its options asked for, and carries the input's content.

usage: check_json.py SCHEMA PRETTY_DIR COMPACT_DIR INPUT.json...
PRETTY_DIR was written with the defaults, COMPACT_DIR with
{"pretty": false, "include_edits": false}."""
import json
import os
import sys

import jsonschema

from writers_common import Failures, block_text, contract_problems, load_input, stem

schema_path, pretty_dir, compact_dir, *inputs = sys.argv[1:]
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
fail = Failures()

for inp in inputs:
    src = load_input(inp)
    for out_dir, pretty in ((pretty_dir, True), (compact_dir, False)):
        path = os.path.join(out_dir, stem(inp) + ".json")
        raw = open(path, "rb").read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            fail.check(False, f"{path}: not UTF-8: {e}")
            continue
        doc = json.loads(text)
        for err in validator.iter_errors(doc):
            fail.check(False, f"{path}: schema: {'/'.join(map(str, err.path))}: {err.message}")
        for problem in contract_problems(doc):
            fail.check(False, f"{path}: {problem}")
        fail.check(next(iter(doc)) == "schema", f"{path}: the schema id is not the first key")
        lines = text.rstrip("\n").count("\n") + 1
        fail.check((lines > 1) == pretty, f"{path}: {lines} lines, pretty={pretty}")
        has_cjk = any(ord(c) > 0x2E80 for b in src["blocks"] for c in b["text"])
        fail.check(not has_cjk or any(ord(c) > 0x2E80 for c in text),
                   f"{path}: Chinese escaped as \\u sequences instead of UTF-8")
        # Content survives: blocks in order, metadata and figures.
        # A table's text is written from its rows, whatever the input said.
        fail.check([b["text"] for b in doc["blocks"]] == [block_text(b) for b in src["blocks"]],
                   f"{path}: block texts differ from the input")
        fail.check([b["kind"] for b in doc["blocks"]] == [b["kind"] for b in src["blocks"]],
                   f"{path}: block kinds differ from the input")
        fail.check(doc["metadata"]["title"] == src["metadata"].get("title"), f"{path}: title differs")
        fail.check(len(doc["metrics"]) == len(src["metrics"]), f"{path}: metrics count differs")
        expected_edits = len(src["edits"]) if pretty else 0
        fail.check(len(doc["edits"]) == expected_edits,
                   f"{path}: {len(doc['edits'])} edits, expected {expected_edits}")

# The schema is not vacuous: documents that break it are rejected.
good = json.load(open(os.path.join(pretty_dir, stem(inputs[0]) + ".json"), encoding="utf-8"))
broken = [
    ("missing schema id", lambda d: d.pop("schema")),
    ("wrong schema version", lambda d: d.update(schema="docpipe/document@2")),
    ("unknown block kind", lambda d: d["blocks"].append({"kind": "figure", "text": "x"})),
    ("heading without level", lambda d: d["blocks"].append({"kind": "heading", "text": "一、x"})),
    ("bad date", lambda d: d["metadata"].update(date="2020/05/29")),
    ("bad span", lambda d: d["metadata"]["period"].update(span="half")),
    ("unknown top-level field", lambda d: d.update(extra_field=1)),
]
for name, mutate in broken:
    d = json.loads(json.dumps(good))
    mutate(d)
    fail.check(not validator.is_valid(d), f"schema accepts a document with {name}")

fail.exit("check_json")
