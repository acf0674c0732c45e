// The exam page (Clinic/ExamPage.razor): ICD-10 picker, keyboard shortcuts, BMI as typed, and no
// page submit while an autosave is on its way (its new revision must reach the form first).
// The page works without this file: codes can be typed, the buttons post the form.
(function () {
  "use strict";
  var form = document.getElementById("exam-form");
  if (!form) return;

  function fire(el) { el.dispatchEvent(new Event("change", { bubbles: true })); }

  function resultsOf(kind) { return document.getElementById("dx-" + kind + "-results"); }

  function pick(button) {
    var kind = button.dataset.dxPick, code = button.dataset.dxCode, name = button.dataset.dxName;
    if (kind === "primary") {
      form.elements["PrimaryDiagnosisCode"].value = code;
      form.elements["PrimaryDiagnosisText"].value = name;
      fire(form.elements["PrimaryDiagnosisCode"]);
    } else {
      var codes = form.elements["SecondaryDiagnosisCodes"];
      var list = codes.value.split(/[;,]/).map(function (s) { return s.trim(); }).filter(Boolean);
      if (list.indexOf(code) < 0 && list.length < 12) {
        list.push(code);
        codes.value = list.join(";");
        var text = form.elements["SecondaryDiagnosisText"];
        text.value = (text.value.trim() ? text.value.trim() + "; " : "") + name;
        fire(codes);
      }
    }
    var search = document.querySelector("[data-dx-search='" + kind + "']");
    search.value = "";
    resultsOf(kind).innerHTML = "";
    search.focus();
  }

  document.addEventListener("click", function (e) {
    var b = e.target.closest("[data-dx-pick]");
    if (b) { e.preventDefault(); pick(b); }
  });

  document.addEventListener("keydown", function (e) {
    var search = e.target.closest("[data-dx-search]");
    if (search) {
      var items = resultsOf(search.dataset.dxSearch).querySelectorAll("[data-dx-pick]");
      // Enter picks the first result instead of submitting the form; arrow down walks the results.
      if (e.key === "Enter") { e.preventDefault(); if (items.length) pick(items[0]); }
      else if (e.key === "ArrowDown" && items.length) { e.preventDefault(); items[0].focus(); }
      return;
    }
    var item = e.target.closest("[data-dx-pick]");
    if (item && (e.key === "ArrowDown" || e.key === "ArrowUp" || e.key === "Escape")) {
      e.preventDefault();
      var all = Array.prototype.slice.call(item.parentNode.querySelectorAll("[data-dx-pick]"));
      var i = all.indexOf(item) + (e.key === "ArrowDown" ? 1 : -1);
      if (e.key === "Escape" || i < 0) document.querySelector("[data-dx-search='" + item.dataset.dxPick + "']").focus();
      else if (i < all.length) all[i].focus();
      return;
    }
    // Ctrl+S saves the record (the browser would otherwise save the HTML page).
    if ((e.ctrlKey || e.metaKey) && e.key === "s") {
      var save = document.querySelector("[data-testid=save-exam]");
      if (save) { e.preventDefault(); save.click(); }
    }
  });

  // BMI while typing; the server computes the stored one the same way (Bmi.Compute).
  form.addEventListener("input", function (e) {
    if (!e.target.matches("[data-vital=height], [data-vital=weight]")) return;
    var h = parseFloat(form.elements["HeightCm"].value.replace(",", ".")), w = parseFloat(form.elements["WeightKg"].value.replace(",", "."));
    var out = document.getElementById("vital-bmi");
    var bmi = h > 0 && w > 0 ? (Math.round(w / Math.pow(h / 100, 2) * 10) / 10).toFixed(1) : "";
    // The server writes it in the page's culture: a decimal comma in Vietnamese.
    if (out) out.textContent = document.documentElement.lang.indexOf("vi") === 0 ? bmi.replace(".", ",") : bmi;
  });

  // A button pressed while an autosave is running waits for it, so the post carries the new revision.
  form.addEventListener("submit", function (e) {
    if (!form.classList.contains("htmx-request")) return;
    e.preventDefault();
    var submitter = e.submitter;
    form.addEventListener("htmx:afterRequest", function () { form.requestSubmit(submitter); }, { once: true });
  });
})();
