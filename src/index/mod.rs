//! The full-text index (issue 18): whole words of titles and bodies, stem-aware, with
//! positions for phrases, ranked BM25, answering the search's word terms through
//! [`crate::query::TextIndex`] instead of a scan of every body.
//!
//! Built on tantivy. Each article is one document with four text fields, `title_raw`,
//! `title_stem`, `body_raw` and `body_stem`, tokenized by warta's own tokenizers
//! ([`tokens`]): the raw fields hold the folded words, the stem fields every candidate stem of
//! each word at its position, so a stem-aware word is the OR of its own stems. A body is
//! indexed paragraph by paragraph: tantivy leaves a position between values, so a phrase never
//! spans two paragraphs, as with [`crate::lexicon::Phrase`] on the scanned body.
//!
//! Besides the text, three fast fields tie a document to an article and its file:
//! - `key`: xxh3 of the source path, record and article id. Ids are hashes of the article's
//!   text, so a key names one version of one article; copies in two files, which share an
//!   id, have different keys. A view maps keys to the corpus's positions once.
//! - `file`: xxh3 of the source path (indexed too, so a file's documents are deleted by one
//!   term);
//! - `stamp`: xxh3 of the ids and records of every article of the file, in order. A file
//!   whose stamp in the index differs from the corpus's was changed and is indexed again.
//!
//! The fingerprint comes from the corpus itself, not from file times, so syncing needs no
//! cache and works on any corpus, and the cache's parser version is part of the index's
//! format file (a newer parser may read the same text into other paragraphs).
//!
//! On disk ([`index_dir`]), beside the parsed-article cache of the same input:
//!
//! ```text
//! <cache_dir>/v2/<hash of the input roots>/
//!     index.lock          advisory lock: the one warta that may repair or write the index
//!     index/              tantivy's segments, memory-mapped
//!         warta-index.json    format and parser version; another is rebuilt, not read
//!         validated           files whose checksum was verified, with size and mtime
//! ```
//!
//! With one input root (the common case) that is the root's cache directory itself. Several
//! roots get one index between them under the hash of all of them: BM25 statistics and a
//! document's position in the corpus are the whole corpus's.

mod find;
mod store;
mod tokens;
mod view;

pub use store::{IndexStore, OpenError, Progress, SyncReport, article_key, index_dir};
pub use view::IndexView;

#[cfg(test)]
mod tests;
