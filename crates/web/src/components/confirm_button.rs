//! A button for something that cannot be undone: the first press asks, in the page
//! (no browser dialog, which projectors and screen readers handle badly), and only
//! the second, explicit "Yes" acts.

use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfirmButtonProps {
    /// The button's text ("Delete this rule").
    pub label: AttrValue,
    /// The question asked before acting ("Delete the rule too-many-priorities?").
    pub question: AttrValue,
    /// The confirming button's text ("Yes, delete it").
    pub confirm: AttrValue,
    pub on_confirm: Callback<()>,
    /// Extra words only screen readers hear after the label (which item it is).
    #[prop_or_default]
    pub context: Option<AttrValue>,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// Extra classes for the buttons ("small-button" in a table row).
    #[prop_or_default]
    pub class: Classes,
    /// A short question to show where space is tight ("Delete this item?"); the full
    /// question is still what screen readers hear.
    #[prop_or_default]
    pub short: Option<AttrValue>,
}

#[component]
pub fn ConfirmButton(props: &ConfirmButtonProps) -> Html {
    let asking = use_state(|| false);
    let yes_ref = use_node_ref();
    let ask_ref = use_node_ref();

    // Move focus to the question's "Yes" when it appears, and back when it goes.
    {
        let yes_ref = yes_ref.clone();
        let ask_ref = ask_ref.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(*asking, move |&asking| {
            let first_run = std::mem::replace(&mut *first.borrow_mut(), false);
            let target = if asking {
                yes_ref.cast::<HtmlElement>()
            } else {
                ask_ref.cast::<HtmlElement>()
            };
            if !first_run {
                if let Some(el) = target {
                    let _ = el.focus();
                }
            }
        });
    }

    if *asking {
        let on_confirm = props.on_confirm.clone();
        let a = asking.clone();
        let yes = Callback::from(move |_: MouseEvent| {
            a.set(false);
            on_confirm.emit(());
        });
        let a = asking.clone();
        let no = Callback::from(move |_: MouseEvent| a.set(false));
        html! {
            <div class={classes!("confirm", props.short.is_some().then_some("confirm-compact"))} role="group" aria-label={props.question.clone()}>
                <p class="confirm-question" aria-hidden={props.short.is_some().then_some("true")}>
                    { props.short.as_ref().unwrap_or(&props.question) }
                </p>
                <button type="button" class={classes!("button", "warning", props.class.clone())} ref={yes_ref} onclick={yes}>{ &props.confirm }</button>
                <button type="button" class={classes!("button", "secondary", props.class.clone())} onclick={no}>{ "Cancel" }</button>
            </div>
        }
    } else {
        let a = asking.clone();
        html! {
            <button
                type="button"
                class={classes!("button", "secondary", props.class.clone())}
                id={props.id.clone()}
                ref={ask_ref}
                onclick={move |_| a.set(true)}
            >
                { &props.label }
                if let Some(c) = &props.context {
                    <span class="visually-hidden">{ " " }{ c }</span>
                }
            </button>
        }
    }
}
