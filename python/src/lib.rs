//! `herald._herald`: the compiled half of the `herald` Python package.
//!
//! The Python half (`python/herald/__init__.py`) turns whatever the caller hands it (dicts, a
//! pyarrow Table or RecordBatch, a pandas DataFrame) into chunks of plain columns, and turns the
//! columns coded here into pyarrow tables. This module does the coding, through the library facade
//! (`herald::Pipeline` and `herald::Batches`, exactly what `herald code` runs), with the GIL
//! released: the GIL is taken back only for a moment per input chunk and per output batch.
//!
//! Nothing here raises for a bad record: a record that cannot be read or coded comes back as an
//! error row (position, id, reason) and the rest of the input is coded.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError, TryLockError};

use herald::{
    ActorRecord, Article, BatchItem, BatchOptions, Batches, CoderOptions, Date, DictionarySpec,
    EventRecord, Origin, Pipeline, RecordError, Skip, StoryOptions,
};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyIterator, PyList, PyTuple};

/// The allocator the `herald` command uses (Rust allocations only; Python keeps its own).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// What error rows and notices name as the input file.
const ORIGIN: &str = "<python>";

/// Articles larger than this many bytes are reported and skipped, as `herald code` does.
const DEFAULT_MAX_ARTICLE_BYTES: usize = 8 << 20;

/// A loaded pipeline (model, dictionaries, gazetteer). Immutable, shared by every thread.
#[pyclass(module = "herald._herald", name = "Pipeline", frozen)]
struct PyPipeline {
    inner: Pipeline,
}

#[pymethods]
impl PyPipeline {
    #[new]
    #[pyo3(signature = (dictionaries = Vec::new(), with_defaults = false, parse = true,
                        geocode = true, new_actor_length = 0))]
    fn new(
        py: Python<'_>,
        dictionaries: Vec<PathBuf>,
        with_defaults: bool,
        parse: bool,
        geocode: bool,
        new_actor_length: usize,
    ) -> PyResult<Self> {
        let spec = DictionarySpec {
            folders: dictionaries,
            with_defaults,
            ..DictionarySpec::default()
        };
        let inner = py
            .allow_threads(|| {
                Pipeline::builder()
                    .dictionaries(spec)
                    .parse(parse)
                    .geocode(geocode)
                    .coder_options(CoderOptions {
                        new_actor_length,
                        ..CoderOptions::default()
                    })
                    .build()
            })
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(PyPipeline { inner })
    }

    /// Dictionary entries skipped at load, each with its `file:line` and reason.
    fn diagnostics(&self) -> Vec<String> {
        self.inner.diagnostics().to_vec()
    }

    /// Codes one article as `herald code` codes a one-article input; returns the events as a JSON
    /// array (the JSONL records) and the notices. A bad article raises `ValueError`.
    #[pyo3(signature = (text, id, date = None, title = None, source = None, url = None,
                        story_groups = true, max_article_bytes = DEFAULT_MAX_ARTICLE_BYTES))]
    #[allow(clippy::too_many_arguments)]
    fn code_json(
        &self,
        py: Python<'_>,
        text: String,
        id: String,
        date: Option<String>,
        title: Option<String>,
        source: Option<String>,
        url: Option<String>,
        story_groups: bool,
        max_article_bytes: usize,
    ) -> PyResult<(String, Vec<String>)> {
        let row = Row {
            id: Some(id),
            text: Some(text),
            date,
            title,
            source,
            url,
            problem: None,
        };
        let article = row
            .article(0, None, max_article_bytes)
            .map_err(|e| PyValueError::new_err(e.message))?;
        let options = BatchOptions {
            story_groups: story_groups.then(StoryOptions::default),
            ..BatchOptions::default()
        };
        let pipeline = self.inner.clone();
        py.allow_threads(move || {
            let mut events = Vec::new();
            let mut notices = Vec::new();
            let run = pipeline
                .code_stream([Ok(article)], options)
                .map_err(|e| PyValueError::new_err(e.to_string()))?;
            for item in run {
                match item {
                    BatchItem::Event(e) => events.push(*e),
                    BatchItem::Notice { message, .. } => notices.push(message),
                    // Reader warnings come from files; an article given in memory has none.
                    BatchItem::Warning(w) => notices.push(w.to_string()),
                    BatchItem::Skipped(s) => return Err(PyRuntimeError::new_err(s.to_string())),
                }
            }
            let json = serde_json::to_string(&events)
                .map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
            Ok((json, notices))
        })
    }

    /// Starts coding a stream of input chunks (see `Chunk`); returns an iterator of column
    /// batches.
    #[pyo3(signature = (chunks, threads = None, batch_size = herald::DEFAULT_BATCH,
                        story_groups = true, dedup_window = None, aggregate = false,
                        date = None, max_article_bytes = DEFAULT_MAX_ARTICLE_BYTES,
                        max_rows = 8192))]
    #[allow(clippy::too_many_arguments)]
    fn stream(
        &self,
        chunks: &Bound<'_, PyAny>,
        threads: Option<usize>,
        batch_size: usize,
        story_groups: bool,
        dedup_window: Option<usize>,
        aggregate: bool,
        date: Option<String>,
        max_article_bytes: usize,
        max_rows: usize,
    ) -> PyResult<EventStream> {
        let default_date = date
            .map(|d| parse_date(&d))
            .transpose()
            .map_err(PyValueError::new_err)?;
        let input_error = Arc::new(Mutex::new(None));
        let input = PyInput {
            chunks: PyIterator::from_object(chunks)?.unbind(),
            queue: VecDeque::new(),
            default_date,
            max_article_bytes,
            error: input_error.clone(),
            done: false,
        };
        let story = story_groups.then(|| {
            let mut o = StoryOptions::default();
            if let Some(w) = dedup_window {
                o.window = w.max(1);
            }
            o
        });
        let options = BatchOptions {
            batch_size: batch_size.max(1),
            threads,
            story_groups: story,
            aggregate,
        };
        let run = Batches::new(self.inner.clone(), input, options)
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(EventStream {
            run: Mutex::new(Some(run)),
            input_error,
            max_rows: max_rows.max(1),
        })
    }
}

