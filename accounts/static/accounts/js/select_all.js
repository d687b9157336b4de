// «Select all» of a group of checkboxes: ticks or clears every box of its fieldset.
document.querySelectorAll("[data-select-all]").forEach((master) => {
  const group = master.closest("[data-select-group]");
  const boxes = () => [...group.querySelectorAll("input[type=checkbox]")].filter((box) => box !== master);
  const sync = () => {
    const ticked = boxes().filter((box) => box.checked).length;
    master.checked = ticked === boxes().length;
    master.indeterminate = ticked > 0 && ticked < boxes().length;
  };
  master.addEventListener("change", () => boxes().forEach((box) => { box.checked = master.checked; }));
  group.addEventListener("change", (event) => { if (event.target !== master) sync(); });
  sync();
});
