//! Frames, modality and the clauses other events govern (issue 14, mechanisms 2 and 3), each rule
//! with sentences written for this test: one that the rule codes and one it must leave alone.
//! The rules read the dependency parse, so they run the bundled pipeline.

mod common;
use common::{triples, Case};

/// Codes `text` as one article dated 2021-03-10.
fn code_text(text: &str) -> Vec<common::Triple> {
    common::code_text("2021-03-10", text)
}

fn check(cases: &[Case]) {
    for (text, want) in cases {
        assert_eq!(code_text(text), triples(want), "{text}");
    }
}

/// A frame found in the parse, over words the word order does not skip ("on Monday"), codes one
/// event: the appeal around the act, not the act too.
#[test]
fn a_frame_is_found_in_the_parse() {
    check(&[
        (
            "Pyongyang was urged by Washington on Monday to return to talks.",
            &[("USA", "PRK", "026")],
        ),
        (
            "Kenyan opposition leaders pleaded with the government to release the detainees.",
            &[("KENOPP", "KENGOV", "0253")],
        ),
        (
            "Kenya wants to buy fighter jets from France.",
            &[("KEN", "FRAMIL", "0312")],
        ),
        // No frame: the act itself.
        (
            "Kenya bought fighter jets from France.",
            &[("KEN", "FRAMIL", "062")],
        ),
    ]);
}

/// A frame with no target of its own takes the target of the clause it governs: the subject of a
/// that-clause, the object or an oblique of its complement. One it has of its own stays. (The
/// subjunctive "apologise", read as its verb, makes the appeal one for diplomatic cooperation,
/// 022, the codebook's mirror of an apology, 055.)
#[test]
fn a_frame_takes_the_target_of_its_clause() {
    check(&[
        (
            "Seoul urged that Tokyo apologise for its wartime abuses.",
            &[("KOR", "JPN", "022")],
        ),
        (
            "Ankara warned it would close its airspace to Israeli planes.",
            &[("TUR", "ISR", "130")],
        ),
        (
            // The inner act codes (190 with an actor object), so the threat is one of force.
            "Israel threatened to strike Syrian air defences.",
            &[("ISR", "SYRMIL", "138")],
        ),
        (
            "Mexico threatened tariffs unless Washington lifted the steel duties.",
            &[("MEX", "USA", "1312")],
        ),
        // What someone is, is no target ("to be president").
        (
            "Bush alleged that his rival lacked the experience to be president.",
            &[("USAELI", "", "112")],
        ),
        // The one urged is the target, not the one the act is for.
        (
            "Seoul urged Tokyo to apologise to Chinese victims.",
            &[("KOR", "JPN", "022")],
        ),
    ]);
}

/// The act inside a frame is not coded again: "agreed to send peacekeepers" is one intent,
/// "warned that it would expel" one threat. A warning about another actor's act is no threat by
/// the one warning.
#[test]
fn the_framed_act_is_coded_once() {
    check(&[
        (
            "Vietnam agreed to send peacekeepers to South Sudan.",
            &[("VNM", "SSD", "0334")],
        ),
        (
            "Poland warned that it would expel the Russian ambassador.",
            &[("POL", "RUSGOV", "1313")],
        ),
        (
            "Belgium threatened to recall its ambassador from Rwanda if the killings continued.",
            &[("BEL", "RWA", "1313")],
        ),
        // A threat to send in troops is a threat of force, aimed where they would go; the "to"
        // of the purpose clause is no preposition introducing a target.
        (
            "Turkey threatened to send troops into Iraq to protect Turkmen villagers.",
            &[("TUR", "IRQ", "138")],
        ),
    ]);
    let other = code_text("Poland warned that Russia would attack Lithuania.");
    assert!(
        !other.iter().any(|(s, _, c)| s == "POL" && c != "130"),
        "{other:?}"
    );
}

/// "would" is an intent (a threat for a hostile act); "would have" did not happen.
#[test]
fn would_is_an_intent() {
    check(&[
        (
            "Peru said it would expel the Venezuelan ambassador.",
            &[("PER", "VENGOV", "1313")],
        ),
        ("Peru would have expelled the Venezuelan ambassador.", &[]),
        (
            "Peru expelled the Venezuelan ambassador.",
            &[("PER", "VENGOV", "161")],
        ),
        // What is scheduled, and a headline's "X to ...", is to come; the passive subject of
        // "is scheduled to" is its source.
        (
            "Macron is scheduled to travel to Beijing in April.",
            &[("FRAGOV", "CHN", "036")],
        ),
        (
            "Japan to send aid to Turkey after quake",
            &[("JPN", "TUR", "033")],
        ),
    ]);
}