/// One input record as the Python side hands it over: every field a string or missing, and
/// `problem` set when the Python side already knows the record is bad (a text that is not a
/// string, say).
struct Row {
    id: Option<String>,
    text: Option<String>,
    date: Option<String>,
    title: Option<String>,
    source: Option<String>,
    url: Option<String>,
    problem: Option<String>,
}

impl Row {
    /// The article, or why it cannot be coded: the checks `herald code` makes on a JSONL record.
    fn article(
        self,
        position: usize,
        default_date: Option<Date>,
        max_bytes: usize,
    ) -> Result<Article, RecordError> {
        let id = self.id.unwrap_or_else(|| format!("#{position}"));
        let origin = Origin {
            file: ORIGIN.into(),
            line: position + 1,
        };
        let fail = |message: String| RecordError {
            origin: origin.clone(),
            id: Some(id.clone()),
            message,
            fatal_for_file: false,
        };
        if let Some(p) = self.problem {
            return Err(fail(p));
        }
        let Some(text) = self.text else {
            return Err(fail(
                "no text: the record's text is missing or not a string".into(),
            ));
        };
        let date = match self.date.as_deref().map(str::trim) {
            None | Some("") => default_date,
            Some(d) => Some(parse_date(d).map_err(fail)?),
        };
        if text.len() > max_bytes {
            return Err(fail(format!(
                "article is larger than {max_bytes} bytes (raise max_article_bytes to code it)"
            )));
        }
        if text.trim().is_empty() {
            return Err(fail("empty article: no text to code".into()));
        }
        Ok(Article {
            id,
            text,
            date,
            title: self.title,
            source: self.source,
            url: self.url,
            penn_parse: None,
            origin,
        })
    }
}

/// A date as the JSONL reader takes it: `YYYY-MM-DD`, or a timestamp starting with one.
fn parse_date(d: &str) -> Result<Date, String> {
    let d = d.trim();
    d.get(..10)
        .unwrap_or(d)
        .parse::<Date>()
        .map_err(|e| e.to_string())
}

