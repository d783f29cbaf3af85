//! `herald check`: is an event store consistent? Prints `herald_store::CheckReport` as JSON on
//! standard output; the exit status is 1 when it is not (see `docs/api.md`).

use std::path::PathBuf;

use anyhow::Result;
use herald_store::Store;

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// The event store (`herald ingest --db`); opened read-only.
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
}

pub fn run(args: CheckArgs) -> Result<i32> {
    let store = Store::open_read_only(&args.db)?;
    let report = store.check()?;
    println!("{}", serde_json::to_string_pretty(&report)?);
    if report.is_consistent() {
        Ok(0)
    } else {
        eprintln!(
            "herald: {} is not consistent: {}",
            args.db.display(),
            report.problems.join("; ")
        );
        Ok(1)
    }
}
