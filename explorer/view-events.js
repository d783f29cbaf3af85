// Events view: the stored events with the API's filters, sortable, paginated by next_cursor,
// downloadable; a row opens the event with its sentence and evidence highlighted.

import { getJSON, apiUrl, pick, EVENT_FILTERS, ApiError } from "./api.js";
import { byteToChar, eventSpans, sentenceRange, renderMarked, legend } from "./highlight.js";
import { go, toHash } from "./state.js";
import { h, QUADS, ROOTS, fmtGoldstein, actorLabel } from "./util.js";

const COLUMNS = [
  { key: "date", label: "Date", value: (e) => e.date || "" },
  { key: "source", label: "Source", value: (e) => (e.source ? e.source.code : "") },
  { key: "cameo", label: "Event", value: (e) => e.cameo },
  { key: "target", label: "Target", value: (e) => (e.target ? e.target.code : "") },
  { key: "quad_class", label: "Quad", value: (e) => e.quad_class },
  { key: "goldstein", label: "Goldstein", value: (e) => e.goldstein },
  { key: "place", label: "Place", value: (e) => (e.location ? e.location.name : "") },
  { key: "verb", label: "Trigger", value: (e) => (e.evidence ? e.evidence.verb : "") },
  { key: "sentence", label: "Sentence", value: (e) => e.sentence, nosort: true },
];
const PAGE_SIZES = ["25", "100", "500", "1000"];

// Cursor history of this tab, so "Previous" works without the server going backwards.
const previous = new Map(); // cursor -> the cursor of the page before it ("" for the first)
const pageNumber = new Map(); // cursor -> page number
let lastEvent = null; // the event open at the last render: focus moves to a newly opened one

// Escape closes the open event.
document.addEventListener("keydown", (e) => {
  if (e.key !== "Escape" || e.defaultPrevented) return;
  const close = document.querySelector("#event-detail a.close");
  if (close) {
    e.preventDefault();
    location.hash = close.getAttribute("href");
  }
});

export default {
  title: "Events",
  filters: EVENT_FILTERS,
  async render(root, params, { signal }) {
    // Any limit the API takes (1-1000) works in the URL; the menu offers the usual ones.
    const limit = /^\d+$/.test(params.limit || "") && Number(params.limit) >= 1 && Number(params.limit) <= 1000
      ? String(Number(params.limit)) : "100";
    const filters = pick(params, EVENT_FILTERS);
    const query = { ...filters, limit, cursor: params.cursor || "" };
    const [page, detail] = await Promise.all([
      getJSON("/v1/events", query, signal),
      params.event ? loadDetail(params.event, signal).catch((err) => err) : null,
    ]);
    const rows = sortRows(page.events || [], params.sort);
    const cursor = params.cursor || "";
    const pageNo = cursor ? pageNumber.get(cursor) || null : 1;

    const heading = h("h2", { tabindex: "-1" }, "Events");
    const parts = [heading];
    if (detail) parts.push(detailPanel(detail, params));

    const first = pageNo ? (pageNo - 1) * Number(limit) + 1 : null;
    const summary = rows.length
      ? `${first ? `Rows ${first}–${first + rows.length - 1}` : `${rows.length} rows`}${page.next_cursor ? "" : " (last page)"}, ${params.sort ? "sorted by " + describeSort(params.sort) + " within the page" : "newest first"}`
      : "No events match these filters.";

    const pager = h("div", { class: "pager" },
      h("button", {
        type: "button", id: "page-prev", "data-fk": "page-prev", disabled: !cursor,
        onclick: () => go("events", { ...params, cursor: previous.has(cursor) ? previous.get(cursor) : "", event: "" }),
      }, previous.has(cursor) || !cursor ? "← Previous" : "⇤ First page"),
      h("span", { class: "page-no", "aria-live": "polite" }, pageNo ? `Page ${pageNo}` : "Page ?"),
      h("button", {
        type: "button", id: "page-next", "data-fk": "page-next", disabled: !page.next_cursor,
        onclick: () => {
          previous.set(page.next_cursor, cursor);
          if (pageNo) pageNumber.set(page.next_cursor, pageNo + 1);
          go("events", { ...params, cursor: page.next_cursor, event: "" });
        },
      }, "Next →"));

    const sizeSelect = h("select", { id: "page-size", "data-fk": "page-size" },
      [...new Set([...PAGE_SIZES, limit])].sort((a, b) => a - b).map((n) => h("option", { value: n, selected: n === limit }, n)));
    sizeSelect.addEventListener("change", () => go("events", { ...params, limit: sizeSelect.value, cursor: "", event: "" }));

    const dl = (format, label) => h("a", {
      class: "download", id: `download-${format}`, download: `herald-events.${format}`,
      href: apiUrl("/v1/events", { ...filters, limit: "1000", format }).toString(),
    }, label);

    const toolbar = h("div", { class: "toolbar" },
      h("p", { class: "summary", id: "events-summary" }, summary),
      h("div", { class: "field inline" }, h("label", { for: "page-size" }, "Rows per page"), sizeSelect),
      h("div", { class: "downloads", role: "group", "aria-label": "Download these filters" },
        h("span", { class: "note" }, "Download (up to 1,000 rows):"), dl("csv", "CSV"), dl("parquet", "Parquet")),
      pager);

    parts.push(toolbar, table(rows, params));
    root.replaceChildren(...parts);
    const detailEl = root.querySelector("#event-detail");
    const opened = params.event && params.event !== lastEvent;
    lastEvent = params.event || null;
    if (detailEl && opened) {
      detailEl.querySelector("h3").focus({ preventScroll: true });
      detailEl.scrollIntoView({ block: "nearest" });
    }
  },
};