/// The articles of a stream, pulled chunk by chunk from a Python iterator. Called by
/// [`Batches`] with the GIL released; takes the GIL only to read the next chunk.
///
/// A chunk is a tuple `(start, ids, texts, dates, titles, sources, urls, problems)`: the position
/// of its first record in the whole input, then one list per field, all of one length, each item
/// a `str` or `None`.
struct PyInput {
    chunks: Py<PyIterator>,
    queue: VecDeque<Result<Article, RecordError>>,
    default_date: Option<Date>,
    max_article_bytes: usize,
    /// An exception raised by the Python iterator itself: the stream ends and re-raises it.
    error: Arc<Mutex<Option<PyErr>>>,
    done: bool,
}

impl PyInput {
    fn pull(&mut self, py: Python<'_>) {
        let mut it = self.chunks.bind(py).clone();
        match it.next() {
            None => self.done = true,
            Some(Err(e)) => {
                *lock(&self.error) = Some(e);
                self.done = true;
            }
            Some(Ok(chunk)) => {
                if let Err(e) = self.read_chunk(&chunk) {
                    *lock(&self.error) = Some(e);
                    self.done = true;
                }
            }
        }
    }

    fn read_chunk(&mut self, chunk: &Bound<'_, PyAny>) -> PyResult<()> {
        let chunk = chunk.downcast::<PyTuple>()?;
        if chunk.len() != 8 {
            return Err(PyValueError::new_err(
                "an input chunk is a tuple of 8 items",
            ));
        }
        let start: usize = chunk.get_item(0)?.extract()?;
        let mut cols = Vec::with_capacity(7);
        for i in 1..8 {
            let item = chunk.get_item(i)?;
            cols.push(item.downcast_into::<PyList>()?);
        }
        let n = cols[1].len();
        if cols.iter().any(|c| c.len() != n) {
            return Err(PyValueError::new_err(
                "the lists of an input chunk differ in length",
            ));
        }
        for i in 0..n {
            let field = |c: usize| -> Result<Option<String>, String> {
                let v = cols[c].get_item(i).map_err(|e| e.to_string())?;
                if v.is_none() {
                    return Ok(None);
                }
                v.extract::<String>().map(Some).map_err(|_| {
                    let what = ["id", "text", "date", "title", "source", "url", "problem"][c];
                    format!("the {what} is not a string of valid Unicode")
                })
            };
            let mut problem = field(6).unwrap_or_else(Some);
            let mut get = |c: usize| match field(c) {
                Ok(v) => v,
                Err(p) => {
                    problem.get_or_insert(p);
                    None
                }
            };
            let row = Row {
                id: get(0),
                text: get(1),
                date: get(2),
                title: get(3),
                source: get(4),
                url: get(5),
                problem: None,
            };
            let row = Row { problem, ..row };
            self.queue
                .push_back(row.article(start + i, self.default_date, self.max_article_bytes));
        }
        Ok(())
    }
}

