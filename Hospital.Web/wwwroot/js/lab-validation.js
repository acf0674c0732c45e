// Validation worklist: results arrive live. The server sends a "results" event (server-sent
// events, reconnecting by itself) whenever an analyser stores values or a colleague acts; the
// list is then reloaded through htmx. While the technician is typing in the list (a reason, a
// value) the reload waits until they leave the field, so nothing they typed is wiped.
// Runs after the page's scripts (htmx is loaded at the end of the body), once per visit of the
// page: a boosted navigation back to it replaces the previous stream.
(function () {
  "use strict";
  var waiting = false;
  var focusedId = null;

  function list() { return document.getElementById("validation-worklist"); }

  function typing() {
    var el = document.activeElement;
    var l = list();
    return el && l && l.contains(el) && el.tagName === "INPUT" && el.value !== "";
  }

  function refresh() {
    if (!list()) { stop(); return; }
    if (typing()) { waiting = true; return; }
    waiting = false;
    if (window.htmx) htmx.trigger(list(), "refresh");
  }

  function stop() {
    if (window.labValidationStream) window.labValidationStream.close();
    window.labValidationStream = null;
  }

  function start() {
    stop();
    var live = document.getElementById("validation-live");
    if (!live || !window.EventSource) return;
    var text = live.querySelector("[data-live-text]");
    var source = new EventSource(live.dataset.stream);
    source.addEventListener("open", function () { text.textContent = text.dataset.online; live.dataset.state = "online"; });
    source.addEventListener("results", refresh);
    source.addEventListener("error", function () { text.textContent = text.dataset.offline; live.dataset.state = "offline"; });
    window.labValidationStream = source;
  }

  if (!window.labValidationListening) {
    window.labValidationListening = true;
    document.addEventListener("focusout", function () { if (waiting) setTimeout(refresh, 0); });
    // Keep the keyboard where it was: after a swap, focus the element with the same id again.
    document.addEventListener("htmx:beforeSwap", function () {
      focusedId = document.activeElement && document.activeElement.id ? document.activeElement.id : null;
    });
    document.addEventListener("htmx:afterSwap", function () {
      if (focusedId) { var el = document.getElementById(focusedId); if (el) el.focus(); }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