function describeSort(sort) {
  const desc = sort.startsWith("-");
  const col = COLUMNS.find((c) => c.key === sort.replace(/^-/, ""));
  return `${col ? col.label.toLowerCase() : sort} ${desc ? "descending" : "ascending"}`;
}

function sortRows(rows, sort) {
  if (!sort) return rows;
  const desc = sort.startsWith("-");
  const col = COLUMNS.find((c) => c.key === sort.replace(/^-/, ""));
  if (!col || col.nosort) return rows;
  const out = rows.map((r, i) => [r, i]);
  out.sort(([a, i], [b, j]) => {
    const x = col.value(a);
    const y = col.value(b);
    const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return (desc ? -c : c) || i - j;
  });
  return out.map(([r]) => r);
}

function table(rows, params) {
  const sort = params.sort || "";
  const head = h("tr", {}, COLUMNS.map((c) => {
    const active = sort.replace(/^-/, "") === c.key;
    const ariaSort = active ? (sort.startsWith("-") ? "descending" : "ascending") : (!sort && c.key === "date" ? "descending" : null);
    if (c.nosort) return h("th", { scope: "col" }, c.label);
    const next = active && !sort.startsWith("-") ? `-${c.key}` : c.key;
    return h("th", { scope: "col", "aria-sort": ariaSort },
      h("button", {
        type: "button", class: "sort", "data-fk": `sort-${c.key}`, dataset: { sort: c.key },
        onclick: () => go("events", { ...params, sort: next }),
      }, c.label, h("span", { class: "sort-icon", "aria-hidden": "true" },
        ariaSort === "ascending" ? " ▲" : ariaSort === "descending" ? " ▼" : " ⇅")));
  }));
  const body = h("tbody", {}, rows.map((e) => {
    const href = toHash("events", { ...params, event: e.event_id });
    const tr = h("tr", { dataset: { eventId: e.event_id }, class: params.event === e.event_id ? "is-open" : null },
      h("td", { class: "nowrap", "data-label": "Date" }, h("a", { href, "data-fk": `row-${e.event_id}`, title: "Open this event" }, e.date || "undated")),
      h("td", { class: "code", "data-label": "Source" }, actorLabel(e.source)),
      h("td", { class: "nowrap", "data-label": "Event" }, h("span", { class: "code" }, e.cameo), " ", h("span", { class: "muted small" }, ROOTS[e.root_code] || "")),
      h("td", { class: "code", "data-label": "Target" }, actorLabel(e.target)),
      h("td", { "data-label": "Quad" }, h("span", { class: `quad-badge q${e.quad_class}`, title: (QUADS[e.quad_class] || {}).name }, String(e.quad_class))),
      h("td", { class: "num", "data-label": "Goldstein" }, fmtGoldstein(e.goldstein)),
      h("td", { "data-label": "Place" }, e.location ? `${e.location.name} (${e.location.country})` : "—"),
      h("td", { "data-label": "Trigger" }, e.evidence ? e.evidence.verb : ""),
      h("td", { class: "sentence", "data-label": "Sentence" }, e.sentence));
    tr.addEventListener("click", (ev) => {
      if (ev.target.closest("a, button")) return;
      location.hash = href;
    });
    return tr;
  }));
  return h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-labelledby": "events-caption" },
    h("table", { class: "events", id: "events-table" },
      h("caption", { id: "events-caption", class: "sr-only" }, "Stored events; select a date to open an event"),
      h("thead", {}, head), body));
}

async function loadDetail(eventId, signal) {
  const event = await getJSON(`/v1/events/${encodeURIComponent(eventId)}`, {}, signal);
  let article = null;
  try {
    article = await getJSON(`/v1/articles/${encodeURIComponent(event.article_id)}`, {}, signal);
  } catch (err) {
    if (err.name === "AbortError") throw err;
  }
  return { event, article };
}