impl Iterator for PyInput {
    type Item = Result<Article, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.queue.pop_front() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            Python::with_gil(|py| self.pull(py));
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The events of a stream, a batch of columns at a time; see `PyPipeline::stream`.
///
/// Each `__next__` returns `(rows, columns, errors, notices)`: the number of events, their
/// columns as Arrow buffers in the order of the Parquet output's schema (see [`ColumnBuffers`]),
/// the records skipped since the last batch as `(position, id, reason)` tuples, and notices.
#[pyclass(module = "herald._herald")]
struct EventStream {
    run: Mutex<Option<Batches<PyInput>>>,
    input_error: Arc<Mutex<Option<PyErr>>>,
    max_rows: usize,
}

type ErrorRow = (Option<usize>, Option<String>, String);

#[pymethods]
impl EventStream {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<PyObject>> {
        // Wait for the stream with the GIL released: another thread reading this stream may
        // need the GIL to pull its input.
        let mut guard = loop {
            match self.run.try_lock() {
                Ok(g) => break g,
                Err(TryLockError::Poisoned(p)) => break p.into_inner(),
                Err(TryLockError::WouldBlock) => {
                    py.allow_threads(|| std::thread::sleep(std::time::Duration::from_millis(1)))
                }
            }
        };
        let Some(run) = guard.as_mut() else {
            return match lock(&self.input_error).take() {
                Some(e) => Err(e),
                None => Ok(None),
            };
        };
        let max_rows = self.max_rows;
        let (events, errors, notices, finished) = py.allow_threads(|| {
            let mut events: Vec<EventRecord> = Vec::new();
            let mut errors: Vec<ErrorRow> = Vec::new();
            let mut notices = Vec::new();
            let mut bytes = 0;
            let finished = loop {
                match run.next() {
                    None => break true,
                    Some(BatchItem::Event(e)) => {
                        bytes += event_bytes(&e);
                        events.push(*e);
                        if events.len() >= max_rows || bytes >= MAX_BATCH_BYTES {
                            break false;
                        }
                    }
                    Some(BatchItem::Notice { origin, message }) if origin.is_empty() => {
                        notices.push(message)
                    }
                    Some(BatchItem::Notice { origin, message }) => {
                        notices.push(format!("{origin}: {message}"))
                    }
                    Some(BatchItem::Warning(w)) => notices.push(w.to_string()),
                    Some(BatchItem::Skipped(s)) => errors.push(error_row(s)),
                }
            };
            (events, errors, notices, finished)
        });
        if finished {
            *guard = None;
            if events.is_empty() && errors.is_empty() && notices.is_empty() {
                return match lock(&self.input_error).take() {
                    Some(e) => Err(e),
                    None => Ok(None),
                };
            }
        }
        let n = events.len();
        let cols = columns(py, &events);
        drop(events);
        let out = (n, cols, errors, notices).into_pyobject(py)?;
        Ok(Some(out.into_any().unbind()))
    }
}

/// A skipped record as `(position, id, reason)`; the position is 0-based in the input.
fn error_row(s: Skip) -> ErrorRow {
    let position = |o: &Origin| (o.file == ORIGIN && o.line > 0).then(|| o.line - 1);
    match s {
        Skip::Read(e) => (position(&e.origin), e.id, e.message),
        Skip::Coding(e) => (position(&e.origin), Some(e.id), e.message),
    }
}

/// A validity bitmap as Arrow lays it out (bit `i` of byte `i / 8`, least significant first).
#[derive(Default)]
struct Validity {
    bits: Vec<u8>,
    len: usize,
    nulls: usize,
}

impl Validity {
    fn push(&mut self, valid: bool) {
        if self.len.is_multiple_of(8) {
            self.bits.push(0);
        }
        if valid {
            self.bits[self.len / 8] |= 1 << (self.len % 8);
        } else {
            self.nulls += 1;
        }
        self.len += 1;
    }

    /// The bitmap, or `None` when nothing is null (Arrow's "all valid").
    fn into_py<'py>(self, py: Python<'py>) -> Option<Bound<'py, PyBytes>> {
        (self.nulls > 0).then(|| PyBytes::new(py, &self.bits))
    }
}

/// A string column: validity, 32-bit offsets, UTF-8 data.
struct Strings {
    valid: Validity,
    offsets: Vec<i32>,
    data: Vec<u8>,
}

impl Strings {
    fn new() -> Self {
        Strings {
            valid: Validity::default(),
            offsets: vec![0],
            data: Vec::new(),
        }
    }

    fn push(&mut self, v: Option<&str>) {
        self.valid.push(v.is_some());
        if let Some(s) = v {
            self.data.extend_from_slice(s.as_bytes());
        }
        self.offsets.push(offset(self.data.len()));
    }
}

fn offset(n: usize) -> i32 {
    // A batch ends before its strings pass `MAX_BATCH_BYTES`, far below 2 GiB.
    i32::try_from(n).expect("string data of one batch below 2 GiB")
}

/// A list of non-null strings column: validity, list offsets, and the strings.
struct Lists {
    valid: Validity,
    offsets: Vec<i32>,
    items: Strings,
}

impl Lists {
    fn new() -> Self {
        Lists {
            valid: Validity::default(),
            offsets: vec![0],
            items: Strings::new(),
        }
    }

    fn push(&mut self, v: Option<&[String]>) {
        self.valid.push(v.is_some());
        for s in v.unwrap_or_default() {
            self.items.push(Some(s));
        }
        self.offsets.push(offset(self.items.valid.len));
    }
}

/// A fixed-width column: validity and little-endian values.
struct Prims<T> {
    valid: Validity,
    data: Vec<T>,
}

