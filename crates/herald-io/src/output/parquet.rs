//! Parquet output: a typed columnar file that DuckDB, pandas and Spark read directly.
//!
//! Written with the `parquet` crate's low-level column writers (no Arrow, which would triple the
//! build). Rows are buffered column by column and written as a row group every
//! [`DEFAULT_ROW_GROUP_ROWS`] rows (or sooner when the buffered text passes
//! [`ROW_GROUP_BYTES`]), so memory stays bounded; [`EventWriter::finish`] writes the last row
//! group and the footer. The output needs no seeking, so it can go to stdout.
//!
//! The schema ([`SCHEMA`]) is flat: one column per JSONL field, nested objects prefixed as in the
//! CSV output, nullable where the JSONL value can be null, lists of strings as standard Parquet
//! `LIST`s, the date as a `DATE`, Snappy compression.

use std::io::{self, Write};
use std::sync::Arc;

use herald_core::EventRecord;
use parquet::basic::{Compression, Type as PhysicalType};
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, FloatType, Int32Type, Int64Type};
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use parquet::schema::types::{SchemaDescriptor, Type};

use super::EventWriter;

/// The file schema, in Parquet's message syntax. Column order is the order of [`fill`].
pub const SCHEMA: &str = "
message herald_event {
  REQUIRED BYTE_ARRAY article_id (UTF8);
  OPTIONAL BYTE_ARRAY url (UTF8);
  OPTIONAL INT32 date (DATE);
  REQUIRED INT32 sentence_index;
  REQUIRED BYTE_ARRAY sentence (UTF8);
  REQUIRED BYTE_ARRAY cameo (UTF8);
  REQUIRED BYTE_ARRAY root_code (UTF8);
  REQUIRED INT32 quad_class;
  REQUIRED FLOAT goldstein;
  REQUIRED BYTE_ARRAY plover_event (UTF8);
  OPTIONAL BYTE_ARRAY plover_mode (UTF8);
  REQUIRED group plover_context (LIST) {
    REPEATED group list {
      REQUIRED BYTE_ARRAY element (UTF8);
    }
  }
  OPTIONAL BYTE_ARRAY source_code (UTF8);
  OPTIONAL BYTE_ARRAY source_country (UTF8);
  OPTIONAL group source_agents (LIST) {
    REPEATED group list {
      REQUIRED BYTE_ARRAY element (UTF8);
    }
  }
  OPTIONAL BYTE_ARRAY source_text (UTF8);
  OPTIONAL INT64 source_start;
  OPTIONAL INT64 source_end;
  OPTIONAL BYTE_ARRAY target_code (UTF8);
  OPTIONAL BYTE_ARRAY target_country (UTF8);
  OPTIONAL group target_agents (LIST) {
    REPEATED group list {
      REQUIRED BYTE_ARRAY element (UTF8);
    }
  }
  OPTIONAL BYTE_ARRAY target_text (UTF8);
  OPTIONAL INT64 target_start;
  OPTIONAL INT64 target_end;
  OPTIONAL BYTE_ARRAY location_name (UTF8);
  OPTIONAL BYTE_ARRAY location_country (UTF8);
  OPTIONAL BYTE_ARRAY location_admin1 (UTF8);
  OPTIONAL BYTE_ARRAY location_kind (UTF8);
  OPTIONAL DOUBLE location_lat;
  OPTIONAL DOUBLE location_lon;
  OPTIONAL BYTE_ARRAY location_text (UTF8);
  OPTIONAL INT64 location_start;
  OPTIONAL INT64 location_end;
  REQUIRED BYTE_ARRAY evidence_verb (UTF8);
  REQUIRED INT64 evidence_verb_start;
  REQUIRED INT64 evidence_verb_end;
  REQUIRED BYTE_ARRAY evidence_pattern (UTF8);
  REQUIRED BYTE_ARRAY evidence_dictionary (UTF8);
  REQUIRED INT32 mentions;
  OPTIONAL BYTE_ARRAY story_group (UTF8);
  REQUIRED INT32 num_articles;
  REQUIRED INT32 num_sources;
}
";

