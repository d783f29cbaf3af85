//! The agents dictionary: role and sector words with the agent code they add to an actor.
//!
//! ```text
//! !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
//! ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
//! POLICE {} [~COP]
//! CONGRESS!PERSON! [~LEG]
//! HUMAN_RIGHTS_BODY  [NGO~]
//! ```
//!
//! `~CODE` puts the code after the country code, `CODE~` before it. Plurals: regular ones of the
//! last word are generated, `{...}` gives irregular ones instead, `{}` none. A `!NAME!` marker is
//! replaced by each item of its list, with no plural formation.

use std::collections::HashMap;
use std::path::Path;

use super::{logical_lines, phrase_words, read_text, Ctx};
use crate::model::{regular_plural, AgentEntry, AgentPlacement, Diagnostic, Phrase};

/// Reads an agents file.
pub fn read_agents(path: &Path) -> std::io::Result<(Vec<AgentEntry>, Vec<Diagnostic>)> {
    let text = read_text(path)?;
    Ok(parse_agents(&text, &path.display().to_string()))
}

/// Parses the text of an agents file; `file` names it in diagnostics.
pub fn parse_agents(text: &str, file: &str) -> (Vec<AgentEntry>, Vec<Diagnostic>) {
    let mut ctx = Ctx::new(file);
    let mut subst: HashMap<String, Vec<String>> = HashMap::new();
    let mut out = Vec::new();
    for line in logical_lines(text) {
        let no = line.no;
        let t = line.text.trim();
        if t.starts_with('!') {
            if let Some((name, list)) = t.split_once('=') {
                let name = name.trim();
                if name.len() > 2 && name.ends_with('!') && !name[1..name.len() - 1].contains('!') {
                    let items: Vec<String> = list
                        .split(',')
                        .map(|i| i.split_whitespace().collect::<String>())
                        .filter(|i| !i.is_empty())
                        .collect();
                    if items.is_empty() {
                        ctx.warn(no, format!("substitution {name} has no items"));
                    } else {
                        subst.insert(name.to_string(), items);
                    }
                    continue;
                }
            }
        }
        match parse_entry(t, &subst) {
            Ok(mut e) => {
                e.loc = ctx.loc(no);
                out.push(e);
            }
            Err(msg) => ctx.warn(no, format!("agent {t:?} skipped: {msg}")),
        }
    }
    (out, ctx.diags)
}

fn parse_entry(t: &str, subst: &HashMap<String, Vec<String>>) -> Result<AgentEntry, String> {
    let open = t.rfind('[').ok_or("no [code]")?;
    let close = t[open..]
        .find([']', '}'])
        .map(|p| open + p)
        .ok_or("unclosed [code]")?;
    if !t[close + 1..].trim().is_empty() {
        return Err(format!("text after the code: {:?}", t[close + 1..].trim()));
    }
    let raw_code: String = t[open + 1..close].split_whitespace().collect();
    let (code, placement) = if let Some(c) = raw_code.strip_prefix('~') {
        (c, AgentPlacement::Suffix)
    } else if let Some(c) = raw_code.strip_suffix('~') {
        (c, AgentPlacement::Prefix)
    } else {
        return Err(format!("code {raw_code:?} has no ~ to place it"));
    };
    if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(format!("bad agent code {raw_code:?}"));
    }
    let head = &t[..open];
    let (phrase_text, plurals): (&str, Option<&str>) = match head.find('{') {
        Some(b) => {
            let e = head[b..].find('}').ok_or("unclosed {plural}")? + b;
            if !head[e + 1..].trim().is_empty() {
                return Err("text between {plural} and [code]".into());
            }
            (&head[..b], Some(&head[b + 1..e]))
        }
        None => (head, None),
    };
    let has_marker = phrase_text.contains('!');
    let bases = expand_markers(phrase_text.trim(), subst)?;
    let mut phrases: Vec<Phrase> = Vec::new();
    for b in &bases {
        let words = phrase_words(b);
        if words.is_empty() {
            return Err("empty phrase".into());
        }
        phrases.push(words);
    }
    match plurals {
        Some(list) => {
            for p in list.split_whitespace() {
                for b in expand_markers(p, subst)? {
                    let words = phrase_words(&b);
                    if !words.is_empty() {
                        phrases.push(words);
                    }
                }
            }
        }
        None if !has_marker => {
            let mut plural = phrases[0].clone();
            let last = plural.last_mut().expect("phrase is not empty");
            *last = regular_plural(last);
            phrases.push(plural);
        }
        None => {}
    }
    dedup(&mut phrases);
    Ok(AgentEntry {
        phrases,
        code: code.to_ascii_uppercase(),
        placement,
        loc: Default::default(),
    })
}

