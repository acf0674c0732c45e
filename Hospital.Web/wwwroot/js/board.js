// Display board: replaces the live part with each "board" event from the server (server-sent
// events, reconnecting by itself) and flashes a room whose called number changed.
(function () {
  "use strict";
  var board = document.getElementById("board");
  var live = document.getElementById("board-live");
  if (!board || !live || !window.EventSource) return;

  function keys() {
    var map = {};
    live.querySelectorAll("[data-room]").forEach(function (r) { map[r.dataset.room] = r.dataset.callKey; });
    return map;
  }

  var source = new EventSource(board.dataset.events);
  source.addEventListener("board", function (e) {
    var before = keys();
    live.innerHTML = e.data;
    live.querySelectorAll("[data-room]").forEach(function (r) {
      if (r.dataset.callKey && before[r.dataset.room] !== r.dataset.callKey) {
        r.classList.add("flash");
        setTimeout(function () { r.classList.remove("flash"); }, 6000);
      }
    });
    board.classList.remove("offline");
  });
  source.addEventListener("revoked", function () {
    source.close();
    location.reload();
  });
  source.addEventListener("error", function () {
    board.classList.add("offline");
    // A closed stream (board revoked or removed) is not retried by the browser: reload to show why.
    if (source.readyState === EventSource.CLOSED) setTimeout(function () { location.reload(); }, 30000);
  });

  var clock = board.querySelector("[data-board-clock]");
  setInterval(function () {
    if (clock) clock.textContent = new Date().toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Ho_Chi_Minh" });
  }, 10000);
})();
