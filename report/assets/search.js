/* search.js — full-text search over the whole book, offline and from file://.
 * The sections come from search-index.js (written by aics-book, loaded as a
 * script: no fetch), the engine is MiniSearch (assets/minisearch.js, from npm).
 * Chinese has no spaces between words, so the tokenizer cuts runs of CJK
 * characters into overlapping character pairs (过拟合 → 过拟, 拟合) and
 * Latin text into lower-cased words; a query is cut the same way and every
 * one of its pieces must match (AND). search.html?q=WORD searches on load. */
(function () {
  "use strict";
  var CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/;

  function tokenize(text) {
    var out = [], run = "", word = "";
    function flushRun() {
      if (run.length === 1) out.push(run);
      for (var i = 0; i + 1 < run.length; i++) out.push(run.substr(i, 2));
      run = "";
    }
    function flushWord() { if (word) out.push(word.toLowerCase()); word = ""; }
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      if (CJK.test(c)) { flushWord(); run += c; }
      else if (/[A-Za-z0-9_]/.test(c)) { flushRun(); word += c; }
      else { flushRun(); flushWord(); }
    }
    flushRun(); flushWord();
    return out;
  }

  var docs = window.AICS_SEARCH_DOCS || [];
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var input = document.getElementById("search-q");
  if (typeof MiniSearch === "undefined") {
    status.textContent = "搜索引擎没有加载（assets/minisearch.js 缺失）。";
    return;
  }
  var engine = new MiniSearch({
    fields: ["title", "text"],
    storeFields: ["page", "anchor", "where", "title", "text"],
    tokenize: tokenize,
    processTerm: function (t) { return t; },
    searchOptions: { boost: { title: 3 }, combineWith: "AND", prefix: function (t) { return !CJK.test(t); } }
  });
  engine.addAll(docs.map(function (d, i) { d.id = i; return d; }));

  /* A piece of the section's text around the first place a query word occurs. */
  function snippet(text, words) {
    var at = -1, len = 0;
    for (var i = 0; i < words.length && at < 0; i++) {
      at = text.toLowerCase().indexOf(words[i].toLowerCase());
      len = words[i].length;
    }
    var from = Math.max(0, at - 40), to = Math.min(text.length, (at < 0 ? 0 : at) + len + 80);
    var frag = document.createDocumentFragment();
    if (from > 0) frag.appendChild(document.createTextNode("…"));
    if (at < 0) {
      frag.appendChild(document.createTextNode(text.slice(0, 120)));
    } else {
      frag.appendChild(document.createTextNode(text.slice(from, at)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(at, at + len);
      frag.appendChild(mark);
      frag.appendChild(document.createTextNode(text.slice(at + len, to)));
    }
    if (to < text.length) frag.appendChild(document.createTextNode("…"));
    return frag;
  }

  function show(q) {
    list.textContent = "";
    q = q.trim();
    if (!q) { status.textContent = "输入词语搜索全书（共 " + docs.length + " 节）。"; return; }
    var hits = engine.search(q);
    var words = q.split(/\s+/);
    status.textContent = hits.length ? "“" + q + "”：" + hits.length + " 个结果" : "没有找到“" + q + "”。";
    hits.slice(0, 50).forEach(function (h) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = h.page + "#" + h.anchor;
      a.textContent = h.title;
      var where = document.createElement("span");
      where.className = "where";
      where.textContent = h.where;
      var p = document.createElement("p");
      p.appendChild(snippet(h.text, words));
      li.appendChild(a);
      li.appendChild(where);
      li.appendChild(p);
      list.appendChild(li);
    });
  }

  var q = new URLSearchParams(window.location.search).get("q") || "";
  input.value = q;
  show(q);
  input.form.addEventListener("submit", function (e) {
    e.preventDefault();
    var v = input.value;
    try { history.replaceState(null, "", "?q=" + encodeURIComponent(v)); } catch (err) { /* file:// may refuse */ }
    show(v);
  });
})();