/// Most phrases one entry may expand into through its markers (every combination of items).
const MAX_EXPANSION: usize = 5000;

/// Replaces each `!NAME!` marker by every item of its list. Items are inserted as written, not
/// expanded again: an item naming its own marker recursed without end, and a line of many
/// markers multiplied out without limit (a 141-byte file took 2.5 GB before it was stopped).
fn expand_markers(s: &str, subst: &HashMap<String, Vec<String>>) -> Result<Vec<String>, String> {
    let mut out = vec![String::new()];
    let mut rest = s;
    while let Some(a) = rest.find('!') {
        let b = rest[a + 1..]
            .find('!')
            .map(|p| p + a + 1)
            .ok_or("unclosed !marker")?;
        let name = &rest[a..=b];
        let items = subst
            .get(name)
            .ok_or_else(|| format!("undefined substitution {name}"))?;
        if out.len().saturating_mul(items.len()) > MAX_EXPANSION {
            return Err(format!(
                "its markers expand into more than {MAX_EXPANSION} phrases"
            ));
        }
        let before = &rest[..a];
        out = out
            .iter()
            .flat_map(|p| items.iter().map(move |item| format!("{p}{before}{item}")))
            .collect();
        rest = &rest[b + 1..];
    }
    for p in &mut out {
        p.push_str(rest);
    }
    Ok(out)
}

fn dedup(phrases: &mut Vec<Phrase>) {
    let mut seen = std::collections::HashSet::new();
    phrases.retain(|p| seen.insert(p.clone()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws(s: &str) -> Phrase {
        s.split(' ').map(String::from).collect()
    }

    #[test]
    fn plurals_placement_and_codes() {
        let text = "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV] # mj\nPOLICE {} [ ~COP]\nARMY [~MIL]\nHUMAN_RIGHTS_BODY  [NGO~]\n";
        let (a, diags) = parse_agents(text, "t");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            a[0].phrases,
            vec![ws("attorney general"), ws("attorneys general")]
        );
        assert_eq!(a[0].code, "GOV");
        assert_eq!(a[0].placement, AgentPlacement::Suffix);
        assert_eq!(a[1].phrases, vec![ws("police")]);
        assert_eq!(a[1].code, "COP");
        assert_eq!(a[2].phrases, vec![ws("army"), ws("armies")]);
        assert_eq!(a[3].placement, AgentPlacement::Prefix);
        assert_eq!(a[3].code, "NGO");
        assert_eq!(a[3].phrases[1], ws("human rights bodies"));
    }

    #[test]
    fn substitution_markers_expand_without_plurals() {
        let text = "!PERSON! = MAN, MEN , WOMAN\n!MINST! = MINISTER, MINISTRY\nCONGRESS!PERSON! [~LEG]\n!MINST!_OF_SILLY_WALKS [~GOV]\nHUSBAND!PERSON![~AGR]\n";
        let (a, diags) = parse_agents(text, "t");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            a[0].phrases,
            vec![ws("congressman"), ws("congressmen"), ws("congresswoman")]
        );
        assert_eq!(
            a[1].phrases,
            vec![ws("minister of silly walks"), ws("ministry of silly walks")]
        );
        assert_eq!(a[2].code, "AGR");
    }

    #[test]
    fn bad_entries_are_reported() {
        let text = "NO_CODE\nNO_TILDE [GOV]\n!UNDEF!_X [~GOV]\nOK [~GOV]\n";
        let (a, diags) = parse_agents(text, "f.txt");
        assert_eq!(a.len(), 1);
        let lines: Vec<u32> = diags.iter().map(|g| g.loc.line).collect();
        assert_eq!(lines, vec![1, 2, 3]);
        assert_eq!(a[0].loc.line, 4);
    }

    #[test]
    fn markers_expand_once_and_within_a_limit() {
        // An item naming its own marker is inserted as written (it recursed without end).
        let text = "!P! = A!P!, B\nX_!P! [~GOV]\n";
        let (a, diags) = parse_agents(text, "t");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(a[0].phrases, vec![ws("x a!p!"), ws("x b")]);
        // Two markers: every combination, the first marker's items outermost.
        let (a, _) = parse_agents("!P! = A, B\n!Q! = C, D\n!P!_!Q! [~GOV]\n", "t");
        assert_eq!(
            a[0].phrases,
            vec![ws("a c"), ws("a d"), ws("b c"), ws("b d")]
        );
        // Twenty markers of two items would be a million phrases: the entry is skipped.
        let text = format!("!P! = A, B\n{} [~GOV]\nARMY [~MIL]\n", "!P!_".repeat(20));
        let (a, diags) = parse_agents(&text, "t");
        assert_eq!(a.len(), 1);
        assert!(
            diags[0].message.contains("more than 5000 phrases"),
            "{diags:?}"
        );
    }
}
