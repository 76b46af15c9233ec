//! The IRIs export gives documents, annotations and links, and the ids import reads back
//! from them; a source URL is checked against RFC 3986 because the schemas' `uri` format
//! rejects an export whose target source is no absolute URI.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

const IRI_PREFIX: &str = "urn:text-annotator:";

pub(super) fn document_iri(doc_id: &str) -> String {
    format!("{IRI_PREFIX}{}", percent_encode(doc_id))
}

pub(super) fn item_iri(doc_id: &str, kind: &str, id: &str) -> String {
    format!("{}:{kind}:{}", document_iri(doc_id), percent_encode(id))
}

/// The id an IRI stands for: ours give back the id they were made from (whatever document
/// they were made for), any other IRI is its own id.
pub(super) fn local_id(iri: &str, kind: &str) -> String {
    let ours = iri.strip_prefix(IRI_PREFIX).and_then(|rest| {
        let mut parts = rest.split(':');
        let (_doc, found_kind, id) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || found_kind != kind {
            return None;
        }
        percent_decode(id)
    });
    ours.unwrap_or_else(|| iri.to_owned())
}

fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~')
}

/// What an id may hold unescaped in our IRIs: RFC 3986's unreserved characters.
const ID_ESCAPES: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

fn percent_encode(text: &str) -> String {
    utf8_percent_encode(text, ID_ESCAPES).to_string()
}

fn percent_decode(text: &str) -> Option<String> {
    percent_decode_str(text)
        .decode_utf8()
        .ok()
        .map(|decoded| decoded.into_owned())
}

/// The document's source URL as a URI the schemas accept: as given when it is one, with
/// characters a URI cannot hold (spaces, non-ASCII) percent-encoded otherwise, and `None`
/// when even that is no absolute URI.
pub(super) fn usable_uri(url: &str) -> Option<String> {
    let url = url.trim();
    if is_uri(url) {
        return Some(url.to_owned());
    }
    let mut encoded = String::with_capacity(url.len());
    let bytes = url.as_bytes();
    for (i, &byte) in bytes.iter().enumerate() {
        let escape = byte == b'%'
            && bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
            && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
        if is_unreserved(byte) || is_sub_delim(byte) || b":/?#@".contains(&byte) || escape {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    is_uri(&encoded).then_some(encoded)
}

fn is_sub_delim(byte: u8) -> bool {
    b"!$&'()*+,;=".contains(&byte)
}

/// Characters, escapes included, all of which `allowed` accepts.
fn all_chars(text: &str, allowed: impl Fn(u8) -> bool) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        if byte == b'%' {
            let hex_ok = bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
            if !hex_ok {
                return false;
            }
            i += 3;
        } else if allowed(byte) {
            i += 1;
        } else {
            return false;
        }
    }
    true
}

fn is_pchar(byte: u8) -> bool {
    is_unreserved(byte) || is_sub_delim(byte) || byte == b':' || byte == b'@'
}

/// An absolute URI by RFC 3986 with a non-empty hierarchical part (IP-literal hosts are not
/// accepted): a subset of what JSON Schema's `uri` format takes.
fn is_uri(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else {
        return false;
    };
    let mut scheme_chars = scheme.bytes();
    let scheme_ok = scheme_chars.next().is_some_and(|b| b.is_ascii_alphabetic())
        && scheme_chars.all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b));
    if !scheme_ok {
        return false;
    }
    let (rest, fragment) = match rest.split_once('#') {
        Some((rest, fragment)) => (rest, Some(fragment)),
        None => (rest, None),
    };
    let (hier, query) = match rest.split_once('?') {
        Some((hier, query)) => (hier, Some(query)),
        None => (rest, None),
    };
    let tail_ok = |part: Option<&str>| {
        part.is_none_or(|p| all_chars(p, |b| is_pchar(b) || b == b'/' || b == b'?'))
    };
    if !tail_ok(query) || !tail_ok(fragment) || hier.is_empty() {
        return false;
    }
    let path_ok = |path: &str| all_chars(path, |b| is_pchar(b) || b == b'/');
    let Some(after) = hier.strip_prefix("//") else {
        // path-absolute ("/a/b") or path-rootless ("a:b/c"): both start with a segment.
        return path_ok(hier);
    };
    let (authority, path) = match after.find('/') {
        Some(at) => after.split_at(at),
        None => (after, ""),
    };
    let host_port = match authority.rsplit_once('@') {
        Some((user, host_port)) => {
            if !all_chars(user, |b| is_unreserved(b) || is_sub_delim(b) || b == b':') {
                return false;
            }
            host_port
        }
        None => authority,
    };
    let (host, port) = host_port.rsplit_once(':').unwrap_or((host_port, ""));
    all_chars(host, |b| is_unreserved(b) || is_sub_delim(b))
        && port.bytes().all(|b| b.is_ascii_digit())
        && path_ok(path)
}
