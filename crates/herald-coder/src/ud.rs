//! The tag and relation names the coder compares, in one place.
//!
//! [`herald_core::Token`] stores its tags as strings (`upos`, `xpos`, `deprel`), empty when the
//! sentence was not tagged or parsed. The coder compares them against these constants rather
//! than literals scattered over its modules: a misspelt name is then a compile error, and a
//! `grep` for a constant finds every rule that reads that tag. Constants of type `&str` compare
//! as the literals did (also in `match` patterns), so this costs no speed.

/// Universal POS tags (`Token::upos`).
pub(crate) mod upos {
    pub const ADJ: &str = "ADJ";
    pub const ADP: &str = "ADP";
    pub const ADV: &str = "ADV";
    pub const AUX: &str = "AUX";
    pub const CCONJ: &str = "CCONJ";
    pub const DET: &str = "DET";
    pub const NOUN: &str = "NOUN";
    pub const NUM: &str = "NUM";
    pub const PART: &str = "PART";
    pub const PRON: &str = "PRON";
    pub const PROPN: &str = "PROPN";
    pub const PUNCT: &str = "PUNCT";
    pub const SCONJ: &str = "SCONJ";
    pub const VERB: &str = "VERB";
}

/// Universal Dependencies relations (`Token::deprel`), with the subtypes the parser gives.
pub(crate) mod rel {
    pub const ACL: &str = "acl";
    pub const ACL_RELCL: &str = "acl:relcl";
    pub const ADVCL: &str = "advcl";
    pub const ADVMOD: &str = "advmod";
    pub const AUX: &str = "aux";
    pub const AMOD: &str = "amod";
    pub const APPOS: &str = "appos";
    pub const AUX_PASS: &str = "aux:pass";
    pub const CASE: &str = "case";
    pub const CC: &str = "cc";
    pub const CCOMP: &str = "ccomp";
    pub const COMPOUND: &str = "compound";
    pub const COP: &str = "cop";
    pub const CONJ: &str = "conj";
    pub const CSUBJ: &str = "csubj";
    pub const DEP: &str = "dep";
    pub const DET: &str = "det";
    pub const IOBJ: &str = "iobj";
    pub const MARK: &str = "mark";
    pub const NMOD: &str = "nmod";
    pub const NMOD_POSS: &str = "nmod:poss";
    pub const NSUBJ: &str = "nsubj";
    pub const NSUBJ_PASS: &str = "nsubj:pass";
    pub const OBJ: &str = "obj";
    pub const OBL: &str = "obl";
    pub const OBL_AGENT: &str = "obl:agent";
    pub const PARATAXIS: &str = "parataxis";
    pub const PUNCT: &str = "punct";
    pub const XCOMP: &str = "xcomp";
}

/// Penn Treebank tags (`Token::xpos`), which the tagger gives beside the UD tags: the coder
/// reads them where UD does not tell apart what it needs (a past participle, a gerund).
pub(crate) mod xpos {
    pub const CD: &str = "CD";
    pub const DT: &str = "DT";
    pub const IN: &str = "IN";
    pub const JJ: &str = "JJ";
    pub const JJR: &str = "JJR";
    pub const JJS: &str = "JJS";
    pub const MD: &str = "MD";
    pub const NNS: &str = "NNS";
    pub const NNPS: &str = "NNPS";
    pub const POS: &str = "POS";
    pub const PRP_POSS: &str = "PRP$";
    pub const VB: &str = "VB";
    pub const VBG: &str = "VBG";
    pub const VBN: &str = "VBN";
    pub const WP_POSS: &str = "WP$";
}

/// Whether `t` is a word before a noun inside its phrase: a determiner, an adjective, a number
/// or a possessive pronoun ("a", "new", "two", "its").
pub(crate) fn premodifier(t: &herald_core::Token) -> bool {
    matches!(t.upos.as_str(), upos::DET | upos::ADJ | upos::NUM) || t.xpos == xpos::PRP_POSS
}
