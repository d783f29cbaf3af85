//! English verb inflection: the forms a dictionary verb can take in untagged text.
//!
//! When the tagger has lemmatized a sentence, verbs are matched by lemma; these forms let the coder
//! also work on text that was not tagged (and catch lemmatizer misses).

/// Irregular verbs: base, past, past participle. Only verbs likely in event dictionaries.
const IRREGULAR: &[(&str, &str, &str)] = &[
    ("be", "was", "been"),
    ("bear", "bore", "borne"),
    ("beat", "beat", "beaten"),
    ("become", "became", "become"),
    ("begin", "began", "begun"),
    ("bend", "bent", "bent"),
    ("bid", "bid", "bid"),
    ("bind", "bound", "bound"),
    ("bite", "bit", "bitten"),
    ("blow", "blew", "blown"),
    ("break", "broke", "broken"),
    ("bring", "brought", "brought"),
    ("build", "built", "built"),
    ("burn", "burnt", "burnt"),
    ("buy", "bought", "bought"),
    ("cast", "cast", "cast"),
    ("catch", "caught", "caught"),
    ("choose", "chose", "chosen"),
    ("come", "came", "come"),
    ("cost", "cost", "cost"),
    ("cut", "cut", "cut"),
    ("deal", "dealt", "dealt"),
    ("do", "did", "done"),
    ("draw", "drew", "drawn"),
    ("drive", "drove", "driven"),
    ("eat", "ate", "eaten"),
    ("fall", "fell", "fallen"),
    ("feed", "fed", "fed"),
    ("feel", "felt", "felt"),
    ("fight", "fought", "fought"),
    ("find", "found", "found"),
    ("flee", "fled", "fled"),
    ("fly", "flew", "flown"),
    ("forbid", "forbade", "forbidden"),
    ("forgive", "forgave", "forgiven"),
    ("freeze", "froze", "frozen"),
    ("get", "got", "gotten"),
    ("give", "gave", "given"),
    ("go", "went", "gone"),
    ("grow", "grew", "grown"),
    ("hang", "hung", "hung"),
    ("have", "had", "had"),
    ("hear", "heard", "heard"),
    ("hide", "hid", "hidden"),
    ("hit", "hit", "hit"),
    ("hold", "held", "held"),
    ("hurt", "hurt", "hurt"),
    ("keep", "kept", "kept"),
    ("know", "knew", "known"),
    ("lay", "laid", "laid"),
    ("lead", "led", "led"),
    ("leave", "left", "left"),
    ("lend", "lent", "lent"),
    ("let", "let", "let"),
    ("lose", "lost", "lost"),
    ("make", "made", "made"),
    ("mean", "meant", "meant"),
    ("meet", "met", "met"),
    ("mislead", "misled", "misled"),
    ("overcome", "overcame", "overcome"),
    ("overthrow", "overthrew", "overthrown"),
    ("pay", "paid", "paid"),
    ("put", "put", "put"),
    ("quit", "quit", "quit"),
    ("read", "read", "read"),
    ("rebuild", "rebuilt", "rebuilt"),
    ("ride", "rode", "ridden"),
    ("ring", "rang", "rung"),
    ("rise", "rose", "risen"),
    ("run", "ran", "run"),
    ("say", "said", "said"),
    ("see", "saw", "seen"),
    ("seek", "sought", "sought"),
    ("sell", "sold", "sold"),
    ("send", "sent", "sent"),
    ("set", "set", "set"),
    ("shake", "shook", "shaken"),
    ("shoot", "shot", "shot"),
    ("shut", "shut", "shut"),
    ("sing", "sang", "sung"),
    ("sink", "sank", "sunk"),
    ("sit", "sat", "sat"),
    ("slay", "slew", "slain"),
    ("speak", "spoke", "spoken"),
    ("spend", "spent", "spent"),
    ("split", "split", "split"),
    ("spread", "spread", "spread"),
    ("stand", "stood", "stood"),
    ("steal", "stole", "stolen"),
    ("strike", "struck", "struck"),
    ("swear", "swore", "sworn"),
    ("sweep", "swept", "swept"),
    ("take", "took", "taken"),
    ("teach", "taught", "taught"),
    ("tear", "tore", "torn"),
    ("tell", "told", "told"),
    ("think", "thought", "thought"),
    ("throw", "threw", "thrown"),
    ("undergo", "underwent", "undergone"),
    ("understand", "understood", "understood"),
    ("undertake", "undertook", "undertaken"),
    ("uphold", "upheld", "upheld"),
    ("upset", "upset", "upset"),
    ("wage", "waged", "waged"),
    ("wake", "woke", "woken"),
    ("wear", "wore", "worn"),
    ("win", "won", "won"),
    ("overrun", "overran", "overrun"),
    ("withdraw", "withdrew", "withdrawn"),
    ("withhold", "withheld", "withheld"),
    ("write", "wrote", "written"),
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Whether a regular verb may double its final consonant before -ed/-ing ("ban" -> "banned",
/// "expel" -> "expelled", British "travelled"). Stress decides and spelling cannot tell it, so
/// callers emit both spellings: the one that is not a word never occurs in text and costs nothing.
fn doubles_final(v: &str) -> bool {
    let b = v.as_bytes();
    let n = b.len();
    if n < 3 {
        return false;
    }
    let (a, m, z) = (b[n - 3], b[n - 2], b[n - 1]);
    !is_vowel(a) && is_vowel(m) && !is_vowel(z) && !matches!(z, b'w' | b'x' | b'y')
}

/// All forms of a verb: base, third person singular, past, past participle, present participle.
pub fn verb_forms(lemma: &str) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    let b = lemma.as_bytes();
    let n = b.len();
    if n == 0 {
        return out;
    }
    // Third person singular.
    out.push(herald_dict::regular_plural(lemma));
    if let Some(&(_, past, part)) = IRREGULAR.iter().find(|(base, _, _)| *base == lemma) {
        out.push(past.to_string());
        out.push(part.to_string());
        if lemma == "be" {
            out.extend(["is", "are", "were", "am", "being"].map(String::from));
        }
        if lemma == "have" {
            out.push("has".into());
        }
    } else if lemma.ends_with('e') {
        out.push(format!("{lemma}d"));
    } else if n >= 2 && lemma.ends_with('y') && !is_vowel(b[n - 2]) {
        out.push(format!("{}ied", &lemma[..n - 1]));
    } else {
        out.push(format!("{lemma}ed"));
        if doubles_final(lemma) {
            out.push(format!("{lemma}{}ed", b[n - 1] as char));
        }
    }
    // Present participle.
    if lemma.ends_with("ie") {
        out.push(format!("{}ying", &lemma[..n - 2]));
    } else if lemma.ends_with('e') && !lemma.ends_with("ee") && n > 2 {
        out.push(format!("{}ing", &lemma[..n - 1]));
    } else {
        out.push(format!("{lemma}ing"));
        if doubles_final(lemma) {
            out.push(format!("{lemma}{}ing", b[n - 1] as char));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Past participles, to recognise passives ("was praised by").
pub fn is_past_participle_form(word: &str) -> bool {
    word.ends_with("ed") || IRREGULAR.iter().any(|(_, _, p)| *p == word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        assert_eq!(verb_forms("sign"), ["sign", "signed", "signing", "signs"]);
        assert_eq!(verb_forms("meet"), ["meet", "meeting", "meets", "met"]);
        assert_eq!(
            verb_forms("praise"),
            ["praise", "praised", "praises", "praising"]
        );
        for (verb, form) in [
            ("ban", "banned"),
            ("ban", "banning"),
            ("expel", "expelled"),
            ("kidnap", "kidnapped"),
            ("commit", "committed"),
            ("travel", "traveled"),
            ("travel", "travelled"),
            ("visit", "visited"),
            ("open", "opened"),
            ("open", "opening"),
        ] {
            assert!(
                verb_forms(verb).contains(&form.to_string()),
                "{verb} {form}"
            );
        }
        assert_eq!(
            verb_forms("accuse"),
            ["accuse", "accused", "accuses", "accusing"]
        );
        assert_eq!(verb_forms("deny"), ["denied", "denies", "deny", "denying"]);
        assert!(verb_forms("say").contains(&"said".to_string()));
    }
}
