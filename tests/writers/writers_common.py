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
