// Long lists (a <select data-search>, e.g. 126 communes) get a search box above them that filters the options as one
// types, with or without Vietnamese diacritics ("ba dinh" finds "Ba Đình"), and picks the first match. Without
// JavaScript the plain <select> works as before: this only adds to it.
(function () {
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/\s+/g, " ").trim();
  }

  document.querySelectorAll("select[data-search]").forEach(function (select) {
    var label = document.querySelector('label[for="' + select.id + '"]');
    var input = document.createElement("input");
    input.type = "search";
    input.id = select.id + "-tim";
    input.className = "choice-search";
    input.autocomplete = "off";
    input.placeholder = select.dataset.search || "Gõ tên để tìm, có dấu hoặc không dấu";
    input.setAttribute("aria-label", "Tìm trong danh sách " + (label ? label.textContent.trim().toLowerCase() : ""));
    input.setAttribute("aria-controls", select.id);
    var status = document.createElement("p");
    status.id = select.id + "-so-ket-qua";
    status.className = "muted choice-count";
    status.setAttribute("role", "status");
    input.setAttribute("aria-describedby", status.id);
    select.before(input, status);

    var options = Array.prototype.map.call(select.options, function (option) { return { option: option, key: fold(option.text) }; });
    input.addEventListener("input", function () {
      var words = fold(input.value).split(" ").filter(Boolean);
      var first = null;
      var shown = 0;
      options.forEach(function (entry) {
        var match = !entry.option.value || words.every(function (word) { return entry.key.indexOf(word) >= 0; });
        entry.option.hidden = !match;
        if (match && entry.option.value) {
          shown++;
          first = first || entry.option;
        }
      });
      select.querySelectorAll("optgroup").forEach(function (group) {
        group.hidden = !Array.prototype.some.call(group.children, function (option) { return !option.hidden; });
      });
      var current = select.options[select.selectedIndex];
      if (first && (!current || current.hidden || !current.value)) {
        first.selected = true;
      }

      status.textContent = words.length === 0 ? "" : shown === 0 ? "Không có mục nào khớp." : shown + " mục khớp; đã chọn “" + select.options[select.selectedIndex].text + "”.";
    });

    // Enter in the search box keeps the choice instead of sending the form half-filled.
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        select.focus();
      }
    });
  });
})();