impl<T: Default> Prims<T> {
    fn new() -> Self {
        Prims {
            valid: Validity::default(),
            data: Vec::new(),
        }
    }

    fn push(&mut self, v: Option<T>) {
        self.valid.push(v.is_some());
        self.data.push(v.unwrap_or_default());
    }
}

/// What the Python side needs to make one column with `pyarrow.Array.from_buffers`: the
/// validity bitmap (or `None`), the buffers, and for a list column the strings' length and
/// buffers.
type ColumnBuffers<'py> = (
    Option<Bound<'py, PyBytes>>,
    Vec<Bound<'py, PyBytes>>,
    Option<(usize, Vec<Bound<'py, PyBytes>>)>,
);

enum Column {
    Str(Strings),
    List(Lists),
    I32(Prims<i32>),
    I64(Prims<i64>),
    F32(Prims<f32>),
    F64(Prims<f64>),
}

/// A fixed-width value as Arrow stores it (little-endian).
trait Le: Copy {
    fn put(self, out: &mut Vec<u8>);
}

macro_rules! le {
    ($($t:ty),*) => {$(
        impl Le for $t {
            fn put(self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
        }
    )*};
}
le!(i32, i64, f32, f64);

fn bytes_of<'py, T: Le>(py: Python<'py>, v: &[T]) -> Bound<'py, PyBytes> {
    let mut out = Vec::with_capacity(std::mem::size_of_val(v));
    for x in v {
        x.put(&mut out);
    }
    PyBytes::new(py, &out)
}

impl Column {
    fn into_py(self, py: Python<'_>) -> ColumnBuffers<'_> {
        match self {
            Column::Str(s) => (
                s.valid.into_py(py),
                vec![bytes_of(py, &s.offsets), PyBytes::new(py, &s.data)],
                None,
            ),
            Column::List(l) => {
                let n = l.items.valid.len;
                let items = vec![
                    bytes_of(py, &l.items.offsets),
                    PyBytes::new(py, &l.items.data),
                ];
                (
                    l.valid.into_py(py),
                    vec![bytes_of(py, &l.offsets)],
                    Some((n, items)),
                )
            }
            Column::I32(p) => (p.valid.into_py(py), vec![bytes_of(py, &p.data)], None),
            Column::I64(p) => (p.valid.into_py(py), vec![bytes_of(py, &p.data)], None),
            Column::F32(p) => (p.valid.into_py(py), vec![bytes_of(py, &p.data)], None),
            Column::F64(p) => (p.valid.into_py(py), vec![bytes_of(py, &p.data)], None),
        }
    }
}

/// Fills one row into the columns, in schema order.
struct Filler<'a> {
    cols: &'a mut [Column],
    next: usize,
}

impl Filler<'_> {
    fn col(&mut self) -> &mut Column {
        self.next += 1;
        &mut self.cols[self.next - 1]
    }
    fn str(&mut self, v: Option<&str>) {
        match self.col() {
            Column::Str(c) => c.push(v),
            _ => unreachable!("a string for another column type"),
        }
    }
    fn list(&mut self, v: Option<&[String]>) {
        match self.col() {
            Column::List(c) => c.push(v),
            _ => unreachable!("a list for another column type"),
        }
    }
    fn i32(&mut self, v: Option<i32>) {
        match self.col() {
            Column::I32(c) => c.push(v),
            _ => unreachable!("an int32 for another column type"),
        }
    }
    fn i64(&mut self, v: Option<usize>) {
        match self.col() {
            Column::I64(c) => c.push(v.map(|x| x as i64)),
            _ => unreachable!("an int64 for another column type"),
        }
    }
    fn f32(&mut self, v: f32) {
        match self.col() {
            Column::F32(c) => c.push(Some(v)),
            _ => unreachable!("a float for another column type"),
        }
    }
    fn f64(&mut self, v: Option<f64>) {
        match self.col() {
            Column::F64(c) => c.push(v),
            _ => unreachable!("a double for another column type"),
        }
    }
}

