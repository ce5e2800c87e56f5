"""Shared helpers of the writer checks: reading the harness inputs (full
docpipe/document@1 JSON or the gold shape) the same way the harness does."""
import json
import os
import unicodedata


def load_input(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    if isinstance(doc.get("source"), str):
        doc["source"] = {"path": doc["source"]}
    doc.setdefault("metadata", {})
    doc.setdefault("metrics", [])
    doc.setdefault("edits", [])
    doc.setdefault("flags", [])
    return doc


def stem(path):
    return os.path.splitext(os.path.basename(path))[0]


def xml_clean(text):
    """What an XML-based writer can carry: control characters dropped."""
    return "".join(c for c in text if c in "\t\n" or unicodedata.category(c) != "Cc")


def squash(text):
    """Text with all whitespace removed, for order checks across readers."""
    return "".join(text.split())


def block_text(block):
    """A block's text as the JSON carries it: a table's is its rows joined
    (rows by newline, cells by tab)."""
    if block.get("kind") == "table":
        return "\n".join("\t".join(r) for r in block.get("rows", []))
    return block.get("text", "")


def contract_problems(doc):
    """What breaks the block contract of docs/outputs.md beyond the schema:
    a table's text is its rows joined (rows by newline, cells by tab), and
    no block with content has an empty text."""
    out = []
    for i, b in enumerate(doc.get("blocks", [])):
        if b.get("kind") == "table":
            if b.get("text") != block_text(b):
                out.append(f"block {i}: table text is not its cells joined")
            has_content = any(c.strip() for r in b.get("rows", []) for c in r)
        else:
            has_content = True  # a block exists for its text
        if has_content and not b.get("text", "").strip():
            out.append(f"block {i} ({b.get('kind')}): empty text")
    return out


class Failures:
    def __init__(self):
        self.items = []

    def check(self, cond, msg):
        if not cond:
            self.items.append(msg)
        return cond

    def exit(self, what):
        for m in self.items:
            print("FAIL:", m)
        print(f"{what}: {'FAILED' if self.items else 'ok'} ({len(self.items)} failures)")
        raise SystemExit(1 if self.items else 0)


def check_json_outputs(paths, schema_path, fail):
    """Validates each JSON output against the document schema and the block
    contract (contract_problems); returns the documents read."""
    import jsonschema
    with open(schema_path, encoding="utf-8") as f:
        validator = jsonschema.Draft202012Validator(json.load(f))
    docs = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        for err in validator.iter_errors(doc):
            fail.check(False, f"{path}: schema: {'/'.join(map(str, err.path))}: {err.message}")
        for problem in contract_problems(doc):
            fail.check(False, f"{path}: {problem}")
        docs.append(doc)
    return docs
