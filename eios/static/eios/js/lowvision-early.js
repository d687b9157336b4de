// Restores the low-vision settings before the page paints (see lowvision.js).
(function () {
  try {
    var s = JSON.parse(localStorage.getItem("eios-lowvision") || "null");
    if (s && s.on) {
      var c = document.documentElement.classList;
      c.add("lv", "lv-size-" + (s.size || 2), "lv-scheme-" + (s.scheme || "bw"));
      if (s.noImages) c.add("lv-no-images");
    }
  } catch (e) { /* storage disabled: normal look */ }
})();
