// The HTTP API of docs/api.md. Paths are resolved against the page's address, so the explorer
// works wherever `herald serve` mounts it.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** The absolute URL of an API path with the non-empty parameters. */
export function apiUrl(path, params = {}) {
  const url = new URL(path.replace(/^\//, ""), document.baseURI);
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
  }
  return url;
}

async function toError(res) {
  let message = res.statusText || "request failed";
  try {
    const body = await res.json();
    if (body && body.error && body.error.message) message = body.error.message;
  } catch (_) {
    // not JSON: keep the status text
  }
  return new ApiError(res.status, message);
}

export async function getJSON(path, params = {}, signal) {
  let res;
  try {
    res = await fetch(apiUrl(path, params), { headers: { Accept: "application/json" }, signal });
  } catch (err) {
    if (err.name === "AbortError") throw err;
    throw new ApiError(0, `cannot reach the server (${err.message})`);
  }
  if (!res.ok) throw await toError(res);
  return res.json();
}

export async function postJSON(path, body, { token, signal } = {}) {
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  let res;
  try {
    res = await fetch(apiUrl(path), { method: "POST", headers, body: JSON.stringify(body), signal });
  } catch (err) {
    if (err.name === "AbortError") throw err;
    throw new ApiError(0, `cannot reach the server (${err.message})`);
  }
  if (!res.ok) throw await toError(res);
  return res.json();
}

/** The event filters of GET /v1/events, and the subsets other endpoints take. */
export const EVENT_FILTERS = ["from", "to", "actor", "source", "target", "country", "location_country",
  "code", "root", "quad_class", "q"];
export const DAILY_FILTERS = ["from", "to", "root", "country", "quad_class"];
export const DYAD_FILTERS = ["from", "to", "root", "quad_class"];

export function pick(state, keys) {
  const out = {};
  for (const k of keys) if (state[k]) out[k] = state[k];
  return out;
}
