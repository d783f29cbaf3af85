// Code view: paste or upload an article, POST /v1/code, and audit each event against the text.

import { postJSON } from "./api.js";
import { byteToChar, eventSpans, sentenceRange, renderMarked, selectEvent, legend } from "./highlight.js";
import { h, QUADS, ROOTS, fmtGoldstein, actorLabel, shortHash, announce } from "./util.js";

const TEXT_KEY = "herald.code.text";
const RESULT_KEY = "herald.code.result";

const EXAMPLE = `Chinese defense minister visits Kazakhstan, signs military aid deal

ASTANA, Sept. 15 (Reuters) - China's Minister of Defense Chang Wanquan arrived in Kazakhstan on Monday on an official visit, the Kazakh Defense Ministry said.

Chang met Kazakh President Nursultan Nazarbayev in Astana and held talks with Defense Minister Imangali Tasmagambetov on regional security.
`;

function session(key, value) {
  try {
    if (value === undefined) return sessionStorage.getItem(key);
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch (_) {
    // storage disabled: the view still works, without restoring after a reload
  }
  return null;
}

function setUrl(params) {
  const sp = new URLSearchParams();
  for (const k of ["id", "date", "sel"]) if (params[k]) sp.set(k, params[k]);
  const qs = sp.toString();
  history.replaceState(null, "", `#/code${qs ? "?" + qs : ""}`);
}

export default {
  title: "Code",
  filters: null,
  async render(root, params) {
    const state = { id: params.id || "", date: params.date || "", sel: params.sel ? Number(params.sel) : null };
    const text = h("textarea", {
      id: "code-text", name: "text", rows: 9, required: true, spellcheck: "false",
      "aria-describedby": "code-text-help", "data-fk": "code-text",
    });
    text.value = session(TEXT_KEY) || "";
    const file = h("input", { id: "code-file", type: "file", accept: ".txt,text/plain", "data-fk": "code-file" });
    const idInput = h("input", { id: "code-id", name: "id", type: "text", value: state.id, autocomplete: "off",
      placeholder: "made from the text when empty", "data-fk": "code-id" });
    const dateInput = h("input", { id: "code-date", name: "date", type: "date", value: state.date, "data-fk": "code-date" });
    const store = h("input", { id: "code-store", name: "store", type: "checkbox", "data-fk": "code-store" });
    const token = h("input", { id: "code-token", name: "token", type: "password", autocomplete: "off", "data-fk": "code-token" });
    const run = h("button", { type: "submit", class: "primary", id: "code-run", "data-fk": "code-run" }, "Code");
    const example = h("button", { type: "button", id: "code-example" }, "Paste an example");
    const result = h("section", { id: "code-result", class: "code-result", "aria-live": "polite", "aria-busy": "false" });

    file.addEventListener("change", async () => {
      const f = file.files && file.files[0];
      if (!f) return;
      text.value = await f.text();
      session(TEXT_KEY, text.value);
      if (!idInput.value) idInput.value = f.name;
      announce(`Loaded ${f.name} (${text.value.length} characters)`);
    });
    text.addEventListener("input", () => session(TEXT_KEY, text.value));
    example.addEventListener("click", () => {
      text.value = EXAMPLE;
      session(TEXT_KEY, text.value);
      idInput.value = "example-story";
      text.focus();
    });

    const form = h("form", { class: "code-form", id: "code-form" },
      h("div", { class: "field wide" },
        h("label", { for: "code-text" }, "Article text"),
        text,
        h("p", { id: "code-text-help", class: "note" },
          "Paste a news story (headline, dateline and body), or upload a UTF-8 text file.")),
      h("div", { class: "form-row" },
        h("div", { class: "field" }, h("label", { for: "code-file" }, "Upload a text file"), file),
        h("div", { class: "field" }, h("label", { for: "code-id" }, "Article id"), idInput),
        h("div", { class: "field" }, h("label", { for: "code-date" }, "Date (optional)"), dateInput)),
      h("div", { class: "form-row" },
        h("div", { class: "field check" }, store,
          h("label", { for: "code-store" }, "Store the article and its events in the database")),
        h("details", { class: "token" }, h("summary", {}, "API token"),
          h("div", { class: "field" }, h("label", { for: "code-token" }, "Bearer token (when the server asks for one)"), token))),
      h("div", { class: "form-actions" }, run, example));

    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const body = text.value;
      if (!body.trim()) {
        announce("Paste or upload an article first", "error");
        text.focus();
        return;
      }
      const id = idInput.value.trim() || `pasted-${shortHash(body)}`;
      idInput.value = id;
      const date = dateInput.value || null;
      const article = { id, text: body };
      if (date) article.date = date;
      run.disabled = true;
      result.setAttribute("aria-busy", "true");
      result.replaceChildren(h("p", { class: "loading" }, "Coding…"));
      try {
        const answer = await postJSON("/v1/code", { articles: [article], store: store.checked }, { token: token.value.trim() || null });
        const saved = { key: shortHash(`${id}\n${date}\n${body}`), id, date, stored: store.checked, events: answer.events || [], errors: answer.errors || [] };
        session(RESULT_KEY, JSON.stringify(saved));
        state.id = id;
        state.date = date || "";
        state.sel = null;
        setUrl(state);
        showResult(result, body, saved, state);
        if (store.checked && !saved.errors.length) {
          announce(`Stored ${id}: ${saved.events.length} events`);
          window.dispatchEvent(new Event("herald:stored"));
        } else {
          announce(`${saved.events.length} events coded`);
        }
      } catch (err) {
        result.replaceChildren(h("div", { class: "error", role: "alert" },
          err.status ? `Error ${err.status}: ${err.message}` : `Error: ${err.message}`));
      } finally {
        run.disabled = false;
        result.setAttribute("aria-busy", "false");
      }
    });

    root.replaceChildren(
      h("h2", { tabindex: "-1" }, "Code an article"),
      h("p", { class: "lede" }, "Herald codes the text into CAMEO/PLOVER events; each event's actors, trigger and place are marked in the text."),
      form, result);

    // Restore the last result after a reload when it matches the text and the URL.
    const cached = session(RESULT_KEY);
    if (cached && state.id) {
      try {
        const saved = JSON.parse(cached);
        if (saved.key === shortHash(`${state.id}\n${state.date || null}\n${text.value}`)) showResult(result, text.value, saved, state);
      } catch (_) {
        session(RESULT_KEY, null);
      }
    }
  },
};

