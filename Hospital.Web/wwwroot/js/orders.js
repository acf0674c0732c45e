// Orders panel: Enter in the service search orders the first match (instead of submitting the
// form with nothing picked), Escape clears the search. Arrow keys come from site.js. Loaded once.
(function () {
  "use strict";
  if (window.hospitalOrdersKeys) return;
  window.hospitalOrdersKeys = true;
  document.addEventListener("keydown", function (e) {
    var input = e.target.closest && e.target.closest("[data-order-search]");
    if (!input) return;
    if (e.key === "Enter") {
      e.preventDefault();
      var first = document.querySelector("#order-search-results [data-row-link]");
      if (first) first.click();
    } else if (e.key === "Escape") {
      input.value = "";
      var box = document.getElementById("order-search-results");
      if (box) box.innerHTML = "";
    }
  });
})();