/// Rows per row group: large enough for good compression and fast scans, small enough that the
/// buffer stays in the tens of megabytes.
pub const DEFAULT_ROW_GROUP_ROWS: usize = 64 * 1024;

/// A row group is also written once its buffered strings pass this many bytes, so a run of very
/// long sentences cannot grow the buffer without bound.
pub const ROW_GROUP_BYTES: usize = 64 * 1024 * 1024;

fn to_io(e: ParquetError) -> io::Error {
    io::Error::other(format!("writing Parquet: {e}"))
}

/// The parsed schema. Parsing the constant cannot fail at run time: a unit test parses it.
pub fn schema() -> Arc<Type> {
    Arc::new(parse_message_type(SCHEMA).expect("SCHEMA is valid Parquet message syntax"))
}

/// Buffered values of one leaf column, with its definition and repetition levels.
struct Column {
    values: Values,
    max_def: i16,
    max_rep: i16,
    def: Vec<i16>,
    rep: Vec<i16>,
}

enum Values {
    Bytes(Vec<ByteArray>),
    I32(Vec<i32>),
    I64(Vec<i64>),
    F32(Vec<f32>),
    F64(Vec<f64>),
}

impl Column {
    fn new(physical: PhysicalType, max_def: i16, max_rep: i16) -> Column {
        let values = match physical {
            PhysicalType::BYTE_ARRAY => Values::Bytes(Vec::new()),
            PhysicalType::INT32 => Values::I32(Vec::new()),
            PhysicalType::INT64 => Values::I64(Vec::new()),
            PhysicalType::FLOAT => Values::F32(Vec::new()),
            PhysicalType::DOUBLE => Values::F64(Vec::new()),
            other => unreachable!("SCHEMA has no {other} column"),
        };
        Column {
            values,
            max_def,
            max_rep,
            def: Vec::new(),
            rep: Vec::new(),
        }
    }

    /// Records whether a scalar value is present; returns whether to push it.
    fn level(&mut self, present: bool) -> bool {
        if self.max_def > 0 {
            self.def.push(if present { self.max_def } else { 0 });
        } else {
            debug_assert!(present, "null in a required column");
        }
        present
    }

    fn clear(&mut self) {
        self.def.clear();
        self.rep.clear();
        match &mut self.values {
            Values::Bytes(v) => v.clear(),
            Values::I32(v) => v.clear(),
            Values::I64(v) => v.clear(),
            Values::F32(v) => v.clear(),
            Values::F64(v) => v.clear(),
        }
    }
}

/// Fills one row into the columns, in schema order.
struct Cursor<'a> {
    cols: &'a mut [Column],
    next: usize,
    bytes: usize,
}

impl Cursor<'_> {
    fn col(&mut self) -> &mut Column {
        let i = self.next;
        self.next += 1;
        &mut self.cols[i]
    }

    fn str(&mut self, v: Option<&str>) {
        let len = v.map_or(0, str::len);
        self.bytes += len;
        let c = self.col();
        if c.level(v.is_some()) {
            match &mut c.values {
                Values::Bytes(out) => out.push(ByteArray::from(v.unwrap_or_default())),
                _ => unreachable!("string for a non-string column"),
            }
        }
    }

    fn i32(&mut self, v: Option<i32>) {
        let c = self.col();
        if let (true, Some(v)) = (c.level(v.is_some()), v) {
            match &mut c.values {
                Values::I32(out) => out.push(v),
                _ => unreachable!("int32 for another column type"),
            }
        }
    }

    fn i64(&mut self, v: Option<usize>) {
        let c = self.col();
        if let (true, Some(v)) = (c.level(v.is_some()), v) {
            match &mut c.values {
                Values::I64(out) => out.push(v as i64),
                _ => unreachable!("int64 for another column type"),
            }
        }
    }

    fn f32(&mut self, v: f32) {
        let c = self.col();
        c.level(true);
        match &mut c.values {
            Values::F32(out) => out.push(v),
            _ => unreachable!("float for another column type"),
        }
    }

    fn f64(&mut self, v: Option<f64>) {
        let c = self.col();
        if let (true, Some(v)) = (c.level(v.is_some()), v) {
            match &mut c.values {
                Values::F64(out) => out.push(v),
                _ => unreachable!("double for another column type"),
            }
        }
    }

    /// A list of strings: `None` is a null list (only in an optional list column), `Some(&[])`
    /// an empty one. The element sits at the column's maximum definition level, an empty list
    /// one below it, a null list at 0.
    fn list(&mut self, v: Option<&[String]>) {
        self.bytes += v.map_or(0, |l| l.iter().map(String::len).sum());
        let c = self.col();
        let Values::Bytes(out) = &mut c.values else {
            unreachable!("list of strings for another column type");
        };
        match v {
            None => {
                debug_assert_eq!(c.max_def, 2, "null in a required list");
                c.def.push(0);
                c.rep.push(0);
            }
            Some([]) => {
                c.def.push(c.max_def - 1);
                c.rep.push(0);
            }
            Some(items) => {
                for (j, item) in items.iter().enumerate() {
                    c.def.push(c.max_def);
                    c.rep.push(if j == 0 { 0 } else { c.max_rep });
                    out.push(ByteArray::from(item.as_str()));
                }
            }
        }
    }
}

