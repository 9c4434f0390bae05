# Shared by the pkg-scripts: paths and the wasm32 toolchain choice. Source it, don't run it.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCRIPTS="$ROOT/pkg-scripts"
CACHE="$SCRIPTS/.cache"
export PATH="$SCRIPTS/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# The wasm-bindgen version the crate pins with `=`; the CLI must be the same.
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' "$ROOT/Cargo.toml")"

log() { printf '\033[1m[%s]\033[0m %s\n' "$(basename "$0")" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Runs cargo for wasm32-unknown-unknown with whichever toolchain setup found:
# rustup's own target where it exists, else Debian's rustc-web with std built from source.
wasm_cargo() {
  local mode
  mode="$(cat "$CACHE/wasm-toolchain" 2>/dev/null || echo missing)"
  case "$mode" in
    # The target goes right after the subcommand: anything after a `--` belongs to rustc.
    rustup) cargo "$1" --target wasm32-unknown-unknown "${@:2}" ;;
    debian) RUSTC_BOOTSTRAP=1 cargo +wasm-web "$1" --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort "${@:2}" ;;
    *) die "no wasm32 toolchain: run pkg-scripts/setup" ;;
  esac
}

# The package's release build. Where setup found a standard library source (`release-std` in
# the cache: rustup's rust-src, or Debian's rust-web-src for the wasm-web toolchain), std is
# rebuilt with panic=immediate-abort: no panic messages and no formatting machinery for them in
# the wasm (-8 kB gzip, docs/performance.md finding 18). A panic traps either way (the crate is
# panic=abort and installs no hook), so nothing a user can see changes. Its own target dir: other
# flags, another std. Sets RELEASE_WASM to the built file.
wasm_release_build() {
  local std flags=(--release --lib -p apify-client-wasm --quiet)
  std="$(cat "$CACHE/release-std" 2>/dev/null || echo none)"
  local rebuild=(env RUSTC_BOOTSTRAP=1 "RUSTFLAGS=${RUSTFLAGS:-} -Zunstable-options -Cpanic=immediate-abort"
    "CARGO_TARGET_DIR=$ROOT/target/release-std")
  case "$std" in
    rustup) "${rebuild[@]}" cargo build --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort "${flags[@]}" || return ;;
    debian) "${rebuild[@]}" cargo +wasm-web build --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort "${flags[@]}" || return ;;
    *)
      wasm_cargo build "${flags[@]}" || return
      RELEASE_WASM="$ROOT/target/wasm32-unknown-unknown/release/apify_client_wasm.wasm"
      return ;;
  esac
  RELEASE_WASM="$ROOT/target/release-std/wasm32-unknown-unknown/release/apify_client_wasm.wasm"
}
