"""Browser tests of the Herald explorer: headless Chromium through WebDriver (selenium).

    BASE_URL=http://127.0.0.1:8080 pytest explorer/tests -q

BASE_URL is a running `herald serve` with the bundled examples ingested (see .ci/checks/explorer.sh)
or the mock server (explorer/dev/mock_server.py). The tests compare what the page shows with what
the API answers at BASE_URL, so they hold for any store that contains the examples.

Environment: CHROMIUM (default /usr/bin/chromium), CHROMEDRIVER (default: chromedriver on PATH),
SCREENSHOT_DIR (default: a new temporary folder; its path is printed).
"""
import json
import os
import re
import shutil
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8765").rstrip("/")
TIMEOUT = 20
RENDER_MS = {}


# ---------------------------------------------------------------- fixtures and helpers

def api(path, **params):
    query = urllib.parse.urlencode({k: v for k, v in params.items() if v not in (None, "")})
    url = f"{BASE_URL}{path}{'?' + query if query else ''}"
    with urllib.request.urlopen(url, timeout=30) as res:
        body = res.read()
        ctype = res.headers.get("Content-Type", "")
    return json.loads(body) if "json" in ctype else body.decode("utf-8")


def api_post(path, body):
    req = urllib.request.Request(f"{BASE_URL}{path}", data=json.dumps(body).encode("utf-8"),
                                 headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(req, timeout=60) as res:
        return json.loads(res.read())


def all_events(**filters):
    events, cursor = [], None
    while True:
        page = api("/v1/events", limit=1000, cursor=cursor, **filters)
        events += page["events"]
        cursor = page.get("next_cursor")
        if not cursor:
            return events


@pytest.fixture(scope="session")
def shot_dir():
    path = os.environ.get("SCREENSHOT_DIR") or tempfile.mkdtemp(prefix="herald-explorer-shots-")
    Path(path).mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots in {path}")
    return Path(path)


@pytest.fixture(scope="session")
def driver(shot_dir):
    profile = tempfile.mkdtemp(prefix="herald-explorer-chromium-")
    opts = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                f"--user-data-dir={profile}", "--window-size=1280,900", "--lang=en-US"):
        opts.add_argument(arg)
    opts.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager download anything
    service = Service(executable_path=os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver"))
    drv = webdriver.Chrome(service=service, options=opts)
    drv.set_script_timeout(30)
    set_width(drv, 1280)
    yield drv
    drv.quit()
    shutil.rmtree(profile, ignore_errors=True)
    if RENDER_MS:
        (shot_dir / "render-ms.json").write_text(json.dumps(RENDER_MS, indent=1))
        print("\nfirst render (ms):", json.dumps(RENDER_MS))


@pytest.fixture(autouse=True)
def no_console_errors(driver):
    """Every test fails on a browser console error (SEVERE), including failed resource loads."""
    driver.get_log("browser")  # drop what earlier tests left
    yield
    severe = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert not severe, "console errors:\n" + "\n".join(e["message"] for e in severe)


def set_width(drv, width, height=900):
    drv.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def wait(drv, cond, timeout=TIMEOUT, msg=""):
    return WebDriverWait(drv, timeout, poll_frequency=0.05).until(lambda d: cond(d), message=msg)


def view_state(drv):
    return drv.execute_script(
        "const v = document.getElementById('view');"
        "return v ? [v.dataset.view, v.dataset.status, Number(v.dataset.seq || 0), v.dataset.renderMs] : null;")


def settle(drv, view, after_seq=0):
    """Waits until the view has rendered (a render later than after_seq) and returns its state."""
    def ready(d):
        st = view_state(d)
        return st if st and st[0] == view and st[1] in ("ready", "error") and st[2] > after_seq else None
    st = wait(drv, ready, msg=f"view {view} did not render")
    assert st[1] == "ready", drv.find_element(By.ID, "view").text
    return st


def open_page(drv, hash_, view):
    """Loads the page afresh at this hash and waits for the view."""
    drv.get("about:blank")
    drv.get(f"{BASE_URL}/{hash_}")
    st = settle(drv, view)
    RENDER_MS.setdefault(view, int(st[3] or 0))
    return st


def go_hash(drv, hash_, view):
    """Changes the hash within the page (no reload) and waits for the view."""
    seq = view_state(drv)[2]
    drv.execute_script("location.hash = arguments[0]", hash_)
    return settle(drv, view, seq)


def click_and_settle(drv, element, view):
    seq = view_state(drv)[2]
    element.click()
    return settle(drv, view, seq)


def hash_params(drv):
    h = drv.execute_script("return location.hash")
    view, _, query = h.lstrip("#/").partition("?")
    return view, dict(urllib.parse.parse_qsl(query))


def shot(drv, shot_dir, name):
    drv.save_screenshot(str(shot_dir / f"{name}.png"))


def table_rows(drv):
    return drv.find_elements(By.CSS_SELECTOR, "#events-table tbody tr")


# ---------------------------------------------------------------- the views

def test_code_view_codes_the_example_and_highlights_evidence(driver, shot_dir):
    text = (ROOT / "examples" / "defense-visit.txt").read_text(encoding="utf-8")
    expected = api_post("/v1/code", {"articles": [{"id": "defense-visit.txt", "text": text}], "store": False})["events"]
    assert expected, "the server coded no event from the example"
    open_page(driver, "#/code", "code")
    driver.execute_script(
        "const t = document.getElementById('code-text'); t.value = arguments[0];"
        "t.dispatchEvent(new Event('input'));", text)
    driver.find_element(By.ID, "code-id").send_keys("defense-visit.txt")
    driver.find_element(By.ID, "code-run").click()
    cards = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#code-events button.event-card"),
                 msg="no coded events shown")
    assert len(cards) == len(expected)
    assert driver.find_element(By.ID, "code-summary").text.startswith(f"{len(expected)} event")

    # The 042 visit by CHNMIL in the body (the headline has one too, "visits"): clicking it
    # highlights "arrived".
    visit = [c for i, c in enumerate(cards)
             if c.get_attribute("data-cameo") == "042" and c.get_attribute("data-source") == "CHNMIL"
             and expected[i]["evidence"]["verb"] == "arrived"]
    assert visit, "no 042 event with source CHNMIL and the verb 'arrived' in the list"
    visit[0].click()
    assert visit[0].get_attribute("aria-pressed") == "true"
    verbs = driver.find_elements(By.CSS_SELECTOR, "#code-article mark.hl-verb.is-selected")
    assert [v.text for v in verbs] == ["arrived"]
    assert "has-selection" in driver.find_element(By.ID, "code-article").get_attribute("class")
    source = "".join(m.text for m in driver.find_elements(By.CSS_SELECTOR, "#code-article mark.hl-source.is-selected"))
    assert "Chang Wanquan" in source
    assert re.search(r"sel=\d+", driver.execute_script("return location.hash"))
    shot(driver, shot_dir, "code-1280")

    # Every event's highlights are at the right words.
    for i, ev in enumerate(expected):
        cards[i].click()
        got = {role: "".join(m.get_attribute("textContent") for m in
                             driver.find_elements(By.CSS_SELECTOR, f"#code-article mark.hl-{role}.is-selected"))
               for role in ("verb", "source", "target", "place")}
        assert got["verb"] == ev["evidence"]["verb"], (i, got)
        if ev.get("source"):
            assert got["source"] == ev["source"]["text"], (i, got)
        if ev.get("target"):
            assert got["target"] == ev["target"]["text"], (i, got)
        if ev.get("location") and ev["location"].get("text"):
            assert got["place"] == ev["location"]["text"], (i, got)

    # Clicking the selected event (the last one, from the loop) again clears the selection;
    # clicking a word selects its event.
    assert cards[-1].get_attribute("aria-pressed") == "true"
    cards[-1].click()
    assert not driver.find_elements(By.CSS_SELECTOR, "#code-article mark.is-selected")
    driver.find_element(By.CSS_SELECTOR, "#code-article mark.hl-verb").click()
    assert driver.find_elements(By.CSS_SELECTOR, "#code-events button[aria-pressed='true']")

    # The distinct styles: the four roles differ in line style, not only in colour.
    styles = driver.execute_script("""
        const out = {};
        for (const r of ['source', 'target', 'verb', 'place']) {
          const m = document.querySelector('#code-article mark.hl-' + r);
          if (!m) continue;
          const cs = getComputedStyle(m);
          out[r] = [cs.textDecorationStyle + ' ' + cs.textDecorationLine, cs.borderTopStyle, cs.borderBottomStyle].join('|');
        }
        return out;""")
    assert len(set(styles.values())) == len(styles), styles

    # Reloading keeps the result and the selection (URL + session storage).
    cards = driver.find_elements(By.CSS_SELECTOR, "#code-events button.event-card")
    visit = [c for i, c in enumerate(cards)
             if c.get_attribute("data-cameo") == "042" and c.get_attribute("data-source") == "CHNMIL"
             and expected[i]["evidence"]["verb"] == "arrived"]
    visit[0].click()
    url = driver.current_url
    driver.refresh()
    settle(driver, "code")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#code-article mark.hl-verb.is-selected"))
    assert driver.find_element(By.CSS_SELECTOR, "#code-article mark.hl-verb.is-selected").text == "arrived"
    assert driver.current_url == url


