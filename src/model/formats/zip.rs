//! The smallest zip that every unzip tool opens: stored (uncompressed) entries.
//!
//! Writing: one local header and the bytes of each file, then the central directory and
//! the end record (PKWARE APPNOTE 4.3). Names are UTF-8 (general-purpose flag bit 11) and
//! every entry carries the same DOS time, 1980-01-01 00:00, so the same files always give
//! the same bytes. No zip64: an archive over 4 GiB or 65 535 entries cannot be written (a
//! browser page never holds one).
//!
//! Reading goes through the end record and the central directory, checks every offset
//! against the input and every entry's CRC-32, and answers garbage with an error, never a
//! panic. Only stored entries are read: inflating would need a decompressor in the wasm,
//! and a person can unzip the archive and pick its `.ann` and `.txt` instead.

const LOCAL_HEADER: u32 = 0x0403_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const END_OF_CENTRAL_DIRECTORY: u32 = 0x0605_4b50;
const ZIP64_END_LOCATOR: u32 = 0x0706_4b50;
const LOCAL_HEADER_LEN: usize = 30;
const CENTRAL_HEADER_LEN: usize = 46;
const END_LEN: usize = 22;
/// Version 2.0: the least that names stored entries in folders.
const VERSION: u16 = 20;
/// General-purpose flag bit 11: the name is UTF-8.
const FLAG_UTF8: u16 = 1 << 11;
const FLAG_ENCRYPTED: u16 = 1;
/// 1980-01-01 (years since 1980 << 9 | month << 5 | day), 00:00:00.
const DOS_DATE: u16 = 1 << 5 | 1;
const DOS_TIME: u16 = 0;

/// The CRC-32 of zip, gzip and PNG (reflected polynomial 0xEDB88320), one table lookup
/// per byte.
pub fn crc32(bytes: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut n = 0;
        while n < 256 {
            let mut c = n as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 == 1 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
                k += 1;
            }
            table[n] = c;
            n += 1;
        }
        table
    };
    !bytes.iter().fold(!0u32, |crc, &byte| {
        TABLE[((crc ^ u32::from(byte)) & 0xFF) as usize] ^ (crc >> 8)
    })
}

fn put16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

/// A length as the 32-bit field zip has for it. Clamped: without zip64 nothing larger can
/// be written, and nothing here comes near it.
fn len32(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

fn len16(len: usize) -> u16 {
    u16::try_from(len).unwrap_or(u16::MAX)
}

/// Writes the files, in order, as a zip archive with stored entries. Names use `/` between
/// folders (a folder needs no entry of its own).
pub fn write_stored(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let offset = len32(out.len());
        let crc = crc32(data);
        let name = name.as_bytes();
        // The fields the local and central headers share, from "version needed" on.
        let mut common = Vec::with_capacity(26);
        put16(&mut common, VERSION);
        put16(&mut common, FLAG_UTF8);
        put16(&mut common, 0); // stored
        put16(&mut common, DOS_TIME);
        put16(&mut common, DOS_DATE);
        put32(&mut common, crc);
        put32(&mut common, len32(data.len())); // compressed size
        put32(&mut common, len32(data.len())); // uncompressed size
        put16(&mut common, len16(name.len()));
        put16(&mut common, 0); // extra field length

        put32(&mut out, LOCAL_HEADER);
        out.extend_from_slice(&common);
        out.extend_from_slice(name);
        out.extend_from_slice(data);

        put32(&mut central, CENTRAL_HEADER);
        put16(&mut central, VERSION); // made by: MS-DOS host, so no Unix modes are implied
        central.extend_from_slice(&common);
        put16(&mut central, 0); // comment length
        put16(&mut central, 0); // disk number start
        put16(&mut central, 0); // internal attributes
        put32(&mut central, 0); // external attributes
        put32(&mut central, offset);
        central.extend_from_slice(name);
    }
    let central_offset = len32(out.len());
    let central_len = len32(central.len());
    out.extend_from_slice(&central);
    put32(&mut out, END_OF_CENTRAL_DIRECTORY);
    put16(&mut out, 0); // this disk
    put16(&mut out, 0); // disk with the central directory
    put16(&mut out, len16(files.len()));
    put16(&mut out, len16(files.len()));
    put32(&mut out, central_len);
    put32(&mut out, central_offset);
    put16(&mut out, 0); // comment length
    out
}

/// Little-endian fields at checked offsets.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn u16_at(&self, at: usize) -> Option<u16> {
        let b = self.0.get(at..at.checked_add(2)?)?;
        Some(u16::from_le_bytes([b[0], b[1]]))
    }

    fn u32_at(&self, at: usize) -> Option<u32> {
        let b = self.0.get(at..at.checked_add(4)?)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn slice(&self, at: usize, len: usize) -> Option<&[u8]> {
        self.0.get(at..at.checked_add(len)?)
    }
}

const DAMAGED: &str = "the zip file is damaged or not a zip";

/// Where the end-of-central-directory record starts: the last signature whose comment
/// length reaches exactly to the end of the input (or, failing that, fits inside it).
fn find_end(bytes: &Bytes) -> Option<usize> {
    let len = bytes.0.len();
    let last = len.checked_sub(END_LEN)?;
    let first = last.saturating_sub(usize::from(u16::MAX));
    let mut fitting = None;
    for at in (first..=last).rev() {
        if bytes.u32_at(at) != Some(END_OF_CENTRAL_DIRECTORY) {
            continue;
        }
        let comment = usize::from(bytes.u16_at(at + 20)?);
        if at + END_LEN + comment == len {
            return Some(at);
        }
        if at + END_LEN + comment < len && fitting.is_none() {
            fitting = Some(at);
        }
    }
    fitting
}

