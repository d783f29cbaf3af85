//! Identifiers and keys: the text hash, event ids, the order-preserving integer form an event id
//! is stored in, page cursors, and the ingest timestamp.

use herald_core::hash::{fnv1a, fx, splitmix};

/// The hash of an article's text: FNV-1a 64 as 16 lower-case hex digits.
pub fn text_hash(text: &str) -> String {
    format!("{:016x}", fnv1a(text.bytes()))
}

/// The event id of the `ordinal`-th event of an article (0-based, in the order the pipeline gave
/// them), whose sentence is `sentence_index`: the same article text always gives the same ids.
pub fn event_id(article_id: &str, text_hash: &str, sentence_index: usize, ordinal: usize) -> u64 {
    // Fx over the id's bytes with its length (so "ab"+"c" and "a"+"bc" differ), then the
    // numbers; SplitMix spreads Fx's weak low bits over the whole id.
    let mut h = fx(0, article_id.len() as u64);
    for chunk in article_id.as_bytes().chunks(8) {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        h = fx(h, u64::from_le_bytes(word));
    }
    h = fx(
        h,
        u64::from_str_radix(text_hash, 16).unwrap_or_else(|_| fnv1a(text_hash.bytes())),
    );
    h = fx(h, sentence_index as u64);
    h = fx(h, ordinal as u64);
    splitmix(h)
}

/// An event id as its 16 hex digits.
pub fn id_hex(id: u64) -> String {
    format!("{id:016x}")
}

/// The 16 hex digits of an event id back to the id; `None` unless exactly 16 lower- or upper-case
/// hex digits.
pub fn parse_id(s: &str) -> Option<u64> {
    if s.len() != 16 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u64::from_str_radix(s, 16).ok()
}

/// An event id as the signed integer SQLite stores it in (the events table's rowid): the top
/// bit flipped, so that integer order is the order of the hex strings.
pub fn to_key(id: u64) -> i64 {
    (id ^ (1 << 63)) as i64
}

/// The inverse of [`to_key`].
pub fn from_key(key: i64) -> u64 {
    (key as u64) ^ (1 << 63)
}

/// A page cursor: the sort key of the last event of a page, `YYYYMMDD-<event id>` (day 0 for
/// undated events). Callers treat it as opaque.
pub fn cursor(day: u32, id: u64) -> String {
    format!("{day:08}-{id:016x}")
}

/// A cursor back to its day and event id; `None` when it is not one [`cursor`] makes.
pub fn parse_cursor(s: &str) -> Option<(u32, u64)> {
    let (day, id) = s.split_once('-')?;
    if day.len() != 8 || !day.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((day.parse().ok()?, parse_id(id)?))
}

/// Now as RFC 3339 UTC, to the second: when an article was stored.
pub fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

/// Howard Hinnant's civil_from_days: days since 1970-01-01 to (year, month, day).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_keep_the_order_of_hex_ids() {
        let ids = [
            0u64,
            1,
            0x7fff_ffff_ffff_ffff,
            0x8000_0000_0000_0000,
            u64::MAX,
        ];
        for w in ids.windows(2) {
            assert!(to_key(w[0]) < to_key(w[1]));
            assert!(id_hex(w[0]) < id_hex(w[1]));
        }
        for id in ids {
            assert_eq!(from_key(to_key(id)), id);
            assert_eq!(parse_id(&id_hex(id)), Some(id));
        }
    }

    #[test]
    fn event_ids_are_stable_and_distinct() {
        let h = text_hash("Russia condemned the attack.");
        assert_eq!(h.len(), 16);
        let a = event_id("a1", &h, 0, 0);
        assert_eq!(a, event_id("a1", &h, 0, 0));
        assert_ne!(a, event_id("a1", &h, 0, 1));
        assert_ne!(a, event_id("a1", &h, 1, 0));
        assert_ne!(a, event_id("a2", &h, 0, 0));
        assert_ne!(a, event_id("a1", &text_hash("other"), 0, 0));
        assert_ne!(event_id("ab", &h, 0, 0), event_id("ab\0", &h, 0, 0));
    }

    #[test]
    fn cursors_round_trip_and_reject_junk() {
        let c = cursor(20150302, 0xabc);
        assert_eq!(c, "20150302-0000000000000abc");
        assert_eq!(parse_cursor(&c), Some((20150302, 0xabc)));
        for bad in [
            "",
            "-",
            "2015-03-02",
            "20150302-xyz",
            "2015030-0000000000000abc",
            "' OR 1=1 --",
        ] {
            assert_eq!(parse_cursor(bad), None, "{bad}");
        }
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(16_496), (2015, 3, 2));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(now_utc().len(), 20);
    }
}
