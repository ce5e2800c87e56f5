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
    // jsdom sniffs the charset from BOM/meta like a browser when given bytes.
    const dom = new JSDOM(bytes, { virtualConsole: quiet, contentType: "text/html" });
    const article = new Readability(dom.window.document).parse();
    out[path] = article ? article.textContent : "";
  } catch (e) {
    out[path] = "";
  }
}
process.stdout.write(JSON.stringify(out));
