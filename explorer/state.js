// The URL holds each view's state: `#/<view>?<key>=<value>&...` (see docs/explorer.md).
// Filter keys are shared by the views; the others belong to one view.

export const VIEWS = ["code", "events", "timeline", "map", "dyads"];

// Order of the keys in a written URL (stable links); unknown keys are dropped.
export const KEYS = ["from", "to", "actor", "source", "target", "country", "location_country", "code",
  "root", "quad_class", "q", "limit", "sort", "cursor", "event", "place", "extent", "id", "date", "sel"];

export const FILTER_KEYS = ["from", "to", "actor", "source", "target", "country", "location_country",
  "code", "root", "quad_class", "q"];

/** Parses a hash such as "#/events?root=04&from=2014-09-01" into {view, params}. */
export function parseHash(hash) {
  const raw = (hash || "").replace(/^#\/?/, "");
  const q = raw.indexOf("?");
  const view = (q < 0 ? raw : raw.slice(0, q)).replace(/\/+$/, "") || "code";
  const params = {};
  if (q >= 0) {
    for (const [k, v] of new URLSearchParams(raw.slice(q + 1))) {
      if (KEYS.includes(k) && v !== "") params[k] = v;
    }
  }
  return { view: VIEWS.includes(view) ? view : "code", params };
}

/** Writes {view, params} as a hash. */
export function toHash(view, params) {
  const sp = new URLSearchParams();
  for (const k of KEYS) {
    const v = params[k];
    if (v !== undefined && v !== null && v !== "") sp.set(k, String(v));
  }
  const qs = sp.toString();
  return `#/${view}${qs ? "?" + qs : ""}`;
}

/** The filters only. */
export function filtersOf(params) {
  const out = {};
  for (const k of FILTER_KEYS) if (params[k]) out[k] = params[k];
  return out;
}

/** Goes to a view with these params (a new history entry unless replace). */
export function go(view, params, { replace = false } = {}) {
  const hash = toHash(view, params);
  if (hash === location.hash) return;
  if (replace) {
    history.replaceState(null, "", hash);
    window.dispatchEvent(new HashChangeEvent("hashchange"));
  } else {
    location.hash = hash;
  }
}
