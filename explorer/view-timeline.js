// Timeline view: daily event counts stacked by quad class, with the mean Goldstein score as a line,
// from GET /v1/stats/daily. Drag across the chart to zoom into a date range.

import { getJSON, pick, DAILY_FILTERS } from "./api.js";
import { go, toHash, filtersOf } from "./state.js";
import { h, s, QUADS, fmtGoldstein, fmtInt, addDays, daysBetween } from "./util.js";

const MAX_DAYS = 4000; // about 11 years of daily bars; beyond that, pick a range

export default {
  title: "Timeline",
  filters: DAILY_FILTERS,
  async render(root, params, { signal }) {
    const data = await getJSON("/v1/stats/daily", pick(params, DAILY_FILTERS), signal);
    const perDay = new Map();
    for (const r of data.days || []) {
      if (!r.date) continue;
      let d = perDay.get(r.date);
      if (!d) perDay.set(r.date, (d = { date: r.date, q: [0, 0, 0, 0, 0], total: 0, gsum: 0 }));
      d.q[r.quad_class] += r.count;
      d.total += r.count;
      d.gsum += r.goldstein_mean * r.count;
    }
    const dates = [...perDay.keys()].sort();
    let from = params.from || dates[0];
    let to = params.to || dates[dates.length - 1];
    const heading = h("h2", { tabindex: "-1" }, "Timeline");
    if (!dates.length || !from || !to) {
      root.replaceChildren(heading, h("p", { class: "empty" }, "No dated events match these filters."));
      return;
    }
    if (from > to) [from, to] = [to, from];
    let n = daysBetween(from, to) + 1;
    let clipped = false;
    if (n > MAX_DAYS) {
      from = addDays(to, -(MAX_DAYS - 1));
      n = MAX_DAYS;
      clipped = true;
    }
    const days = [];
    for (let i = 0; i < n; i++) {
      const date = addDays(from, i);
      days.push(perDay.get(date) || { date, q: [0, 0, 0, 0, 0], total: 0, gsum: 0 });
    }
    const total = days.reduce((a, d) => a + d.total, 0);

    const chartBox = h("div", { class: "chart", id: "timeline-chart" });
    const zoomOut = h("button", {
      type: "button", id: "zoom-out", "data-fk": "zoom-out",
      onclick: () => {
        const extra = Math.max(1, Math.ceil(n / 2));
        go("timeline", { ...params, from: addDays(from, -extra), to: addDays(to, extra) });
      },
    }, "Zoom out");
    const reset = h("button", {
      type: "button", id: "zoom-reset", "data-fk": "zoom-reset", disabled: !params.from && !params.to,
      onclick: () => go("timeline", { ...params, from: "", to: "" }),
    }, "Show all dates");

    root.replaceChildren(
      heading,
      h("p", { class: "lede" }, `${fmtInt(total)} events from ${from} to ${to}`,
        clipped ? ` (the last ${MAX_DAYS} days of the range; narrow the dates to see earlier ones)` : "",
        ". Undated events are not counted."),
      h("div", { class: "toolbar" },
        quadLegend(),
        h("p", { class: "note", id: "zoom-help" }, "Drag across the chart to zoom into those dates; click a bar to list its events."),
        h("div", { class: "buttons" }, zoomOut, reset)),
      chartBox,
      dataTable(days, params));
    draw(chartBox, days, params);
    // Redraw on resize.
    const ro = new ResizeObserver(() => {
      if (!chartBox.isConnected) return ro.disconnect();
      const w = Math.round(chartBox.clientWidth);
      if (w && w !== Number(chartBox.dataset.width)) draw(chartBox, days, params);
    });
    ro.observe(chartBox);
  },
};

