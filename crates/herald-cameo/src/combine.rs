//! Framed events: the CAMEO code for "A will help B", "A urged B to release prisoners",
//! "A threatened to impose sanctions on B".
//!
//! CAMEO codes many verbal events as a frame (appeal, intent, demand, rejection, threat) around
//! a material event, and its codebook mirrors the material codes inside each frame: intent to
//! cooperate militarily (0312) stands to military cooperation (062) as an appeal for it (0212),
//! a demand for it (1012) and its rejection (1212) do. PETRARCH reaches the same codes by adding
//! hexadecimal verb codes ("will" 0x3000 + "help" 0x0040 = 0x3040, which it prints as 033).
//! Herald does not use PETRARCH's internal hexadecimal ontology: its dictionaries speak CAMEO,
//! so the combination is done on CAMEO codes with the table below, written from the
//! correspondences in the CAMEO codebook.

use crate::{CameoEvent, Codebook};

/// The verbal frame put around an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Frame {
    /// "urged", "called on" (CAMEO 02).
    Appeal,
    /// "will", "plans to", "agreed to", "offered to" (CAMEO 03). Intent to do harm is coded as
    /// a threat, as CAMEO does: "will attack" is 138, not an intent to cooperate.
    Intend,
    /// "demanded" (CAMEO 10).
    Demand,
    /// "refused to", "rejected", "ruled out" (CAMEO 12).
    Reject,
    /// "threatened to" (CAMEO 13).
    Threaten,
    /// "accused X of", "blamed X for" (CAMEO 112): the inner event picks the kind of accusation.
    Accuse,
}

impl Frame {
    fn column(self) -> usize {
        match self {
            Frame::Appeal => 0,
            Frame::Intend => 1,
            Frame::Demand => 2,
            Frame::Reject => 3,
            Frame::Threaten => 4,
            // Not in the table: accusations are chosen by the inner event's root.
            Frame::Accuse => usize::MAX,
        }
    }

    /// The frame's own code when no more specific one applies: 020, 030, 100, 120, 130, 112.
    pub fn generic(self) -> &'static str {
        match self {
            Frame::Appeal => "020",
            Frame::Intend => "030",
            Frame::Demand => "100",
            Frame::Reject => "120",
            Frame::Threaten => "130",
            Frame::Accuse => "112",
        }
    }
}

/// Roots whose codes are themselves speech or frames; framing one of them again keeps the
/// inner code ("said it will help" is still 033), as PETRARCH keeps the lower of two
/// high-level verbs.
const VERBAL_ROOTS: [&str; 7] = ["01", "02", "03", "10", "11", "12", "13"];

