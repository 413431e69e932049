/* New vacancy: choosing another type fills in that type's defaults (hours, duration,
   proefperiode, language flags). Without JavaScript the links above the form do the same. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-type-defaults]");
  if (!form) { return; }
  var defaults = JSON.parse(form.getAttribute("data-type-defaults"));
  var select = form.querySelector("select[name='type']");
  var status = document.getElementById("type-defaults-status");
  if (!select) { return; }
  select.addEventListener("change", function () {
    var values = defaults[select.value] || {};
    Object.keys(values).forEach(function (name) {
      var field = form.elements.namedItem(name);
      if (!field || field.length !== undefined && field.tagName !== "SELECT") { return; }
      if (field.type === "checkbox") {
        field.checked = Boolean(values[name]);
      } else {
        field.value = values[name] === null ? "" : String(values[name]);
      }
    });
    if (status) {
      status.textContent = select.options[select.selectedIndex].text +
        ": " + (form.getAttribute("data-defaults-message") || "standaardwaarden ingevuld.");
    }
  });
}());
