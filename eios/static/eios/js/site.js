// The menu button of narrow screens, and the hint under tables that scroll sideways.
(function () {
  var header = document.querySelector(".site-header");
  var toggle = document.querySelector("[data-menu-toggle]");
  if (header && toggle) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      header.classList.toggle("menu-open", open);
    });
  }

  // A table wider than the screen scrolls inside its own frame (WCAG 1.4.10); the hint
  // says so only when it really does.
  var frames = document.querySelectorAll("[data-table-frame]");
  function mark() {
    frames.forEach(function (frame) {
      var scrolls = frame.scrollWidth > frame.clientWidth + 1;
      frame.classList.toggle("is-scrollable", scrolls);
      var hint = frame.nextElementSibling;
      if (hint && hint.hasAttribute("data-table-hint")) hint.hidden = !scrolls;
    });
  }
  if (frames.length) {
    mark();
    window.addEventListener("resize", mark);
  }
})();
