//! Banners about the work saved in this browser (an unreadable save kept aside,
//! autosave off). They stay until dismissed: losing work must never go unnoticed.

use yew::prelude::*;

use crate::files;
use crate::state::{Notice, Offer};
use crate::storage;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<Notice>,
    pub on_dismiss: Callback<usize>,
    pub on_status: Callback<String>,
    /// The whole project as a file's text, for [`Offer::SaveProject`].
    pub project_json: Callback<(), String>,
}

#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    html! {
        <div id="notices" class="notices">
            { for props.notices.iter().enumerate().map(|(i, n)| {
                let on_dismiss = props.on_dismiss.clone();
                let offer = match &n.offer {
                    Offer::Nothing => html! {},
                    Offer::KeptCopy(key) => {
                        let key = key.clone();
                        let on_status = props.on_status.clone();
                        let onclick = Callback::from(move |_: MouseEvent| {
                            let result = storage::read(&key)
                                .and_then(|t| t.ok_or_else(|| "The kept copy is no longer in this browser.".to_string()))
                                .and_then(|text| files::download("horizon-unreadable-save.json", "application/json", &text));
                            on_status.emit(match result {
                                Ok(()) => "The kept copy was downloaded as horizon-unreadable-save.json.".into(),
                                Err(e) => e,
                            });
                        });
                        html! { <button type="button" class="button secondary" {onclick}>{ "Download the kept copy" }</button> }
                    }
                    Offer::SaveProject => {
                        let on_status = props.on_status.clone();
                        let project_json = props.project_json.clone();
                        let onclick = Callback::from(move |_: MouseEvent| {
                            on_status.emit(files::save_project(&project_json.emit(())));
                        });
                        html! { <button type="button" class="button" id="notice-save-project" {onclick}>{ format!("Save {}", files::PROJECT_FILE_NAME) }</button> }
                    }
                };
                html! {
                    <section class="notice" role="alert" tabindex="-1" aria-labelledby={format!("notice-{i}")}>
                        <p class="notice-title" id={format!("notice-{i}")}>{ &n.title }</p>
                        <p>{ &n.text }</p>
                        <div class="button-row">
                            { offer }
                            <button type="button" class="button secondary" onclick={move |_| on_dismiss.emit(i)}>
                                { "Dismiss this message" }
                            </button>
                        </div>
                    </section>
                }
            }) }
        </div>
    }
}
