//! The banner of a tab whose saved work another tab changed: this tab has stopped
//! saving, and the user chooses what happens (`state::tabs`).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OtherTabBannerProps {
    /// Takes up the other tab's work; `true` keeps this tab's work as a snapshot.
    pub on_take: Callback<bool>,
}

#[component]
pub fn OtherTabBanner(props: &OtherTabBannerProps) -> Html {
    let take = |keep: bool| {
        let on_take = props.on_take.clone();
        Callback::from(move |_: MouseEvent| on_take.emit(keep))
    };
    html! {
        <section id="other-tab" class="notice notice-warning" role="alert" aria-labelledby="other-tab-title">
            <p class="notice-title" id="other-tab-title">{ "This work was changed in another tab" }</p>
            <p>
                { "Horizon is open in another tab of this browser, and that tab has saved changes to this work. \
                   So as not to overwrite them, this tab has stopped saving: anything you change here now is not kept. \
                   Choose which work to carry on with." }
            </p>
            <div class="button-row">
                <button type="button" id="other-tab-keep" class="button" onclick={take(true)}>
                    { "Use the other tab’s work, and keep this tab’s as a snapshot" }
                </button>
                <button type="button" id="other-tab-reload" class="button secondary" onclick={take(false)}>
                    { "Use the other tab’s work, and discard this tab’s" }
                </button>
            </div>
        </section>
    }
}