/// Event code -> the framed code per frame, in [`Frame::column`] order (appeal, intend,
/// demand, reject, threaten); "" where CAMEO has no such code, so the search moves on to the
/// event's parent and then to the frame's generic code. Intent on a conflict event uses the
/// threaten column.
const FRAMED: &[(&str, [&str; 5])] = &[
    // Material cooperation.
    ("060", ["021", "031", "101", "121", ""]),
    ("061", ["0211", "0311", "1011", "1211", ""]),
    ("062", ["0212", "0312", "1012", "1212", ""]),
    ("063", ["0213", "0313", "1013", "1213", ""]),
    ("064", ["0214", "0314", "1014", "1214", ""]),
    // Diplomatic cooperation.
    ("050", ["022", "032", "102", "", ""]),
    // Aid.
    ("070", ["023", "033", "103", "122", ""]),
    ("071", ["0231", "0331", "1031", "1221", ""]),
    ("072", ["0232", "0332", "1032", "1222", ""]),
    ("073", ["0233", "0333", "1033", "1223", ""]),
    ("074", ["0234", "0334", "1034", "1224", ""]),
    // Political reform (yielding to it is 083).
    ("083", ["024", "034", "104", "123", ""]),
    ("0831", ["0241", "0341", "1041", "1231", ""]),
    ("0832", ["0242", "0342", "1042", "1232", ""]),
    ("0833", ["0243", "0343", "1043", "1233", ""]),
    ("0834", ["0244", "0344", "1044", "1234", ""]),
    // Yielding.
    ("080", ["025", "035", "105", "124", ""]),
    ("081", ["0251", "0351", "1051", "1241", ""]),
    ("082", ["0252", "0352", "1052", "1242", ""]),
    ("084", ["0253", "0353", "1053", "1243", ""]),
    ("085", ["0254", "0354", "1054", "1244", ""]),
    ("086", ["0255", "0355", "1055", "1245", ""]),
    ("087", ["0256", "0356", "1056", "1246", ""]),
    // Meeting and mediation.
    ("040", ["026", "036", "106", "125", ""]),
    ("045", ["028", "039", "108", "126", ""]),
    // Protest.
    ("140", ["", "", "", "", "133"]),
    // Reducing relations.
    ("160", ["", "", "", "", "131"]),
    ("161", ["", "", "", "", "1313"]),
    ("162", ["", "", "", "", "1311"]),
    ("163", ["", "", "", "", "1312"]),
    ("164", ["", "", "", "", "134"]),
    ("165", ["", "", "", "", "135"]),
    ("166", ["", "", "", "", "136"]),
    // Force posture: threatening to send in troops is threatening military force.
    ("154", ["", "", "", "", "138"]),
    // Coercion.
    ("172", ["", "", "", "", "132"]),
    ("1721", ["", "", "", "", "1321"]),
    ("1722", ["", "", "", "", "1322"]),
    ("1723", ["", "", "", "", "1323"]),
    ("1724", ["", "", "", "", "1324"]),
    ("175", ["", "", "", "", "137"]),
    // Violence.
    ("180", ["", "", "", "", "1383"]),
    ("190", ["", "", "", "", "138"]),
    ("191", ["", "", "", "", "1381"]),
    ("192", ["", "", "", "", "1382"]),
    ("193", ["", "", "", "", "1384"]),
    ("194", ["", "", "", "", "1384"]),
    ("195", ["", "", "", "", "1384"]),
    ("200", ["", "", "", "", "1383"]),
    ("204", ["", "", "", "", "1385"]),
];

/// The accusation for an inner event: of aggression (1123) for attacks, fighting and violated
/// ceasefires, of human rights abuses (1122) for repression and mass violence, of espionage or
/// treason (1125) for spying and hacking, of crime (1121) for seizing property and corruption.
fn accusation(code: &str) -> &'static str {
    match code {
        "175" | "1721" | "1722" | "1723" | "1724" => return "1122",
        "176" => return "1125",
        "171" | "1711" | "1712" => return "1121",
        _ => {}
    }
    match code.get(..2).unwrap_or("") {
        "13" | "15" | "18" | "19" => "1123",
        "20" => "1122",
        _ => "112",
    }
}

fn framed(code: &str, column: usize) -> Option<&'static str> {
    FRAMED
        .iter()
        .find(|(event, _)| *event == code)
        .map(|(_, row)| row[column])
        .filter(|c| !c.is_empty())
}

