"use strict";
// Filters: show an item when its verdict is ticked and one of its sources is ticked.
(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-item]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-group]"));
  function ticked(kind) {
    var set = {};
    boxes.forEach(function (box) {
      if (box.dataset.filter === kind && box.checked) { set[box.value] = true; }
    });
    return set;
  }
  function apply() {
    var verdicts = ticked("verdict");
    var sources = ticked("source");
    var shown = 0;
    items.forEach(function (item) {
      var seeds = JSON.parse(item.dataset.sources);
      var visible = verdicts[item.dataset.verdict] === true &&
        seeds.some(function (seed) { return sources[seed] === true; });
      item.hidden = !visible;
      if (visible) { shown += 1; }
    });
    groups.forEach(function (group) {
      group.hidden = verdicts[group.dataset.group] !== true;
    });
    document.getElementById("shown").textContent = String(shown);
  }
  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  apply();
})();
