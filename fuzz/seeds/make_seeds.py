#!/usr/bin/env python3
"""Writes the seed corpus under fuzz/corpus/<target>/ from the repository's own examples,
dictionaries and test fixtures, plus small hostile inputs written here. Run from the repository
root: python3 fuzz/seeds/make_seeds.py. Deterministic; existing seeds of the same name are
overwritten, others (e.g. minimized finds) are kept."""
import json
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "fuzz", "corpus")
MAX = 4000  # libFuzzer's default -max_len is 4096


def put(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data[:MAX] if len(data) > MAX else data)


def read(path):
    with open(os.path.join(ROOT, path), "rb") as f:
        return f.read()


def example_texts():
    texts = [read("examples/defense-visit.txt").decode()]
    for name in ("examples/articles.jsonl", "examples/syndicated.jsonl"):
        for line in read(name).decode().splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


# Hostile text: characters whose lower case has another length, clitics after them, runs of
# one class, marks, direction marks, emoji, NUL, and the shapes of wire copy.
HOSTILE = [
    "Police raided \u0130zmir\u2019s city hall.\n",
    "The \u212Aelvin sign: 5 \u212A. \u0130STANBUL\u2019S mayor met \u1E9Eerlin officials.\n",
    "''''''''''''''''''''''''''''''''''''''''\u2019\u2019\u2019\u2019\u2019\u2019s\n",
    "U.S.-led talks in St. Louis, Mo., on Jan. 5 at 3 p.m. ended... Gen. J. Smith said.\n",
    "WASHINGTON (AP) \u2014 The president said \u201CNo.\u201D Then: \u00ABnon\u00BB.\n",
    "e\u0301e\u0301e\u0301 \u0627\u0644\u0633\u0644\u0627\u0645 \u200F\u200E\u202E abc \u202C \U0001F600\U0001F1FA\U0001F1F8 \u200D\n",
    "NUL\x00inside\x00 words. Tabs\tand\r\nCRLF\r\n\r\nnew paragraph.\n",
    "((((([[[{{{ quotes \"\"\"\" ---- .... !!!! ???? 1,2,3.4.5 $5bn \u20AC3m 50% #tag @user\n",
    "http://example.com/a?b=c&d=e x@y.com www.example.org :) :-( <b>bold</b>\n",
    "Subject: hi\nFrom: a@b.c\n\n==========\nRegards,\nBob\n",
    "\ufeffBOM at start. \u2028line sep\u2029para sep\u3000ideographic space\u00a0nbsp.\n",
    "Russia condemned the attack on Kyiv. Russia condemned the attack on Kyiv.\n",
    "KABUL, Afghanistan - Taliban fighters attacked a convoy, killing five.\n",
    "Headline here\nBEIJING, Jan 3 (Xinhua) -- China protested to Japan over the ship.\n",
    "word " * 300 + "\n",
    "A" * 2000,
    "\u0301" * 500,
    "I.I.I.I.I.I.I.I.I.I.I.I.I.I.I.I.I.I.I.I.I.I.I.I.I.I.I.I.I.I.I.I.I.I.I.\n",
]

texts = example_texts()
for i, t in enumerate(texts):
    for target in ("text_segment", "text_dateline", "pipeline", "read_text"):
        put(target, f"example-{i}.txt", t)
for i, t in enumerate(HOSTILE):
    for target in ("text_segment", "text_dateline", "pipeline", "read_text", "read_sniffed"):
        put(target, f"hostile-{i}.txt", t)
# Invalid UTF-8: lone surrogates written as bytes, truncated sequences, Latin-1.
for target in ("read_text", "read_sniffed", "text_segment"):
    put(target, "invalid-utf8.txt", b"line one\nline \xff two\n\xed\xa0\x80 surrogate \xe2\x80 cut\xe9t\xe9")
put("read_text", "empty.txt", b"  \n\t ")

