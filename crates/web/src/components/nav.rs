//! The navigation between the views: real links in a `<nav>`, the open view
//! marked `aria-current="page"` (and underlined, not just coloured).

use yew::prelude::*;

use crate::state::View;

#[derive(Properties, PartialEq)]
pub struct ViewNavProps {
    pub current: View,
    pub on_navigate: Callback<View>,
}

#[component]
pub fn ViewNav(props: &ViewNavProps) -> Html {
    html! {
        <nav class="views" aria-label="Views">
            <ul class="views-list">
                { for View::ALL.iter().filter(|v| v.in_navigation()).map(|&v| {
                    let on_navigate = props.on_navigate.clone();
                    // A link (so it reads as navigation and can be opened by keyboard);
                    // the page handles it in place, keeping the work in memory.
                    let onclick = Callback::from(move |e: MouseEvent| {
                        e.prevent_default();
                        on_navigate.emit(v);
                    });
                    let current = v == props.current;
                    html! {
                        <li>
                            <a
                                href={format!("#{}", v.slug())}
                                id={format!("nav-{}", v.slug())}
                                class={classes!("views-link", current.then_some("current"))}
                                aria-current={current.then_some("page")}
                                {onclick}
                            >
                                { v.title() }
                            </a>
                        </li>
                    }
                }) }
            </ul>
        </nav>
    }
}
