#!/usr/bin/env python3
"""Plugin SDK test driver: one ctest test per subcommand.

install    cmake --install the build tree into WORK/prefix
example N  configure, build and ctest examples/plugins/N out of tree, with
           only CMAKE_PREFIX_PATH=WORK/prefix
pipeline   run a pipeline using the example plugins from plugin_paths:
info       docpipe plugins info mask-pii --path DIR shows its parameters
abi        a plugin built with -DDOCPIPE_ABI_MAJOR=99 is refused by name
pkgconfig  a plugin built by hand with `pkg-config docpipe` loads
scaffold K docpipe plugins new --kind K, then build and ctest the project
"""
import argparse
import csv
import io
import json
import os
import pathlib
import shutil
import subprocess
import sys


def run(cmd, cwd=None, check=True):
    """Runs cmd with an environment that cannot leak another docpipe in."""
    env = dict(os.environ)
    for var in ("CMAKE_PREFIX_PATH", "docpipe_DIR", "DOCPIPE_PLUGIN_PATH", "PKG_CONFIG_PATH"):
        env.pop(var, None)
    env.update(EXTRA_ENV)
    p = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True)
    if check and p.returncode != 0:
        fail(f"command failed ({p.returncode}): {' '.join(map(str, cmd))}\n"
             f"--- stdout\n{p.stdout}\n--- stderr\n{p.stderr}")
    return p


EXTRA_ENV = {}

# Names inside each example that must stay hidden.
PRIVATE_NAMES = {
    "mask-pii": ["pii::", "MaskPii"],
    "read-markdown": ["mdread::", "MarkdownReader"],
    "write-csv-outline": ["csvout::", "CsvOutlineWriter"],
}