# JSON Lines.
jsonl = [read("examples/articles.jsonl"), read("examples/syndicated.jsonl")]
jsonl.append(
    b'{"id":"a","text":"Police raided the hall.","lang":"en","authors":["A. B."],"meta":{"n":1}}\n'
    b'\n{"id":7,"text":"Second.","date":"2014-09-15T10:00:00Z"}\n{"id":"b","text": oops}\n'
    b'{"id":"c","text":""}\n{"id":"d","text":"x","date":"15/09/2014"}\n'
    b'{"text":"no id","title":null,"source":"s","url":"http://u"}\n'
)
jsonl.append(b'\xef\xbb\xbf{"id":"bom","text":"After a byte-order mark."}\r\n')
jsonl.append(b'[{"id":"a","text":"an array"}]\n')
jsonl.append(b'not json at all\n{"id":"a","text":"x"}\n')
jsonl.append(b'{"id":"a","text":"\\u0130zmir\\u2019s hall \\ud800 lone"}\n{"id":"x","text":"\xff"}\n')
for i, d in enumerate(jsonl):
    put("read_jsonl", f"jsonl-{i}.jsonl", d)
    put("read_sniffed", f"jsonl-{i}.jsonl", d)

# PETRARCH XML, written here (the validation files in ../shared stay there).
XML = [
    """<?xml version="1.0" encoding="UTF-8"?>
<Sentences>
<!-- <Sentence id="commented-out"> -->
<Environment>
<Verbfile>CAMEO.verbpatterns.txt</Verbfile>
<Actorfile>Phoenix.Countries.actors.txt</Actorfile>
<Include>valid error</Include>
<Config option="new_actor_length" value="0"></Config>
</Environment>
<Sentence date="20080804" id="S1" source="AFP" category="valid">
<Text>
The US leader
prepared to attend.
</Text>
<Parse>(ROOT (S (NP (DT The) (NNP US) (NN leader)) (VP (VBD prepared) (S (VP (TO to) (VP (VB attend))))) (. .)))</Parse>
<EventCoding sourcecode="USA" targetcode="---" eventcode="030"></EventCoding>
</Sentence>
<Config option="require_dyad" value="false"/>
<Sentence date="20080805" id="S2">
<Text>Russia &amp; China condemned the attack on Kyiv.</Text>
<EventCoding noevents="True"></EventCoding>
</Sentence>
<Sentence date="2008080" id="S3"><Text>Bad date.</Text></Sentence>
<Sentence id="S4"><Text></Text>
<Parse>(ROOT (S (NP (NNP Interpol)) (VP (VBD said)) (. .)))</Parse></Sentence>
<Sentence date="20080806"><Text>No id.</Text></Sentence>
<Sentence id="S6"><Text>Never closed.
</Sentences>
""",
    """<Sentences><Sentence id="a"><Text><![CDATA[Kim & Moon met.]]></Text></Sentence><Sentence id="b"><Text>x &bogus; y</Text></Sentence></Sentences>""",
    """<!-- generated -->\n<Sentences>\n<Sentence id="t1" date="20140915"><Text>Police raided \u0130zmir\u2019s city hall.</Text></Sentence>\n</Sentences>\n""",
]
for i, x in enumerate(XML):
    put("read_petrarch", f"petrarch-{i}.xml", x)
    put("read_sniffed", f"petrarch-{i}.xml", x)

# Penn trees: a tree, a line break, a text to align it against.
penn_src = read("crates/herald-penn/src/lib.rs").decode() + read("crates/herald-io/src/input/petrarch.rs").decode()
trees = sorted(set(re.findall(r'"(\(ROOT .*?)"', penn_src)))
for i, tree in enumerate(trees):
    words = " ".join(re.findall(r"\(\S+ ([^()\s]+)\)", tree))
    put("penn", f"tree-{i}.txt", tree + "\n" + words)
put("penn", "unbalanced.txt", "(ROOT (S (NP (NNP A)) (VP (VBD b))\nA b")
put("penn", "deep.txt", "(" * 200 + "X y" + ")" * 200 + "\ny")
put("penn", "escapes.txt", "( (S (-LRB- -LRB-) (NP (NNP A\\/B)) (`` ``) ('' '') (-NONE- *T*-1) (. .)) )\n(A/B \u201C\u201D .")

