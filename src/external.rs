//! The world outside the screen: the clipboard (OSC 52) and the system opener.

use crate::app::External;

/// Carries out `cmd`; `Ok` is the confirmation to show, `Err` what went wrong.
pub fn execute(cmd: &External, remote: bool) -> Result<String, String> {
    let _ = (cmd, remote);
    Err("not available".into())
}
