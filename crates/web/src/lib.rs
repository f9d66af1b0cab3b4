//! Placeholder entry point; the real app replaces this.
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[component]
fn App() -> Html {
    html! { <main><h1>{ "Horizon" }</h1><p id="status">{ "Loaded" }</p></main> }
}

#[wasm_bindgen(start)]
pub fn start() {
    yew::Renderer::<App>::new().render();
}