# PETRARCH dictionaries: the test fixtures, and pieces written here.
fixtures = "crates/herald-dict/tests/fixtures/petrarch/"
for kind, name in [("verbs", "test.verbs.txt"), ("actors", "test.actors.txt"),
                   ("agents", "test.agents.txt"), ("discards", "test.discards.txt"),
                   ("issues", "test.IssueCoding.txt")]:
    put(f"dict_{kind}", name, read(fixtures + name))
put("dict_verbs", "more.txt", """&CURRENCY
+DOLLAR
+EURO_
--- ALTER   [---]  ---
ALTER
SPEED {SPEEDING SPEEDS SPED}
+CORDON_OFF {+CORDONED_OFF}
KLM_NOP_+RST [002]
- * (TO {BANNED PARTIES}) $  [1722]
- MOST_CERTAINLY_* &CURRENCY ^ % [033:034]
- {&CURRENCY AID} * + [070]
~ a (a b ATTACK) SAY = a b 015
--- NOUNS [---] ---
""")
put("dict_actors", "more.txt", """<!-- multi
line comment -->
UNITED_STATES_ [USA] # comment
+U.S._
+AMERICA
VLADIMIR_PUTIN_ [RUSELI]
+PUTIN
\t[RUSGOV 20000507-20080507]
\t[RUSGOV >20120507]
\t[RUSELI <20000507]
FRONT_POLISARIO [FRO/BIL/SAM]
ITHILEN TELEVISION [ITHMED]
\u0130ZM\u0130R_ [TUR]
""")
put("dict_agents", "more.txt", """!MINIST! = MINISTER, MINISTRY
DEFENSE_!MINIST! [~MIL]
REBEL {REBELS} [~REB]
NON-GOVERNMENTAL_ORGANIZATION [NGO~]
PRESIDENT [~GOV] # a comment
""")
put("dict_discards", "more.txt", "+SOCCER_\n+FOOTBALL MATCH_\nWORLD CUP\n<!-- x -->\n+\n")
put("dict_issues", "more.txt", """<ISSUE CATEGORY="ECONOMY">
n:inflation [ECON]
interest rate [ECON]
~interest rates rose
</ISSUE>
""")

# Herald TOML dictionaries: pieces of the bundled files, cut at table boundaries.
for dirpath, _, files in sorted(os.walk(os.path.join(ROOT, "dictionaries"))):
    for f in sorted(files):
        if not f.endswith(".toml"):
            continue
        rel = os.path.relpath(os.path.join(dirpath, f), ROOT)
        text = read(rel).decode()
        pieces = re.split(r"\n(?=\[\[|\[lexicon)", text)
        chunk, n = "", 0
        for p in pieces:
            if len(chunk) + len(p) > 3000 and chunk:
                put("dict_toml", f"{rel.replace('/', '-')}-{n}.toml", chunk)
                n += 1
                chunk = ""
                if n >= 2:
                    break
            chunk += p + "\n"
        if chunk and n < 2:
            put("dict_toml", f"{rel.replace('/', '-')}-{n}.toml", chunk)
put("dict_toml", "odd.toml", """[[country]]
code = "TUR"
names = ["T\u00fcrkiye", "\u0130zmir\u2019s", "  "]
adjectives = ["Turkish,"]
[[person]]
name = "Vladimir Putin"
roles = [{ code = "RUSGOV", from = "2000-05-07", to = "2008-05-07" }, { code = "RUSELI", from = "bad" }]
[[event]]
code = "999"
verbs = ["", "x y z", "'s"]
[[agent]]
code = "MIL"
terms = ["soldiers'"]
placement = "middle"
[[unknown]]
x = 1
""")


# libFuzzer dictionaries: tokens worth inserting whole (fuzz/dict/<name>.dict, passed with
# -dict=). Values are written as escaped bytes.
def dict_file(name, tokens):
    d = os.path.join(ROOT, "fuzz", "dict")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + ".dict"), "w") as f:
        f.write("# Written by fuzz/seeds/make_seeds.py\n")
        for t in tokens:
            b = t.encode("utf-8") if isinstance(t, str) else t
            esc = "".join(chr(c) if 32 <= c < 127 and c not in (34, 92) else "\\x%02x" % c for c in b)
            f.write(f'"{esc}"\n')


