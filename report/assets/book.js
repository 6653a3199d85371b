/* book.js — what the pages do in the browser, all from the book's own assets
 * (no network):
 * - math: the elements written by aics-book (report/mathpass.h) become
 *   typeset math with KaTeX. <span class="math">TeX</span> is inline math;
 *   class "display" marks display math. A TeX error shows as KaTeX's red
 *   .katex-error text instead of stopping the page (the browser test looks
 *   for it);
 * - code: highlighted with highlight.js, and a copy button on every block;
 * - the phone menu: the header's button shows and hides the sidebar;
 * - "本页目录" starts folded on a narrow screen. */
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

  renderMath();
  code();
  menu();
  foldContents();
})();
