//! "There is a problem": a form's error summary, GOV.UK style. Focused when a save
//! is refused, with a link to each field that moves focus to it.

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::components::form_parts::focus_id;
use crate::drafts::FieldError;

#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    pub errors: Vec<FieldError>,
    /// The form's id prefix: each link goes to `{prefix}-{field}`.
    pub prefix: AttrValue,
    /// Bumped by every refused save, so a second refusal focuses the summary again.
    pub attempt: u32,
}

/// "There is a problem", with a link to each field; focused when it appears.
#[component]
pub fn ErrorSummary(props: &ErrorSummaryProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.attempt, move |_| {
            if let Some(el) = node.cast::<HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    if props.errors.is_empty() {
        return html! {};
    }
    let title_id = format!("{}-errors", props.prefix);
    html! {
        <div class="error-summary" tabindex="-1" ref={node} role="alert" aria-labelledby={title_id.clone()}>
            <p class="error-summary-title" id={title_id}>{ "There is a problem" }</p>
            <ul>
                { for props.errors.iter().map(|e| {
                    let target = format!("{}-{}", props.prefix, e.field);
                    let go = {
                        let target = target.clone();
                        Callback::from(move |ev: MouseEvent| { ev.prevent_default(); focus_id(&target); })
                    };
                    html! { <li><a href={format!("#{target}")} onclick={go}>{ &e.message }</a></li> }
                }) }
            </ul>
        </div>
    }
}