def test_events_view_filters_sorts_and_paginates(driver, shot_dir):
    health = api("/healthz")
    everything = all_events()
    assert len(everything) == health["events"]
    open_page(driver, "#/events?limit=5", "events")
    shot(driver, shot_dir, "events-1280")
    seen = []
    pages = 0
    while True:
        rows = table_rows(driver)
        assert 1 <= len(rows) <= 5
        seen += [r.get_attribute("data-event-id") for r in rows]
        pages += 1
        nxt = driver.find_element(By.ID, "page-next")
        if not nxt.is_enabled():
            break
        click_and_settle(driver, nxt, "events")
        assert pages < 1000
    assert seen == [e["event_id"] for e in everything], "pages differ from the API's order"
    assert pages == -(-len(everything) // 5)
    # Previous goes back a page.
    if pages > 1:
        last = [r.get_attribute("data-event-id") for r in table_rows(driver)]
        click_and_settle(driver, driver.find_element(By.ID, "page-prev"), "events")
        before = [r.get_attribute("data-event-id") for r in table_rows(driver)]
        assert before != last and before == seen[(pages - 2) * 5:(pages - 1) * 5]

    # A filter from the form narrows the rows to what the API returns for it.
    open_page(driver, "#/events", "events")
    Select(driver.find_element(By.ID, "f-root")).select_by_value("04")
    click_and_settle(driver, driver.find_element(By.CSS_SELECTOR, "#filter-form button[type=submit]"), "events")
    assert hash_params(driver)[1].get("root") == "04"
    want = all_events(root="04")
    rows = table_rows(driver)
    assert 0 < len(rows) < len(everything)
    assert [r.get_attribute("data-event-id") for r in rows] == [e["event_id"] for e in want][:100]
    assert all(r.find_elements(By.TAG_NAME, "td")[2].text.startswith("04") for r in rows)

    # Actor and word filters combine.
    driver.find_element(By.ID, "f-actor").send_keys("chn")
    driver.find_element(By.ID, "f-q").send_keys("Astana")
    click_and_settle(driver, driver.find_element(By.CSS_SELECTOR, "#filter-form button[type=submit]"), "events")
    params = hash_params(driver)[1]
    assert params["actor"] == "CHN" and params["q"] == "Astana" and params["root"] == "04"
    want = all_events(root="04", actor="CHN", q="Astana")
    assert [r.get_attribute("data-event-id") for r in table_rows(driver)] == [e["event_id"] for e in want][:100]

    # Sorting by Goldstein, both ways.
    open_page(driver, "#/events", "events")
    click_and_settle(driver, driver.find_element(By.CSS_SELECTOR, "button.sort[data-sort=goldstein]"), "events")
    th = driver.find_element(By.CSS_SELECTOR, "button.sort[data-sort=goldstein]").find_element(By.XPATH, "..")
    assert th.get_attribute("aria-sort") == "ascending"
    values = [float(r.find_elements(By.TAG_NAME, "td")[5].text.replace("−", "-").replace("+", "")) for r in table_rows(driver)]
    assert values == sorted(values)
    click_and_settle(driver, driver.find_element(By.CSS_SELECTOR, "button.sort[data-sort=goldstein]"), "events")
    values = [float(r.find_elements(By.TAG_NAME, "td")[5].text.replace("−", "-").replace("+", "")) for r in table_rows(driver)]
    assert values == sorted(values, reverse=True)
    assert hash_params(driver)[1]["sort"] == "-goldstein"

    # Downloads: the same filters with format=csv / format=parquet.
    csv_href = driver.find_element(By.ID, "download-csv").get_attribute("href")
    pq_href = driver.find_element(By.ID, "download-parquet").get_attribute("href")
    assert "format=csv" in csv_href and "format=parquet" in pq_href
    with urllib.request.urlopen(csv_href, timeout=30) as res:
        head = res.read().decode("utf-8").splitlines()
    assert head[0].startswith("article_id,url,date,sentence_index,sentence,cameo")
    assert len(head) - 1 == min(len(everything), 1000)

    # A row opens the event with its sentence and evidence highlighted.
    target = next(e for e in everything if e["cameo"] == "042" and e["evidence"]["verb"] == "arrived")
    row = driver.find_element(By.CSS_SELECTOR, f"#events-table tr[data-event-id='{target['event_id']}'] td.sentence")
    click_and_settle(driver, row, "events")
    assert hash_params(driver)[1]["event"] == target["event_id"]
    detail = driver.find_element(By.ID, "event-detail")
    assert detail.get_attribute("data-event-id") == target["event_id"]
    sentence = driver.find_element(By.ID, "detail-sentence")
    assert sentence.text.strip() == target["sentence"].strip()
    assert sentence.find_element(By.CSS_SELECTOR, "mark.hl-verb").text == target["evidence"]["verb"] == "arrived"
    assert "".join(m.text for m in sentence.find_elements(By.CSS_SELECTOR, "mark.hl-source")) == target["source"]["text"]
    assert driver.switch_to.active_element.get_attribute("id") == "detail-h"
    shot(driver, shot_dir, "event-detail-1280")
    # Escape-free close link goes back to the table alone.
    click_and_settle(driver, detail.find_element(By.CSS_SELECTOR, "a.close"), "events")
    assert not driver.find_elements(By.ID, "event-detail")


def test_timeline_draws_the_daily_bars_and_zooms(driver, shot_dir):
    days = api("/v1/stats/daily")["days"]
    stacks = {(d["date"], d["quad_class"]) for d in days if d["count"] > 0 and d["date"]}
    dates = sorted({d for d, _ in stacks})
    assert dates, "no dated events in the store"
    open_page(driver, "#/timeline", "timeline")
    bars = driver.find_elements(By.CSS_SELECTOR, "#timeline-chart rect.bar")
    assert len(bars) == len(stacks)
    assert {(b.get_attribute("data-date"), int(b.get_attribute("data-quad"))) for b in bars} == stacks
    total = sum(int(b.get_attribute("data-count")) for b in bars)
    assert total == sum(d["count"] for d in days if d["date"])
    assert len(driver.find_elements(By.CSS_SELECTOR, "#timeline-chart circle.gold-pt")) == len(dates)
    shot(driver, shot_dir, "timeline-1280")

    # Zoom by URL: one day.
    go_hash(driver, f"#/timeline?from={dates[-1]}&to={dates[-1]}", "timeline")
    bars = driver.find_elements(By.CSS_SELECTOR, "#timeline-chart rect.bar")
    assert len(bars) == len({s for s in stacks if s[0] == dates[-1]})

    # Zoom out widens the range; "Show all dates" clears it.
    click_and_settle(driver, driver.find_element(By.ID, "zoom-out"), "timeline")
    p = hash_params(driver)[1]
    assert p["from"] < dates[-1] < p["to"]
    click_and_settle(driver, driver.find_element(By.ID, "zoom-reset"), "timeline")
    assert "from" not in hash_params(driver)[1]

    # Drag across the left half of the plot: the range narrows to those days.
    plot = driver.find_element(By.CSS_SELECTOR, "#timeline-chart rect.hit")
    w = plot.rect["width"]
    seq = view_state(driver)[2]
    ActionChains(driver).move_to_element_with_offset(plot, int(-w / 2) + 2, 0).click_and_hold() \
        .move_by_offset(int(w / 2) - 4, 0).release().perform()
    settle(driver, "timeline", seq)
    p = hash_params(driver)[1]
    assert p.get("from") == dates[0] and p.get("to") and p["to"] <= dates[-1]

    # A click on a bar lists that day's events of that quad class.
    go_hash(driver, "#/timeline", "timeline")
    bar = driver.find_elements(By.CSS_SELECTOR, "#timeline-chart rect.bar")[0]
    date, quad, count = bar.get_attribute("data-date"), bar.get_attribute("data-quad"), int(bar.get_attribute("data-count"))
    click_and_settle(driver, bar, "events")
    assert hash_params(driver) == ("events", {"from": date, "to": date, "quad_class": quad})
    assert len(table_rows(driver)) == min(count, 100)

    # A quad class filter from the filter bar.
    go_hash(driver, "#/timeline?quad_class=1", "timeline")
    want = {(d["date"], d["quad_class"]) for d in api("/v1/stats/daily", quad_class=1)["days"] if d["count"] and d["date"]}
    assert len(driver.find_elements(By.CSS_SELECTOR, "#timeline-chart rect.bar")) == len(want)


def test_map_draws_countries_and_places(driver, shot_dir):
    places = api("/v1/places", limit=1000)["places"]
    topo = json.loads((ROOT / "explorer" / "vendor" / "countries-110m.json").read_text())
    n_countries = len(topo["objects"]["countries"]["geometries"])
    open_page(driver, "#/map", "map")
    assert len(driver.find_elements(By.CSS_SELECTOR, "#map-box path.country")) == n_countries
    dots = driver.find_elements(By.CSS_SELECTOR, "#map-box circle.place")
    assert len(dots) == len(places) > 0
    shaded = {p.get_attribute("data-name") for p in driver.find_elements(By.CSS_SELECTOR, "#map-box path.country.has-events")}
    assert "Kazakhstan" in shaded
    fills = {p.value_of_css_property("fill") for p in driver.find_elements(By.CSS_SELECTOR, "#map-box path.country.has-events")}
    plain = driver.find_element(By.CSS_SELECTOR, "#map-box path.country:not(.has-events)").value_of_css_property("fill")
    assert plain not in fills
    shot(driver, shot_dir, "map-1280")

    # "Zoom to the events" fits the map to the points, and back.
    world = driver.find_element(By.CSS_SELECTOR, "#map-box path.country[data-name='Kazakhstan']").rect
    click_and_settle(driver, driver.find_element(By.ID, "map-extent"), "map")
    assert hash_params(driver)[1].get("extent") == "events"
    assert driver.find_element(By.ID, "map-extent").get_attribute("aria-pressed") == "true"
    near = driver.find_element(By.CSS_SELECTOR, "#map-box path.country[data-name='Kazakhstan']").rect
    assert near["width"] > 2 * world["width"]
    assert len(driver.find_elements(By.CSS_SELECTOR, "#map-box circle.place")) == len(places)
    click_and_settle(driver, driver.find_element(By.ID, "map-extent"), "map")
    assert "extent" not in hash_params(driver)[1]
    dots = driver.find_elements(By.CSS_SELECTOR, "#map-box circle.place")

    # Clicking the busiest place lists its events.
    top = max(places, key=lambda p: p["count"])
    dot = next(d for d in dots if d.get_attribute("data-name") == top["name"])
    click_and_settle(driver, dot, "map")
    assert hash_params(driver)[1]["place"].startswith(f"{top['name']}|{top['country']}|")
    items = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#place-event-list li"))
    assert len(items) == min(top["count"], 1000)
    assert driver.find_element(By.ID, "place-h").text.startswith(top["name"])
    # An item opens the event in the Events view.
    link = items[0].find_element(By.TAG_NAME, "a")
    event_id = urllib.parse.parse_qs(link.get_attribute("href").split("?", 1)[1])["event"][0]
    click_and_settle(driver, link, "events")
    assert driver.find_element(By.ID, "event-detail").get_attribute("data-event-id") == event_id

    # Filtered like the table: a place-country filter keeps that country's points.
    country = top["country"]
    go_hash(driver, f"#/map?location_country={country}", "map")
    want = api("/v1/places", limit=1000, location_country=country)["places"]
    assert len(driver.find_elements(By.CSS_SELECTOR, "#map-box circle.place")) == len(want)


def test_dyads_click_filters_the_events_table(driver, shot_dir):
    dyads = api("/v1/dyads", limit=20)["dyads"]
    assert dyads, "no dyads"
    open_page(driver, "#/dyads", "dyads")
    assert len(driver.find_elements(By.CSS_SELECTOR, "#dyad-matrix a.pair")) == len(dyads)
    rows = driver.find_elements(By.CSS_SELECTOR, "#dyad-list tbody tr")
    assert len(rows) == len(dyads)
    first = dyads[0]
    assert f"{first['source']} → {first['target']}" in rows[0].text
    assert f"{first['count']:,}" in rows[0].text  # shown with thousands separators
    shot(driver, shot_dir, "dyads-1280")

    cell = driver.find_element(By.CSS_SELECTOR, f"#dyad-matrix a.pair[data-source='{first['source']}'][data-target='{first['target']}']")
    assert re.search(rf"\b{first['count']}\b", cell.text)
    click_and_settle(driver, cell, "events")
    view, params = hash_params(driver)
    assert view == "events" and params["source"] == first["source"] and params["target"] == first["target"]
    assert driver.find_element(By.ID, "f-source").get_attribute("value") == first["source"]
    rows = table_rows(driver)
    assert rows
    for r in rows:
        tds = r.find_elements(By.TAG_NAME, "td")
        assert tds[1].text.startswith(first["source"]) and tds[3].text.startswith(first["target"])
    want = all_events(source=first["source"], target=first["target"])
    assert [r.get_attribute("data-event-id") for r in rows] == [e["event_id"] for e in want][:100]


def test_url_state_round_trips(driver):
    hash_ = "#/events?root=04&quad_class=1&limit=5&sort=-goldstein"
    open_page(driver, hash_, "events")
    assert Select(driver.find_element(By.ID, "f-root")).first_selected_option.get_attribute("value") == "04"
    assert Select(driver.find_element(By.ID, "f-quad_class")).first_selected_option.get_attribute("value") == "1"
    th = driver.find_element(By.CSS_SELECTOR, "button.sort[data-sort=goldstein]").find_element(By.XPATH, "..")
    assert th.get_attribute("aria-sort") == "descending"
    assert Select(driver.find_element(By.ID, "page-size")).first_selected_option.get_attribute("value") == "5"
    assert driver.execute_script("return location.hash") == hash_

    # Moving to another view keeps the shared filters; the timeline ignores none of these.
    click_and_settle(driver, driver.find_element(By.CSS_SELECTOR, "nav.views a[data-view=timeline]"), "timeline")
    assert hash_params(driver) == ("timeline", {"root": "04", "quad_class": "1"})
    # The dyads view ignores actor filters but keeps them for the others.
    go_hash(driver, "#/dyads?root=04&actor=CHN", "dyads")
    assert driver.find_element(By.ID, "f-actor").get_attribute("disabled") is not None
    assert "actor=CHN" in driver.find_element(By.ID, "filter-note").text
    click_and_settle(driver, driver.find_element(By.CSS_SELECTOR, "nav.views a[data-view=events]"), "events")
    assert hash_params(driver)[1] == {"root": "04", "actor": "CHN"}

    # Back and forward restore the earlier states.
    seq = view_state(driver)[2]
    driver.back()
    settle(driver, "dyads", seq)
    seq = view_state(driver)[2]
    driver.back()
    settle(driver, "timeline", seq)
    seq = view_state(driver)[2]
    driver.forward()
    settle(driver, "dyads", seq)

    # A shared link to an open event reopens it.
    event = api("/v1/events", limit=1)["events"][0]
    open_page(driver, f"#/events?event={event['event_id']}", "events")
    assert driver.find_element(By.ID, "event-detail").get_attribute("data-event-id") == event["event_id"]
    # A map link with a place reopens the place.
    place = api("/v1/places", limit=1)["places"][0]
    key = f"{place['name']}|{place['country']}|{place['lat']}|{place['lon']}"
    open_page(driver, "#/map?" + urllib.parse.urlencode({"place": key}), "map")
    assert driver.find_element(By.ID, "place-h").text.startswith(place["name"])
    assert driver.find_elements(By.CSS_SELECTOR, "#map-box circle.place.is-selected")


def tab_until(drv, pred, limit=80):
    """Presses Tab from the current focus until pred(active element) holds; returns the path."""
    path = []
    for _ in range(limit):
        ActionChains(drv).send_keys(Keys.TAB).perform()
        el = drv.switch_to.active_element
        desc = drv.execute_script(
            "const e = arguments[0]; return (e.id || e.getAttribute('data-fk') || e.getAttribute('data-view') || e.textContent.trim().slice(0, 30) || e.tagName)", el)
        path.append(desc)
        if pred(el):
            return path
    raise AssertionError(f"Tab never reached the target; went through {path}")


def test_keyboard_reaches_the_main_controls(driver):
    open_page(driver, "#/events?limit=5", "events")
    driver.execute_script("window.focus(); document.activeElement && document.activeElement.blur();")
    # The skip link comes first and is visible when focused.
    path = tab_until(driver, lambda e: "skip" in (e.get_attribute("class") or ""), limit=3)
    skip = driver.switch_to.active_element
    assert skip.is_displayed() and skip.rect["x"] >= 0
    for view in ("code", "events", "timeline", "map", "dyads"):
        tab_until(driver, lambda e, v=view: e.get_attribute("data-view") == v)
    el = driver.switch_to.active_element
    outline = el.value_of_css_property("outline-style")
    assert outline not in ("none", ""), "no visible focus style on the nav links"
    tab_until(driver, lambda e: e.get_attribute("id") == "f-from")
    tab_until(driver, lambda e: e.get_attribute("id") == "f-q")
    tab_until(driver, lambda e: e.text == "Apply filters")
    tab_until(driver, lambda e: e.get_attribute("id") == "page-size")
    tab_until(driver, lambda e: e.get_attribute("id") == "download-csv")
    tab_until(driver, lambda e: e.get_attribute("id") == "page-next")
    tab_until(driver, lambda e: e.get_attribute("data-sort") == "date")
    tab_until(driver, lambda e: (e.get_attribute("data-fk") or "").startswith("row-"))
    # Enter on a row link opens the event, and focus moves to it.
    seq = view_state(driver)[2]
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    settle(driver, "events", seq)
    assert driver.switch_to.active_element.get_attribute("id") == "detail-h"
    # Escape closes it.
    seq = view_state(driver)[2]
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    settle(driver, "events", seq)
    assert not driver.find_elements(By.ID, "event-detail")

    # Alt+3 goes to the timeline; on the map, Tab reaches a place and Enter opens it.
    seq = view_state(driver)[2]
    ActionChains(driver).key_down(Keys.ALT).send_keys("3").key_up(Keys.ALT).perform()
    settle(driver, "timeline", seq)
    open_page(driver, "#/map", "map")
    driver.execute_script("document.getElementById('main').focus()")
    tab_until(driver, lambda e: "place" in (e.get_attribute("class") or "") and e.tag_name == "circle")
    seq = view_state(driver)[2]
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    settle(driver, "map", seq)
    assert "place" in hash_params(driver)[1]
    # On the code view: the text box, the file input and the Code button.
    open_page(driver, "#/code", "code")
    driver.execute_script("document.querySelector('#view h2').focus()")
    tab_until(driver, lambda e: e.get_attribute("id") == "code-text")
    tab_until(driver, lambda e: e.get_attribute("id") == "code-file")
    tab_until(driver, lambda e: e.get_attribute("id") == "code-run")


def test_labels_and_landmarks(driver):
    open_page(driver, "#/events", "events")
    unlabelled = driver.execute_script("""
        return [...document.querySelectorAll('input, select, textarea')].filter(e => e.type !== 'hidden')
          .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.id || e.name);""")
    assert unlabelled == []
    assert driver.find_elements(By.CSS_SELECTOR, "nav[aria-label] a[aria-current=page]")
    assert driver.find_element(By.TAG_NAME, "main")
    assert driver.find_element(By.CSS_SELECTOR, "html").get_attribute("lang") == "en"


def test_phone_width_screenshots_and_no_horizontal_scroll(driver, shot_dir):
    text = (ROOT / "examples" / "defense-visit.txt").read_text(encoding="utf-8")
    try:
        for width in (390, 1280):
            set_width(driver, width, 844 if width < 600 else 900)
            for view, hash_ in (("code", "#/code"), ("events", "#/events"), ("timeline", "#/timeline"),
                                ("map", "#/map"), ("dyads", "#/dyads")):
                open_page(driver, hash_, view)
                if view == "code":
                    driver.execute_script("document.getElementById('code-text').value = arguments[0]", text)
                    driver.find_element(By.ID, "code-run").click()
                    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#code-events button.event-card"))
                    driver.find_elements(By.CSS_SELECTOR, "#code-events button.event-card")[1].click()
                overflow = driver.execute_script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
                assert overflow <= 1, f"{view} scrolls sideways at {width}px by {overflow}px"
                driver.save_screenshot(str(shot_dir / f"{view}-{width}-full.png"))
    finally:
        set_width(driver, 1280)


def test_errors_are_shown_not_thrown(driver):
    open_page(driver, "#/code", "code")
    # An unknown event id: the detail says so; the page keeps working.
    seq = view_state(driver)[2]
    driver.execute_script("location.hash = '#/events?event=0000000000000000'")
    settle(driver, "events", seq)
    assert "No such event" in driver.find_element(By.ID, "event-detail").text
    # Chrome logs the 404 of that fetch as a console error: it is expected here, so drop it.
    driver.get_log("browser")


def test_code_view_stores_an_article(driver):
    """Last: it adds an article to the store (the other tests read the store as they find it)."""
    text = (ROOT / "examples" / "defense-visit.txt").read_text(encoding="utf-8")
    before = api("/healthz")
    # A second run replaces the article stored by the first one.
    earlier = [e for e in all_events(**{"from": "2014-09-17", "to": "2014-09-17"}) if e["article_id"] == "explorer-test-stored"]
    open_page(driver, "#/code", "code")
    driver.execute_script("document.getElementById('code-text').value = arguments[0]", text)
    driver.find_element(By.ID, "code-id").send_keys("explorer-test-stored")
    driver.execute_script("const d = document.getElementById('code-date'); d.value = '2014-09-17';")
    driver.find_element(By.ID, "code-store").click()
    driver.find_element(By.ID, "code-run").click()
    cards = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#code-events button.event-card"))
    assert "date=2014-09-17" in driver.execute_script("return location.hash")
    stored = all_events(**{"from": "2014-09-17", "to": "2014-09-17"})
    assert len(stored) == len(cards)
    assert {e["article_id"] for e in stored} == {"explorer-test-stored"}
    wait(driver, lambda d: str(before["events"] - len(earlier) + len(cards)) in d.find_element(By.ID, "health").text.replace(",", ""))
    # Stored events link to their detail.
    link = driver.find_elements(By.CSS_SELECTOR, "#code-events a.card-link")[0]
    click_and_settle(driver, link, "events")
    detail = driver.find_element(By.ID, "event-detail")
    assert detail.get_attribute("data-event-id") in {e["event_id"] for e in stored}
    assert driver.find_element(By.CSS_SELECTOR, "#detail-sentence mark.hl-verb").text
