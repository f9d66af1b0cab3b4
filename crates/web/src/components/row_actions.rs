//! The buttons at the end of a context table's row: Change, Move up and Move down
//! (for a list the user orders), and Remove (asked first). Their ids are
//! `{prefix}-edit-{id}`, `{prefix}-up-{id}` and `{prefix}-down-{id}`.

use yew::prelude::*;

use crate::components::confirm_button::ConfirmButton;

#[derive(Properties, PartialEq)]
pub struct RowActionsProps {
    /// "law", "partner".
    pub prefix: AttrValue,
    pub id: AttrValue,
    /// The row's name, quoted, as the buttons' hidden words end: “Modern Slavery Act 2015”.
    pub named: AttrValue,
    /// The question before removing.
    pub question: AttrValue,
    pub on_change: Callback<()>,
    /// Moving the row to a place (0-based), and the button to focus after the move;
    /// `None` for a list with no order of its own.
    #[prop_or_default]
    pub on_move: Option<Callback<(usize, String)>>,
    /// The row's place in the list and the list's length (read only with `on_move`).
    #[prop_or_default]
    pub place: (usize, usize),
    pub on_remove: Callback<()>,
}

#[component]
pub fn RowActions(props: &RowActionsProps) -> Html {
    let (p, id, named) = (&props.prefix, &props.id, &props.named);
    let (i, n) = props.place;
    let button = |word: &str| format!("{p}-{word}-{id}");
    // After a move, focus stays on the same button, or its partner at an end.
    let mover = |on_move: &Callback<(usize, String)>, to: usize, word: &str| {
        let at_end = (word == "up" && to == 0) || (word == "down" && to + 1 == n);
        let again = match (at_end, word) {
            (true, "up") => button("down"),
            (true, _) => button("up"),
            (false, _) => button(word),
        };
        on_move.reform(move |_: MouseEvent| (to, again.clone()))
    };
    html! {
        <>
            <button type="button" class="button secondary small-button" id={button("edit")}
                onclick={props.on_change.reform(|_: MouseEvent| ())}>
                { "Change" }<span class="visually-hidden">{ format!(" {named}") }</span>
            </button>
            if let Some(on_move) = &props.on_move {
                if i > 0 {
                    <button type="button" class="button secondary small-button" id={button("up")} onclick={mover(on_move, i - 1, "up")}>
                        { "Move up" }<span class="visually-hidden">{ format!(" {named}") }</span>
                    </button>
                }
                if i + 1 < n {
                    <button type="button" class="button secondary small-button" id={button("down")} onclick={mover(on_move, i + 1, "down")}>
                        { "Move down" }<span class="visually-hidden">{ format!(" {named}") }</span>
                    </button>
                }
            }
            <ConfirmButton label="Remove" class="small-button" context={named.clone()}
                question={props.question.clone()} confirm="Yes, remove it" on_confirm={props.on_remove.clone()} />
        </>
    }
}
