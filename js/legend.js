// The legend beside the composite: colour swatches and labels (text only).

/**
 * Replace the legend's rows.
 * @param {HTMLElement} el
 * @param {{label: string, color: string}[]} entries  from layout.legendEntries
 */
export function renderLegend(el, entries) {
  el.replaceChildren(
    ...entries.map(({ label, color }) => {
      const row = document.createElement("div");
      row.className = "hw-legend-row";
      const swatch = document.createElement("span");
      swatch.className = "hw-swatch";
      swatch.style.background = color;
      const text = document.createElement("span");
      text.textContent = label; // user text: never HTML
      row.append(swatch, text);
      return row;
    }),
  );
}
