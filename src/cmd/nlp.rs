//! `herald nlp`: train and evaluate the tagger and parser.
// Being written (issue 3); owned by the NLP work.

#[derive(clap::Args, Debug)]
pub struct NlpArgs {}

pub fn run(_args: NlpArgs) -> anyhow::Result<i32> {
    anyhow::bail!("herald nlp is not built yet")
}
