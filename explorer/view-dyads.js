// Dyads view: the top source -> target country pairs from GET /v1/dyads, as a matrix (rows:
// sources, columns: targets) and a ranked list, with counts and mean Goldstein scores. Clicking a
// pair opens the Events table filtered to it.

import { getJSON, pick, DYAD_FILTERS } from "./api.js";
import { go, toHash, filtersOf } from "./state.js";
import { h, fmtGoldstein, fmtInt } from "./util.js";

const LIMITS = ["10", "20", "50", "100"];

/** Diverging colour for a mean Goldstein score (-10 red .. 0 grey .. +10 blue). */
function goldColour(g) {
  const t = Math.max(-1, Math.min(1, g / 10));
  const mix = (a, b, k) => Math.round(a + (b - a) * k);
  const grey = [245, 245, 245];
  const end = t < 0 ? [202, 0, 32] : [5, 113, 176];
  const k = Math.abs(t) ** 0.7;
  return `rgb(${mix(grey[0], end[0], k)},${mix(grey[1], end[1], k)},${mix(grey[2], end[2], k)})`;
}

function pairLink(params, d) {
  // Source and target filters are code prefixes: a country code selects its actors.
  const base = filtersOf(params);
  delete base.actor;
  delete base.country;
  return toHash("events", { ...base, source: d.source || "", target: d.target || "" });
}

export default {
  title: "Dyads",
  filters: DYAD_FILTERS,
  async render(root, params, { signal }) {
    const limit = LIMITS.includes(params.limit) ? params.limit : "20";
    const data = await getJSON("/v1/dyads", { ...pick(params, DYAD_FILTERS), limit }, signal);
    const dyads = data.dyads || [];
    const heading = h("h2", { tabindex: "-1" }, "Dyads");
    const limitSelect = h("select", { id: "dyad-limit", "data-fk": "dyad-limit" },
      LIMITS.map((n) => h("option", { value: n, selected: n === limit }, n)));
    limitSelect.addEventListener("change", () => go("dyads", { ...params, limit: limitSelect.value }));
    const toolbar = h("div", { class: "toolbar" },
      h("div", { class: "field inline" }, h("label", { for: "dyad-limit" }, "Top pairs"), limitSelect),
      h("div", { class: "legend gold-legend", "aria-hidden": "true" }, "Mean Goldstein:",
        [-10, -5, 0, 5, 10].map((g) => h("span", { class: "shade" }, h("span", { class: "swatch-box", style: `background:${goldColour(g)}` }), fmtGoldstein(g).replace(".0", "")))));
    if (!dyads.length) {
      root.replaceChildren(heading, toolbar, h("p", { class: "empty" }, "No source → target pairs match these filters."));
      return;
    }
    const total = (key) => {
      const m = new Map();
      for (const d of dyads) m.set(d[key], (m.get(d[key]) || 0) + d.count);
      return [...m.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]))).map(([k]) => k);
    };
    const sources = total("source");
    const targets = total("target");
    const cell = new Map(dyads.map((d) => [`${d.source}→${d.target}`, d]));
    const name = (c) => c || "(none)";

    const matrix = h("table", { class: "matrix", id: "dyad-matrix" },
      h("caption", {}, "Source (rows) → target (columns): events and mean Goldstein"),
      h("thead", {}, h("tr", {}, h("th", { scope: "col", class: "corner" }, h("span", { class: "sr-only" }, "Source"), "src \\ tgt"),
        targets.map((t) => h("th", { scope: "col", class: "code" }, name(t))))),
      h("tbody", {}, sources.map((src) => h("tr", {},
        h("th", { scope: "row", class: "code" }, name(src)),
        targets.map((tgt) => {
          const d = cell.get(`${src}→${tgt}`);
          if (!d) return h("td", { class: "empty-cell" }, h("span", { class: "sr-only" }, "none"));
          return h("td", { style: `background:${goldColour(d.goldstein_mean)}`, class: Math.abs(d.goldstein_mean) > 6 ? "dark" : null },
            h("a", {
              class: "pair", href: pairLink(params, d), "data-fk": `cell-${d.source}-${d.target}`,
              "data-source": d.source || "", "data-target": d.target || "",
              "aria-label": `${name(d.source)} to ${name(d.target)}: ${d.count} events, mean Goldstein ${fmtGoldstein(d.goldstein_mean)}`,
            }, h("span", { class: "count" }, fmtInt(d.count)), h("span", { class: "gold" }, fmtGoldstein(d.goldstein_mean))));
        })))));

    const maxCount = Math.max(...dyads.map((d) => d.count));
    const ranked = h("table", { class: "ranked", id: "dyad-list" },
      h("caption", {}, "Top pairs"),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Pair"), h("th", { scope: "col" }, "Events"), h("th", { scope: "col" }, "Mean Goldstein"))),
      h("tbody", {}, dyads.map((d) => h("tr", {},
        h("th", { scope: "row" }, h("a", {
          class: "pair", href: pairLink(params, d), "data-fk": `pair-${d.source}-${d.target}`,
          "data-source": d.source || "", "data-target": d.target || "",
        }, h("span", { class: "code" }, name(d.source)), " → ", h("span", { class: "code" }, name(d.target)))),
        h("td", { class: "num" }, h("span", { class: "bar-cell", style: `width:${Math.max(4, (d.count / maxCount) * 100)}%`, "aria-hidden": "true" }), fmtInt(d.count)),
        h("td", { class: "num" }, h("span", { class: "gold-chip", style: `background:${goldColour(d.goldstein_mean)}`, "aria-hidden": "true" }), fmtGoldstein(d.goldstein_mean))))));

    root.replaceChildren(heading,
      h("p", { class: "lede" }, `The ${dyads.length} busiest source → target country pairs. Select a pair to list its events.`),
      toolbar,
      h("div", { class: "dyad-layout" }, h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": "Dyad matrix" }, matrix),
        h("div", { class: "table-wrap" }, ranked)));
  },
};
