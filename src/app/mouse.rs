//! Mouse input: hit-testing a click or wheel turn against the panes' layout.

use super::action::MouseInput;
use super::state::App;
use super::update::Effect;

/// A click or wheel turn at a screen cell.
pub fn handle(app: &mut App, input: MouseInput) -> Effect {
    let _ = (app, input);
    Effect::None
}
