// Visit registration page: digits 1–9 pick the room with that key in the room picker, so a clerk
// can register without the mouse (arrows and Enter are the radio group's own keys). Loaded once.
(function () {
  "use strict";
  if (window.hospitalVisitsKeys) return;
  window.hospitalVisitsKeys = true;
  document.addEventListener("keydown", function (e) {
    if (e.key < "1" || e.key > "9" || e.ctrlKey || e.altKey || e.metaKey) return;
    var picker = e.target.closest && e.target.closest("[data-room-picker]");
    if (!picker) return;
    var radio = picker.querySelector("input[data-room-key='" + e.key + "']:not([disabled])");
    if (!radio) return;
    radio.checked = true;
    radio.focus();
    radio.dispatchEvent(new Event("change", { bubbles: true }));
    e.preventDefault();
  });
})();
