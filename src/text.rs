//! Decoding bytes into text and making untrusted text display-safe. (stub: being written)

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    Binary,
}

/// Decodes a file's bytes (BOM, UTF-16, UTF-8, else Windows-1252), normalises line ends to `\n`
/// and sanitises the result with [`sanitize`].
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    let _ = bytes;
    todo!()
}

/// Removes escape sequences, control, bidi and invisible format characters; expands tabs.
pub fn sanitize(s: &str) -> String {
    let _ = s;
    todo!()
}

/// Lower-cases and strips diacritics, for case- and diacritic-insensitive matching.
pub fn fold(s: &str) -> String {
    let _ = s;
    todo!()
}