/// Refusals: the act refused is a rejection (CAMEO 12x), whether a verb refuses it or a call,
/// offer or invitation to it is rejected; its author is the target. Accepting codes the act.
#[test]
fn refusals_are_rejections() {
    check(&[
        (
            "Serbia rejected calls to recognise Kosovo.",
            &[("SRB", "KSV", "120")],
        ),
        (
            "Ghana declined an invitation to visit Togo.",
            &[("GHA", "TGO", "125")],
        ),
        (
            "Algeria rejected a French proposal to hold talks on the border.",
            &[("DZA", "FRA", "125")],
        ),
        (
            "Moscow ruled out sending troops to Venezuela.",
            &[("RUS", "VEN", "120")],
        ),
        (
            "Ghana accepted an invitation to visit Togo.",
            &[("GHA", "TGO", "042")],
        ),
    ]);
}

/// What only may happen, what failed to happen and a negated frame code nothing; an actor saying
/// it could act states an intent (a threat when hostile).
#[test]
fn possible_failed_and_negated_acts_are_not_coded() {
    check(&[
        ("Russia could invade Georgia.", &[]),
        ("Sudan failed to reach an agreement with South Sudan.", &[]),
        ("Peru refrained from criticizing Bolivia.", &[]),
        (
            "Venezuela is unlikely to release the American prisoners.",
            &[],
        ),
        ("Argentina has yet to recognize Kosovo.", &[]),
        (
            "Russia stopped short of recognizing the breakaway regions.",
            &[],
        ),
        (
            "Israel carried out the raid without consulting Washington.",
            &[("ISR", "", "190")],
        ),
        ("The minister did not agree to send troops to Mali.", &[]),
        (
            "Parliament failed to approve the aid package for Ukraine.",
            &[],
        ),
        (
            "Sudan reached an agreement with South Sudan.",
            &[("SDN", "SSD", "057")],
        ),
    ]);
    let said = code_text("Iran said it could close the Strait of Hormuz.");
    assert!(
        said.len() == 1 && said[0].0 == "IRN" && said[0].2.starts_with("13"),
        "{said:?}"
    );
}

/// "X said Y must ..." is a demand on Y, "should" an appeal; what X says it must do itself is not.
#[test]
fn said_must_is_a_demand() {
    check(&[
        (
            "The Arab League said Israel must withdraw from the occupied territories.",
            &[("IGOMEAARL", "ISR", "1056")],
        ),
        (
            "France said Iran should release the detained journalists.",
            &[("FRA", "IRN", "0253")],
        ),
        (
            "Israel said it must defend its borders.",
            &[("ISR", "", "052")],
        ),
        // Said after the clause, in a reporting clause.
        (
            "Israel must withdraw from the occupied territories, the Arab League said.",
            &[("IGOMEAARL", "ISR", "1056")],
        ),
        // "has to", "needs to" are modals too.
        (
            "The United Nations said the parties needed to return to talks.",
            &[("IGOUNO", "PTY", "026")],
        ),
        // A demand whose act codes nothing of its own is still a demand, not a statement.
        (
            "Germany said Turkey has to respect the rights of journalists.",
            &[("DEU", "TUR", "100")],
        ),
        (
            "Washington told Beijing to stop its military drills near Taiwan.",
            &[("USA", "CHN", "1056")],
        ),
        (
            "The opposition insisted the president should resign.",
            &[("OPP", "GOV", "1041")],
        ),
        (
            "Syria must halt its chemical weapons programme, France said.",
            &[("FRA", "SYR", "100")],
        ),
        // What is asked is no event of its own.
        (
            "The African Union said Khartoum should do more to arrest the militia leaders.",
            &[("IGOAFRAFU", "SDN", "020")],
        ),
        // Telling what is, not what is to be done: a statement.
        (
            "Egypt told the United Nations that its troops had left Libya.",
            &[("EGY", "IGOUNO", "010")],
        ),
    ]);
}

/// The purpose, the reason and the condition of an event are not events of their own; a main
/// clause after "if" still is.
#[test]
fn purpose_reason_and_condition_are_not_events() {
    check(&[
        (
            "Canada sent troops to Latvia to reinforce NATO's eastern flank.",
            &[("CAN", "LVA", "154")],
        ),
        (
            "Egyptian police arrested dozens of students for protesting against the fee rise.",
            &[("EGYCOP", "EGYEDU", "173")],
        ),
        (
            "Germany criticized Russia for supplying weapons to Syria.",
            &[("DEU", "RUS", "111")],
        ),
        (
            "If Iran attacks, Israel will retaliate.",
            &[("ISR", "IRN", "138")],
        ),
    ]);
}