def fail(msg):
    print("FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


def expect(cond, msg):
    if not cond:
        fail(msg)


class Sdk:
    def __init__(self, args):
        self.build = pathlib.Path(args.build_dir)
        self.src = pathlib.Path(args.source_dir)
        self.work = pathlib.Path(args.work)
        self.cxx = args.cxx
        self.prefix = self.work / "prefix"
        self.docpipe = self.prefix / "bin" / "docpipe"

    def cmake_build(self, source, build, *defs, run_ctest=True):
        """Out-of-tree configure + build (+ ctest) against the prefix only."""
        shutil.rmtree(build, ignore_errors=True)
        run(["cmake", "-S", source, "-B", build, f"-DCMAKE_PREFIX_PATH={self.prefix}",
             f"-DCMAKE_CXX_COMPILER={self.cxx}", "-DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF", *defs])
        run(["cmake", "--build", build, "-j2"])
        if run_ctest:
            run(["ctest", "--test-dir", build, "--output-on-failure"])

    # -- subcommands ---------------------------------------------------------

    def install(self):
        shutil.rmtree(self.prefix, ignore_errors=True)
        run(["cmake", "--install", self.build, "--prefix", self.prefix])
        for rel in ["bin/docpipe", "bin/docpipe-plugin-manifest", "lib/libdocpipe.so",
                    "include/docpipe/plugin.hpp",
                    "lib/cmake/docpipe/docpipeConfig.cmake",
                    "lib/cmake/docpipe/docpipeConfigVersion.cmake",
                    "lib/cmake/docpipe/DocpipePlugin.cmake", "lib/pkgconfig/docpipe.pc",
                    "lib/docpipe/plugins/docpipe_read_txt.so",
                    "lib/docpipe/plugins/docpipe_write_json.so",
                    "lib/docpipe/plugins/docpipe_write_json.plugin.json",
                    "share/docpipe/schemas/pipeline.schema.json",
                    "share/doc/docpipe/plugins.md",
                    "share/docpipe/examples/plugins/mask-pii/CMakeLists.txt"]:
            expect((self.prefix / rel).exists(), f"not installed: {rel}")
        expect(any((self.prefix / "share/docpipe/pipelines").glob("*.yaml")),
               "no bundled pipelines installed")
        # The installed CLI runs from the prefix and finds its built-in plugins there.
        out = run([self.docpipe, "plugins", "list"]).stdout
        for name in ("read.txt", "write.json"):
            expect(name in out, f"installed docpipe does not list {name}:\n{out}")
        expect(str(self.build) not in out, "installed docpipe lists plugins from the build tree")

    def example(self, name):
        self.cmake_build(self.src / "examples/plugins" / name, self.work / name)
        libs = list((self.work / name / "plugins").glob("docpipe_*.so"))
        expect(len(libs) == 1, f"{name}: expected one plugin library, found {libs}")
        # docpipe_add_plugin hides everything but the descriptor and factory:
        # the plugin's own classes and helpers must not be exported.
        syms = run(["nm", "-D", "--defined-only", "-C", libs[0]]).stdout
        for want in ("docpipe_plugin_descriptor", "docpipe_plugin_create"):
            expect(want in syms, f"{libs[0]} does not export {want}")
        for internal in PRIVATE_NAMES[name]:
            expect(internal not in syms, f"{libs[0]} exports its internal {internal!r}:\n{syms}")
        # docpipe_add_plugin wrote the manifest the host reads before loading.
        manifest = libs[0].parent / (libs[0].stem + ".plugin.json")
        expect(manifest.is_file(), f"{name}: no manifest {manifest}")
        m = json.loads(manifest.read_text(encoding="utf-8"))
        expect(m.get("library") == libs[0].name and m.get("kind") in ("reader", "transform", "writer"),
               f"{name}: manifest does not describe {libs[0].name}: {m}")

    def pipeline(self):
        run_dir = self.work / "run"
        shutil.rmtree(run_dir, ignore_errors=True)
        run_dir.mkdir(parents=True)
        shutil.copytree(self.src / "tests/sdk/fixtures/inputs", run_dir / "inputs")
        pipeline = run_dir / "sdk-examples.yaml"
        text = (self.src / "tests/sdk/fixtures/sdk-examples.yaml").read_text(encoding="utf-8")
        # plugin_paths point at the example builds, relative to the pipeline.
        pipeline.write_text(text.replace("[mask-pii/plugins", "[../mask-pii/plugins")
                            .replace(" read-markdown/plugins", " ../read-markdown/plugins")
                            .replace(" write-csv-outline/plugins]", " ../write-csv-outline/plugins]"),
                            encoding="utf-8")
        run([self.docpipe, "run", pipeline, "--out", run_dir / "out"], cwd=run_dir)
        out = run_dir / "out"

        report = json.loads((out / "json/report.json").read_text(encoding="utf-8"))
        expect(report["source"]["format"] == "md", "report.md was not read by read.markdown")
        expect(report["metadata"].get("title") == "2024年度档案工作总结", "front matter title lost")
        texts = [b["text"] for b in report["blocks"]]
        body = "\n".join(texts)
        for masked in ("138****5678", "z********@example.gov.cn", "110105********002X"):
            expect(masked in body, f"{masked!r} not in the masked body:\n{body}")
        expect("1391111222233" in body, "an order number was masked as a mobile")
        table = [b for b in report["blocks"] if b["kind"] == "table"]
        expect(table and "139-****-5678" in json.dumps(table[0], ensure_ascii=False),
               "table cell not masked")
        rules = sorted(e["rule"] for e in report["edits"])
        expect(rules == ["pii.email", "pii.id_card", "pii.mobile", "pii.mobile"],
               f"unexpected edits {rules}")
        expect(all(e["stage"] == "mask" for e in report["edits"]), "edits not stamped with the stage id")
        plain = json.loads((out / "json/plain.json").read_text(encoding="utf-8"))
        expect("+86159****5678" in "\n".join(b["text"] for b in plain["blocks"]),
               "mobile with country code not masked in plain.txt")
        # Nothing written anywhere, edit logs included, holds the originals.
        for f in out.rglob("*"):
            if f.is_file():
                data = f.read_text(encoding="utf-8", errors="replace")
                for secret in ("13812345678", "11010519491231002X", "zhang.san@", "15912345678"):
                    expect(secret not in data, f"{secret} leaked into {f}")

        raw = (out / "outline.csv").read_bytes()
        expect(raw.startswith(b"\xef\xbb\xbf"), "outline.csv has no UTF-8 BOM")
        rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
        expect(rows[0] == ["source", "title", "status", "block", "level", "marker", "heading"],
               f"bad header {rows[0]}")
        headings = [(pathlib.Path(r[0]).name, r[4], r[6]) for r in rows[1:]]
        expect(headings == [("plain.txt", "", ""),
                            ("report.md", "1", "2024年度档案工作总结"),
                            ("report.md", "2", "一、基本情况"),
                            ("report.md", "2", "二、下一步计划")],
               f"unexpected outline rows {headings}")

    def info(self):
        out = run([self.docpipe, "plugins", "info", "mask-pii",
                   "--path", self.work / "mask-pii/plugins"]).stdout
        version = run([self.docpipe, "--version"]).stdout  # "... (plugin ABI 3.1)"
        host_major = version.split("plugin ABI ")[1].split(".")[0]
        for needle in ("name:        mask-pii", "kind:        transform", f"abi:         {host_major}.",
                       '"mobile"', '"id_card"', '"email"', '"mask_char"', '"record_originals"'):
            expect(needle in out, f"plugins info lacks {needle!r}:\n{out}")
        # The same through DOCPIPE_PLUGIN_PATH instead of --path.
        EXTRA_ENV["DOCPIPE_PLUGIN_PATH"] = str(self.work / "mask-pii/plugins")
        out = run([self.docpipe, "plugins", "info", "mask-pii"]).stdout
        expect('"record_originals"' in out, f"not found through DOCPIPE_PLUGIN_PATH:\n{out}")
        del EXTRA_ENV["DOCPIPE_PLUGIN_PATH"]
        p = run([self.docpipe, "plugins", "info", "mask-pii"], check=False)
        expect(p.returncode == 2 and "unknown plugin 'mask-pii'" in p.stderr,
               "mask-pii found without --path")

    def abi(self):
        build = self.work / "abi99"
        self.cmake_build(self.src / "examples/plugins/mask-pii", build,
                         "-DCMAKE_CXX_FLAGS=-DDOCPIPE_ABI_MAJOR=99 -DDOCPIPE_ABI_MINOR=0", run_ctest=False)
        lib = build / "plugins/docpipe_mask_pii.so"
        expect(lib.exists(), f"{lib} not built")
        p = run([self.docpipe, "plugins", "list", "--path", build / "plugins"], check=False)
        expect("mask-pii" not in p.stdout, f"ABI 99 plugin was loaded:\n{p.stdout}")
        msg = p.stderr
        expect(str(lib.resolve()) in msg, f"refusal does not name the file:\n{msg}")
        expect("ABI 99.0" in msg, f"refusal does not name the plugin's ABI:\n{msg}")
        expect("this docpipe loads ABI " in msg, f"refusal does not name the host's ABI:\n{msg}")
        # Asking for it is a configuration error (exit 2).
        p = run([self.docpipe, "plugins", "info", "mask-pii", "--path", build / "plugins"], check=False)
        expect(p.returncode == 2, f"plugins info of a refused plugin exited {p.returncode}")

        # Same major, newer minor: the plugin may use what this host lacks.
        version = run([self.docpipe, "--version"]).stdout  # "... (plugin ABI 3.1)"
        major, minor = version.split("plugin ABI ")[1].split(")")[0].split(".")
        newer = f"{major}.{int(minor) + 1}"
        build = self.work / "abi-newer-minor"
        self.cmake_build(self.src / "examples/plugins/mask-pii", build,
                         f"-DCMAKE_CXX_FLAGS=-DDOCPIPE_ABI_MINOR={int(minor) + 1}", run_ctest=False)
        p = run([self.docpipe, "plugins", "list", "--path", build / "plugins"], check=False)
        expect("mask-pii" not in p.stdout, f"ABI {newer} plugin was loaded:\n{p.stdout}")
        expect(f"ABI {newer}" in p.stderr and "docpipe_mask_pii.so" in p.stderr,
               f"newer-minor refusal does not name the file and ABI {newer}:\n{p.stderr}")

    def pkgconfig(self):
        EXTRA_ENV["PKG_CONFIG_PATH"] = str(self.prefix / "lib/pkgconfig")
        flags = run(["pkg-config", "--cflags", "--libs", "docpipe"]).stdout.split()
        includes = [os.path.realpath(f[2:]) for f in flags if f.startswith("-I")]
        expect(os.path.realpath(self.prefix / "include") in includes,
               f"pkg-config --cflags does not point into the prefix: {flags}")
        out_dir = self.work / "pkgconfig"
        shutil.rmtree(out_dir, ignore_errors=True)
        out_dir.mkdir(parents=True)
        ex = self.src / "examples/plugins/mask-pii/src"
        run([self.cxx, "-shared", "-fPIC", "-fvisibility=hidden", "-O1",
             ex / "mask_pii.cpp", ex / "pii_scan.cpp", f"-I{ex}", *flags,
             "-o", out_dir / "docpipe_mask_pii.so"])
        # Without CMake, the manifest is one more command (docs/plugins.md).
        run([self.prefix / "bin/docpipe-plugin-manifest", out_dir / "docpipe_mask_pii.so"])
        out = run([self.docpipe, "plugins", "info", "mask-pii", "--path", out_dir]).stdout
        expect("name:        mask-pii" in out, f"pkg-config build does not load:\n{out}")

    def scaffold(self, kind):
        proj = self.work / f"scaffold-{kind}"
        shutil.rmtree(proj, ignore_errors=True)
        name = f"office.sample-{kind}"
        run([self.docpipe, "plugins", "new", name, "--kind", kind, "--dir", proj])
        for rel in ("CMakeLists.txt", "README.md", "src/plugin.cpp"):
            expect((proj / rel).exists(), f"scaffold lacks {rel}")
        # Its ctest runs the unit test and loads the library into the installed docpipe.
        self.cmake_build(proj, proj / "build")
        out = run([self.docpipe, "plugins", "info", name, "--path", proj / "build/plugins"]).stdout
        expect(f"kind:        {kind}" in out, f"scaffolded plugin has the wrong kind:\n{out}")
        # Scaffolding over existing work is refused.
        p = run([self.docpipe, "plugins", "new", name, "--kind", kind, "--dir", proj], check=False)
        expect(p.returncode == 2 and "not empty" in p.stderr, "scaffold overwrote a directory")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build-dir", required=True)
    ap.add_argument("--source-dir", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--cxx", required=True)
    ap.add_argument("command")
    ap.add_argument("arg", nargs="?")
    args = ap.parse_args()
    sdk = Sdk(args)
    method = getattr(sdk, args.command)
    method(args.arg) if args.arg else method()
    print(f"ok: {args.command} {args.arg or ''}")


if __name__ == "__main__":
    main()
