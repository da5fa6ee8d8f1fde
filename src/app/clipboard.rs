//! Copy and open: what `y`, `Y` and `o` hand to the front end.

use super::action::Action;
use super::state::App;
use super::update::Effect;

/// `y`, `Y` or `o` on the cursor article.
pub fn action(app: &mut App, action: Action) -> Effect {
    let _ = (app, action);
    Effect::None
}