TEXT_TOKENS = [
    "\u0130", "\u212A", "\u1E9E", "\u00DF", "\u03A3", "\uFB01", "\u0301", "\u200D", "\u200F",
    "\u202E", "\uFEFF", "\uFFFD", "\u2028", "\u00A0", "\u3000", "\U0001F600", "\U0001F1FA",
    "'", "\u2019", "\u2018", "'s", "\u2019s", "n't", "N\u2019T", "\"", "\u201C", "\u201D", "``",
    "''", "\u00AB", "--", "\u2014", "\u2013", "...", "\u2026", "U.S.", "Gen.", "No.", "Mr.", "p.m.",
    "St.", "(Reuters) - ", " (AP) \u2014 ", "ASTANA, Sept. 15 ", "\n\n", "\r\n", "http://", "www.",
    "@", "#", "$", "\u20AC", "%", "1,200", "3.5", "[6]", ":)", "Subject:", "Regards", "==========",
    "\x00", b"\xff", b"\xed\xa0\x80", b"\xe2\x80", "Russia", "China", "condemned", "attacked",
    "met", "said", "the", "minister", "police", "Putin", "in", "Kyiv",
]
dict_file("text", TEXT_TOKENS)
dict_file("jsonl", ['{"id":', '"text":', '"date":', '"title":', '"source":', '"url":', '"lang":',
                    "null", "true", "[]", "{}", "\\u0130", "\\ud800", '\\"', "\n", "\r\n",
                    "\ufeff", '"2014-09-15"', '"15/09/2014"', "1e999", "-0", "}"] + TEXT_TOKENS[:20])
dict_file("xml", ["<Sentences>", "</Sentences>", "<Sentence ", "</Sentence>", "<Text>", "</Text>",
                  "<Parse>", "</Parse>", "<EventCoding ", "<Config ", "<Environment>",
                  "</Environment>", "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&lt;", "&#x130;",
                  "&bogus;", 'id="', 'date="20140915"', 'option="', 'value="', "/>", "<?xml ",
                  "(ROOT (S ", "(NP (NNP ", "))"] + TEXT_TOKENS[:20])
dict_file("penn", ["(ROOT", "(S", "(NP", "(VP", "(PP", "(NNP", "(VBD", "(-NONE- *T*-1)", "-LRB-",
                   "-RRB-", "``", "''", "(POS 's)", "(. .)", "(, ,)", "NP-SBJ-1", "=2", ")", "(",
                   "\\/", "\\*", "\n"] + TEXT_TOKENS[:20])
dict_file("petrarch_dict", ["[", "]", "{", "}", "[~GOV]", "[NGO~]", "[---]", "[032:033]",
                            "[:173]", "--- ", " ---", "&", "+", "- ", "* ", "$", "%", "^", "_",
                            "(TO ", "!PERSON!", " = ", ", ", "~", "#", "<!--", "-->",
                            '<ISSUE CATEGORY="', "</ISSUE>", "n:", "v:", "a+b", " >2012",
                            " <2000", "20000507-20080507", ";", "\t"] + TEXT_TOKENS[:20])
dict_file("toml", ["[[country]]", "[[organization]]", "[[person]]", "[[agent]]", "[[event]]",
                   "[lexicon]", "[[frame]]", "code = ", "names = [", "roles = [", "terms = [",
                   "verbs = [", "objects = [", "nouns = [", "target_preps = [",
                   "target_required = true", "subjects = [", "placement = ", 'from = "2000-01-01"',
                   'to = "', "aliases = [", "adjectives = [", "capitals = [", "metonyms = [",
                   'name = "', '"""', "'''", "#", "]", "{", "}", '", "', "\n"] + TEXT_TOKENS[:20])
print("seeds written under", CORPUS)
