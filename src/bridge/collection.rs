//! Every document of the library with its annotations, for views across the collection (the
//! claims across the library). The rest of the app sees only [`load_library_documents`], so
//! where the documents are kept can change without touching its callers.

use super::storage;
use crate::model::library::WorkspaceDocument;

/// How many documents are read between two pauses that let the page paint and take input.
const DOCUMENTS_PER_PAUSE: usize = 20;

/// Every document in this browser with its annotations, in the library's order, and what
/// could not be read, in words (“Budget row”: the stored text does not match its
/// fingerprint). Fails only when the library itself cannot be listed.
///
/// Today it reads local storage (the library index, each text and its annotations), pausing
/// now and then so a long library does not freeze the page.
pub async fn load_library_documents() -> Result<(Vec<WorkspaceDocument>, Vec<String>), String> {
    let library = storage::load_library()?;
    let mut documents = Vec::with_capacity(library.documents.len());
    let mut unreadable = Vec::new();
    for (n, meta) in library.documents.iter().enumerate() {
        if n > 0 && n % DOCUMENTS_PER_PAUSE == 0 {
            gloo::timers::future::TimeoutFuture::new(0).await;
        }
        let document = match storage::open_document(&meta.id) {
            Ok(document) => document,
            Err(why) => {
                unreadable.push(format!("“{}”: {why}", meta.title));
                continue;
            }
        };
        let loaded = storage::load(&document);
        match loaded.problem {
            Some(problem) => unreadable.push(format!("“{}”: {}", meta.title, problem.reason)),
            None => documents.push(WorkspaceDocument {
                document,
                content: loaded.content,
            }),
        }
    }
    Ok((documents, unreadable))
}
