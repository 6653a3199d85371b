/* print-pdf.js — the whole book as a PDF: book.html printed by Debian's
 * Chromium through puppeteer-core, with
 *   - bookmarks (Chromium's document outline, from the h1–h3 headings);
 *   - page numbers in the footer (a footer template);
 *   - page numbers in the contents: a first print is read back with qpdf
 *     (its outline names the page of every chapter and exercise heading), the
 *     numbers are written into the contents list, and the book is printed
 *     again. The first print reserves the numbers' width, so the pages do not
 *     move between the two prints.
 * Two prints of the same book are byte-identical (tests/cli/book.sh): Chromium
 * stamps the time (CreationDate, ModDate) and numbers the tagged structure by
 * its DOM node ids, which shift between runs; the dates are blanked, the ids
 * renumbered in order, and qpdf rewrites the file with an ID computed from its
 * contents (--deterministic-id).
 * The PDF is written to OUT.tmp and renamed: an interrupted print leaves none.
 *
 *   node report/print-pdf.js BOOK_HTML OUT_PDF
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");
const puppeteer = require(path.join(__dirname, "..", "node_modules", "puppeteer-core"));

const [input, output] = process.argv.slice(2).map((p) => path.resolve(p));
if (!input || !output) {
  console.error("usage: node report/print-pdf.js BOOK_HTML OUT_PDF");
  process.exit(2);
}

const FOOTER = '<div style="width:100%;font-size:9px;color:#555;text-align:center;' +
  'font-family:sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>';

function print(page, file) {
  return page.pdf({
    path: file, format: "A4", printBackground: true, outline: true, tagged: true,
    displayHeaderFooter: true, headerTemplate: "<span></span>", footerTemplate: FOOTER,
    margin: { top: "16mm", bottom: "18mm", left: "16mm", right: "16mm" }, timeout: 0
  });
}

/* Make `file` the same bytes in every run (see the top). The edits keep every
 * byte offset (a date becomes spaces; "node00000381" becomes "node00000001"),
 * so the file stays valid for qpdf, which then writes it anew. */
function deterministic(file) {
  let s = fs.readFileSync(file).toString("latin1");
  s = s.replace(/\/(CreationDate|ModDate)\s*\([^)]*\)/g, (m) => " ".repeat(m.length));
  const ids = Array.from(new Set(s.match(/\(node\d{8}\)/g) || [])).sort();
  const rank = new Map(ids.map((id, i) => [id, "(node" + String(i + 1).padStart(8, "0") + ")"]));
  s = s.replace(/\(node\d{8}\)/g, (m) => rank.get(m));
  fs.writeFileSync(file + ".raw", Buffer.from(s, "latin1"));
  try {
    execFileSync("qpdf", ["--deterministic-id", file + ".raw", file]);
  } finally {
    fs.rmSync(file + ".raw", { force: true });
  }
}

/* Every outline entry of `pdf` in document order: [title, page from 1]. */
function outlinePages(pdf) {
  const json = JSON.parse(execFileSync("qpdf", ["--json", "--json-key=outlines", pdf], { maxBuffer: 64 << 20 }));
  const out = [];
  (function walk(items) {
    for (const o of items || []) {
      out.push([o.title, o.destpageposfrom1]);
      walk(o.kids);
    }
  })(json.outlines);
  return out;
}

/* Give each contents link the page of its heading. Outline entries come in
 * the order of the page's headings and carry their text, so one pass with
 * two pointers pairs them. */
async function numberContents(page, entries) {
  return page.evaluate((entries) => {
    const norm = (t) => t.replace(/\s+/g, "").replace(/#$/, "");
    const pageOf = {};
    let k = 0;
    document.querySelectorAll("main h1, main h2, main h3, main h4, main h5, main h6").forEach((h) => {
      const c = h.cloneNode(true); /* the outline has the typeset text, not KaTeX's MathML */
      c.querySelectorAll(".katex-mathml, .anchor").forEach((e) => e.remove());
      const text = norm(c.textContent);
      let j = k;
      while (j < entries.length && norm(entries[j][0]) !== text) j++;
      if (j === entries.length && /^H[12]$/.test(h.tagName)) { /* Chromium sometimes repeats a title's parts */
        j = k;
        while (j < entries.length && !norm(entries[j][0]).includes(text.slice(0, 12))) j++;
      }
      if (j === entries.length) return;
      if (h.id) pageOf[h.id] = entries[j][1];
      k = j + 1;
    });
    let n = 0;
    document.querySelectorAll(".toc a").forEach((a) => {
      const id = (a.getAttribute("href") || "").replace(/^.*#/, "");
      a.setAttribute("data-page", pageOf[id] ? String(pageOf[id]) : "");
      if (pageOf[id]) n++;
    });
    return n;
  }, entries);
}

(async () => {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", protocolTimeout: 600000,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
  });
  const tmp = output + ".tmp";
  try {
    const page = await browser.newPage();
    await page.goto("file://" + input, { waitUntil: "load", timeout: 0 });
    await page.emulateMediaType("print");
    await page.evaluate(() => document.querySelectorAll(".toc a").forEach((a) => a.setAttribute("data-page", "000")));
    await print(page, tmp);
    const numbered = await numberContents(page, outlinePages(tmp));
    const links = await page.evaluate(() => document.querySelectorAll(".toc a").length);
    if (numbered < links) console.error("print-pdf: " + (links - numbered) + " of " + links + " contents entries have no page number");
    await print(page, tmp);
    deterministic(tmp);
    fs.renameSync(tmp, output);
  } finally {
    await browser.close();
    fs.rmSync(tmp, { force: true });
  }
})().catch((e) => {
  console.error("print-pdf: " + (e.stack || e));
  process.exit(1);
});
