//! The smallest zip that every unzip tool opens: stored (uncompressed) entries.

/// Writes the files, in order, as a zip archive with stored entries.
pub fn write_stored(_files: &[(String, Vec<u8>)]) -> Vec<u8> {
    todo!()
}

/// Reads a zip's entries (name, bytes). Stored entries only; a compressed one gives an error
/// that says so.
pub fn read(_bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    todo!()
}
