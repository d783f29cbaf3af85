// The explorer's shell: the router (URL hash -> view), the shared filter form and the header.

import { getJSON } from "./api.js";
import { parseHash, go, filtersOf, FILTER_KEYS } from "./state.js";
import { h, ROOTS, QUADS, fmtInt, announce } from "./util.js";
import codeView from "./view-code.js";
import eventsView from "./view-events.js";
import timelineView from "./view-timeline.js";
import mapView from "./view-map.js";
import dyadsView from "./view-dyads.js";

const VIEWS = { code: codeView, events: eventsView, timeline: timelineView, map: mapView, dyads: dyadsView };

const FILTER_FIELDS = [
  { key: "from", label: "From", type: "date" },
  { key: "to", label: "To", type: "date" },
  { key: "actor", label: "Actor (either side)", placeholder: "e.g. CHN, CHNMIL" },
  { key: "source", label: "Source actor", placeholder: "code prefix" },
  { key: "target", label: "Target actor", placeholder: "code prefix" },
  { key: "country", label: "Country (either side)", placeholder: "e.g. KAZ" },
  { key: "location_country", label: "Place country", placeholder: "e.g. UKR" },
  { key: "code", label: "CAMEO code", placeholder: "prefix, e.g. 04, 042" },
  { key: "root", label: "CAMEO root", options: Object.entries(ROOTS).map(([k, v]) => [k, `${k} ${v}`]) },
  { key: "quad_class", label: "Quad class", options: Object.entries(QUADS).map(([k, v]) => [k, `${k} ${v.name}`]) },
  { key: "q", label: "Words in sentence", type: "search" },
];

let current = { view: null, params: {} };
let controller = null;
let firstRender = true;

function buildFilterForm() {
  const form = document.getElementById("filter-form");
  const grid = form.querySelector(".filter-grid");
  for (const f of FILTER_FIELDS) {
    const id = `f-${f.key}`;
    let input;
    if (f.options) {
      input = h("select", { id, name: f.key },
        h("option", { value: "" }, "any"),
        f.options.map(([v, label]) => h("option", { value: v }, label)));
    } else {
      input = h("input", {
        id, name: f.key, type: f.type || "text", placeholder: f.placeholder || null,
        autocomplete: "off", spellcheck: "false",
      });
    }
    grid.append(h("div", { class: "field", dataset: { key: f.key } }, h("label", { for: id }, f.label), input));
  }
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    applyFilters(readFilterForm());
  });
  form.querySelector("#filter-reset").addEventListener("click", () => applyFilters({}, true));
  if (window.matchMedia("(max-width: 700px)").matches) form.closest("details").open = false;
}

function readFilterForm() {
  const form = document.getElementById("filter-form");
  const out = {};
  for (const key of FILTER_KEYS) {
    const el = form.elements.namedItem(key);
    if (!el || el.disabled) {
      if (current.params[key]) out[key] = current.params[key]; // kept though this view ignores it
      continue;
    }
    const v = el.value.trim();
    if (v) out[key] = ["actor", "source", "target", "country", "location_country"].includes(key) ? v.toUpperCase() : v;
  }
  return out;
}

function applyFilters(filters, reset = false) {
  const keep = {};
  for (const k of ["limit", "sort"]) if (current.params[k]) keep[k] = current.params[k];
  if (reset) {
    // Reset clears only the filters this view uses.
    const used = VIEWS[current.view].filters || [];
    for (const k of FILTER_KEYS) if (!used.includes(k) && current.params[k]) keep[k] = current.params[k];
  }
  go(current.view, { ...keep, ...filters });
}

function syncFilterForm(view, params) {
  const section = document.getElementById("filters");
  const used = VIEWS[view].filters;
  section.hidden = !used;
  if (!used) return;
  const form = document.getElementById("filter-form");
  const ignored = [];
  for (const key of FILTER_KEYS) {
    const el = form.elements.namedItem(key);
    el.value = params[key] || "";
    const off = !used.includes(key);
    el.disabled = off;
    el.closest(".field").classList.toggle("is-off", off);
    if (off && params[key]) ignored.push(`${key}=${params[key]}`);
  }
  const note = document.getElementById("filter-note");
  const active = FILTER_KEYS.filter((k) => params[k] && used.includes(k)).length;
  document.getElementById("filter-count").textContent = active ? ` (${active} active)` : "";
  note.textContent = ignored.length
    ? `This view's API does not take ${ignored.join(", ")}: shown greyed, kept for the other views.`
    : "";
}

function syncNav(view) {
  for (const a of document.querySelectorAll("nav.views a")) {
    const on = a.dataset.view === view;
    if (on) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
    // Links keep the filters when moving between views.
    a.href = linkTo(a.dataset.view, current.params);
  }
}

/** A link to another view keeping the shared filters. */
export function linkTo(view, params) {
  const keep = view === "code" ? {} : filtersOf(params);
  const sp = new URLSearchParams(keep).toString();
  return `#/${view}${sp ? "?" + sp : ""}`;
}

async function route() {
  const { view, params } = parseHash(location.hash);
  const changedView = view !== current.view;
  const before = document.activeElement;
  const focusKey = document.activeElement && document.activeElement.dataset
    ? document.activeElement.dataset.fk : null;
  current = { view, params };
  syncNav(view);
  syncFilterForm(view, params);
  document.title = `${VIEWS[view].title} · Herald explorer`;
  if (controller) controller.abort();
  controller = new AbortController();
  const container = document.getElementById("view");
  container.dataset.view = view;
  container.dataset.status = "loading";
  container.dataset.seq = String(Number(container.dataset.seq || 0) + 1);
  announce("");
  const started = performance.now();
  try {
    await VIEWS[view].render(container, params, { signal: controller.signal, changedView, linkTo });
    if (controller.signal.aborted) return;
    container.dataset.status = "ready";
    container.dataset.renderMs = String(Math.round(performance.now() - started));
  } catch (err) {
    if (err.name === "AbortError") return;
    container.dataset.status = "error";
    container.replaceChildren(h("h2", { tabindex: "-1" }, VIEWS[view].title),
      h("div", { class: "error", role: "alert" }, err.status ? `Error ${err.status}: ${err.message}` : String(err.message || err)));
  }
  const moved = document.activeElement && document.activeElement !== before && document.activeElement !== document.body;
  if (focusKey && !moved) {
    const again = container.querySelector(`[data-fk="${CSS.escape(focusKey)}"]`);
    if (again) again.focus();
  } else if (changedView && !firstRender && !moved) {
    const heading = container.querySelector("h2");
    if (heading) heading.focus({ preventScroll: false });
  }
  firstRender = false;
}

async function health() {
  const box = document.getElementById("health");
  try {
    const hz = await getJSON("/healthz");
    box.textContent = `${fmtInt(hz.events)} events · ${fmtInt(hz.articles)} articles stored`;
  } catch (err) {
    box.textContent = "server unreachable";
  }
}

document.addEventListener("keydown", (e) => {
  // Alt+1..5 switch views.
  if (e.altKey && !e.ctrlKey && !e.metaKey && /^[1-5]$/.test(e.key)) {
    const view = Object.keys(VIEWS)[Number(e.key) - 1];
    location.hash = linkTo(view, current.params);
    e.preventDefault();
  }
});

buildFilterForm();
window.addEventListener("hashchange", route);
window.addEventListener("herald:stored", health);
health();
route();
