//! English verb inflection: the forms a dictionary verb can take in untagged text.
//!
//! When the tagger has lemmatized a sentence, verbs are matched by lemma; these forms let the coder
//! also work on text that was not tagged (and catch lemmatizer misses). The irregular verbs are
//! data: the lexicon's `irregular_verbs` ([`Words::irregular`]).

use crate::words::Words;

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

/// All forms of a verb: base, third person singular, past, past participle, present participle;
/// irregular ones from the built-in lexicon.
pub fn verb_forms(lemma: &str) -> Vec<String> {
    static BUILTIN: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    let words = BUILTIN.get_or_init(|| Words::new(&herald_dict::WordLists::default()));
    forms(lemma, words)
}

/// All forms of a verb, its irregular ones from `words`.
pub(crate) fn forms(lemma: &str, words: &Words) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    let b = lemma.as_bytes();
    let n = b.len();
    if n == 0 {
        return out;
    }
    // Third person singular.
    out.push(herald_dict::regular_plural(lemma));
    if let Some((past, part)) = words.irregular(lemma) {
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
pub(crate) fn is_past_participle_form(word: &str, words: &Words) -> bool {
    word.ends_with("ed") || words.is_irregular_participle(word)
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
