"""Fixtures: the repository, the `herald` command to compare with, a pipeline, a test corpus."""

import json
import os
import random
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# Sentences for the generated corpus: the examples' and some written for these tests.
SENTENCES = [
    "China's Minister of Defense Chang Wanquan arrived in Kazakhstan on Monday on an official visit.",
    "Chang met Kazakh President Nursultan Nazarbayev in Astana and held talks on regional security.",
    "The two ministers signed an agreement on military technical assistance.",
    "Nazarbayev praised China's support and thanked the minister for the visit.",
    "Russian President Vladimir Putin criticized NATO on Tuesday.",
    "Ukrainian troops clashed with rebels near Donetsk.",
    "Iran accused Israel of sabotage at a nuclear site.",
    "The United States imposed sanctions on Iran.",
    "Japan protested to China over the ship.",
    "Turkey recalled its ambassador from Austria.",
    "Russia condemned the attack on Kyiv.",
    "French President Emmanuel Macron met German Chancellor Angela Merkel in Berlin.",
    "Police arrested dozens of protesters in Caracas.",
    "Indian and Pakistani soldiers exchanged fire along the border in Kashmir.",
    "The European Union offered humanitarian aid to Syria.",
    "North Korea threatened to attack South Korea.",
    "Egyptian security forces killed three militants in Sinai.",
    "Brazil and Argentina signed a trade agreement.",
    "The Kenyan government deported two foreign journalists.",
    "Protesters demonstrated outside the parliament in Bangkok.",
    "Saudi Arabia praised the agreement between Iran and the United States.",
    "Prime Minister Narendra Modi visited Japan on Saturday.",
    "The United Nations called for a ceasefire in Yemen.",
    "Rebels kidnapped an aid worker in Somalia.",
    "Mexico expelled the North Korean ambassador.",
    "Chinese President Xi Jinping hosted Russian President Vladimir Putin in Beijing.",
    "The Nigerian army fought Boko Haram militants near Maiduguri.",
    "Israel returned the bodies of two Palestinian fighters.",
    "Germany promised to send weapons to Kurdish forces in Iraq.",
    "Venezuela accused Colombia of violating its airspace.",
    "The Afghan government released 100 Taliban prisoners.",
    "Pakistan rejected India's request for talks.",
    "Ethiopian troops entered Somalia on Wednesday.",
    "South African police fired tear gas at striking miners.",
    "The Philippines filed a protest against China over the islands.",
    "Vietnam welcomed the visit of the American secretary of state.",
]


def make_articles(n=300, seed=7):
    """`n` articles of 2-6 sentences, dated over two weeks, some undated, some repeated as
    syndicated copies, some with title, source and url."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        if out and rng.random() < 0.08:
            base = rng.choice(out)
            a = dict(base, id=f"copy-{i}", source=rng.choice(["AFP", "AP", "Reuters"]))
            out.append(a)
            continue
        k = rng.randint(2, 6)
        text = " ".join(rng.sample(SENTENCES, k))
        a = {"id": f"art-{i}", "text": text}
        if rng.random() < 0.9:
            a["date"] = f"2014-09-{rng.randint(1, 28):02d}"
        if rng.random() < 0.3:
            a["title"] = "News of the day"
        if rng.random() < 0.5:
            a["source"] = rng.choice(["AFP", "AP", "Reuters", "Xinhua"])
        if rng.random() < 0.3:
            a["url"] = f"https://example.com/news/{i}"
        out.append(a)
    return out


@pytest.fixture(scope="session")
def herald_bin():
    b = Path(os.environ.get("HERALD_BIN", REPO / "target" / "release" / "herald"))
    if not b.exists():
        pytest.fail(f"the herald command is needed to compare with: build it "
                    f"(cargo build --release) or set HERALD_BIN (looked at {b})")
    return b


@pytest.fixture(scope="session")
def cli(herald_bin):
    """Runs `herald code ARGS`; returns its stdout (bytes)."""

    def run(*args):
        r = subprocess.run([str(herald_bin), "code", *map(str, args)], capture_output=True)
        assert r.returncode in (0, 1), r.stderr.decode()
        return r.stdout

    return run


@pytest.fixture(scope="session")
def pipeline():
    import herald

    return herald.Pipeline()


@pytest.fixture(scope="session")
def articles():
    return make_articles()


@pytest.fixture(scope="session")
def corpus_file(articles, tmp_path_factory):
    p = tmp_path_factory.mktemp("corpus") / "articles.jsonl"
    with open(p, "w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a) + "\n")
    return p


@pytest.fixture(scope="session")
def cli_parquet(cli, corpus_file, tmp_path_factory):
    """The CLI's Parquet output for the corpus, read with pyarrow; with and without dedup."""
    import pyarrow.parquet as pq

    d = tmp_path_factory.mktemp("cli")
    out = {}
    for name, extra in (("dedup", []), ("nodedup", ["--no-dedup"])):
        p = d / f"{name}.parquet"
        cli(corpus_file, "--output-format", "parquet", "-o", p, *extra)
        out[name] = pq.read_table(p)
    return out
