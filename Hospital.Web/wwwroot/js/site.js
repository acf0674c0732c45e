// Small enhancements on top of server-rendered pages. Every page works without this file.
(function () {
  "use strict";

  // Antiforgery for htmx requests that are not form posts (the token of the page's first form).
  document.body.addEventListener("htmx:configRequest", function (e) {
    var field = document.querySelector("input[name='__RequestVerificationToken']");
    if (field && !e.detail.headers["RequestVerificationToken"]) {
      e.detail.headers["RequestVerificationToken"] = field.value;
    }
  });

  // Toasts raised by the server through the HX-Trigger header: {"toast": {"kind": "success", "text": "..."}}.
  document.body.addEventListener("toast", function (e) {
    var d = e.detail || {};
    var box = document.getElementById("toasts");
    if (!box) return;
    var el = document.createElement("div");
    el.className = "toast show align-items-center border-0 text-bg-" + (d.kind || "info");
    el.setAttribute("role", "status");
    var body = document.createElement("div");
    body.className = "toast-body";
    body.textContent = d.text || "";
    el.appendChild(body);
    box.appendChild(el);
    setTimeout(function () { el.remove(); }, 6000);
  });

  // Auto-hide server-rendered toasts after a while.
  setTimeout(function () {
    document.querySelectorAll("#toasts .toast.show").forEach(function (t) { t.classList.remove("show"); });
  }, 6000);

  // Buttons with data-confirm ask in the shared confirm dialog before their form is submitted.
  var pending = null;
  document.addEventListener("click", function (e) {
    var btn = e.target.closest("button[data-confirm]");
    if (!btn || btn.dataset.confirmed === "1") return;
    var dialog = document.getElementById("confirm-dialog");
    if (!dialog || !window.bootstrap) return;
    e.preventDefault();
    pending = btn;
    dialog.querySelector("[data-confirm-text]").textContent = btn.dataset.confirm;
    bootstrap.Modal.getOrCreateInstance(dialog).show();
  });
  document.addEventListener("click", function (e) {
    if (!e.target.closest("[data-confirm-ok]") || !pending) return;
    var btn = pending;
    pending = null;
    bootstrap.Modal.getOrCreateInstance(document.getElementById("confirm-dialog")).hide();
    btn.dataset.confirmed = "1";
    btn.click();
    delete btn.dataset.confirmed;
  });

  // Table rows and search results: arrow keys move between links, Enter opens (keyboard-first entry).
  document.addEventListener("keydown", function (e) {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    var list = e.target.closest("[data-keyboard-list]");
    if (!list) return;
    var items = Array.prototype.slice.call(list.querySelectorAll("[data-row-link]"));
    if (items.length === 0) return;
    var i = items.indexOf(document.activeElement);
    i = e.key === "ArrowDown" ? Math.min(items.length - 1, i + 1) : Math.max(0, i - 1);
    items[i].focus();
    e.preventDefault();
  });
})();
