// Reception search box: ↑/↓ move the highlighted result row while the caret stays in the box,
// Enter opens the highlighted patient; with no row highlighted Enter submits the box (e.g. a
// scanned CCCD QR). Bound once on the document, so htmx swaps of the results need no re-binding.
(function () {
  "use strict";
  if (window.receptionSearchBound) return;
  window.receptionSearchBound = true;

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("#patient-results tr[data-patient-row]"));
  }

  document.addEventListener("keydown", function (e) {
    if (!e.target.matches || !e.target.matches("[data-reception-search]")) return;
    var list = rows();
    var current = list.findIndex(function (r) { return r.classList.contains("table-primary"); });
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (list.length === 0) return;
      var next = e.key === "ArrowDown" ? Math.min(list.length - 1, current + 1) : Math.max(0, current - 1);
      list.forEach(function (r, i) { r.classList.toggle("table-primary", i === next); });
      list[next].scrollIntoView({ block: "nearest" });
      e.preventDefault();
    } else if (e.key === "Enter" && current >= 0 && e.target.value.indexOf("|") < 0) {
      var link = list[current].querySelector("a[data-row-link]");
      if (link) { e.preventDefault(); link.click(); }
    }
  });

  // New results: nothing highlighted until the clerk presses ↓ again.
  document.body.addEventListener("htmx:afterSwap", function (e) {
    if (e.target && e.target.id === "patient-results") rows().forEach(function (r) { r.classList.remove("table-primary"); });
  });
})();
