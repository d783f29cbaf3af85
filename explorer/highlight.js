// Evidence highlighting. Herald's offsets (`source.start`, `evidence.verb_start`, `location.end`,
// ...) are BYTE offsets into the UTF-8 article text (docs/formats.md); JavaScript strings are
// indexed in UTF-16 code units, so every offset goes through byteToChar before slicing.

import { h } from "./util.js";

/** Returns a function mapping a UTF-8 byte offset of `text` to its UTF-16 index. */
export function byteToChar(text) {
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return (b) => Math.max(0, Math.min(b, text.length));
  const map = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let n;
    let units = 1;
    if (c < 0x80) n = 1;
    else if (c < 0x800) n = 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n = 4;
        units = 2;
      } else n = 3;
    } else n = 3;
    for (let k = 0; k < n; k++) map.push(i); // a byte inside a character maps to its start
    i += units - 1;
  }
  map.push(text.length);
  return (b) => (b <= 0 ? 0 : b >= map.length ? text.length : map[b]);
}

export const ROLES = ["place", "source", "target", "verb"]; // outermost first when nested
export const ROLE_NAMES = { source: "source actor", target: "target actor", verb: "trigger", place: "place" };

/**
 * The highlight spans of one event in `text` (char indices): [{role, start, end, ev, exact}].
 * A span whose characters differ from the record's words is looked for nearby (a server that
 * normalised the text differently), else dropped.
 */
export function eventSpans(event, text, toChar, ev) {
  const parts = [];
  const add = (role, bStart, bEnd, words) => {
    if (bStart === null || bStart === undefined || bEnd === null || bEnd === undefined) return;
    let start = toChar(bStart);
    let end = toChar(bEnd);
    let exact = true;
    if (words && text.slice(start, end) !== words) {
      exact = false;
      const near = nearest(text, words, start);
      if (near < 0) return;
      start = near;
      end = near + words.length;
    }
    if (end > start) parts.push({ role, start, end, ev, exact });
  };
  if (event.source) add("source", event.source.start, event.source.end, event.source.text);
  if (event.target) add("target", event.target.start, event.target.end, event.target.text);
  if (event.evidence) add("verb", event.evidence.verb_start, event.evidence.verb_end, event.evidence.verb);
  if (event.location && event.location.start !== undefined) {
    add("place", event.location.start, event.location.end, event.location.text);
  }
  return parts;
}

function nearest(text, words, around) {
  if (!words) return -1;
  let best = -1;
  let from = 0;
  for (;;) {
    const i = text.indexOf(words, from);
    if (i < 0) break;
    if (best < 0 || Math.abs(i - around) < Math.abs(best - around)) best = i;
    from = i + 1;
  }
  return best;
}

/**
 * Where the event's sentence is in `text` (char indices), or null: the occurrence of the sentence
 * that holds the trigger, else the nearest one; whitespace may differ.
 */
export function sentenceRange(event, text, toChar) {
  const sentence = event.sentence || "";
  if (!sentence) return null;
  const verb = event.evidence ? toChar(event.evidence.verb_start) : 0;
  const hits = [];
  let from = 0;
  for (;;) {
    const i = text.indexOf(sentence, from);
    if (i < 0) break;
    hits.push([i, i + sentence.length]);
    from = i + 1;
  }
  if (!hits.length) {
    const words = sentence.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    if (words.length && words.length < 400) {
      const re = new RegExp(words.join("\\s+"), "g");
      let m;
      while ((m = re.exec(text)) !== null) hits.push([m.index, m.index + m[0].length]);
    }
  }
  if (!hits.length) return null;
  const holding = hits.find(([a, b]) => verb >= a && verb < b);
  if (holding) return holding;
  hits.sort((x, y) => Math.abs(x[0] - verb) - Math.abs(y[0] - verb));
  return hits[0];
}

/**
 * Renders text[from, to) with the spans as nested <mark>s (one per role, listing the events it
 * belongs to in data-ev) and the sentences as <span class="sent">. Returns a DocumentFragment.
 */
export function renderMarked(text, spans, { from = 0, to = text.length, sentences = [] } = {}) {
  const cuts = new Set([from, to]);
  const inside = (x) => x > from && x < to;
  for (const sp of spans) {
    if (inside(sp.start)) cuts.add(sp.start);
    if (inside(sp.end)) cuts.add(sp.end);
  }
  for (const se of sentences) {
    if (inside(se.start)) cuts.add(se.start);
    if (inside(se.end)) cuts.add(se.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  let parent = frag;
  let currentSentence = null;
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    const b = points[k + 1];
    const sent = sentences.find((se) => se.start <= a && b <= se.end) || null;
    if (sent !== currentSentence) {
      currentSentence = sent;
      if (sent) {
        parent = h("span", { class: "sent", dataset: { sentence: String(sent.index) } });
        parent.append(h("span", { class: "sent-no", "aria-hidden": "true" }, `S${sent.index}`));
        frag.append(parent);
      } else parent = frag;
    }
    let node = document.createTextNode(text.slice(a, b));
    const covering = spans.filter((sp) => sp.start <= a && b <= sp.end);
    for (const role of [...ROLES].reverse()) {
      const mine = covering.filter((sp) => sp.role === role);
      if (!mine.length) continue;
      const evs = [...new Set(mine.map((sp) => sp.ev))];
      const mark = h("mark", {
        class: `hl hl-${role}`,
        dataset: { ev: evs.join(" "), role },
        title: `${ROLE_NAMES[role]} (event ${evs.map((e) => Number(e) + 1).join(", ")})`,
      });
      mark.append(node);
      node = mark;
    }
    parent.append(node);
  }
  return frag;
}

/** Marks the highlights of event `ev` as selected inside `root` (null clears the selection). */
export function selectEvent(root, ev) {
  root.classList.toggle("has-selection", ev !== null);
  for (const mark of root.querySelectorAll("mark.hl")) {
    const on = ev !== null && mark.dataset.ev.split(" ").includes(String(ev));
    mark.classList.toggle("is-selected", on);
  }
  for (const se of root.querySelectorAll(".sent")) se.classList.remove("is-selected");
  if (ev === null) return null;
  const verb = root.querySelector("mark.hl-verb.is-selected") || root.querySelector("mark.is-selected");
  if (verb) {
    const sent = verb.closest(".sent");
    if (sent) sent.classList.add("is-selected");
  }
  return verb;
}

/** The legend of the highlight styles (colour and line style, so colour is not the only cue). */
export function legend() {
  return h("ul", { class: "legend", "aria-label": "Highlight legend" },
    h("li", {}, h("mark", { class: "hl hl-source" }, "source actor"), " solid underline"),
    h("li", {}, h("mark", { class: "hl hl-target" }, "target actor"), " dashed underline"),
    h("li", {}, h("mark", { class: "hl hl-verb" }, "trigger"), " boxed, bold"),
    h("li", {}, h("mark", { class: "hl hl-place" }, "place"), " dotted underline"));
}
