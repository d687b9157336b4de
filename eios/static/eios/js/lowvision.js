// Version for the visually impaired: larger type, high contrast, images off.
// Settings live in localStorage, so the HTML stays the same for everyone and
// public pages remain cacheable.
(function () {
  var KEY = "eios-lowvision";
  var root = document.documentElement;
  var panel = document.querySelector("[data-lowvision]");
  if (!panel) return;
  var toggle = panel.querySelector("[data-lowvision-toggle]");
  var options = panel.querySelector(".lowvision-options");
  var imagesButton = panel.querySelector("[data-lv-images]");

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY) || "null") || {}; } catch (e) { return {}; }
  }
  function save(s) {
    try { localStorage.setItem(KEY, JSON.stringify(s)); } catch (e) { /* private mode */ }
  }
  function apply(s) {
    var keep = root.className.split(/\s+/).filter(function (c) {
      return c && c !== "lv" && c.indexOf("lv-") !== 0;
    });
    if (s.on) {
      keep.push("lv", "lv-size-" + (s.size || 2), "lv-scheme-" + (s.scheme || "bw"));
      if (s.noImages) keep.push("lv-no-images");
    }
    root.className = keep.join(" ");
    // While it is on, the same button brings the normal version back, and says so (its
    // name changes, so it is not also a pressed toggle).
    toggle.textContent = s.on ? toggle.dataset.labelOn : toggle.dataset.labelOff;
    options.hidden = !s.on;
    imagesButton.setAttribute("aria-pressed", s.noImages ? "true" : "false");
  }

  var state = load();
  apply(state);
  toggle.addEventListener("click", function () {
    state.on = !state.on;
    save(state); apply(state);
  });
  panel.querySelectorAll("[data-lv-size]").forEach(function (b) {
    b.addEventListener("click", function () { state.size = b.dataset.lvSize; save(state); apply(state); });
  });
  panel.querySelectorAll("[data-lv-scheme]").forEach(function (b) {
    b.addEventListener("click", function () { state.scheme = b.dataset.lvScheme; save(state); apply(state); });
  });
  imagesButton.addEventListener("click", function () {
    state.noImages = !state.noImages; save(state); apply(state);
  });
})();
