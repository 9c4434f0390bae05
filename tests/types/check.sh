#!/usr/bin/env bash
# The package's TypeScript surface, checked against the built package (pkg/, or
# $APIFY_CLIENT_WASM_PKG):
#   1. tsc --strict --noEmit on check.ts, which uses every client and method;
#   2. the generated apify_client_wasm.d.ts equals the committed snapshot.d.ts, so that API
#      changes show in review (`check.sh --bless` accepts a deliberate change);
#   3. no `any` in the public declarations (wasm-bindgen's init types at the end aside).
# Build first: pkg-scripts/build (or PKG_OUT=… pkg-scripts/build).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
pkg="$(cd "${APIFY_CLIENT_WASM_PKG:-$root/pkg}" 2>/dev/null && pwd)" ||
  { echo "check.sh: no built package at ${APIFY_CLIENT_WASM_PKG:-$root/pkg}; run pkg-scripts/build" >&2; exit 1; }
dts="$pkg/apify_client_wasm.d.ts"
[ -f "$dts" ] || { echo "check.sh: $dts is missing; run pkg-scripts/build" >&2; exit 1; }
tsc="$root/pkg-scripts/node_modules/.bin/tsc"
[ -x "$tsc" ] || { echo "check.sh: $tsc is missing; run pkg-scripts/setup" >&2; exit 1; }

# The raw export table names wasm-bindgen's closure shims after their Rust symbols, which differ
# with the compiler and with how std was built (pkg-scripts/lib.sh, wasm_release_build): those
# lines are not API, so the snapshot leaves them out.
api_only() { grep -v '^    readonly wasm_bindgen.*convert__closures.*invoke' "$1"; }

if [ "${1:-}" = "--bless" ]; then
  api_only "$dts" > "$here/snapshot.d.ts"
  echo "check.sh: snapshot.d.ts updated from $dts; commit it with the API change"
fi

fail=0

# 1. tsc --strict against this package (a throwaway tsconfig points at another build).
config="$here/tsconfig.json"
if [ "$pkg" != "$root/pkg" ]; then
  config="$(mktemp "$here/tsconfig.XXXXXX.json")"
  trap 'rm -f "$config"' EXIT
  printf '{ "extends": "./tsconfig.json", "compilerOptions": { "paths": { "apify-client-wasm": ["%s/index.d.ts"] } } }\n' "$pkg" > "$config"
fi
if "$tsc" -p "$config"; then
  echo "check.sh: tsc --strict check.ts: ok"
else
  echo "check.sh: tsc --strict found errors in tests/types/check.ts (above)" >&2
  fail=1
fi

# 2. The generated declarations against the committed snapshot.
if diff -u "$here/snapshot.d.ts" <(api_only "$dts"); then
  echo "check.sh: apify_client_wasm.d.ts matches snapshot.d.ts"
else
  echo "check.sh: the generated apify_client_wasm.d.ts differs from tests/types/snapshot.d.ts (diff above)." >&2
  echo "          If the API changed on purpose, run tests/types/check.sh --bless and commit snapshot.d.ts." >&2
  fail=1
fi

# 3. No `any` in the public declarations, comments and wasm-bindgen's init types aside.
if ! node - "$dts" "$pkg/index.d.ts" "$pkg/manual.d.ts" <<'JS'
const fs = require('fs');
let bad = 0;
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) continue;
  let text = fs.readFileSync(file, 'utf8');
  const raw = text.indexOf('export type InitInput');
  if (raw >= 0) text = text.slice(0, raw);
  // Blank out comments, keeping line numbers.
  text = text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (c) => c.replace(/[^\n]/g, ' '));
  text.split('\n').forEach((line, i) => {
    if (/\bany\b/.test(line)) {
      console.error(`${file}:${i + 1}: \`any\` in the public API: ${line.trim()}`);
      bad++;
    }
  });
}
process.exit(bad ? 1 : 0);
JS
then
  echo "check.sh: the public declarations contain \`any\` (above); give them real types" >&2
  fail=1
else
  echo "check.sh: no \`any\` in the public declarations"
fi

exit "$fail"
