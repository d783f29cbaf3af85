//! Choosing and loading dictionaries from the command line: Herald's bundled set by default,
//! or folders of Herald TOML or PETRARCH dictionaries.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use herald_dict::Dictionaries;

#[derive(clap::Args, Debug, Clone, Default)]
pub struct DictArgs {
    /// Dictionary folder (Herald TOML files, or PETRARCH dictionaries); replaces the bundled
    /// dictionaries unless --with-defaults is given. Repeatable.
    #[arg(long = "dict", value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
    /// Keep the bundled dictionaries when --dict is given.
    #[arg(long)]
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
    /// The PETRARCH files named one by one on the command line.
    fn petrarch_files(&self) -> herald_dict::petrarch::PetrarchFiles {
        herald_dict::petrarch::PetrarchFiles {
            verbs: self.verbs.clone(),
            actors: self.actors.clone(),
            agents: self.agents.clone(),
            discards: self.discards.clone(),
            issues: self.issues.clone(),
        }
    }

    fn replaces_bundled(&self) -> bool {
        !self.dirs.is_empty()
            || !self.verbs.is_empty()
            || !self.actors.is_empty()
            || !self.agents.is_empty()
            || !self.discards.is_empty()
            || !self.issues.is_empty()
    }
}

fn has_toml(dir: &Path) -> bool {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .any(|e| e.path().extension().is_some_and(|x| x == "toml") || e.path().is_dir())
        })
        .unwrap_or(false)
}

fn read_herald_dir(dir: &Path, into: &mut Dictionaries) -> Result<()> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).with_context(|| format!("cannot read {}", d.display()))? {
            let p = e?.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "toml") {
                files.push(p);
            }
        }
    }
    files.sort();
    for f in files {
        into.extend(
            herald_dict::herald::read_file(&f)
                .with_context(|| format!("cannot read {}", f.display()))?,
        );
    }
    Ok(())
}

/// Loads the dictionaries the arguments ask for and reports skipped entries on stderr.
pub fn load(args: &DictArgs) -> Result<Dictionaries> {
    let mut dicts = if !args.replaces_bundled() || args.with_defaults {
        herald_dict::bundled::load()
    } else {
        Dictionaries::default()
    };
    for dir in &args.dirs {
        if !dir.is_dir() {
            bail!("dictionary folder {} does not exist", dir.display());
        }
        if has_toml(dir) {
            read_herald_dir(dir, &mut dicts)?;
        } else {
            dicts.extend(herald_dict::petrarch::load_dir(dir).with_context(|| {
                format!("cannot read PETRARCH dictionaries in {}", dir.display())
            })?);
        }
    }
    let files = args.petrarch_files();
    for f in files
        .verbs
        .iter()
        .chain(&files.actors)
        .chain(&files.agents)
        .chain(&files.discards)
        .chain(&files.issues)
    {
        if !f.is_file() {
            bail!("dictionary file {} does not exist", f.display());
        }
    }
    dicts.extend(
        herald_dict::petrarch::load_files(&files)
            .context("cannot read the PETRARCH dictionary files")?,
    );
    for d in &dicts.diagnostics {
        eprintln!("herald: dictionary entry skipped: {d}");
    }
    Ok(dicts)
}
