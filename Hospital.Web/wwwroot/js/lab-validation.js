// Validation worklist: results arrive live. The server sends a "results" event (server-sent
// events, reconnecting by itself) whenever an analyser stores values or a colleague acts; the
// list is then reloaded through htmx. While the technician is typing in the list (a reason, a
// value) the reload waits until they leave the field, so nothing they typed is wiped.
(function () {
  "use strict";
  var live = document.getElementById("validation-live");
  if (!live || !window.EventSource || !window.htmx) return;
  var text = live.querySelector("[data-live-text]");
  var waiting = false;

  function list() { return document.getElementById("validation-worklist"); }

  function typing() {
    var el = document.activeElement;
    var l = list();
    return el && l && l.contains(el) && el.tagName === "INPUT" && el.value !== "";
  }

  function refresh() {
    if (typing()) { waiting = true; return; }
    waiting = false;
    var l = list();
    if (l) htmx.trigger(l, "refresh");
  }

  document.addEventListener("focusout", function () { if (waiting) setTimeout(refresh, 0); });

  // Keep the keyboard where it was: after a swap, focus the element with the same id again.
  var focusedId = null;
  document.body.addEventListener("htmx:beforeSwap", function () {
    focusedId = document.activeElement && document.activeElement.id ? document.activeElement.id : null;
  });
  document.body.addEventListener("htmx:afterSwap", function () {
    if (focusedId) { var el = document.getElementById(focusedId); if (el) el.focus(); }
  });

  var source = new EventSource(live.dataset.stream);
  source.addEventListener("open", function () { text.textContent = text.dataset.online; live.dataset.state = "online"; });
  source.addEventListener("results", refresh);
  source.addEventListener("error", function () { text.textContent = text.dataset.offline; live.dataset.state = "offline"; });
})();
