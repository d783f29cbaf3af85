//! `herald validate`: run a PETRARCH validation file.
// Being written (issue 4); owned by the PETRARCH work.

#[derive(clap::Args, Debug)]
pub struct ValidateArgs {}

pub fn run(_args: ValidateArgs) -> anyhow::Result<i32> {
    anyhow::bail!("herald validate is not built yet")
}
