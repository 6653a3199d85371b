/* book-browser.js — the built book as a reader sees it, in ONE headless
 * Chromium session (Debian's chromium driven by puppeteer-core), no network.
 * Every page is opened at 1280 and at 390 CSS px. Checks:
 *   - the scripts ran: math became KaTeX output, no .katex-error, no raw $…$
 *     left in the text;
 *   - no request leaves file://; every src/href resolves to a file in the
 *     book and every #anchor (in the page or in another page) to an id;
 *   - the page never scrolls sideways;
 *   - chapter pages have the sidebar, 本页目录 and an anchor on every h2–h4,
 *     no "kv 键" text, and no exercise repeats a heading;
 *   - at 1280 px every figure's smallest text renders at >= 12 CSS px,
 *     measured in the browser: the SVG's own text size times the scale at
 *     which the page shows it;
 *   - search.html?q=过拟合 finds chapter 2, ?q=卷积核 chapter 3, and the
 *     snippets show no TeX source (no '\\' or '$');
 *   - opened at an exercise's anchor, a chapter page marks that exercise in the
 *     sidebar and one section in 本页目录 (book.js follows the scrolling).
 * Screenshots of a chapter in the light and dark schemes at both widths go
 * to BUILD/book-test/. Prints "ok …" lines, exits 1 at the first failure.
 *
 *   node tests/cli/book-browser.js BOOK_DIR SHOT_DIR
 */
"use strict";
const fs = require("fs");
const path = require("path");
const puppeteer = require(path.join(__dirname, "..", "..", "node_modules", "puppeteer-core"));

const book = path.resolve(process.argv[2]);
const shots = path.resolve(process.argv[3]);
const MIN_FIGURE_PX = 12;
const fileUrl = (rel) => "file://" + path.join(book, rel);

function fail(msg) {
  console.log("FAIL: " + msg);
  process.exit(1);
}

