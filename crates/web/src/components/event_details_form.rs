//! The event's details: name, date, venue and the number who took part. Adds the
//! event when there is none yet.

use horizon_model::{Edit, Event, Scenario};
use yew::prelude::*;

use crate::components::field::Field;
use crate::components::form_parts::{described_by, typed_into, use_focus_on_open, use_refusals};
use crate::components::form_shell::FormShell;
use crate::forms::event::EventDraft;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct EventDetailsFormProps {
    pub scenario: Shared<Scenario>,
    /// The event edited; `None` adds one.
    pub event: Option<Event>,
    pub on_edit: Callback<Edit>,
    pub on_cancel: Callback<()>,
}

#[component]
pub fn EventDetailsForm(props: &EventDetailsFormProps) -> Html {
    let draft = use_state(|| {
        props
            .event
            .as_ref()
            .map(EventDraft::from_event)
            .unwrap_or_default()
    });
    let refusals = use_refusals();
    use_focus_on_open("event-name".into());
    let on_submit = {
        let (draft, refusals, scenario, on_edit) = (
            draft.clone(),
            refusals.clone(),
            props.scenario.clone(),
            props.on_edit.clone(),
        );
        let (id, done) = (
            props.event.as_ref().map(|e| e.id.clone()),
            props.on_cancel.clone(),
        );
        Callback::from(move |()| {
            if refusals.submit(draft.to_edit(&scenario, id.as_deref()), &on_edit) {
                done.emit(());
            }
        })
    };
    let text = |field: &'static str,
                label: &'static str,
                hint: Option<&'static str>,
                value: String,
                set: fn(&mut EventDraft, String)| {
        let id = format!("event-{field}");
        let error = refusals.get(field);
        html! {
            <Field id={id.clone()} label={label} hint={hint.map(AttrValue::from)} error={error.clone()}>
                <input type="text" id={id.clone()} class="input" value={value}
                    oninput={typed_into(&draft, set)}
                    aria-describedby={described_by(&id, hint.is_some(), error.is_some())} />
            </Field>
        }
    };
    html! {
        <FormShell id_prefix="event" heading={if props.event.is_some() { "Change the event's details" } else { "Set up the stakeholder event" }}
            submit_label={if props.event.is_some() { "Save the details" } else { "Set up the event" }}
            refusals={refusals.clone()} {on_submit} on_cancel={props.on_cancel.clone()}>
            { text("name", "Name", Some("For example, “Thanet practitioner stakeholder event”"), draft.name.clone(), |d, v| d.name = v) }
            { text("date", "Date", Some("As you would write it, for example “7 December 2016”"), draft.date.clone(), |d, v| d.date = v) }
            { text("venue", "Venue", None, draft.venue.clone(), |d, v| d.venue = v) }
            { text("participants", "Number of participants", Some("From the sign-in sheet; you can fill this in after the event"), draft.participants.clone(), |d, v| d.participants = v) }
        </FormShell>
    }
}
