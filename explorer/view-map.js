// Map view: event places from GET /v1/places on an embedded world map (Natural Earth 1:110m from
// world-atlas, drawn with d3-geo): countries shaded by the events placed in them, city points sized
// by count. Clicking a place lists its events.

import { getJSON, pick, EVENT_FILTERS } from "./api.js";
import { toHash, go, filtersOf } from "./state.js";
import { h, s, fmtInt, fmtGoldstein, actorLabel } from "./util.js";

const PLACE_LIMIT = 1000;
const SHADES = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];
// Countries the 1:110m map has without an ISO numeric id, by the codes a gazetteer may give them.
const BY_NAME = { XKX: "Kosovo", XKS: "Kosovo", KOS: "Kosovo", KSV: "Kosovo" };

let geo = null; // {countries: FeatureCollection, numericOf: Map(alpha3 -> numeric id)}

function loadScript(src) {
  const url = new URL(src, document.baseURI).href;
  const found = [...document.scripts].find((sc) => sc.src === url);
  if (found) return found.loaded;
  const el = document.createElement("script");
  el.src = src;
  el.loaded = new Promise((resolve, reject) => {
    el.onload = resolve;
    el.onerror = () => reject(new Error(`cannot load ${src}`));
  });
  document.head.append(el);
  return el.loaded;
}

async function loadGeo(signal) {
  if (geo) return geo;
  await loadScript("vendor/d3-array.min.js");
  await loadScript("vendor/d3-geo.min.js");
  await loadScript("vendor/topojson-client.min.js");
  const [topo, codes] = await Promise.all([
    fetch(new URL("vendor/countries-110m.json", document.baseURI), { signal }).then((r) => r.json()),
    fetch(new URL("vendor/iso-3166-codes.json", document.baseURI), { signal }).then((r) => r.json()),
  ]);
  const countries = window.topojson.feature(topo, topo.objects.countries);
  const numericOf = new Map(codes.map(([, a3, num]) => [a3, num]));
  geo = { countries, numericOf };
  return geo;
}

function placeKey(p) {
  return `${p.name}|${p.country}|${p.lat}|${p.lon}`;
}

export default {
  title: "Map",
  filters: EVENT_FILTERS,
  async render(root, params, { signal }) {
    const filters = pick(params, EVENT_FILTERS);
    const [{ countries, numericOf }, data] = await Promise.all([
      loadGeo(signal),
      getJSON("/v1/places", { ...filters, limit: PLACE_LIMIT }, signal),
    ]);
    const places = data.places || [];
    const byCountry = new Map();
    for (const p of places) byCountry.set(p.country, (byCountry.get(p.country) || 0) + p.count);
    const featureCount = (f) => {
      let c = 0;
      for (const [a3, n] of byCountry) {
        if ((f.id && numericOf.get(a3) === f.id) || (!f.id && BY_NAME[a3] === f.properties.name)) c += n;
      }
      return c;
    };
    const maxCountry = Math.max(1, ...byCountry.values());
    const shade = (c) => (c ? SHADES[Math.min(SHADES.length - 1, Math.floor((Math.log(c) / Math.log(maxCountry + 1)) * SHADES.length))] : null);

    const selected = params.place ? places.find((p) => placeKey(p) === params.place) : null;
    const mapBox = h("div", { class: "map", id: "map-box" });
    const list = h("section", { class: "place-events", id: "place-events", "aria-live": "polite" });
    const total = places.reduce((a, p) => a + p.count, 0);
    root.replaceChildren(
      h("h2", { tabindex: "-1" }, "Map"),
      h("p", { class: "lede" }, `${fmtInt(total)} located events at ${fmtInt(places.length)} places${places.length >= PLACE_LIMIT ? ` (the ${PLACE_LIMIT} busiest)` : ""}. Countries are shaded by the events placed in them; points are sized by count.`),
      h("div", { class: "toolbar" }, shadeLegend(maxCountry),
        h("button", {
          type: "button", id: "map-extent", "data-fk": "map-extent", "aria-pressed": params.extent === "events" ? "true" : "false",
          disabled: !places.length, onclick: () => go("map", { ...params, extent: params.extent === "events" ? "" : "events" }),
        }, "Zoom to the events"),
        h("p", { class: "note" }, "Select a point (click, or Tab to it and press Enter) to list its events.")),
      h("div", { class: "map-layout" }, mapBox, list));

    const draw = () => {
      const width = Math.max(300, Math.round(mapBox.clientWidth || 800));
      mapBox.dataset.width = String(width);
      const d3 = window.d3;
      const projection = d3.geoNaturalEarth1();
      const sphere = { type: "Sphere" };
      projection.fitWidth(width, sphere);
      let path = d3.geoPath(projection);
      const [[, y0], [, y1]] = path.bounds(sphere);
      let height = Math.ceil(y1 - y0);
      if (params.extent === "events" && places.length) {
        // Fit the points, but no closer than 12 times the world view (one point would be a dot).
        const most = projection.scale() * 12;
        height = Math.round(Math.min(width * 0.6, 520));
        const pad = Math.min(60, width / 8);
        projection.fitExtent([[pad, pad], [width - pad, height - pad]],
          { type: "MultiPoint", coordinates: places.map((p) => [p.lon, p.lat]) });
        if (projection.scale() > most) {
          const centre = projection.invert([width / 2, height / 2]);
          projection.scale(most);
          const at = projection(centre);
          const [tx, ty] = projection.translate();
          projection.translate([tx + width / 2 - at[0], ty + height / 2 - at[1]]);
        }
        path = d3.geoPath(projection);
      }
      const svg = s("svg", {
        width, height, viewBox: `0 0 ${width} ${height}`, class: "map-svg", role: "group",
        "aria-label": `World map with ${places.length} event places`,
      });
      svg.append(s("path", { d: path(sphere), class: "sphere" }),
        s("path", { d: path(d3.geoGraticule10()), class: "graticule" }));
      const cg = s("g", { class: "countries", "aria-hidden": "true" });
      for (const f of countries.features) {
        const c = featureCount(f);
        const fill = shade(c);
        cg.append(s("path", {
          d: path(f), class: `country${c ? " has-events" : ""}`, style: fill ? `fill:${fill}` : null,
          "data-name": f.properties.name, "data-count": c,
        }, s("title", {}, `${f.properties.name}: ${c ? fmtInt(c) + " events" : "no events"}`)));
      }
      svg.append(cg);
      const maxPlace = Math.max(1, ...places.map((p) => p.count));
      const pg = s("g", { class: "places" });
      for (const p of [...places].sort((a, b) => b.count - a.count)) {
        const xy = projection([p.lon, p.lat]);
        if (!xy) continue;
        const r = 3 + 9 * Math.sqrt(p.count / maxPlace);
        const key = placeKey(p);
        const label = `${p.name} (${p.country}): ${p.count} event${p.count === 1 ? "" : "s"}`;
        const dot = s("circle", {
          cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: r.toFixed(1),
          class: `place${selected && key === placeKey(selected) ? " is-selected" : ""}`,
          tabindex: 0, role: "button", "aria-label": label, "data-fk": `place-${key}`, "data-name": p.name,
          "aria-pressed": selected && key === placeKey(selected) ? "true" : "false",
        }, s("title", {}, label));
        const open = () => go("map", { ...params, place: key });
        dot.addEventListener("click", open);
        dot.addEventListener("keydown", (ev) => {
          if (ev.key === "Enter" || ev.key === " ") {
            ev.preventDefault();
            open();
          }
        });
        pg.append(dot);
      }
      svg.append(pg);
      mapBox.replaceChildren(svg);
    };
    draw();
    const ro = new ResizeObserver(() => {
      if (!mapBox.isConnected) return ro.disconnect();
      const w = Math.round(mapBox.clientWidth);
      if (w && w !== Number(mapBox.dataset.width)) draw();
    });
    ro.observe(mapBox);

    if (selected) await listPlace(list, selected, params, signal);
    else list.replaceChildren(placeTable(places, params));
  },
};

