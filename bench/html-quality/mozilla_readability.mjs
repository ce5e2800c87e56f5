// Runs Mozilla Readability (on jsdom) over the pages listed in argv[2] (one
// path per line, optionally .gz) and prints {path: textContent} as JSON.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const out = {};
const quiet = new VirtualConsole();
for (const path of readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean)) {
  try {
    let bytes = readFileSync(path);
    if (path.endsWith(".gz")) bytes = gunzipSync(bytes);
    // Valid UTF-8 is given as text (as Readability's own test harness does:
    // some saved pages declare gb2312 but were re-encoded to UTF-8); other
    // bytes go to jsdom, which sniffs BOM/meta charset like a browser.
    let input = bytes;
    try {
      input = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch (e) {}
    const dom = new JSDOM(input, { virtualConsole: quiet, contentType: "text/html" });
    const article = new Readability(dom.window.document).parse();
    out[path] = article ? article.textContent : "";
  } catch (e) {
    out[path] = "";
  }
}
process.stdout.write(JSON.stringify(out));
