/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  // Country index: filter the list of states as the reader types (name or ISO code).
  var input = document.getElementById("country-filter-input");
  if (!input) { return; }
  var wrapper = document.getElementById("country-filter");
  if (wrapper) { wrapper.hidden = false; }
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-country-filter]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-country-group]"));
  var status = document.getElementById("country-filter-status");
  function normalise(text) { return (text || "").toLocaleLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, ""); }
  function apply() {
    var query = normalise(input.value.trim());
    var shown = 0;
    items.forEach(function (item) {
      var match = !query || normalise(item.getAttribute("data-country-filter")).indexOf(query) !== -1;
      item.hidden = !match;
      if (match) { shown += 1; }
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector("[data-country-filter]:not([hidden])");
    });
    if (status) { status.textContent = status.getAttribute("data-template").replace("{count}", shown); }
  }
  input.addEventListener("input", apply);
})();

(function () {
  "use strict";
  // Search facets: a ticked or cleared box applies at once; the Apply button stays for readers
  // without JavaScript.
  Array.prototype.slice.call(document.querySelectorAll("form[data-apply-on-change]")).forEach(function (form) {
    form.addEventListener("change", function (event) {
      if (event.target && event.target.type === "checkbox") {
        if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
      }
    });
  });
})();
