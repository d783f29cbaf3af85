//! Which dictionaries a pipeline codes with: Herald's bundled set, folders of Herald TOML or
//! PETRARCH dictionaries, single PETRARCH files, or any mix of these.

use std::path::{Path, PathBuf};

use herald_dict::petrarch::PetrarchFiles;
use herald_dict::Dictionaries;

use crate::Error;

/// Where the dictionaries come from. The default is the bundled set alone.
///
/// Naming any folder or file replaces the bundled dictionaries unless
/// [`with_defaults`](DictionarySpec::with_defaults) is set, as `herald code --dict DIR` does.
#[derive(Clone, Debug, Default)]
pub struct DictionarySpec {
    /// Folders of Herald TOML files (searched recursively) or of PETRARCH dictionaries.
    pub folders: Vec<PathBuf>,
    /// PETRARCH dictionary files named one by one.
    pub petrarch: PetrarchFiles,
    /// Keep the bundled dictionaries beside the ones named.
    pub with_defaults: bool,
}

impl DictionarySpec {
    /// The bundled dictionaries alone.
    pub fn bundled() -> DictionarySpec {
        DictionarySpec::default()
    }

    fn names_any(&self) -> bool {
        !self.folders.is_empty() || self.petrarch.count() > 0
    }

    /// Reads every dictionary the spec names. Entries that cannot be used are kept in
    /// [`Dictionaries::diagnostics`]; a missing or unreadable folder or file is an error.
    pub fn load(&self) -> Result<Dictionaries, Error> {
        let mut dicts = if !self.names_any() || self.with_defaults {
            herald_dict::bundled::load()
        } else {
            Dictionaries::default()
        };
        for dir in &self.folders {
            if !dir.is_dir() {
                return Err(Error::Dictionary {
                    path: dir.clone(),
                    message: "the folder does not exist".into(),
                });
            }
            let loaded = if has_toml(dir) {
                read_herald_dir(dir)?
            } else {
                let files = PetrarchFiles::find(dir).map_err(|e| Error::Dictionary {
                    path: dir.clone(),
                    message: format!("cannot read the folder: {e}"),
                })?;
                if files.count() == 0 {
                    return Err(Error::Dictionary {
                        path: dir.clone(),
                        message: "the folder holds no dictionaries: no Herald .toml file, and \
                                  no PETRARCH file (a name with verbs, CAMEO, actors, agents, \
                                  discard or issue in it)"
                            .into(),
                    });
                }
                herald_dict::petrarch::load_files(&files).map_err(|e| Error::Dictionary {
                    path: dir.clone(),
                    message: format!("cannot read PETRARCH dictionaries: {e}"),
                })?
            };
            // A folder whose files all turned out empty or unusable would code nothing and
            // say nothing: the user named it to code with it.
            if gives_nothing(&loaded) {
                return Err(Error::Dictionary {
                    path: dir.clone(),
                    message: format!(
                        "the folder's dictionaries have no usable entry ({} skipped{})",
                        loaded.diagnostics.len(),
                        loaded
                            .diagnostics
                            .first()
                            .map(|d| format!("; the first: {d}"))
                            .unwrap_or_default()
                    ),
                });
            }
            dicts.extend(loaded);
        }
        for f in self.petrarch.all() {
            if !f.is_file() {
                return Err(Error::Dictionary {
                    path: f.clone(),
                    message: "the file does not exist".into(),
                });
            }
        }
        if self.petrarch.count() > 0 {
            let loaded = herald_dict::petrarch::load_files(&self.petrarch).map_err(|e| {
                Error::Dictionary {
                    path: self.petrarch.all().next().cloned().unwrap_or_default(),
                    message: format!("cannot read the PETRARCH dictionary files: {e}"),
                }
            })?;
            if gives_nothing(&loaded) {
                return Err(Error::Dictionary {
                    path: self.petrarch.all().next().cloned().unwrap_or_default(),
                    message: format!(
                        "the PETRARCH dictionary files named have no usable entry ({} skipped)",
                        loaded.diagnostics.len()
                    ),
                });
            }
            dicts.extend(loaded);
        }
        Ok(dicts)
    }
}

/// A folder holds Herald dictionaries when it has a TOML file or a sub-folder (PETRARCH
/// dictionaries are flat text files).
fn has_toml(dir: &Path) -> bool {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .any(|e| e.path().extension().is_some_and(|x| x == "toml") || e.path().is_dir())
        })
        .unwrap_or(false)
}

/// Whether dictionaries hold nothing to code with: no actor, agent, verb, discard, issue or
/// word-list change.
fn gives_nothing(d: &Dictionaries) -> bool {
    d.actors.is_empty()
        && d.agents.is_empty()
        && d.verbs.blocks.is_empty()
        && d.verbs.synsets.is_empty()
        && d.verbs.nouns.is_empty()
        && d.discards.is_empty()
        && d.issues.is_empty()
        && d.words.is_empty()
}

/// Reads every `.toml` file below `dir`, in path order so that coding does not depend on the
/// order the file system lists them in. A file that is not TOML at all fails the load.
fn read_herald_dir(dir: &Path) -> Result<Dictionaries, Error> {
    let mut into = Dictionaries::default();
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
    {
        let entry = entry.map_err(|e| Error::Dictionary {
            path: e.path().unwrap_or(dir).to_path_buf(),
            message: format!("cannot read the folder: {e}"),
        })?;
        let p = entry.path();
        if entry.file_type().is_file() && p.extension().is_some_and(|x| x == "toml") {
            files.push(p.to_path_buf());
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(Error::Dictionary {
            path: dir.to_path_buf(),
            message: "the folder holds no .toml dictionary file".into(),
        });
    }
    for f in files {
        let read = herald_dict::herald::read_file(&f).map_err(|e| match e {
            herald_dict::herald::FileError::Syntax(d) => Error::Dictionary {
                path: f.clone(),
                message: format!("line {}: {}", d.loc.line, d.message),
            },
            herald_dict::herald::FileError::Io(e) => Error::Dictionary {
                path: f.clone(),
                message: e.to_string(),
            },
        })?;
        into.extend(read);
    }
    Ok(into)
}