function showResult(result, text, saved, state) {
  const { events, errors } = saved;
  const toChar = byteToChar(text);
  const spans = [];
  const sentences = [];
  const seen = new Set();
  events.forEach((ev, i) => {
    spans.push(...eventSpans(ev, text, toChar, i));
    const r = sentenceRange(ev, text, toChar);
    if (r && !seen.has(r[0])) {
      seen.add(r[0]);
      sentences.push({ start: r[0], end: r[1], index: ev.sentence_index });
    }
  });
  const article = h("div", { class: "article-text", id: "code-article", tabindex: "0", role: "region",
    "aria-label": "Article text with highlights" });
  article.append(renderMarked(text, spans, { sentences }));

  const list = h("ol", { class: "event-list", id: "code-events", "aria-label": "Coded events" });
  const buttons = [];
  const select = (i, scroll = true) => {
    buttons.forEach((b, k) => b.setAttribute("aria-pressed", String(k === i)));
    const mark = selectEvent(article, i);
    state.sel = i === null ? null : i + 1;
    setUrl(state);
    if (mark && scroll) mark.scrollIntoView({ block: "nearest", behavior: "smooth" });
  };
  events.forEach((ev, i) => {
    const q = QUADS[ev.quad_class] || {};
    const b = h("button", {
      type: "button", class: `event-card q${ev.quad_class}`, "aria-pressed": "false",
      dataset: { ev: String(i), cameo: ev.cameo, source: ev.source ? ev.source.code : "", target: ev.target ? ev.target.code : "" },
      "data-fk": `code-ev-${i}`,
    },
    h("span", { class: "card-head" },
      h("span", { class: "cameo" }, ev.cameo),
      h("span", { class: "plover" }, ev.plover ? `${ev.plover.event}${ev.plover.mode ? " · " + ev.plover.mode : ""}` : ""),
      h("span", { class: `quad-badge q${ev.quad_class}`, title: q.name }, q.short || "")),
    h("span", { class: "card-dyad" },
      h("span", { class: ev.source ? "who src" : "who" }, actorLabel(ev.source)), " → ",
      h("span", { class: ev.target ? "who tgt" : "who" }, actorLabel(ev.target))),
    h("span", { class: "card-meta" },
      `“${ev.evidence ? ev.evidence.verb : ""}”`,
      ev.location ? ` · ${ev.location.name}` : "",
      ` · Goldstein ${fmtGoldstein(ev.goldstein)} · S${ev.sentence_index}`,
      ev.mentions > 1 ? ` · ×${ev.mentions}` : ""),
    h("span", { class: "sr-only" }, ROOTS[ev.root_code] || ""));
    b.addEventListener("click", () => select(b.getAttribute("aria-pressed") === "true" ? null : i));
    buttons.push(b);
    list.append(h("li", {}, b,
      saved.stored && ev.event_id ? h("a", { class: "card-link", href: `#/events?event=${encodeURIComponent(ev.event_id)}` }, "details") : null));
  });
  article.addEventListener("click", (e) => {
    const mark = e.target.closest("mark.hl");
    if (!mark) return;
    const i = Number(mark.dataset.ev.split(" ")[0]);
    select(i);
    buttons[i].focus({ preventScroll: true });
  });

  const sentenceCount = new Set(events.map((e) => e.sentence_index)).size;
  result.replaceChildren(...[
    h("h3", { id: "code-summary" }, `${events.length} event${events.length === 1 ? "" : "s"} in ${sentenceCount} sentence${sentenceCount === 1 ? "" : "s"}`),
    errors.length ? h("ul", { class: "error", role: "alert" }, errors.map((e) => h("li", {}, `${e.id}: ${e.reason}`))) : null,
    legend(),
    h("div", { class: "code-grid" },
      h("div", { class: "panel" }, h("h4", {}, "Text"), article),
      h("div", { class: "panel" }, h("h4", { id: "code-events-h" }, "Events"),
        events.length ? list : h("p", { class: "note" }, "No events: no sentence matched an event pattern with an actor.")))].filter(Boolean));
  if (state.sel && state.sel <= events.length) select(state.sel - 1, false);
}