/// Reads a zip's entries (name, bytes). Stored entries only; a compressed one gives an error
/// that says so. Folder entries (names ending in `/`) are left out.
pub fn read(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let zip = Bytes(bytes);
    let damaged = |what: &str| format!("{DAMAGED} ({what})");
    let end = find_end(&zip).ok_or_else(|| damaged("no end-of-central-directory record"))?;
    let field16 = |at: usize| {
        zip.u16_at(end + at)
            .ok_or_else(|| damaged("short end record"))
    };
    let field32 = |at: usize| {
        zip.u32_at(end + at)
            .ok_or_else(|| damaged("short end record"))
    };
    let (this_disk, central_disk) = (field16(4)?, field16(6)?);
    let (on_disk, count) = (field16(8)?, field16(10)?);
    let (central_len, central_offset) = (field32(12)?, field32(16)?);
    let zip64 = count == u16::MAX
        || central_len == u32::MAX
        || central_offset == u32::MAX
        || end
            .checked_sub(20)
            .is_some_and(|at| zip.u32_at(at) == Some(ZIP64_END_LOCATOR));
    if zip64 {
        return Err(
            "the zip uses the zip64 extension, which this app does not read; \
                    unzip it and pick the .ann and .txt files"
                .to_owned(),
        );
    }
    if this_disk != 0 || central_disk != 0 || on_disk != count {
        return Err(
            "the zip is split across several files (a multi-part archive), \
                    which this app does not read"
                .to_owned(),
        );
    }
    let central_offset = central_offset as usize;
    let central_end = central_offset
        .checked_add(central_len as usize)
        .filter(|&e| e <= end)
        .ok_or_else(|| damaged("the central directory lies outside the file"))?;

    let mut entries = Vec::new();
    let mut at = central_offset;
    for n in 1..=count {
        let entry = |what: &str| damaged(&format!("entry {n}: {what}"));
        if at + CENTRAL_HEADER_LEN > central_end || zip.u32_at(at) != Some(CENTRAL_HEADER) {
            return Err(entry("no central directory header where one should be"));
        }
        let short = || entry("short header");
        let flags = zip.u16_at(at + 8).ok_or_else(short)?;
        let method = zip.u16_at(at + 10).ok_or_else(short)?;
        let crc = zip.u32_at(at + 16).ok_or_else(short)?;
        let compressed_len = zip.u32_at(at + 20).ok_or_else(short)?;
        let len = zip.u32_at(at + 24).ok_or_else(short)?;
        let name_len = usize::from(zip.u16_at(at + 28).ok_or_else(short)?);
        let extra_len = usize::from(zip.u16_at(at + 30).ok_or_else(short)?);
        let comment_len = usize::from(zip.u16_at(at + 32).ok_or_else(short)?);
        let local = zip.u32_at(at + 42).ok_or_else(short)? as usize;
        let name_bytes = zip
            .slice(at + CENTRAL_HEADER_LEN, name_len)
            .filter(|_| at + CENTRAL_HEADER_LEN + name_len <= central_end)
            .ok_or_else(|| entry("the name runs past the central directory"))?;
        let name = match std::str::from_utf8(name_bytes) {
            Ok(name) => name.to_owned(),
            // Without flag bit 11 a name is code page 437; ASCII reads the same either way.
            Err(_) => String::from_utf8_lossy(name_bytes).into_owned(),
        };
        at += CENTRAL_HEADER_LEN + name_len + extra_len + comment_len;

        if name.ends_with('/') {
            continue;
        }
        if flags & FLAG_ENCRYPTED != 0 {
            return Err(format!(
                "“{name}” in the zip is encrypted; unzip it with its password and pick the \
                 .ann and .txt files"
            ));
        }
        if method != 0 {
            let how = match method {
                8 => "deflate",
                9 => "deflate64",
                12 => "bzip2",
                14 => "lzma",
                93 => "zstd",
                95 => "xz",
                _ => "a compression method",
            };
            return Err(format!(
                "the zip is compressed (“{name}” uses {how}) and this app reads only stored \
                 zips; unzip it and pick the .ann and .txt files"
            ));
        }
        if compressed_len != len {
            return Err(entry("a stored entry whose sizes differ"));
        }
        if zip.u32_at(local) != Some(LOCAL_HEADER) {
            return Err(entry("no local header where the directory points"));
        }
        let local_name = usize::from(zip.u16_at(local + 26).ok_or_else(short)?);
        let local_extra = usize::from(zip.u16_at(local + 28).ok_or_else(short)?);
        let data = local
            .checked_add(LOCAL_HEADER_LEN + local_name + local_extra)
            .and_then(|start| zip.slice(start, len as usize))
            .ok_or_else(|| entry("the data runs past the end of the file"))?;
        if crc32(data) != crc {
            return Err(format!(
                "{DAMAGED}: “{name}” does not match its checksum (CRC-32)"
            ));
        }
        entries.push((name, data.to_vec()));
    }
    Ok(entries)
}
