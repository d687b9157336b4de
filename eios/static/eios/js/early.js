// Runs before the page paints.
(function () {
  var root = document.documentElement;
  // Scripts run: the menu folds behind its button on narrow screens (site.js).
  root.setAttribute("data-js", "");
  // The low-vision settings (lowvision.js), so such a visitor never sees the normal look flash.
  try {
    var s = JSON.parse(localStorage.getItem("eios-lowvision") || "null");
    if (s && s.on) {
      root.classList.add("lv", "lv-size-" + (s.size || 2), "lv-scheme-" + (s.scheme || "bw"));
      if (s.noImages) root.classList.add("lv-no-images");
    }
  } catch (e) { /* storage disabled: normal look */ }
})();
