//! `herald code`: articles in, events out.

#[derive(clap::Args, Debug)]
pub struct CodeArgs {}

pub fn run(_args: CodeArgs) -> anyhow::Result<i32> {
    anyhow::bail!("not yet")
}
