//! The dictionary flags shared by `herald code` and `herald eval`.

use std::path::PathBuf;

use herald::{DictionarySpec, PetrarchFiles};

#[derive(clap::Args, Debug, Clone, Default)]
#[command(group(clap::ArgGroup::new("named_dicts").multiple(true)
    .args(["dirs", "verbs", "actors", "agents", "discards", "issues"])))]
pub struct DictArgs {
    /// Dictionary folder (Herald TOML files, or PETRARCH dictionaries); replaces the bundled
    /// dictionaries unless --with-defaults is given. Repeatable.
    #[arg(long = "dict", value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
    /// Keep the bundled dictionaries when --dict is given.
    #[arg(long, requires = "named_dicts")]
    pub with_defaults: bool,
    /// PETRARCH verb dictionary file (CAMEO.2.0.txt style). Repeatable; like --dict, replaces
    /// the bundled dictionaries unless --with-defaults is given.
    #[arg(long, value_name = "FILE")]
    pub verbs: Vec<PathBuf>,
    /// PETRARCH actor dictionary file. Repeatable.
    #[arg(long, value_name = "FILE")]
    pub actors: Vec<PathBuf>,
    /// PETRARCH agent dictionary file. Repeatable.
    #[arg(long, value_name = "FILE")]
    pub agents: Vec<PathBuf>,
    /// PETRARCH discard dictionary file. Repeatable.
    #[arg(long, value_name = "FILE")]
    pub discards: Vec<PathBuf>,
    /// PETRARCH issue dictionary file. Repeatable.
    #[arg(long, value_name = "FILE")]
    pub issues: Vec<PathBuf>,
}

impl DictArgs {
    pub fn spec(&self) -> DictionarySpec {
        DictionarySpec {
            folders: self.dirs.clone(),
            petrarch: PetrarchFiles {
                verbs: self.verbs.clone(),
                actors: self.actors.clone(),
                agents: self.agents.clone(),
                discards: self.discards.clone(),
                issues: self.issues.clone(),
            },
            with_defaults: self.with_defaults,
        }
    }
}

/// Prints the dictionary entries a pipeline skipped at load.
pub fn report(pipeline: &herald::Pipeline) {
    for d in pipeline.diagnostics() {
        eprintln!("herald: dictionary entry skipped: {d}");
    }
}
