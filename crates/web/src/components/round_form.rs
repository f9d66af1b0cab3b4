//! A new vote round: the question, how the room's views are counted (ballots at
//! the laptop, a tally typed in, or a rating of one horizon item), and what the
//! room votes on: themes, horizon items, or both.

use horizon_model::{Edit, Scenario, Way};
use yew::prelude::*;

use crate::components::field::Field;
use crate::components::form_parts::{
    control_value, described_by, set_into, typed_into, use_focus_on_open, use_refusals,
};
use crate::components::form_shell::FormShell;
use crate::components::theme_checkboxes::ThemeCheckboxes;
use crate::forms::event::RoundDraft;
use crate::forms::tick;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct RoundFormProps {
    pub scenario: Shared<Scenario>,
    pub event: String,
    pub on_edit: Callback<Edit>,
    pub on_done: Callback<()>,
}

const WAYS: [(Way, &str, &str); 3] = [
    (Way::Ballots, "ballots", "Ballots: each person comes to this laptop and chooses up to a number of options; the count stays hidden until you reveal it"),
    (Way::Tally, "tally", "Tally: you type or click the counts (a show of hands, dots counted off a flip chart)"),
    (Way::Rating, "rating", "Rating: the room rates one horizon item's likelihood and impact from 1 to 4"),
];

#[component]
pub fn RoundForm(props: &RoundFormProps) -> Html {
    let draft = use_state(RoundDraft::default);
    let refusals = use_refusals();
    use_focus_on_open("round-question".into());
    let s = &*props.scenario;
    let on_submit = {
        let (draft, refusals, scenario, on_edit, event, done) = (
            draft.clone(),
            refusals.clone(),
            props.scenario.clone(),
            props.on_edit.clone(),
            props.event.clone(),
            props.on_done.clone(),
        );
        Callback::from(move |()| {
            if refusals.submit(draft.to_edit(&scenario, &event), &on_edit) {
                done.emit(());
            }
        })
    };
    let q_error = refusals.get("question");
    let most_error = refusals.get("most");
    let options_error = refusals.get("options");
    let item_error = refusals.get("item");
    let options = if draft.way == Way::Rating {
        let onchange = typed_into(&draft, |d: &mut RoundDraft, v| d.item = v);
        html! {
            <Field id="round-item" label="The horizon item the room rates" error={item_error.clone()}>
                <select id="round-item" class="select" {onchange} aria-describedby={described_by("round-item", false, item_error.is_some())}>
                    <option value="" selected={draft.item.is_empty()}>{ "Choose an item" }</option>
                    { for s.horizon.iter().map(|h| html! {
                        <option value={h.id.clone()} selected={draft.item == h.id}>{ &h.title }</option>
                    }) }
                </select>
            </Field>
        }
    } else {
        html! {
            <>
                if draft.way == Way::Ballots {
                    <Field id="round-most" label="How many may each person choose?" error={most_error.clone()}>
                        <input type="text" inputmode="numeric" id="round-most" class="input input-short" value={draft.most.clone()}
                            oninput={typed_into(&draft, |d: &mut RoundDraft, v| d.most = v)}
                            aria-describedby={described_by("round-most", false, most_error.is_some())} />
                    </Field>
                }
                <ThemeCheckboxes scenario={props.scenario.clone()} id_prefix="round" legend="Themes to vote on"
                    hint="Tick the themes the room chooses between." selected={draft.themes.clone()} error={options_error.clone()}
                    on_change={set_into(&draft, |d: &mut RoundDraft, v: Vec<String>| d.themes = v)} />
                if !s.horizon.is_empty() {
                    <fieldset class="fieldset">
                        <legend>{ "Horizon items to vote on (optional)" }</legend>
                        <div class="checkboxes">
                            { for s.horizon.iter().map(|h| {
                                let id = format!("round-item-{}", h.id);
                                let on = draft.items.contains(&h.id);
                                let onchange = {
                                    let (draft, hid) = (draft.clone(), h.id.clone());
                                    Callback::from(move |e: Event| {
                                        let ticked = e.target_dyn_into::<web_sys::HtmlInputElement>().is_some_and(|i| i.checked());
                                        let mut d = (*draft).clone();
                                        d.items = tick(&d.items, &hid, ticked);
                                        draft.set(d);
                                    })
                                };
                                html! {
                                    <div class="checkbox">
                                        <input type="checkbox" id={id.clone()} checked={on} {onchange} />
                                        <label for={id}>{ &h.title }</label>
                                    </div>
                                }
                            }) }
                        </div>
                    </fieldset>
                }
            </>
        }
    };
    html! {
        <FormShell id_prefix="round" heading="Add a vote round" submit_label="Add the round" refusals={refusals.clone()} {on_submit} on_cancel={props.on_done.clone()}>
            <Field id="round-question" label="The question the room is asked" hint={AttrValue::from("For example, “Which three themes should the partnership focus on next year?”")} error={q_error.clone()}>
                <input type="text" id="round-question" class="input" value={draft.question.clone()}
                    oninput={typed_into(&draft, |d: &mut RoundDraft, v| d.question = v)}
                    aria-describedby={described_by("round-question", true, q_error.is_some())} />
            </Field>
            <fieldset class="fieldset">
                <legend>{ "How the room's views are counted" }</legend>
                <div class="radios">
                    { for WAYS.iter().map(|&(way, slug, label)| {
                        let rid = format!("round-way-{slug}");
                        let onchange = {
                            let draft = draft.clone();
                            Callback::from(move |e: Event| {
                                if control_value(e.target()).is_some() {
                                    let mut d = (*draft).clone();
                                    d.way = way;
                                    draft.set(d);
                                }
                            })
                        };
                        html! {
                            <div class="radio">
                                <input type="radio" name="round-way" id={rid.clone()} value={slug} checked={draft.way == way} {onchange} />
                                <label for={rid}>{ label }</label>
                            </div>
                        }
                    }) }
                </div>
            </fieldset>
            { options }
        </FormShell>
    }
}
