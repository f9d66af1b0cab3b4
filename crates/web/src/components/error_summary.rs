//! A form's error summary, GOV.UK style: at the top of the form, announced
//! (`role="alert"`) and focused each time a save is refused, with a link to each
//! field that has a problem.

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::components::form_parts::focus_id;
use crate::forms::FieldError;

#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    pub errors: Vec<FieldError>,
    /// The form's id prefix: a field `name` is the control `{prefix}-name`.
    pub id_prefix: AttrValue,
    /// Counts refused saves, so the summary takes focus again on each one.
    pub attempt: u32,
}

#[component]
pub fn ErrorSummary(props: &ErrorSummaryProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        let has = !props.errors.is_empty();
        use_effect_with(props.attempt, move |_| {
            if has {
                if let Some(el) = node.cast::<HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    if props.errors.is_empty() {
        return html! {};
    }
    let p = &props.id_prefix;
    html! {
        <div class="error-summary" tabindex="-1" ref={node} role="alert" aria-labelledby={format!("{p}-errors")}>
            <p class="error-summary-title" id={format!("{p}-errors")}>{ "There is a problem" }</p>
            <ul>
                { for props.errors.iter().map(|e| {
                    let target = format!("{p}-{}", e.field);
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