export function detailPanel(detail, params) {
  const close = h("a", { class: "close", href: toHash("events", { ...params, event: "" }), "aria-label": "Close the event" }, "✕ Close");
  if (detail instanceof Error) {
    return h("section", { id: "event-detail", class: "detail", "aria-labelledby": "detail-h" },
      h("h3", { id: "detail-h", tabindex: "-1" }, "Event ", params.event), close,
      h("div", { class: "error", role: "alert" }, detail instanceof ApiError && detail.status === 404 ? "No such event." : detail.message));
  }
  const { event: e, article } = detail;
  const q = QUADS[e.quad_class] || {};
  const text = article && typeof article.text === "string" ? article.text : null;
  let body;
  let outside = null;
  if (text) {
    const toChar = byteToChar(text);
    const spans = eventSpans(e, text, toChar, 0);
    const range = sentenceRange(e, text, toChar) || [Math.min(...spans.map((s) => s.start)), Math.max(...spans.map((s) => s.end))];
    body = h("p", { class: "article-text sentence-view", id: "detail-sentence" });
    body.append(renderMarked(text, spans, { from: range[0], to: range[1] }));
    const away = spans.filter((s) => s.end <= range[0] || s.start >= range[1]);
    if (away.length) {
      outside = h("p", { class: "article-text outside" }, h("span", { class: "note" }, "Outside the sentence: "));
      for (const s of away) {
        const a = Math.max(0, s.start - 30);
        const b = Math.min(text.length, s.end + 30);
        outside.append(a > 0 ? "…" : "", renderMarked(text, [s], { from: a, to: b }), b < text.length ? "… " : " ");
      }
    }
  } else {
    // Without the article, the offsets cannot be placed: find the words in the sentence.
    const sentence = e.sentence;
    const local = { ...e };
    const rebase = (obj, kStart, kEnd, words) => {
      if (!obj) return obj;
      const i = sentence.indexOf(words);
      return i < 0 ? null : { ...obj, [kStart]: i, [kEnd]: i + words.length };
    };
    local.source = rebase(e.source, "start", "end", e.source && e.source.text);
    local.target = rebase(e.target, "start", "end", e.target && e.target.text);
    local.evidence = rebase(e.evidence, "verb_start", "verb_end", e.evidence && e.evidence.verb);
    local.location = rebase(e.location, "start", "end", e.location && e.location.text);
    const enc = new TextEncoder();
    for (const k of ["source", "target", "location"]) {
      if (local[k]) local[k] = { ...local[k], start: enc.encode(sentence.slice(0, local[k].start)).length, end: enc.encode(sentence.slice(0, local[k].end)).length };
    }
    if (local.evidence) {
      local.evidence = { ...local.evidence, verb_start: enc.encode(sentence.slice(0, local.evidence.verb_start)).length, verb_end: enc.encode(sentence.slice(0, local.evidence.verb_end)).length };
    }
    body = h("p", { class: "article-text sentence-view", id: "detail-sentence" });
    body.append(renderMarked(sentence, eventSpans(local, sentence, byteToChar(sentence), 0)));
  }
  const field = (label, ...value) => [h("dt", {}, label), h("dd", {}, ...value)];
  const actor = (a) => (a ? [h("span", { class: "code" }, a.code), ` “${a.text}”`, a.country ? ` · ${a.country}` : "", a.agents && a.agents.length ? ` · ${a.agents.join(", ")}` : ""] : ["—"]);
  const loc = e.location;
  return h("section", { id: "event-detail", class: "detail", "aria-labelledby": "detail-h", dataset: { eventId: e.event_id } },
    h("div", { class: "detail-head" },
      h("h3", { id: "detail-h", tabindex: "-1" }, h("span", { class: "code" }, e.cameo), " ", ROOTS[e.root_code] || "",
        e.plover ? h("span", { class: "muted" }, ` · ${e.plover.event}${e.plover.mode ? " / " + e.plover.mode : ""}`) : ""),
      close),
    legend(),
    body,
    outside,
    text ? null : h("p", { class: "note" }, "The article text was not available: words are placed by searching the sentence."),
    h("dl", { class: "facts" },
      field("Date", e.date || "undated"),
      field("Source", ...actor(e.source)),
      field("Target", ...actor(e.target)),
      field("Quad class", h("span", { class: `quad-badge q${e.quad_class}` }, String(e.quad_class)), ` ${q.name || ""}`),
      field("Goldstein", fmtGoldstein(e.goldstein)),
      field("Place", loc ? `${loc.name}${loc.admin1 ? ", " + loc.admin1 : ""} (${loc.country}) · ${loc.kind} · ${loc.lat}, ${loc.lon} · from “${loc.text}”` : "—"),
      field("Trigger", `“${e.evidence.verb}”`),
      field("Pattern", h("code", { class: "pattern" }, e.evidence.pattern)),
      field("Dictionary", h("code", {}, e.evidence.dictionary)),
      field("PLOVER context", e.plover && e.plover.context.length ? e.plover.context.join(", ") : "—"),
      field("Article", h("span", { class: "code" }, e.article_id), `, sentence ${e.sentence_index}`,
        article && article.source ? ` · ${article.source}` : "", e.url ? [" · ", h("a", { href: e.url, rel: "noopener noreferrer" }, "link")] : ""),
      field("Mentions", `${e.mentions} in the article · story ${e.story_group || "—"}`),
      field("Event id", h("code", {}, e.event_id))));
}