/// A protest said with the demand it makes is one protest, aimed at the demand's target and, for
/// a change of leadership or policy, with that aim.
#[test]
fn a_protest_takes_its_demand() {
    check(&[
        (
            "Indian farmers blocked roads across the country, demanding subsidies from the government.",
            &[("INDAGR", "INDGOV", "144")],
        ),
        (
            "Thousands of Serbian students marched through Belgrade, demanding the resignation of the government.",
            &[("SRBEDU", "SRBGOV", "1411")],
        ),
        (
            "French teachers went on strike to protest against the pension reform.",
            &[("FRAEDU", "", "1432")],
        ),
    ]);
}

/// Not ruling out force threatens it; ruling it out rejects it.
#[test]
fn not_ruling_out_force_is_a_threat() {
    check(&[
        (
            "Japan did not rule out military action against North Korea.",
            &[("JPN", "PRK", "138")],
        ),
        (
            "Japan ruled out military action against North Korea.",
            &[("JPN", "", "120")],
        ),
    ]);
}

/// What a denial denies, and the claim a rejection rejects, did not happen (by the speaker's
/// account): the denial or rejection is the event.
#[test]
fn what_is_denied_is_not_coded() {
    check(&[
        (
            "Egypt denied attacking the Libyan convoy.",
            &[("EGY", "", "016")],
        ),
        (
            "Iran dismissed reports that it had attacked the tanker.",
            &[("IRN", "", "016")],
        ),
        (
            "Hungary rejected claims that it had armed the rebels.",
            &[("HUN", "HUNREB", "120")],
        ),
        // A coordinated act is not what is denied.
        (
            "Egypt denied the report and accused Libya of shelling the border.",
            &[("EGY", "", "016"), ("EGY", "LBY", "1123")],
        ),
    ]);
}

/// Refusing to rule something out is no rejection: refusing to rule out force is a threat of it,
/// as not ruling it out is; refusing to rule out talks codes nothing. A refusal of an ordinary
/// act stays a rejection.
#[test]
fn refusing_to_rule_out_is_not_a_rejection() {
    check(&[
        (
            "Japan refused to rule out military action against North Korea.",
            &[("JPN", "PRK", "138")],
        ),
        (
            "Germany declined to rule out the use of force.",
            &[("DEU", "", "138")],
        ),
        ("Germany declined to rule out talks with Iran.", &[]),
        (
            "Russia refused to withdraw its troops from Crimea.",
            &[("RUS", "UKR", "1246")],
        ),
    ]);
}

/// An order to leave is an expulsion of the one ordered, coded as "expel" is (diplomats 161,
/// others 174); one's own troops or staff ordered to leave are withdrawn, not expelled, and an
/// order not given is nothing.
#[test]
fn an_order_to_leave_is_an_expulsion() {
    check(&[
        (
            "Sudan ordered the British ambassador to leave the country within 72 hours.",
            &[("SDN", "GBRGOV", "161")],
        ),
        (
            "Russia ordered two Estonian diplomats to leave Moscow.",
            &[("RUS", "ESTGOV", "174")],
        ),
        (
            "The Iraqi government told the Turkish envoy to leave Baghdad.",
            &[("IRQGOV", "TURGOV", "161")],
        ),
        (
            "Ethiopia forced Eritrean diplomats to leave Addis Ababa.",
            &[("ETH", "ERIGOV", "174")],
        ),
        ("Washington ordered its diplomats to leave Caracas.", &[]),
        (
            "Obama ordered US troops to leave Iraq by the end of the year.",
            &[],
        ),
        ("The president did not order the envoy to leave.", &[]),
    ]);
}

/// A participle describing an event's object ("schoolgirls kidnapped by Boko Haram") is
/// background, no new event; the same verb heading its own clause is one.
#[test]
fn participle_after_the_object_is_background() {
    check(&[
        (
            "Nigerian troops rescued 50 schoolgirls kidnapped by Boko Haram.",
            &[("NGAMIL", "NGAEDU", "073")],
        ),
        (
            "Boko Haram kidnapped 50 schoolgirls in northern Nigeria.",
            &[("NGAINS", "NGAEDU", "181")],
        ),
    ]);
}
