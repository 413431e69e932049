// The intake's language list: a search box that hides the languages whose name does
// not contain what was typed. Without JavaScript the whole list shows (and works).
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  document.querySelectorAll("[data-language-list]").forEach(function (list) {
    var box = list.querySelector("[data-language-search]");
    var input = box.querySelector("input");
    box.hidden = false;
    input.addEventListener("input", function () {
      var wanted = fold(input.value.trim());
      list.querySelectorAll("li").forEach(function (item) {
        var name = fold(item.textContent);
        var ticked = item.querySelector("input").checked;
        item.hidden = wanted !== "" && name.indexOf(wanted) === -1 && !ticked;
      });
    });
  });
})();
