//! `--data-dir` persistence: a JSON snapshot written on shutdown and read on start.

use crate::server::App;
use crate::state::Global;
use std::path::Path;

const FILE: &str = "apify-emulator-state.json";

pub fn load(dir: &Path) -> Global {
    let p = dir.join(FILE);
    match std::fs::read(&p) {
        Ok(bytes) => match serde_json::from_slice(&bytes) {
            Ok(g) => g,
            Err(e) => {
                eprintln!("ignoring unreadable state file {}: {e}", p.display());
                Global::default()
            }
        },
        Err(_) => Global::default(),
    }
}

pub fn save(app: &App, dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let bytes = {
        let g = app.lock();
        serde_json::to_vec(&*g).map_err(std::io::Error::other)?
    };
    let tmp = dir.join(format!("{FILE}.tmp"));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(tmp, dir.join(FILE))
}
