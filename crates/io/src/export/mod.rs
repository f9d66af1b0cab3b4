//! [`Workbook`](crate::Workbook) → .xlsx or CSV bytes.
