//! Simulated Actor runs.

use crate::server::App;

pub fn recover(app: &App) {
    let _ = app;
}