impl Codebook {
    /// The code for `event` said within `frame`: `combine(Frame::Intend, "070")` is 033
    /// (intent to provide aid), `combine(Frame::Reject, "0841")` is 1243 (refuse to release
    /// persons), `combine(Frame::Intend, "190")` is 138 (threaten military force).
    ///
    /// Looks for the most specific framed code: the event's own, then its 3-digit parent's,
    /// then its root's, then the frame's generic code (020, 030, 100, 120, 130). An event that
    /// is itself speech or a frame (roots 01-03, 10-13) is returned unchanged, except that its
    /// rejection is a rejection (120; declining to comment, 011). `None` when
    /// `event` is not in the codebook.
    pub fn combine(&self, frame: Frame, event: &str) -> Option<&CameoEvent> {
        let inner = self.get(event)?;
        if frame == Frame::Accuse {
            return self.get(accusation(event));
        }
        // "declined to comment" is CAMEO's own 011.
        if frame == Frame::Reject && event == "010" {
            return self.get("011");
        }
        let root = inner.root();
        if frame == Frame::Reject && root != "01" && VERBAL_ROOTS.contains(&root) {
            // "refused to condemn", "rejected calls to negotiate ... " said of an appeal: a
            // rejection, not the speech refused.
            return self.get(frame.generic());
        }
        if root == "03" && matches!(frame, Frame::Appeal | Frame::Demand) {
            // "urged both sides to agree to a ceasefire": CAMEO mirrors the intents (03x) in
            // the appeals (02x) and demands (10x), subcode for subcode (0356, 0256, 1056).
            let prefix = if frame == Frame::Appeal { "02" } else { "10" };
            if let Some(mirrored) = self.get(&format!("{prefix}{}", &event[2..])) {
                return Some(mirrored);
            }
        }
        if VERBAL_ROOTS.contains(&root) {
            return Some(inner);
        }
        let frame = if frame == Frame::Intend && inner.quad_class >= 3 {
            Frame::Threaten
        } else {
            frame
        };
        let root_code = format!("{root}0");
        let candidates = [Some(event), event.get(..3), Some(root_code.as_str())];
        let specific = candidates
            .into_iter()
            .flatten()
            .find_map(|code| framed(code, frame.column()));
        specific
            .and_then(|code| self.get(code))
            .or_else(|| self.get(frame.generic()))
    }

