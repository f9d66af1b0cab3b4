//! "Start a new review": replaces the scenario with an empty one of the chosen kind
//! (after asking), then opens the Review view, whose task list says what to do next.

use horizon_model::{Edit, PlanKind};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::confirm_button::ConfirmButton;
use crate::forms::new_review::{blank_scenario, KINDS};
use crate::state::View;

#[derive(Properties, PartialEq)]
pub struct NewReviewProps {
    pub on_edit: Callback<Edit>,
    pub on_navigate: Callback<View>,
}

#[component]
pub fn NewReview(props: &NewReviewProps) -> Html {
    let kind = use_state(|| PlanKind::DistrictPlan);
    let start = {
        let kind = kind.clone();
        let (on_edit, on_navigate) = (props.on_edit.clone(), props.on_navigate.clone());
        Callback::from(move |_: ()| {
            on_edit.emit(Edit::Replace(Box::new(blank_scenario(*kind))));
            on_navigate.emit(View::Review);
        })
    };
    html! {
        <section aria-labelledby="new-review-heading">
            <h2 id="new-review-heading">{ "Start a new review" }</h2>
            <p>{ "Build your own partnership's review from nothing: a checklist on the Review view takes you through naming it, adding districts and themes, filling the matrix and describing the plan. The horizon scan starts with the PESTELO headings." }</p>
            <fieldset class="fieldset">
                <legend>{ "What kind of plan is under review?" }</legend>
                <div class="radios">
                    { for KINDS.iter().map(|(k, slug, label, hint)| {
                        let rid = format!("new-review-{slug}");
                        let onchange = {
                            let kind = kind.clone();
                            let k = *k;
                            Callback::from(move |e: Event| {
                                if e.target_dyn_into::<HtmlInputElement>().is_some_and(|i| i.checked()) {
                                    kind.set(k);
                                }
                            })
                        };
                        html! {
                            <div class="radio">
                                <input type="radio" name="new-review-kind" id={rid.clone()} value={*slug}
                                    checked={*kind == *k} {onchange} aria-describedby={format!("{rid}-hint")} />
                                <label for={rid.clone()}>{ *label }</label>
                                <p class="hint radio-hint" id={format!("{rid}-hint")}>{ *hint }</p>
                            </div>
                        }
                    }) }
                </div>
            </fieldset>
            <ConfirmButton
                id="start-new-review"
                label="Start a new review"
                question="Start a new, empty review? It replaces the current scenario; your rules and their settings stay, and the current scenario stays as a snapshot only if you saved one. You can undo this."
                confirm="Yes, start a new review"
                on_confirm={start}
            />
        </section>
    }
}