/// Appends one event to the column buffers; returns the string bytes it added.
fn fill(cols: &mut [Column], e: &EventRecord) -> usize {
    let mut c = Cursor {
        cols,
        next: 0,
        bytes: 0,
    };
    c.str(Some(&e.article_id));
    c.str(e.url.as_deref());
    c.i32(e.date.map(|d| d.days_since_epoch() as i32));
    c.i32(Some(i32::try_from(e.sentence_index).unwrap_or(i32::MAX)));
    c.str(Some(&e.sentence));
    c.str(Some(&e.cameo));
    c.str(Some(&e.root_code));
    c.i32(Some(e.quad_class as i32));
    c.f32(e.goldstein);
    c.str(Some(&e.plover.event));
    c.str(e.plover.mode.as_deref());
    c.list(Some(&e.plover.context));
    for a in [&e.source, &e.target] {
        let a = a.as_ref();
        c.str(a.map(|a| a.code.as_str()));
        c.str(a.and_then(|a| a.country.as_deref()));
        c.list(a.map(|a| a.agents.as_slice()));
        c.str(a.map(|a| a.text.as_str()));
        c.i64(a.map(|a| a.start));
        c.i64(a.map(|a| a.end));
    }
    let l = e.location.as_ref();
    c.str(l.map(|l| l.name.as_str()));
    c.str(l.map(|l| l.country.as_str()));
    c.str(l.and_then(|l| l.admin1.as_deref()));
    c.str(l.map(|l| l.kind.as_str()));
    c.f64(l.map(|l| l.lat));
    c.f64(l.map(|l| l.lon));
    c.str(l.map(|l| l.text.as_str()));
    c.i64(l.map(|l| l.start));
    c.i64(l.map(|l| l.end));
    c.str(Some(&e.evidence.verb));
    c.i64(Some(e.evidence.verb_start));
    c.i64(Some(e.evidence.verb_end));
    c.str(Some(&e.evidence.pattern));
    c.str(Some(&e.evidence.dictionary));
    c.i32(Some(i32::try_from(e.mentions).unwrap_or(i32::MAX)));
    c.str(e.story_group.as_deref());
    c.i32(Some(i32::try_from(e.num_articles).unwrap_or(i32::MAX)));
    c.i32(Some(i32::try_from(e.num_sources).unwrap_or(i32::MAX)));
    debug_assert_eq!(c.next, c.cols.len(), "fill() and SCHEMA disagree");
    c.bytes
}

pub struct ParquetWriter<W: Write + Send> {
    /// The sink until the file writer is made (lazily, so that `writer()` cannot fail).
    out: Option<W>,
    file: Option<SerializedFileWriter<W>>,
    schema: Arc<Type>,
    cols: Vec<Column>,
    rows: usize,
    bytes: usize,
    row_group_rows: usize,
    finished: bool,
}

impl<W: Write + Send> ParquetWriter<W> {
    pub fn new(out: W) -> Self {
        Self::with_row_group_rows(out, DEFAULT_ROW_GROUP_ROWS)
    }

