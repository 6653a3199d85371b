/* book.js — what the pages do in the browser, all from the book's own assets
 * (no network):
 * - math: the elements written by aics-book (report/mathpass.h) become
 *   typeset math with KaTeX. <span class="math">TeX</span> is inline math;
 *   class "display" marks display math. A TeX error shows as KaTeX's red
 *   .katex-error text instead of stopping the page (the browser test looks
 *   for it);
 * - code: highlighted with highlight.js, and a copy button on every block;
 * - the phone menu: the header's button shows and hides the sidebar;
 * - "本页目录" starts folded on a narrow screen;
 * - where the reader is: while the page scrolls, the sidebar marks the exercise
 *   being read and "本页目录" the section (class "here", aria-current), from
 *   the last heading that has passed the top of the window. */
(function () {
  "use strict";
  var root = document.documentElement;

  function renderMath() {
    if (typeof katex === "undefined") {
      root.className += " math-unavailable";
      return;
    }
    var els = document.querySelectorAll(".math");
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      katex.render(el.textContent, el, {
        displayMode: el.classList.contains("display"),
        throwOnError: false,
        output: "htmlAndMathml"
      });
    }
    root.className += " math-rendered";
  }

  function copyButton(pre) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "copy";
    b.textContent = "复制";
    b.addEventListener("click", function () {
      var text = pre.querySelector("code").textContent;
      var done = function () { b.textContent = "已复制"; setTimeout(function () { b.textContent = "复制"; }, 1500); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, function () { b.textContent = "无法复制"; });
      } else {
        var r = document.createRange();
        r.selectNodeContents(pre.querySelector("code"));
        var s = window.getSelection();
        s.removeAllRanges();
        s.addRange(r);
        b.textContent = document.execCommand("copy") ? "已复制" : "请按 Ctrl+C";
      }
    });
    pre.appendChild(b);
  }

  function code() {
    var blocks = document.querySelectorAll("pre > code");
    for (var i = 0; i < blocks.length; i++) {
      var c = blocks[i];
      if (typeof hljs !== "undefined" && /\blanguage-/.test(c.className)) {
        hljs.highlightBlock(c);
      }
      copyButton(c.parentNode);
    }
  }

  function menu() {
    var button = document.querySelector(".menu-toggle");
    if (!button) return;
    button.addEventListener("click", function () {
      var open = document.body.classList.toggle("sidebar-open");
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
    var links = document.querySelectorAll(".sidebar a");
    for (var i = 0; i < links.length; i++) {
      links[i].addEventListener("click", function () {
        document.body.classList.remove("sidebar-open");
        button.setAttribute("aria-expanded", "false");
      });
    }
  }

  function foldContents() {
    var toc = document.querySelector(".page-toc");
    if (toc && window.matchMedia("(max-width: 1279px)").matches) toc.removeAttribute("open");
  }

  /* Links in `box` to headings on this page: [{a, target}] in page order. */
  function linksHere(box) {
    var out = [];
    if (!box) return out;
    var links = box.querySelectorAll("a[href*='#']");
    for (var i = 0; i < links.length; i++) {
      var a = links[i], href = a.getAttribute("href"), at = href.indexOf("#");
      var page = href.slice(0, at), file = window.location.pathname.replace(/^.*\//, "");
      if (page && page !== file) continue;
      var target = document.getElementById(decodeURIComponent(href.slice(at + 1)));
      if (target) out.push({ a: a, target: target });
    }
    return out;
  }

  /* Mark the last of `links` whose heading is above `line` px from the top. */
  function markHere(links, line) {
    var here = null;
    for (var i = 0; i < links.length; i++)
      if (links[i].target.getBoundingClientRect().top <= line) here = links[i].a;
    if (!here && links.length) here = links[0].a;
    for (var k = 0; k < links.length; k++) {
      var a = links[k].a, on = a === here;
      if (on === a.parentNode.classList.contains("here")) continue;
      a.parentNode.classList.toggle("here", on);
      if (on) a.setAttribute("aria-current", "location");
      else a.removeAttribute("aria-current");
      if (on) keepInView(a);
    }
  }

  /* Scroll the link's own box (the sidebar, the contents column), not the page. */
  function keepInView(a) {
    var box = a.closest(".sidebar, .toc-col");
    if (!box || box.scrollHeight <= box.clientHeight) return;
    var r = a.getBoundingClientRect(), b = box.getBoundingClientRect();
    if (r.top < b.top || r.bottom > b.bottom) box.scrollTop += r.top - b.top - box.clientHeight / 3;
  }

  function whereAmI() {
    var side = linksHere(document.querySelector(".sidebar li.current"));
    var toc = linksHere(document.querySelector(".page-toc"));
    if (!side.length && !toc.length) return;
    var pending = false;
    function update() {
      pending = false;
      var line = window.innerHeight / 4; /* a heading in the top quarter is being read */
      markHere(side, line);
      markHere(toc, line);
    }
    window.addEventListener("scroll", function () {
      if (!pending) { pending = true; window.requestAnimationFrame(update); }
    }, { passive: true });
    window.addEventListener("hashchange", update);
    window.addEventListener("load", update); /* after the jump to the URL's #anchor */
    update();
  }

  renderMath();
  code();
  menu();
  foldContents();
  whereAmI();
})();
