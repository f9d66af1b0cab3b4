//! The project's snapshots: save the working copy under a name, and restore, rename,
//! delete or compare any of them.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::confirm_button::ConfirmButton;
use crate::dom::focus_id;
use crate::project::{Project, Side};
use crate::state::check_snapshot_name;
use crate::words;

#[derive(Properties, PartialEq)]
pub struct SnapshotListProps {
    pub project: Project,
    pub on_save: Callback<String>,
    pub on_restore: Callback<u32>,
    pub on_rename: Callback<(u32, String)>,
    pub on_delete: Callback<u32>,
    /// Compare this side with the working copy.
    pub on_compare: Callback<(Side, Side)>,
}

#[component]
pub fn SnapshotList(props: &SnapshotListProps) -> Html {
    let p = &props.project;
    let name = use_state(String::new);
    let error = use_state(|| None::<String>);
    // (snapshot id, draft name, problem) of the one being renamed.
    let renaming = use_state(|| None::<(u32, String, Option<String>)>);

    let on_input = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            name.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_submit = {
        let (name, error, project, on_save) = (
            name.clone(),
            error.clone(),
            p.clone(),
            props.on_save.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match check_snapshot_name(&project, &name, None) {
                Ok(n) => {
                    on_save.emit(n);
                    name.set(String::new());
                    error.set(None);
                }
                Err(m) => {
                    error.set(Some(m));
                    focus_id("snapshot-name");
                }
            }
        })
    };

    html! {
        <section aria-labelledby="snapshots-heading">
            <h2 id="snapshots-heading">{ "Snapshots" }</h2>
            <p>{ "A snapshot keeps a copy of everything (the scenario, the rules and their settings) to come back to or compare against. What you open becomes the Baseline snapshot." }</p>
            <form class="inline-form" onsubmit={on_submit} novalidate=true>
                <div class={classes!("field", error.is_some().then_some("field-has-error"))}>
                    <label class="label" for="snapshot-name">{ "Save the working copy as a snapshot" }</label>
                    <p class="hint" id="snapshot-name-hint">{ "A name that says what the what-if is, such as “Swale drops domestic abuse”." }</p>
                    if let Some(m) = &*error {
                        <p class="field-error" id="snapshot-name-error"><span class="visually-hidden">{ "Error: " }</span>{ m }</p>
                    }
                    <input
                        id="snapshot-name"
                        class="input"
                        type="text"
                        value={(*name).clone()}
                        aria-describedby={if error.is_some() { "snapshot-name-hint snapshot-name-error" } else { "snapshot-name-hint" }}
                        oninput={on_input}
                    />
                </div>
                <button type="submit" id="save-snapshot" class="button">{ "Save snapshot" }</button>
            </form>
            if p.snapshots.is_empty() {
                <p class="muted">{ "No snapshots yet." }</p>
            } else {
                <table class="table snapshot-table">
                    <caption class="visually-hidden">{ "Snapshots" }</caption>
                    <thead><tr>
                        <th scope="col">{ "Snapshot" }</th>
                        <th scope="col">{ "Holds" }</th>
                        <th scope="col"><span class="visually-hidden">{ "Actions" }</span></th>
                    </tr></thead>
                    <tbody>
                    { for p.snapshots.iter().map(|snap| {
                        let id = snap.id;
                        let s = &snap.work.scenario;
                        let started = p.started_from == Some(id);
                        let row_id = format!("snapshot-{id}");
                        let name_cell = match &*renaming {
                            Some((rid, draft, problem)) if *rid == id => {
                                let input_id = format!("rename-snapshot-{id}");
                                let oninput = {
                                    let renaming = renaming.clone();
                                    Callback::from(move |e: InputEvent| {
                                        let v = e.target_unchecked_into::<HtmlInputElement>().value();
                                        renaming.set(Some((id, v, None)));
                                    })
                                };
                                let onsubmit = {
                                    let (renaming, project, on_rename, draft) =
                                        (renaming.clone(), p.clone(), props.on_rename.clone(), draft.clone());
                                    Callback::from(move |e: SubmitEvent| {
                                        e.prevent_default();
                                        match check_snapshot_name(&project, &draft, Some(id)) {
                                            Ok(n) => {
                                                on_rename.emit((id, n));
                                                renaming.set(None);
                                                focus_id(&format!("snapshot-{id}"));
                                            }
                                            Err(m) => renaming.set(Some((id, draft.clone(), Some(m)))),
                                        }
                                    })
                                };
                                let cancel = {
                                    let renaming = renaming.clone();
                                    Callback::from(move |_: MouseEvent| renaming.set(None))
                                };
                                html! {
                                    <form class="inline-form" {onsubmit} novalidate=true>
                                        <div class={classes!("field", problem.is_some().then_some("field-has-error"))}>
                                            <label class="label" for={input_id.clone()}>{ format!("New name for “{}”", snap.name) }</label>
                                            if let Some(m) = problem { <p class="field-error"><span class="visually-hidden">{ "Error: " }</span>{ m }</p> }
                                            <input id={input_id} class="input" type="text" value={draft.clone()} {oninput} />
                                        </div>
                                        <button type="submit" class="button small-button">{ "Rename" }</button>
                                        <button type="button" class="button secondary small-button" onclick={cancel}>{ "Cancel" }</button>
                                    </form>
                                }
                            }
                            _ => html! {
                                <>
                                    <strong>{ &snap.name }</strong>
                                    if let Some(when) = &snap.taken {
                                        <span class="muted small snapshot-taken">{ format!(" taken {when}") }</span>
                                    }
                                    if started {
                                        <span class="tag">{ "working copy started here" }</span>
                                    }
                                </>
                            },
                        };
                        let restore = props.on_restore.reform(move |_| id);
                        let delete = {
                            let on_delete = props.on_delete.clone();
                            // The row goes: focus moves to the form above, not <body>.
                            Callback::from(move |_| {
                                on_delete.emit(id);
                                focus_id("snapshot-name");
                            })
                        };
                        let compare = props.on_compare.reform(move |_: MouseEvent| (Side::Snapshot(id), Side::Working));
                        let rename = {
                            let (renaming, name) = (renaming.clone(), snap.name.clone());
                            Callback::from(move |_: MouseEvent| renaming.set(Some((id, name.clone(), None))))
                        };
                        html! {
                            <tr key={id.to_string()} id={row_id} tabindex="-1" data-snapshot={snap.name.clone()}>
                                <th scope="row">{ name_cell }</th>
                                <td class="small">
                                    { format!("{}: {}, {}, {}",
                                        s.meta.title,
                                        words::count(s.districts.len(), "district", "districts"),
                                        words::count(s.themes.len(), "theme", "themes"),
                                        words::count(s.plan().focus_areas.len(), "focus area", "focus areas")) }
                                </td>
                                <td class="actions">
                                    <button type="button" class="button secondary small-button" onclick={compare}>
                                        { "Compare" }<span class="visually-hidden">{ format!(" “{}” with the working copy", snap.name) }</span>
                                    </button>
                                    <ConfirmButton
                                        label="Restore"
                                        class="small-button"
                                        context={AttrValue::from(format!("“{}”", snap.name))}
                                        question={AttrValue::from(format!("Make “{}” the working copy? You can undo this.", snap.name))}
                                        confirm="Yes, restore it"
                                        on_confirm={restore}
                                    />
                                    <button type="button" class="button secondary small-button" onclick={rename}>
                                        { "Rename" }<span class="visually-hidden">{ format!(" “{}”", snap.name) }</span>
                                    </button>
                                    <ConfirmButton
                                        label="Delete"
                                        class="small-button"
                                        context={AttrValue::from(format!("“{}”", snap.name))}
                                        question={AttrValue::from(format!("Delete the snapshot “{}”? This cannot be undone.", snap.name))}
                                        confirm="Yes, delete it"
                                        on_confirm={delete}
                                    />
                                </td>
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
            }
        </section>
    }
}