/* What the page shows, measured inside it. */
function inspect() {
  const q = (s) => Array.from(document.querySelectorAll(s));
  const math = q(".math");
  const text = (() => {
    const c = document.body.cloneNode(true);
    c.querySelectorAll("pre, code, script, style, annotation, .katex").forEach((e) => e.remove());
    return c.textContent;
  })();
  const raw = text.match(/(\$\$?)[^\s$](?:[^$]*[^\s$])?\1(?!\d)/g) || [];
  const refs = q("[src], [href]").map((e) => e.getAttribute("src") || e.getAttribute("href"));
  const ids = new Set(q("[id]").map((e) => e.id));
  const exercises = q("section.exercise").map((s) => {
    const seen = {}, repeated = [];
    s.querySelectorAll("h2, h3, h4").forEach((h) => {
      const t = h.textContent.replace(/#$/, "").trim();
      if (seen[t]) repeated.push(t);
      seen[t] = true;
    });
    const h2 = s.querySelector("h2");
    return { id: h2 ? h2.id : "?", repeated: repeated };
  });
  const unanchored = q("main h2, main h3, main h4").filter((h) => !h.id || !h.querySelector("a.anchor"))
    .map((h) => h.textContent);
  const figures = q("figure img").map((img) => ({
    src: img.getAttribute("src"), shown: img.getBoundingClientRect().width, natural: img.naturalWidth }));
  return {
    rendered: document.documentElement.classList.contains("math-rendered"),
    math: math.length, typeset: math.filter((m) => m.querySelector(".katex")).length,
    errors: q(".katex-error").map((e) => e.getAttribute("title")),
    raw: raw, refs: refs, ids: Array.from(ids), exercises: exercises, unanchored: unanchored,
    sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    sidebar: !!document.querySelector("nav.sidebar"), toc: !!document.querySelector(".page-toc"),
    kvKey: document.body.textContent.includes("kv 键"), figures: figures
  };
}

/* The smallest text of an SVG opened on its own, in CSS px at its natural size. */
async function svgMinText(page, rel) {
  await page.goto(fileUrl(rel), { waitUntil: "load", timeout: 0 });
  return page.evaluate(() => {
    let min = Infinity;
    document.querySelectorAll("text").forEach((t) => {
      if (!t.textContent.trim()) return;
      const m = t.getScreenCTM(); /* rotated text too: the length of the x axis */
      const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
      if (px < min) min = px;
    });
    return { min: min, width: document.documentElement.getBoundingClientRect().width };
  });
}

function checkRefs(name, r) {
  for (const ref of new Set(r.refs)) {
    if (/^(https?:)?\/\//.test(ref)) fail(name + ": refers to the network: " + ref);
    if (/^(data|mailto):/.test(ref)) continue;
    const [file, anchor] = ref.split("#");
    const target = file.split("?")[0];
    if (!target) {
      if (anchor && !r.ids.includes(anchor)) fail(name + ": link #" + anchor + " has no target");
      continue;
    }
    const abs = path.join(book, target);
    if (!fs.existsSync(abs)) fail(name + ": " + ref + " does not resolve to a file");
    if (anchor && /\.html$/.test(target) && !fs.readFileSync(abs, "utf8").includes('id="' + anchor + '"'))
      fail(name + ": " + ref + " has no target");
  }
}

async function checkPage(page, svgPage, name, width, svgCache) {
  await page.setViewport({ width: width, height: 900 });
  await page.goto(fileUrl(name), { waitUntil: "load", timeout: 0 });
  const r = await page.evaluate(inspect);
  const at = name + " at " + width + " px";
  if (!r.rendered) fail(at + ": book.js did not run, or KaTeX did not load");
  if (r.typeset !== r.math) fail(at + ": only " + r.typeset + " of " + r.math + " math elements became KaTeX output");
  if (r.errors.length) fail(at + ": KaTeX reported an error: " + r.errors[0]);
  if (r.raw.length) fail(at + ": raw math left in the text: " + r.raw.slice(0, 3).join(" "));
  if (r.sideways > 1) fail(at + ": the page scrolls sideways by " + r.sideways + " px");
  if (/^chapter\d+\.html$/.test(name)) {
    if (!r.sidebar || !r.toc) fail(at + ": a chapter page needs the sidebar and 本页目录");
    if (r.unanchored.length) fail(at + ": headings without an id and anchor: " + r.unanchored.slice(0, 3).join(" | "));
    if (r.kvKey) fail(at + ": shows the text 'kv 键'");
    for (const e of r.exercises)
      if (e.repeated.length) fail(at + ": exercise " + e.id + " repeats the heading " + e.repeated.join(", "));
  }
  checkRefs(name, r);
  let smallest = Infinity;
  if (width === 1280) {
    for (const f of r.figures) {
      if (!svgCache[f.src]) svgCache[f.src] = await svgMinText(svgPage, f.src);
      const s = svgCache[f.src];
      const px = s.min * f.shown / s.width;
      if (px < MIN_FIGURE_PX)
        fail(at + ": figure " + f.src + " text renders at " + px.toFixed(1) + " px (< " + MIN_FIGURE_PX + ")");
      smallest = Math.min(smallest, px);
    }
  }
  return { math: r.math, refs: r.refs.length, figures: r.figures.length, smallest: smallest };
}

async function checkSearch(page, word, chapter) {
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(fileUrl("search.html") + "?q=" + encodeURIComponent(word), { waitUntil: "load", timeout: 0 });
  const hits = await page.evaluate(() =>
    Array.from(document.querySelectorAll("#search-results li > a")).map((a) => a.getAttribute("href")));
  if (!hits.some((h) => h.startsWith(chapter + "#"))) fail("search for " + word + " found nothing in " + chapter + ": " + hits.join(" "));
  const tex = await page.evaluate(() =>
    Array.from(document.querySelectorAll("#search-results li > p")).map((p) => p.textContent)
      .filter((t) => /[\\$]/.test(t)));
  if (tex.length) fail("search for " + word + ": a snippet shows TeX source: " + tex[0]);
  return hits.length;
}

/* Opened at the second exercise of `name`, the sidebar marks that exercise. */
async function checkWhere(page, name) {
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(fileUrl(name), { waitUntil: "load", timeout: 0 });
  const ex = await page.evaluate(() => Array.from(document.querySelectorAll("section.exercise h2")).map((h) => h.id));
  if (ex.length < 2) return "(one exercise)";
  await page.bringToFront(); /* a tab in the background gets no animation frames */
  await page.goto(fileUrl(name) + "#" + ex[1], { waitUntil: "load", timeout: 0 });
  await page.waitForFunction((id) => document.querySelector(".sidebar li.here > a[href$='#" + id + "']"),
                             { polling: 100, timeout: 20000 }, ex[1]).catch(() => {});
  const here = await page.evaluate(() => ({
    side: Array.from(document.querySelectorAll(".sidebar li.here > a")).map((a) => a.getAttribute("href")),
    toc: document.querySelectorAll(".page-toc li.here").length
  }));
  if (here.side.length !== 1 || !here.side[0].endsWith("#" + ex[1]))
    fail(name + "#" + ex[1] + ": the sidebar marks " + (here.side.join(" ") || "no exercise"));
  if (here.toc !== 1) fail(name + "#" + ex[1] + ": 本页目录 marks " + here.toc + " sections, not 1");
  return ex[1];
}

async function screenshots(page, name) {
  fs.mkdirSync(shots, { recursive: true });
  for (const scheme of ["light", "dark"]) {
    await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
    for (const width of [1280, 390]) {
      await page.setViewport({ width: width, height: 1400 });
      await page.goto(fileUrl(name), { waitUntil: "load", timeout: 0 });
      const out = path.join(shots, name.replace(/\.html$/, "") + "-" + width + "-" + scheme + ".png");
      await page.screenshot({ path: out });
    }
  }
  await page.emulateMediaFeatures([]);
}

(async () => {
  const browser = await puppeteer.launch({
    protocolTimeout: 600000, /* a shared, busy machine: never a timing test */
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--no-first-run"]
  });
  try {
    const page = await browser.newPage();
    const svgPage = await browser.newPage();
    for (const p of [page, svgPage]) {
      await p.setRequestInterception(true);
      p.on("request", (req) => {
        if (/^(file|data|blob):/.test(req.url())) return req.continue();
        fail("a page asked the network for " + req.url());
      });
      p.on("pageerror", (err) => fail("a script failed: " + err.message));
    }
    const pages = fs.readdirSync(book).filter((f) => /\.html$/.test(f)).sort();
    if (!pages.includes("index.html")) fail("no index.html in " + book);
    const svgCache = {};
    let smallest = Infinity;
    for (const name of pages) {
      for (const width of [1280, 390]) {
        const r = await checkPage(page, svgPage, name, width, svgCache);
        smallest = Math.min(smallest, r.smallest);
        if (width === 1280)
          console.log("ok " + name + ": " + r.math + " math elements rendered, " + r.refs + " references resolve, " +
                      r.figures + " figures");
      }
    }
    console.log("ok every page at 1280 and 390 px: no sideways scroll; smallest figure text " +
                (isFinite(smallest) ? smallest.toFixed(1) + " px" : "(no figures)") + " at 1280 px");
    console.log("ok search: 过拟合 → " + await checkSearch(page, "过拟合", "chapter2.html") +
                " results, 卷积核 → " + await checkSearch(page, "卷积核", "chapter3.html") + " results");
    console.log("ok where am I: chapter2.html#" + await checkWhere(page, "chapter2.html") +
                " is marked in the sidebar and 本页目录");
    const shot = ["chapter3.html", "chapter2.html"].find((f) => pages.includes(f)) || pages[0];
    await screenshots(page, shot);
    console.log("ok screenshots of " + shot + " (light and dark, 1280 and 390 px) in " + shots);
  } finally {
    await browser.close();
  }
})().catch((e) => fail(e.stack || String(e)));
