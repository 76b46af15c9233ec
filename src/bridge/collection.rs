//! Every document of the library with its annotations, for views across the collection (the
//! claims across the library). The rest of the app sees only [`load_library_documents`], so
//! where the documents are kept can change without touching its callers.

use super::storage;
use crate::model::library::WorkspaceDocument;

/// Every listed document in this browser with its annotations, in the library's order, and
/// what could not be read, in words. Fails only when the library itself cannot be listed.
/// Reading from the local database is asynchronous, so the page keeps answering meanwhile.
pub async fn load_library_documents() -> Result<(Vec<WorkspaceDocument>, Vec<String>), String> {
    storage::all_documents().await
}