    /// A writer that starts a new row group every `rows` rows (at least 1).
    pub fn with_row_group_rows(out: W, rows: usize) -> Self {
        let schema = schema();
        let descr = SchemaDescriptor::new(schema.clone());
        let cols = descr
            .columns()
            .iter()
            .map(|c| Column::new(c.physical_type(), c.max_def_level(), c.max_rep_level()))
            .collect();
        ParquetWriter {
            out: Some(out),
            file: None,
            schema,
            cols,
            rows: 0,
            bytes: 0,
            row_group_rows: rows.max(1),
            finished: false,
        }
    }

    fn file(&mut self) -> io::Result<&mut SerializedFileWriter<W>> {
        if self.file.is_none() {
            let out = self
                .out
                .take()
                .ok_or_else(|| io::Error::other("Parquet writer failed to start earlier"))?;
            let props = WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .set_created_by(concat!("herald ", env!("CARGO_PKG_VERSION")).to_string())
                .build();
            let file = SerializedFileWriter::new(out, self.schema.clone(), Arc::new(props))
                .map_err(to_io)?;
            self.file = Some(file);
        }
        Ok(self.file.as_mut().expect("just made"))
    }

    /// Writes the buffered rows as one row group.
    fn flush_row_group(&mut self) -> io::Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let mut cols = std::mem::take(&mut self.cols);
        let result = self.write_row_group(&cols);
        for c in &mut cols {
            c.clear();
        }
        self.cols = cols;
        self.rows = 0;
        self.bytes = 0;
        result
    }

    fn write_row_group(&mut self, cols: &[Column]) -> io::Result<()> {
        let file = self.file()?;
        let mut rg = file.next_row_group().map_err(to_io)?;
        for col in cols {
            let mut w = rg
                .next_column()
                .map_err(to_io)?
                .ok_or_else(|| io::Error::other("Parquet schema has fewer columns than rows"))?;
            let def = (col.max_def > 0).then_some(col.def.as_slice());
            let rep = (col.max_rep > 0).then_some(col.rep.as_slice());
            match &col.values {
                Values::Bytes(v) => w.typed::<ByteArrayType>().write_batch(v, def, rep),
                Values::I32(v) => w.typed::<Int32Type>().write_batch(v, def, rep),
                Values::I64(v) => w.typed::<Int64Type>().write_batch(v, def, rep),
                Values::F32(v) => w.typed::<FloatType>().write_batch(v, def, rep),
                Values::F64(v) => w.typed::<DoubleType>().write_batch(v, def, rep),
            }
            .map_err(to_io)?;
            w.close().map_err(to_io)?;
        }
        rg.close().map_err(to_io)?;
        Ok(())
    }
}

impl<W: Write + Send> EventWriter for ParquetWriter<W> {
    fn write(&mut self, event: &EventRecord) -> io::Result<()> {
        if self.finished {
            return Err(io::Error::other("Parquet writer already finished"));
        }
        self.bytes += fill(&mut self.cols, event);
        self.rows += 1;
        if self.rows >= self.row_group_rows || self.bytes >= ROW_GROUP_BYTES {
            self.flush_row_group()?;
        }
        Ok(())
    }

    /// Writes the last row group and the footer (a valid empty file when there were no events).
    fn finish(&mut self) -> io::Result<()> {
        if self.finished {
            return Ok(());
        }
        self.finished = true;
        self.flush_row_group()?;
        let file = self.file()?;
        file.finish().map_err(to_io)?;
        file.inner_mut().flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_parses_with_expected_levels() {
        let descr = SchemaDescriptor::new(schema());
        assert_eq!(descr.num_columns(), 42);
        let by_name = |n: &str| {
            descr
                .columns()
                .iter()
                .find(|c| c.path().string() == n)
                .unwrap_or_else(|| panic!("no column {n}"))
                .clone()
        };
        let agents = by_name("source_agents.list.element");
        assert_eq!((agents.max_def_level(), agents.max_rep_level()), (2, 1));
        let context = by_name("plover_context.list.element");
        assert_eq!((context.max_def_level(), context.max_rep_level()), (1, 1));
        assert_eq!(by_name("article_id").max_def_level(), 0);
        assert_eq!(by_name("location_lat").max_def_level(), 1);
    }
}
