//! The lists a scenario holds, handled alike: find by id, add with a new id, replace,
//! remove, move; and the words edits are described in.

use super::{Collection, Refusal};
use crate::ids::{slug, unique_id};
use crate::scenario::*;
use crate::validate::ProblemKind;

/// What every list item has: an id and the name people know it by.
pub(super) trait Listed {
    fn id(&self) -> &str;
    fn id_mut(&mut self) -> &mut String;
    fn label(&self) -> &str;
    fn label_mut(&mut self) -> &mut String;
}

macro_rules! listed {
    ($($t:ty => $label:ident),* $(,)?) => {$(
        impl Listed for $t {
            fn id(&self) -> &str { &self.id }
            fn id_mut(&mut self) -> &mut String { &mut self.id }
            fn label(&self) -> &str { &self.$label }
            fn label_mut(&mut self) -> &mut String { &mut self.$label }
        }
    )*};
}

listed! {
    Plan => name,
    ThemeGroup => name,
    Theme => name,
    District => name,
    FocusArea => name,
    CrossCuttingTheme => name,
    HorizonCategory => name,
    HorizonItem => title,
    PartnerPriority => priority,
    Legislation => title,
}

/// `n` and the noun agreeing with it: "1 cell", "3 cells".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A count as people write it: 2000000 → "2,000,000".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The first letter in capitals: "Not named", "Retained".
pub fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// "a, b and c".
pub fn join_and<S: AsRef<str>>(parts: &[S]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", init.join(", "), last.as_ref())
        }
    }
}

/// At most five names, then "and N more".
pub(super) fn some_names<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let all: Vec<String> = names.map(|n| format!("“{n}”")).collect();
    if all.len() > 5 {
        format!("{} and {} more", all[..5].join(", "), all.len() - 5)
    } else {
        join_and(&all)
    }
}

pub(super) fn not_found(s: &Scenario, collection: Collection, id: &str) -> Refusal {
    not_found_at(&collection.path(s), collection, id)
}

pub(super) fn not_found_at(path: &str, collection: Collection, id: &str) -> Refusal {
    Refusal::new(
        path,
        ProblemKind::NotFound,
        format!("there is no {} with id \"{id}\"", collection.noun()),
    )
}

pub(super) fn position<T: Listed>(
    list: &[T],
    path: &str,
    collection: Collection,
    id: &str,
) -> Result<usize, Refusal> {
    list.iter()
        .position(|x| x.id() == id)
        .ok_or_else(|| not_found_at(path, collection, id))
}

pub(super) fn add<T: Listed>(
    list: &mut Vec<T>,
    mut item: T,
    collection: Collection,
) -> (String, String) {
    let tidy = item.label().trim().to_string();
    *item.label_mut() = tidy;
    if item.id().trim().is_empty() {
        let id = unique_id(&slug(item.label(), collection.fallback_id()), |c| {
            list.iter().any(|x| x.id() == c)
        });
        *item.id_mut() = id;
    }
    let out = (item.id().to_string(), item.label().to_string());
    list.push(item);
    out
}

/// Replaces the item `id` with `item` (keeping the id); returns the old label.
pub(super) fn update<T: Listed>(
    list: &mut [T],
    path: &str,
    collection: Collection,
    id: &str,
    mut item: T,
) -> Result<String, Refusal> {
    let pos = position(list, path, collection, id)?;
    id.clone_into(item.id_mut());
    let tidy = item.label().trim().to_string();
    *item.label_mut() = tidy;
    let old = list[pos].label().to_string();
    list[pos] = item;
    Ok(old)
}

pub(super) fn remove<T: Listed>(
    list: &mut Vec<T>,
    path: &str,
    collection: Collection,
    id: &str,
) -> Result<T, Refusal> {
    let pos = position(list, path, collection, id)?;
    Ok(list.remove(pos))
}

pub(super) fn move_to<T: Listed>(
    list: &mut Vec<T>,
    path: &str,
    collection: Collection,
    id: &str,
    to: usize,
) -> Result<(String, usize), Refusal> {
    let pos = position(list, path, collection, id)?;
    let item = list.remove(pos);
    let to = to.min(list.len());
    let label = item.label().to_string();
    list.insert(to, item);
    Ok((label, to))
}