export function patternDefs(prefix = "pat") {
  // Each quad class has a colour AND a texture, so colour is not the only cue.
  const defs = s("defs", {});
  const pat = (q, ...children) => defs.append(s("pattern", {
    id: `${prefix}-q${q}`, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: q === 2 ? "rotate(45)" : null,
  }, s("rect", { width: 6, height: 6, class: `fill-q${q}` }), ...children));
  pat(1);
  pat(2, s("line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: "#fff", "stroke-width": 2.2 }));
  pat(3, s("circle", { cx: 3, cy: 3, r: 1.3, fill: "#fff" }));
  pat(4, s("path", { d: "M0,0 L6,6 M6,0 L0,6", stroke: "#fff", "stroke-width": 1.2 }));
  return defs;
}

function quadLegend() {
  return h("ul", { class: "legend quad-legend", "aria-label": "Quad classes" },
    [1, 2, 3, 4].map((q) => h("li", {},
      (() => {
        const svg = s("svg", { width: 16, height: 16, "aria-hidden": "true", class: "swatch" }, patternDefs(`lg${q}`),
          s("rect", { width: 16, height: 16, fill: `url(#lg${q}-q${q})`, stroke: "#333", "stroke-width": 0.5 }));
        return svg;
      })(),
      ` ${QUADS[q].name} (${QUADS[q].pattern})`)),
    h("li", {}, s("svg", { width: 22, height: 16, "aria-hidden": "true", class: "swatch" },
      s("line", { x1: 1, y1: 8, x2: 21, y2: 8, class: "gold-line" }), s("circle", { cx: 11, cy: 8, r: 3, class: "gold-pt" })),
    " Mean Goldstein (right axis)"));
}

function niceStep(max, ticks) {
  const raw = max / ticks;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

function draw(box, days, params) {
  const width = Math.max(300, Math.round(box.clientWidth || 800));
  box.dataset.width = String(width);
  const narrow = width < 600;
  const height = narrow ? 260 : 340;
  const m = { top: 24, right: 48, bottom: 46, left: 46 };
  const iw = width - m.left - m.right;
  const ih = height - m.top - m.bottom;
  const n = days.length;
  const band = iw / n;
  const barW = Math.min(48, Math.max(1, band * (n > 60 ? 0.9 : 0.72)));
  const maxCount = Math.max(1, ...days.map((d) => d.total));
  const step = Math.max(1, niceStep(maxCount, narrow ? 4 : 6));
  const yMax = Math.ceil(maxCount / step) * step;
  const y = (v) => ih - (v / yMax) * ih;
  const y2 = (g) => ih / 2 - (g / 10) * (ih / 2);
  const x = (i) => i * band + band / 2;

  const svg = s("svg", {
    width, height, viewBox: `0 0 ${width} ${height}`, role: "img", class: "timeline-svg",
    "aria-label": `Daily events by quad class and mean Goldstein score, ${days[0].date} to ${days[n - 1].date}. The same figures are in the data table below.`,
  });
  svg.append(patternDefs("tl"));
  const g = s("g", { transform: `translate(${m.left},${m.top})` });
  svg.append(g);

  // Axes and grid.
  const axis = s("g", { class: "axis" });
  for (let v = 0; v <= yMax; v += step) {
    axis.append(s("line", { x1: 0, x2: iw, y1: y(v), y2: y(v), class: "grid" }),
      s("text", { x: -6, y: y(v), dy: "0.32em", "text-anchor": "end" }, fmtInt(v)));
  }
  for (const gv of [-10, -5, 0, 5, 10]) {
    axis.append(s("text", { x: iw + 6, y: y2(gv), dy: "0.32em", class: "y2" }, fmtGoldstein(gv).replace(".0", "")));
  }
  axis.append(s("line", { x1: 0, x2: iw, y1: y2(0), y2: y2(0), class: "zero" }));
  const every = Math.max(1, Math.ceil(n / Math.max(2, Math.floor(iw / (narrow ? 70 : 90)))));
  for (let i = 0; i < n; i += every) {
    axis.append(s("text", { x: x(i), y: ih + 18, "text-anchor": "middle" }, days[i].date.slice(n > 366 ? 0 : 5)));
  }
  axis.append(s("text", { x: -m.left + 4, y: -12, class: "axis-title" }, "events"),
    s("text", { x: iw + m.right - 4, y: -12, "text-anchor": "end", class: "axis-title" }, "Goldstein"),
    s("text", { x: iw / 2, y: ih + 38, "text-anchor": "middle", class: "axis-title" }, n > 366 ? "date" : `date (${days[0].date.slice(0, 4)}${days[n - 1].date.slice(0, 4) !== days[0].date.slice(0, 4) ? "–" + days[n - 1].date.slice(0, 4) : ""}, month-day)`));
  g.append(axis);

  // Bars, stacked 1 (bottom) to 4.
  const plot = s("g", { class: "plot" });
  plot.append(s("rect", { x: 0, y: 0, width: iw, height: ih, class: "hit" }));
  days.forEach((d, i) => {
    let acc = 0;
    for (const q of [1, 2, 3, 4]) {
      const c = d.q[q];
      if (!c) continue;
      const top = y(acc + c);
      plot.append(s("rect", {
        class: `bar q${q}`, x: x(i) - barW / 2, y: top, width: barW, height: Math.max(0.5, y(acc) - top),
        fill: `url(#tl-q${q})`, "data-date": d.date, "data-quad": q, "data-count": c,
      }, s("title", {}, `${d.date}: ${c} ${QUADS[q].name.toLowerCase()}`)));
      acc += c;
    }
  });
  // Goldstein line over the days that have events.
  let path = "";
  let pen = false;
  const pts = s("g", { class: "gold-pts" });
  days.forEach((d, i) => {
    if (!d.total) {
      pen = false;
      return;
    }
    const gm = d.gsum / d.total;
    path += `${pen ? "L" : "M"}${x(i).toFixed(1)},${y2(gm).toFixed(1)}`;
    pen = true;
    pts.append(s("circle", { cx: x(i), cy: y2(gm), r: n > 120 ? 1.5 : 3.5, class: "gold-pt", "data-date": d.date },
      s("title", {}, `${d.date}: mean Goldstein ${fmtGoldstein(gm)} over ${d.total} events`)));
  });
  plot.append(s("path", { d: path, class: "gold-line" }), pts);
  const sel = s("rect", { class: "selection", x: 0, y: 0, width: 0, height: ih, visibility: "hidden" });
  plot.append(sel);
  g.append(plot);

  // Drag to zoom; a click on a bar opens its events.
  let startX = null;
  const localX = (ev) => {
    const r = svg.getBoundingClientRect();
    return Math.max(0, Math.min(iw, ((ev.clientX - r.left) * width) / r.width - m.left));
  };
  plot.addEventListener("pointerdown", (ev) => {
    startX = localX(ev);
    plot.setPointerCapture(ev.pointerId);
  });
  plot.addEventListener("pointermove", (ev) => {
    if (startX === null) return;
    const cx = localX(ev);
    sel.setAttribute("x", Math.min(startX, cx));
    sel.setAttribute("width", Math.abs(cx - startX));
    sel.setAttribute("visibility", "visible");
  });
  plot.addEventListener("pointerup", (ev) => {
    if (startX === null) return;
    const cx = localX(ev);
    const x0 = startX;
    startX = null;
    sel.setAttribute("visibility", "hidden");
    if (Math.abs(cx - x0) < 4) {
      const bar = document.elementsFromPoint(ev.clientX, ev.clientY).find((el) => el.classList && el.classList.contains("bar"));
      if (bar) {
        location.hash = toHash("events", { ...filtersOf(params), from: bar.dataset.date, to: bar.dataset.date, quad_class: bar.dataset.quad });
      }
      return;
    }
    const i0 = Math.max(0, Math.floor(Math.min(x0, cx) / band));
    const i1 = Math.min(n - 1, Math.floor(Math.max(x0, cx) / band));
    go("timeline", { ...params, from: days[i0].date, to: days[i1].date });
  });
  plot.addEventListener("pointercancel", () => {
    startX = null;
    sel.setAttribute("visibility", "hidden");
  });
  box.replaceChildren(svg);
}

function dataTable(days, params) {
  // Built when opened: a long range has thousands of rows.
  const withEvents = days.filter((d) => d.total);
  const box = h("div", { class: "table-wrap" });
  const details = h("details", { class: "data-table" },
    h("summary", {}, `Data table (${withEvents.length} days with events)`), box);
  details.addEventListener("toggle", () => {
    if (!details.open || box.firstChild) return;
    box.append(h("table", { id: "timeline-table" },
      h("caption", { class: "sr-only" }, "Events per day by quad class"),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Date"),
        [1, 2, 3, 4].map((q) => h("th", { scope: "col" }, QUADS[q].short)),
        h("th", { scope: "col" }, "Total"), h("th", { scope: "col" }, "Mean Goldstein"))),
      h("tbody", {}, withEvents.map((d) => h("tr", {},
        h("th", { scope: "row" }, h("a", { href: toHash("events", { ...filtersOf(params), from: d.date, to: d.date }) }, d.date)),
        [1, 2, 3, 4].map((q) => h("td", { class: "num" }, String(d.q[q]))),
        h("td", { class: "num" }, String(d.total)),
        h("td", { class: "num" }, fmtGoldstein(d.gsum / d.total)))))));
  });
  return details;
}
