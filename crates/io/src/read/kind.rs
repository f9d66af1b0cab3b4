//! What a file is, from its first bytes and, for a compressed or Office file, the
//! names of the parts inside it. The name's ending is used only to choose, for a
//! file of plain text, between reading it as CSV and refusing it.

use std::io::{Cursor, Read};

use super::{csv, FileError};
use crate::grid::FileKind;

const ZIP: &[u8] = b"PK\x03\x04";
const EMPTY_ZIP: &[u8] = b"PK\x05\x06";
/// The start of an Office 97–2003 file (and of an encrypted Office 2007 one).
const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0];

/// The kind of `bytes` (not empty), or why Horizon will not read it.
pub(super) fn detect(file: &str, bytes: &[u8]) -> Result<FileKind, FileError> {
    if bytes.starts_with(ZIP) || bytes.starts_with(EMPTY_ZIP) {
        return packed(file, bytes);
    }
    if bytes.starts_with(OLE) {
        return office(file, bytes);
    }
    let wrong = |seems: &str| {
        Err(FileError::WrongKind {
            file: file.into(),
            seems: seems.into(),
        })
    };
    const SIGNATURES: [(&[u8], &str); 8] = [
        (b"%PDF", "a PDF document"),
        (b"\x89PNG", "a picture (PNG)"),
        (b"\xFF\xD8\xFF", "a photo or picture (JPEG)"),
        (b"GIF8", "a picture (GIF)"),
        (b"{\\rtf", "a Rich Text document (.rtf)"),
        (b"\x1F\x8B", "a compressed file (.gz)"),
        (b"Rar!", "a compressed file (.rar)"),
        (b"7z\xBC\xAF", "a compressed file (.7z)"),
    ];
    for (start, seems) in SIGNATURES {
        if bytes.starts_with(start) {
            return wrong(seems);
        }
    }
    if !csv::looks_like_text(bytes) {
        return wrong("a file of another kind");
    }
    let text = csv::decode(bytes);
    let start: String = text.trim_start().chars().take(512).collect();
    let start = start.to_lowercase();
    if start.starts_with('<') {
        if start.contains("urn:schemas-microsoft-com:office:spreadsheet") {
            return wrong("an Excel 2003 XML spreadsheet");
        }
        if start.contains("<html") || start.contains("<!doctype html") || start.contains("<table") {
            return wrong("a web page");
        }
        if start.starts_with("<?xml") {
            return wrong("a file of XML data");
        }
    }
    match extension(file).as_str() {
        "json" => wrong("a file of JSON data"),
        "xml" => wrong("a file of XML data"),
        "html" | "htm" => wrong("a web page"),
        ext @ ("xlsx" | "xlsm" | "ods" | "xlsb") => wrong(&format!(
            "plain text, though its name ends in .{ext} (if it is a CSV file, save it \
             with a name ending in .csv)"
        )),
        // Everything else that is text, `.xls` included (some systems export text
        // with a tab between columns under that name, and Excel opens it).
        _ => Ok(FileKind::Csv),
    }
}

/// The name's ending, lower case, without the dot ("" when there is none).
pub(super) fn extension(file: &str) -> String {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_lowercase(),
        _ => String::new(),
    }
}

/// A compressed file: an .xlsx, an .ods, or something else packed the same way.
fn packed(file: &str, bytes: &[u8]) -> Result<FileKind, FileError> {
    let corrupt = |reason: &str| FileError::Corrupt {
        file: file.into(),
        reason: reason.into(),
    };
    let wrong = |seems: &str| FileError::WrongKind {
        file: file.into(),
        seems: seems.into(),
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|_| corrupt("it seems to be cut short or damaged"))?;
    let has = |zip: &zip::ZipArchive<_>, name: &str| zip.file_names().any(|n| n == name);
    if has(&zip, "mimetype") {
        let mimetype = part_start(&mut zip, "mimetype", 256);
        let mimetype = mimetype.trim();
        return match mimetype {
            "application/vnd.oasis.opendocument.spreadsheet"
            | "application/vnd.oasis.opendocument.spreadsheet-template" => {
                let manifest = part_start(&mut zip, "META-INF/manifest.xml", 4 * 1024 * 1024);
                if manifest.contains("encryption-data") {
                    Err(FileError::Password { file: file.into() })
                } else if has(&zip, "content.xml") {
                    Ok(FileKind::Ods)
                } else {
                    Err(corrupt("the part holding its sheets is missing"))
                }
            }
            m if m.ends_with("opendocument.text") => Err(wrong("an OpenDocument text (.odt)")),
            m if m.ends_with("opendocument.presentation") => {
                Err(wrong("an OpenDocument presentation (.odp)"))
            }
            _ => Err(wrong("an OpenDocument file that is not a spreadsheet")),
        };
    }
    if has(&zip, "xl/workbook.xml") {
        return Ok(FileKind::Xlsx);
    }
    Err(if has(&zip, "xl/workbook.bin") {
        wrong("an Excel binary workbook (.xlsb)")
    } else if has(&zip, "word/document.xml") {
        wrong("a Word document (.docx)")
    } else if has(&zip, "ppt/presentation.xml") {
        wrong("a PowerPoint presentation (.pptx)")
    } else if has(&zip, "[Content_Types].xml") {
        match extension(file).as_str() {
            "xlsx" | "xlsm" => corrupt("the part holding its sheets is missing"),
            _ => wrong("an Office document that is not a workbook"),
        }
    } else if zip.is_empty() {
        corrupt("there is nothing inside it")
    } else {
        wrong("a compressed folder of other files (.zip)")
    })
}

/// The first `max` bytes of a part, as text ("" when it is missing or unreadable).
fn part_start<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
    max: u64,
) -> String {
    let mut out = Vec::new();
    if let Ok(part) = zip.by_name(name) {
        let _ = part.take(max).read_to_end(&mut out);
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// An Office 97–2003 file: an .xls, another program's file, or an encrypted
/// workbook (Office keeps an encrypted .xlsx inside a file of this older kind).
fn office(file: &str, bytes: &[u8]) -> Result<FileKind, FileError> {
    let wrong = |seems: &str| FileError::WrongKind {
        file: file.into(),
        seems: seems.into(),
    };
    let Ok(office) = cfb::CompoundFile::open(Cursor::new(bytes)) else {
        return Err(FileError::Corrupt {
            file: file.into(),
            reason: "it seems to be cut short or damaged".into(),
        });
    };
    let names: Vec<String> = office
        .read_root_storage()
        .take(10_000)
        .map(|e| e.name().to_string())
        .collect();
    let has = |name: &str| names.iter().any(|n| n == name);
    if has("EncryptionInfo") || has("EncryptedPackage") {
        return Err(FileError::Password { file: file.into() });
    }
    if has("Workbook") || has("Book") {
        return Ok(FileKind::Xls);
    }
    Err(if has("WordDocument") {
        wrong("a Word 97–2003 document (.doc)")
    } else if has("PowerPoint Document") {
        wrong("a PowerPoint 97–2003 presentation (.ppt)")
    } else if names.iter().any(|n| n.starts_with("__substg1.0_")) {
        wrong("an Outlook message (.msg)")
    } else {
        wrong("a file from another Office program, not a workbook")
    })
}
