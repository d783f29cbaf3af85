// Small DOM and formatting helpers shared by the views.

/** Creates an element: h("a", {href: "#", class: "x", onclick: fn}, "text", child...). */
export function h(tag, attrs, ...children) {
  const el = tag.startsWith("svg:")
    ? document.createElementNS("http://www.w3.org/2000/svg", tag.slice(4))
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (k === "text") el.textContent = v;
    else if (k === "style") el.style.cssText = v; // CSSOM: allowed under a Content-Security-Policy without 'unsafe-inline'

    else el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

/** Shorthand for SVG elements. */
export function s(tag, attrs, ...children) {
  return h("svg:" + tag, attrs, ...children);
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

export const QUADS = {
  1: { name: "Verbal cooperation", short: "Verbal coop.", pattern: "solid" },
  2: { name: "Material cooperation", short: "Material coop.", pattern: "stripes" },
  3: { name: "Verbal conflict", short: "Verbal conflict", pattern: "dots" },
  4: { name: "Material conflict", short: "Material conflict", pattern: "cross-hatch" },
};

export const ROOTS = {
  "01": "Make public statement", "02": "Appeal", "03": "Express intent to cooperate",
  "04": "Consult", "05": "Engage in diplomatic cooperation", "06": "Engage in material cooperation",
  "07": "Provide aid", "08": "Yield", "09": "Investigate", "10": "Demand", "11": "Disapprove",
  "12": "Reject", "13": "Threaten", "14": "Protest", "15": "Exhibit force posture",
  "16": "Reduce relations", "17": "Coerce", "18": "Assault", "19": "Fight",
  "20": "Use unconventional mass violence",
};

export function fmtGoldstein(g) {
  if (g === null || g === undefined || Number.isNaN(g)) return "–";
  const v = Number(g);
  return (v > 0 ? "+" : v < 0 ? "−" : "") + Math.abs(v).toFixed(1);
}

export function fmtInt(n) {
  return Number(n).toLocaleString("en-US");
}

export function actorLabel(a) {
  return a ? a.code : "—";
}

export function placeLabel(loc) {
  if (!loc) return "—";
  return loc.admin1 && loc.kind === "city" ? `${loc.name} (${loc.country})` : `${loc.name} (${loc.country})`;
}

/** The ISO date (YYYY-MM-DD) n days after iso. */
export function addDays(iso, n) {
  const d = new Date(iso + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(a, b) {
  return Math.round((Date.parse(b + "T00:00:00Z") - Date.parse(a + "T00:00:00Z")) / 86400000);
}

/** A short, stable hash of a string (FNV-1a, 32 bits), as 8 hex digits. */
export function shortHash(str) {
  let h1 = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) {
    h1 ^= str.charCodeAt(i);
    h1 = Math.imul(h1, 0x01000193);
  }
  return (h1 >>> 0).toString(16).padStart(8, "0");
}

/** Announces a message in the page's live region (and shows it). */
export function announce(message, kind = "info") {
  const box = document.getElementById("status");
  if (!box) return;
  box.textContent = message;
  box.dataset.kind = kind;
  box.hidden = !message;
  clearTimeout(announce.timer);
  if (message) announce.timer = setTimeout(() => { box.hidden = true; }, kind === "error" ? 8000 : 4000);
}

/** An error box for a view. */
export function errorBox(err) {
  return h("div", { class: "error", role: "alert" },
    h("strong", {}, err.status ? `Error ${err.status}: ` : "Error: "), err.message || String(err));
}

/** Debounces fn by ms. */
export function debounce(fn, ms) {
  let t = null;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
}
