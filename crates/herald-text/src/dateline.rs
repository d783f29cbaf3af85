//! Wire-service datelines: "ASTANA, Sept. 15 (Reuters) -", "WASHINGTON (AP) --",
//! "BEIJING, Jan 3 (Xinhua) --". The place is kept for geocoding and left out of the first
//! sentence.

/// Looks for a dateline at the start of the first or second paragraph (the first may be a
/// headline). Returns the byte span of the dateline including its dash and following spaces.
pub fn find_dateline(text: &str) -> Option<(usize, usize)> {
    let mut para_start = 0;
    for _ in 0..3 {
        let rest = &text[para_start..];
        let skipped = rest.len() - rest.trim_start().len();
        let start = para_start + skipped;
        if let Some(end) = dateline_at(&text[start..]) {
            return Some((start, start + end));
        }
        // Next line (headline, byline) or paragraph.
        match text[start..].find('\n') {
            Some(nl) => para_start = start + nl + 1,
            None => return None,
        }
    }
    None
}

/// Length of a dateline at the start of `s`, if there is one.
fn dateline_at(s: &str) -> Option<usize> {
    // Look only at the head of the paragraph: a dateline is short.
    let limit = s.char_indices().nth(80).map_or(s.len(), |(i, _)| i);
    let head = &s[..limit];
    let line_end = head.find('\n').unwrap_or(head.len());
    let head = &head[..line_end];
    // The dash that ends the dateline.
    let (dash_pos, dash_len) = ["--", "\u{2014}", "\u{2013}", " - ", " -"]
        .iter()
        .filter_map(|d| head.find(d).map(|p| (p, d.len())))
        .min_by_key(|&(p, _)| p)?;
    let before = head[..dash_pos].trim_end();
    if before.is_empty() {
        return None;
    }
    // The place: one or more words in capitals before the first comma or parenthesis.
    let place_end = before.find([',', '(']).unwrap_or(before.len());
    let place = before[..place_end].trim();
    let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2
        || letters.iter().any(|c| c.is_lowercase())
        || place.split_whitespace().count() > 4
    {
        return None;
    }
    // What follows the place must look like a date and/or an agency in parentheses.
    let tail = before[place_end..].trim();
    let plausible_tail = tail.is_empty()
        || tail.starts_with(',')
            && tail.len() < 40
            && tail.chars().filter(|c| c.is_alphabetic()).count() < 30
        || tail.starts_with('(') && tail.ends_with(')');
    if !plausible_tail {
        return None;
    }
    let mut end = dash_pos + dash_len;
    end += s[end..].len() - s[end..].trim_start_matches([' ', '-']).len();
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(text: &str) -> Option<&str> {
        find_dateline(text).map(|(s, e)| text[s..e].trim_end())
    }

    #[test]
    fn common_forms() {
        assert_eq!(
            dl("ASTANA, Sept. 15 (Reuters) - China's minister"),
            Some("ASTANA, Sept. 15 (Reuters) -")
        );
        assert_eq!(
            dl("WASHINGTON (AP) \u{2014} The president"),
            Some("WASHINGTON (AP) \u{2014}")
        );
        assert_eq!(
            dl("BEIJING, Jan 3 (Xinhua) -- China"),
            Some("BEIJING, Jan 3 (Xinhua) --")
        );
        assert_eq!(dl("NEW YORK -- Stocks fell"), Some("NEW YORK --"));
        assert_eq!(
            dl("Headline here\nKABUL, Afghanistan - Taliban"),
            Some("KABUL, Afghanistan -")
        );
    }

    #[test]
    fn ordinary_text_has_none() {
        assert_eq!(dl("The minister - who arrived Monday - spoke."), None);
        assert_eq!(dl("China's Minister of Defense arrived."), None);
        assert_eq!(dl(""), None);
        assert_eq!(dl("A - B"), None);
    }
}
