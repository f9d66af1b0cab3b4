//! The views that own the whole screen, with no masthead, navigation or footer:
//! presentation mode (`#present`), and the ballot box (`#ballot/<round>`), so a
//! participant sees only their ballot. The root renders one of these instead of
//! the page when the route asks for it.

use horizon_model::{Edit, Scenario};
use yew::prelude::*;

use crate::components::ballot_box::BallotBox;
use crate::components::presentation::Presentation;
use crate::state::{Evaluated, Route, Shared, View};

/// The full-screen page for `route`, or `None` for a view inside the page.
pub fn full_screen(
    route: &Route,
    scenario: &Shared<Scenario>,
    evaluated: &Option<Shared<Evaluated>>,
    on_edit: &Callback<Edit>,
    on_route: &Callback<Route>,
) -> Option<Html> {
    match route.view {
        View::Present => {
            // Esc goes back to the event when there is one, else to the review.
            let back = if scenario.events.is_empty() {
                View::Review
            } else {
                View::Event
            };
            let on_leave = on_route.reform(move |()| Route::to(back));
            Some(html! {
                <main id="main" class="present-page" data-view="present">
                    <Presentation scenario={scenario.clone()} evaluated={evaluated.clone()} {on_leave} />
                </main>
            })
        }
        View::Ballot => {
            let event = crate::event::current(scenario)
                .map(|e| e.id.clone())
                .unwrap_or_default();
            let round = route.round.clone().unwrap_or_default();
            let on_close = on_route.reform(|()| Route::to(View::Event));
            Some(html! {
                <main id="main" class="ballot-page" data-view="ballot">
                    <BallotBox scenario={scenario.clone()} {event} {round} on_edit={on_edit.clone()} {on_close} />
                </main>
            })
        }
        _ => None,
    }
}
