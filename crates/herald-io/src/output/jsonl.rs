//! JSON Lines output: one event object per line, the schema of `herald_core::EventRecord`.

use std::io::{self, BufWriter, Write};

use herald_core::EventRecord;

use super::EventWriter;

pub struct JsonlWriter<W: Write> {
    out: BufWriter<W>,
}

impl<W: Write> JsonlWriter<W> {
    pub fn new(out: W) -> Self {
        JsonlWriter {
            out: BufWriter::new(out),
        }
    }
}

impl<W: Write> EventWriter for JsonlWriter<W> {
    fn write(&mut self, event: &EventRecord) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, event)?;
        self.out.write_all(b"\n")
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