    /// A protest (141 to 145) said with the demand or appeal it makes ("rallied, demanding that
    /// the president resign"; "blocked highways to protest against the new laws"): the protest
    /// for that aim, when the aim is a change of leadership, policy, rights or institutions
    /// (the fourth digit of 104x, 024x, 034x, or of another protest's 14xx). `None` when the
    /// protest has no such subcode or the aim names none.
    pub fn protest_for(&self, protest: &str, aim: &str) -> Option<&CameoEvent> {
        let kind = protest
            .strip_prefix("14")
            .filter(|k| matches!(*k, "1" | "2" | "3" | "4" | "5"))?;
        let reform = aim.len() == 4
            && (["104", "024", "034"].iter().any(|p| aim.starts_with(p))
                || (aim.starts_with("14") && matches!(&aim[2..3], "1" | "2" | "3" | "4" | "5")));
        let n = aim
            .get(3..4)
            .filter(|n| reform && matches!(*n, "1" | "2" | "3" | "4"))?;
        self.get(&format!("14{kind}{n}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(book: &Codebook, frame: Frame, event: &str) -> String {
        book.combine(frame, event)
            .unwrap_or_else(|| panic!("{frame:?} {event}"))
            .code
            .clone()
    }

    #[test]
    fn the_documented_petrarch_example() {
        // "A will help B": will (intent) + help (provide aid) = 033.
        let book = Codebook::bundled();
        assert_eq!(code(&book, Frame::Intend, "070"), "033");
    }

    #[test]
    fn frames_around_cooperation() {
        let book = Codebook::bundled();
        assert_eq!(code(&book, Frame::Intend, "062"), "0312");
        assert_eq!(code(&book, Frame::Appeal, "062"), "0212");
        assert_eq!(code(&book, Frame::Demand, "062"), "1012");
        assert_eq!(code(&book, Frame::Reject, "062"), "1212");
        assert_eq!(code(&book, Frame::Intend, "073"), "0333");
        assert_eq!(code(&book, Frame::Appeal, "0841"), "0253");
        assert_eq!(code(&book, Frame::Reject, "0871"), "1246");
        assert_eq!(code(&book, Frame::Intend, "042"), "036");
        assert_eq!(code(&book, Frame::Intend, "045"), "039");
        assert_eq!(code(&book, Frame::Demand, "0832"), "1042");
        // No framed code of its own: the root's.
        assert_eq!(code(&book, Frame::Intend, "057"), "032");
        assert_eq!(code(&book, Frame::Intend, "075"), "033");
        // Nothing in CAMEO for it: the frame's generic code.
        assert_eq!(code(&book, Frame::Reject, "057"), "120");
        assert_eq!(code(&book, Frame::Demand, "090"), "100");
    }

    #[test]
    fn intent_to_do_harm_is_a_threat() {
        let book = Codebook::bundled();
        assert_eq!(code(&book, Frame::Intend, "190"), "138");
        assert_eq!(code(&book, Frame::Threaten, "195"), "1384");
        assert_eq!(code(&book, Frame::Threaten, "163"), "1312");
        assert_eq!(code(&book, Frame::Threaten, "1623"), "1311");
        assert_eq!(code(&book, Frame::Threaten, "1723"), "1323");
        assert_eq!(code(&book, Frame::Threaten, "1831"), "1383");
        assert_eq!(code(&book, Frame::Threaten, "2042"), "1385");
        assert_eq!(code(&book, Frame::Intend, "141"), "133");
        assert_eq!(code(&book, Frame::Threaten, "173"), "130");
        assert_eq!(code(&book, Frame::Threaten, "154"), "138");
    }

    #[test]
    fn protests_take_the_aim_of_their_demand() {
        let book = Codebook::bundled();
        let code = |p: &str, a: &str| book.protest_for(p, a).map(|e| e.code.clone());
        assert_eq!(code("141", "1041").as_deref(), Some("1411"));
        assert_eq!(code("144", "1412").as_deref(), Some("1442"));
        assert_eq!(code("143", "0243").as_deref(), Some("1433"));
        // No aim of reform, or a protest with no subcodes: nothing.
        assert_eq!(code("141", "1053"), None);
        assert_eq!(code("140", "1041"), None);
        assert_eq!(code("1411", "1042"), None);
    }

    #[test]
    fn accusations_follow_the_inner_event() {
        let book = Codebook::bundled();
        assert_eq!(code(&book, Frame::Accuse, "190"), "1123");
        assert_eq!(code(&book, Frame::Accuse, "196"), "1123");
        assert_eq!(code(&book, Frame::Accuse, "202"), "1122");
        assert_eq!(code(&book, Frame::Accuse, "175"), "1122");
        assert_eq!(code(&book, Frame::Accuse, "176"), "1125");
        assert_eq!(code(&book, Frame::Accuse, "040"), "112");
        assert_eq!(code(&book, Frame::Reject, "010"), "011");
    }

    #[test]
    fn framing_speech_keeps_the_inner_code() {
        let book = Codebook::bundled();
        assert_eq!(code(&book, Frame::Intend, "0331"), "0331");
        assert_eq!(code(&book, Frame::Appeal, "111"), "111");
        // Refusing to speak is no speech: a rejection.
        assert_eq!(code(&book, Frame::Reject, "111"), "120");
        assert_eq!(code(&book, Frame::Reject, "036"), "120");
        assert!(book.combine(Frame::Intend, "999").is_none());
    }

    #[test]
    fn an_appeal_or_demand_for_an_intent_is_its_mirror() {
        let book = Codebook::bundled();
        assert_eq!(code(&book, Frame::Appeal, "0356"), "0256");
        assert_eq!(code(&book, Frame::Demand, "0356"), "1056");
        assert_eq!(code(&book, Frame::Appeal, "036"), "026");
        // No mirror: the intent stays.
        assert_eq!(code(&book, Frame::Appeal, "039"), "039");
        assert_eq!(code(&book, Frame::Reject, "0356"), "120");
    }

    #[test]
    fn every_framed_code_exists_and_has_its_frames_root() {
        let book = Codebook::bundled();
        let roots = ["02", "03", "10", "12", "13"];
        for (event, row) in FRAMED {
            assert!(book.is_valid(event), "{event}");
            for (column, framed) in row.iter().enumerate() {
                if framed.is_empty() {
                    continue;
                }
                assert!(book.is_valid(framed), "{event} -> {framed}");
                assert_eq!(Codebook::root(framed), roots[column], "{event} -> {framed}");
            }
        }
    }
}