/// The column kinds in the order of the Parquet output's schema (herald-io
/// `output::parquet::SCHEMA`, and `herald.schema()` on the Python side).
fn new_columns() -> Vec<Column> {
    use Column::*;
    let s = || Str(Strings::new());
    let l = || List(Lists::new());
    let i = || I32(Prims::new());
    let j = || I64(Prims::new());
    let mut cols = vec![s(), s(), i(), i(), s(), s(), s(), i()];
    cols.push(F32(Prims::new()));
    cols.extend([s(), s(), l()]);
    for _ in 0..2 {
        cols.extend([s(), s(), l(), s(), j(), j()]);
    }
    cols.extend([s(), s(), s(), s()]);
    cols.extend([F64(Prims::new()), F64(Prims::new())]);
    cols.extend([s(), j(), j()]);
    cols.extend([s(), j(), j(), s(), s()]);
    cols.extend([i(), s(), i(), i()]);
    cols
}

/// The events as Arrow columns, laid out as the Parquet output's: nested objects flattened with
/// a prefix, agents and PLOVER context as lists of strings, the date as days since 1970-01-01.
fn columns<'py>(py: Python<'py>, events: &[EventRecord]) -> Vec<ColumnBuffers<'py>> {
    let mut cols = new_columns();
    let n32 = |v: usize| i32::try_from(v).unwrap_or(i32::MAX);
    let u32 = |v: u32| i32::try_from(v).unwrap_or(i32::MAX);
    for e in events {
        let mut r = Filler {
            cols: &mut cols,
            next: 0,
        };
        r.str(Some(&e.article_id));
        r.str(e.url.as_deref());
        r.i32(e.date.as_ref().map(|d| d.days_since_epoch() as i32));
        r.i32(Some(n32(e.sentence_index)));
        r.str(Some(&e.sentence));
        r.str(Some(&e.cameo));
        r.str(Some(&e.root_code));
        r.i32(Some(e.quad_class as i32));
        r.f32(e.goldstein);
        r.str(Some(&e.plover.event));
        r.str(e.plover.mode.as_deref());
        r.list(Some(&e.plover.context));
        for a in [&e.source, &e.target] {
            let a: Option<&ActorRecord> = a.as_ref();
            r.str(a.map(|a| a.code.as_str()));
            r.str(a.and_then(|a| a.country.as_deref()));
            r.list(a.map(|a| a.agents.as_slice()));
            r.str(a.map(|a| a.text.as_str()));
            r.i64(a.map(|a| a.start));
            r.i64(a.map(|a| a.end));
        }
        let l = e.location.as_ref();
        r.str(l.map(|l| l.name.as_str()));
        r.str(l.map(|l| l.country.as_str()));
        r.str(l.and_then(|l| l.admin1.as_deref()));
        r.str(l.map(|l| l.kind.as_str()));
        r.f64(l.map(|l| l.lat));
        r.f64(l.map(|l| l.lon));
        r.str(l.map(|l| l.text.as_str()));
        r.i64(l.map(|l| l.start));
        r.i64(l.map(|l| l.end));
        r.str(Some(&e.evidence.verb));
        r.i64(Some(e.evidence.verb_start));
        r.i64(Some(e.evidence.verb_end));
        r.str(Some(&e.evidence.pattern));
        r.str(Some(&e.evidence.dictionary));
        r.i32(Some(u32(e.mentions)));
        r.str(e.story_group.as_deref());
        r.i32(Some(u32(e.num_articles)));
        r.i32(Some(u32(e.num_sources)));
        debug_assert_eq!(r.next, r.cols.len(), "columns() and the schema disagree");
    }
    cols.into_iter().map(|c| c.into_py(py)).collect()
}

/// The rough size of an event's strings, to end a batch well before 2 GiB of string data.
fn event_bytes(e: &EventRecord) -> usize {
    e.sentence.len() + e.evidence.pattern.len() + e.article_id.len() + 256
}

/// A batch of events ends once its strings pass this many bytes.
const MAX_BATCH_BYTES: usize = 256 << 20;

#[pymodule]
fn _herald(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyPipeline>()?;
    m.add_class::<EventStream>()?;
    m.add("VERSION", env!("CARGO_PKG_VERSION"))?;
    m.add("DEFAULT_BATCH", herald::DEFAULT_BATCH)?;
    m.add("DEFAULT_MAX_ARTICLE_BYTES", DEFAULT_MAX_ARTICLE_BYTES)?;
    Ok(())
}
