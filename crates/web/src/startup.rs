//! How a session starts: the work saved in this browser (or the Kent example), then a
//! safe start. An unreadable save is copied aside before anything can overwrite it; a
//! rule that was still running when the page last closed is switched off rather than
//! run again blindly; `#safe` in the address opens with every rule of the user's own
//! switched off (`AppState::safe_start`, tested on the host).

use crate::dom;
use crate::state::{Action, AppState, Notice, Offer, Route, Start};
use crate::storage::{self, Found, RUNNING_KEY, SAVE_KEY};

/// The address fragment that asks for a safe start: `horizon.html#safe`.
pub const SAFE: &str = "safe";

/// The state a session starts from: the work saved in this browser, or the Kent
/// example. An unreadable save is copied aside before anything can overwrite it.
pub fn startup() -> AppState {
    let fragment = dom::fragment();
    let interrupted = storage::read(RUNNING_KEY).ok().flatten();
    let state = restore().safe_start(interrupted.as_deref(), fragment == SAFE);
    // The address bar wins over the saved place: a link or a reload opens what it names.
    match Route::parse(&fragment) {
        Some(route) if route != state.session.route => {
            let mut state = state;
            state.session.route = route;
            state
        }
        _ => state,
    }
}

fn restore() -> AppState {
    let found = storage::read(SAVE_KEY).map(storage::interpret);
    match found {
        Ok(Found::Work(start)) => AppState::new(*start),
        Ok(Found::Nothing) => AppState::new(Start::fresh()),
        Ok(Found::Unreadable { text, reason }) => {
            let state = AppState::new(Start::fresh());
            match storage::keep_aside(&text) {
                Ok(key) => state.apply(Action::AddNotice(Notice {
                    title: "Your saved work could not be read".into(),
                    text: format!(
                        "Horizon found work saved in this browser, but {reason}. It has been kept aside, unchanged, \
                         under the name “{key}”, and Horizon has started again from the Kent 2016 example. \
                         You can download the kept copy to inspect or repair it."
                    ),
                    offer: Offer::KeptCopy(key),
                })),
                Err(why) => state
                    .apply(Action::AddNotice(Notice {
                        title: "Your saved work could not be read".into(),
                        text: format!(
                            "Horizon found work saved in this browser, but {reason}. It could not be copied aside \
                             ({why}), so Horizon will not save over it: this session starts from the Kent 2016 \
                             example and is not saved in the browser."
                        ),
                        offer: Offer::Nothing,
                    }))
                    .apply(Action::AutosaveFailed("Autosave is off so that the unreadable save is not overwritten.".into())),
            }
        }
        Err(why) => AppState::new(Start::fresh()).apply(Action::AutosaveFailed(why)),
    }
}

