//! How a title-case or all-caps headline is shown to the tagger.
//!
//! The tagger learnt capital letters as a strong sign of a name, on treebanks of running text.
//! A headline written "Defense Minister Visits Kazakhstan, Signs Military Aid Deal" or "CHINA
//! SIGNS AID DEAL" then reads as one long name, and nothing in it is coded. In such a sentence each
//! word that the training data knows mostly as a common word is shown in lower case; names, and
//! words the model does not know, keep their capital (an all-caps one gets a capital and lower
//! case: "KAZAKHSTAN" -> "Kazakhstan"). Only the tagger's view changes: the tokens, their text and
//! offsets stay as written.

use herald_core::Token;

/// Fewest capitalised common words that make a sentence a title-case headline.
const MIN_COMMON: usize = 2;

/// The text the tagger should see for each token of a title-case or all-caps sentence, or
/// `None` for a sentence written in ordinary case. `common_word(norm)` tells whether the
/// training data knows a word mostly as a common word (`Some(true)`), mostly as a name
/// (`Some(false)`), or not at all (`None`).
pub fn view(toks: &[Token], common_word: &dyn Fn(&str) -> Option<bool>) -> Option<Vec<String>> {
    let words: Vec<usize> = (0..toks.len())
        .filter(|&i| toks[i].text.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .collect();
    let all_caps = |t: &Token| {
        t.text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    };
    let capitalised = |t: &Token| t.text.chars().next().is_some_and(char::is_uppercase);
    let caps = words.iter().filter(|&&i| all_caps(&toks[i])).count();
    // All caps: most words, and at least three (an acronym or two is ordinary text).
    let shouting = caps >= 3 && caps * 5 >= words.len() * 4;
    // Title case: the common words after the first are capitalised, three in four at least.
    let common: Vec<usize> = words
        .iter()
        .copied()
        .filter(|&i| i > 0 && common_word(&toks[i].norm) == Some(true))
        .collect();
    let capital_common = common.iter().filter(|&&i| capitalised(&toks[i])).count();
    let title = capital_common >= MIN_COMMON && capital_common * 4 >= common.len() * 3;
    if !shouting && !title {
        return None;
    }
    Some(
        toks.iter()
            .map(|t| {
                let has_letters = t.text.chars().any(char::is_alphabetic);
                match common_word(&t.norm) {
                    _ if !has_letters => t.text.clone(),
                    // An acronym in a title-case line stays ("US" is not "us").
                    Some(true) if !shouting && all_caps(t) => t.text.clone(),
                    Some(true) => t.text.to_lowercase(),
                    // Shouted words the model does not know are mostly rare common words
                    // ("WARNS"); a name among them is still found by the actor dictionaries.
                    None if shouting && all_caps(t) && t.text.chars().count() > 3 => {
                        t.text.to_lowercase()
                    }
                    Some(false) if shouting && all_caps(t) && t.text.chars().count() > 3 => {
                        let mut c = t.text.chars();
                        let first: String = c.next().into_iter().collect();
                        first + &c.as_str().to_lowercase()
                    }
                    _ => t.text.clone(),
                }
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<Token> {
        text.split(' ')
            .map(|w| Token {
                text: w.into(),
                norm: w.to_lowercase(),
                ..Token::default()
            })
            .collect()
    }

    /// A toy lexicon: names and common words.
    fn known(norm: &str) -> Option<bool> {
        match norm {
            "china" | "kazakhstan" | "nato" => Some(false),
            "defense" | "minister" | "visits" | "signs" | "military" | "aid" | "deal" | "the"
            | "to" | "chinese" | "warns" | "over" | "drills" | "president" | "said" => Some(true),
            _ => None,
        }
    }

    #[test]
    fn title_case_headlines_show_common_words_in_lower_case() {
        let t = toks("Chinese Defense Minister Visits Kazakhstan , Signs Military Aid Deal");
        let v = view(&t, &known).unwrap();
        assert_eq!(
            v.join(" "),
            "chinese defense minister visits Kazakhstan , signs military aid deal"
        );
    }

    #[test]
    fn all_caps_headlines_keep_a_capital_on_names_and_unknown_words() {
        let t = toks("CHINA WARNS NATO OVER DRILLS NEAR TAIWAN");
        let v = view(&t, &known).unwrap();
        // Known names get one capital, unknown long words lower case (acronyms of three letters
        // or fewer keep their capitals).
        assert_eq!(v.join(" "), "China warns Nato over drills near taiwan");
    }

    #[test]
    fn ordinary_sentences_are_left_alone() {
        // Capitalised titles inside a sentence of lower-case common words.
        let t = toks("The Chinese Defense Minister said the visits to Kazakhstan were over");
        assert!(view(&t, &known).is_none());
        // A name-heavy sentence with one capitalised common word.
        let t = toks("NATO and China signed a Deal");
        assert!(view(&t, &known).is_none());
        // Two acronyms are not shouting.
        let t = toks("NATO warns the USA over drills");
        assert!(view(&t, &known).is_none());
    }
}
