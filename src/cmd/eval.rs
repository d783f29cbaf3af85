//! `herald eval`: score coding against a hand-coded gold set.
// Being written (issue 5); owned by the evaluation work.

#[derive(clap::Args, Debug)]
pub struct EvalArgs {}

pub fn run(_args: EvalArgs) -> anyhow::Result<i32> {
    anyhow::bail!("herald eval is not built yet")
}
