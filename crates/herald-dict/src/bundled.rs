//! Herald's own default dictionaries, compiled into the binary from `dictionaries/`.

use crate::model::Dictionaries;

mod files {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// The names of the bundled files, relative to `dictionaries/`.
pub fn file_names() -> impl Iterator<Item = &'static str> {
    files::FILES.iter().map(|(name, _)| *name)
}

/// The text of the bundled file `name` (relative to `dictionaries/`).
pub(crate) fn file(name: &str) -> Option<&'static str> {
    files::FILES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

/// Reads all bundled dictionaries. Diagnostics name the files as `dictionaries/<path>`.
pub fn load() -> Dictionaries {
    let mut all = Dictionaries::default();
    for (name, text) in files::FILES {
        all.extend(crate::herald::read_str(
            text,
            &format!("dictionaries/{name}"),
        ));
    }
    all
}

#[cfg(test)]
mod tests {
    #[test]
    fn bundled_dictionaries_load_cleanly() {
        let d = super::load();
        assert!(d.diagnostics.is_empty(), "{:#?}", d.diagnostics);
        assert!(super::file_names().count() > 0);
    }
}
