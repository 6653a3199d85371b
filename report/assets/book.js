/* book.js — turn the math elements written by aics-book (report/mathpass.h)
 * into typeset math with KaTeX, from the book's own assets folder: no
 * network. <span class="math">TeX</span> is inline math; class "display"
 * marks display math. A TeX error shows as KaTeX's red .katex-error text
 * instead of stopping the page (the browser test looks for it). */
(function () {
  "use strict";
  var root = document.documentElement;
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
})();
