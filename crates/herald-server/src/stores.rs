//! Connections to the event store: one writer (SQLite takes one writer at a time) and a pool
//! of readers, which WAL mode lets read while the writer writes. All use is blocking and
//! happens on tokio's blocking threads.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use herald_store::{Store, StoreError};

/// Readers kept open between requests; more are opened under load and closed after.
const KEEP_READERS: usize = 16;

pub struct Stores {
    path: PathBuf,
    writer: Mutex<Store>,
    readers: Mutex<Vec<Store>>,
}

impl Stores {
    /// Opens (creating or migrating) the store at `path`.
    pub fn open(path: &Path) -> Result<Stores, StoreError> {
        let writer = Store::open(path)?;
        Ok(Stores {
            path: path.to_path_buf(),
            writer: Mutex::new(writer),
            readers: Mutex::new(Vec::new()),
        })
    }

    /// The writer, for ingests; one at a time.
    pub fn writer(&self) -> MutexGuard<'_, Store> {
        // A panic while holding it rolled its transaction back with the connection's drop of
        // the transaction; the connection itself is still good.
        self.writer.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs `f` with a reader from the pool.
    pub fn read<T>(&self, f: impl FnOnce(&Store) -> T) -> Result<T, StoreError> {
        let pooled = self.readers.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let store = match pooled {
            Some(s) => s,
            None => Store::open_read_only(&self.path)?,
        };
        let out = f(&store);
        let mut readers = self.readers.lock().unwrap_or_else(|p| p.into_inner());
        if readers.len() < KEEP_READERS {
            readers.push(store);
        }
        Ok(out)
    }
}