function shadeLegend(max) {
  const steps = SHADES.map((c, i) => Math.max(1, Math.round(Math.exp((i / SHADES.length) * Math.log(max + 1)))));
  return h("div", { class: "legend shade-legend", "aria-hidden": "true" },
    h("span", {}, "Events per country:"),
    SHADES.map((c, i) => h("span", { class: "shade" }, h("span", { class: "swatch-box", style: `background:${c}` }), `≥${steps[i]}`)));
}

function placeTable(places, params) {
  const top = [...places].sort((a, b) => b.count - a.count).slice(0, 15);
  return h("div", {},
    h("h3", {}, "Busiest places"),
    top.length ? h("ol", { class: "place-list" }, top.map((p) => h("li", {},
      h("a", { href: toHash("map", { ...params, place: placeKey(p) }) }, `${p.name} (${p.country})`), ` ${fmtInt(p.count)}`)))
      : h("p", { class: "empty" }, "No located events match these filters."));
}

async function listPlace(list, p, params, signal) {
  list.replaceChildren(h("p", { class: "loading" }, `Loading the events at ${p.name}…`));
  // The API filters places by country only: fetch the country's events and keep this place's.
  const data = await getJSON("/v1/events", { ...pick(params, EVENT_FILTERS), location_country: p.country, limit: 1000 }, signal);
  const here = (data.events || []).filter((e) => e.location && e.location.name === p.name
    && Math.abs(e.location.lat - p.lat) < 1e-6 && Math.abs(e.location.lon - p.lon) < 1e-6);
  const more = data.next_cursor ? " (from the first 1,000 events placed in the country)" : "";
  list.replaceChildren(
    h("div", { class: "detail-head" },
      h("h3", { id: "place-h", tabindex: "-1" }, `${p.name} (${p.country})`),
      h("a", { class: "close", href: toHash("map", { ...params, place: "" }) }, "✕ Close")),
    h("p", { class: "note" }, `${p.count} event${p.count === 1 ? "" : "s"}; ${here.length} listed${more}. `,
      h("a", { href: toHash("events", { ...filtersOf(params), location_country: p.country }) }, `All events placed in ${p.country} →`)),
    h("ul", { class: "place-event-list", id: "place-event-list" }, here.map((e) => h("li", {},
      h("a", { href: toHash("events", { ...filtersOf(params), event: e.event_id }) },
        h("span", { class: "code" }, e.cameo), ` ${actorLabel(e.source)} → ${actorLabel(e.target)}`),
      h("span", { class: "muted small" }, ` ${e.date || "undated"} · “${e.evidence.verb}” · ${fmtGoldstein(e.goldstein)}`)))));
}
