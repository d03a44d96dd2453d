#!/usr/bin/env bash
# Starts a built app image headless, as a new user on a machine without network would:
# an empty home (so DJL extracts PyTorch from the bundled jar into it), a clean environment with no
# display, the working directory an empty folder (so every shipped file must be found relative to
# the install), and, where `unshare` allows it, a network namespace with only loopback.
#
#   installer/smoke-test.sh [APP_IMAGE]    (default: target/installer/unmixer)
#
# Checks, each printed as one line; the first failure prints why and exits 1:
#   1. `unmixer --version` names the version;
#   2. `unmixer` with no display says so in one line and exits 2 (the window's entry point);
#   3. `unmixer estimate <image>/…/assets/examples/pluck.wav --json` is an unmixer-estimate/1 with a
#      best patch whose chain names at least one device, and PyTorch was extracted into the empty home;
#   4. `unmixer demo --out DIR --json` rebuilds into the built-in Live set simulator with no problems
#      and writes the estimate JSON, the rack preset (.adg, gzip) and the rebuilt WAV;
#   5. `unmixer serve` answers /v1/health, estimates the example over HTTP and refuses a malformed body.
# UNMIXER_SMOKE_ITF_STEPS sets the demo's ITF steps (default 5; the demo's own default, 50, takes
# about 2 minutes on 2 cores). Needs Node (as .ci/run does) to read the JSON.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
image="$(cd "${1:-$root/target/installer/unmixer}" 2>/dev/null && pwd)" \
  || { echo "smoke: FAIL: no app image at ${1:-$root/target/installer/unmixer} (run installer/build-app-image.sh)" >&2; exit 1; }
app="$image/bin/unmixer"
appdir="$image/lib/app"                                   # jpackage's $APPDIR on Linux
itf_steps="${UNMIXER_SMOKE_ITF_STEPS:-5}"
[[ -x "$app" ]] || { echo "smoke: FAIL: $app is missing or not executable" >&2; exit 1; }
command -v node >/dev/null 2>&1 || { echo "smoke: FAIL: 'node' is not on PATH (it reads the JSON answers)" >&2; exit 1; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/unmixer-smoke.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
home="$tmp/home"
work="$tmp/work"
mkdir -p "$home" "$work"

fail() {
  echo "smoke: FAIL: $1" >&2
  if [[ -s "$tmp/err" ]]; then
    echo "smoke: last lines of its stderr:" >&2
    grep -v '^SLF4J\|^Picked up JAVA_TOOL_OPTIONS' "$tmp/err" | tail -n 15 | sed 's/^/  /' >&2
  fi
  exit 1
}

# Loopback only, when this machine lets us make a network namespace (root, or user namespaces).
isolate=()
ip_cmd="$(PATH="$PATH:/usr/sbin:/sbin" command -v ip || true)"
if [[ -n "$ip_cmd" ]]; then
  for flags in -rn -n; do
    if unshare "$flags" "$ip_cmd" link set lo up >/dev/null 2>&1; then
      isolate=(unshare "$flags" sh -c "'$ip_cmd' link set lo up && exec \"\$@\"" isolated)
      echo "smoke: network: loopback only (unshare $flags)"
      break
    fi
  done
fi
[[ ${#isolate[@]} -gt 0 ]] \
  || echo "smoke: network: not isolated (no unshare/ip permitted here); -Dai.djl.offline=true still forbids downloads"

# Runs the app in a clean environment: empty home (Java's user.home comes from the password
# database, not $HOME, hence -Duser.home), no display, no DJL or PyTorch overrides, cwd = $work.
# Stdout goes to $tmp/out, stderr to $tmp/err; prints the exit code.
run() {
  local code=0
  (cd "$work" && env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 JAVA_TOOL_OPTIONS="-Duser.home=$home" \
    "${isolate[@]}" "$app" "$@") >"$tmp/out" 2>"$tmp/err" || code=$?
  echo "$code"
}

# Reads the JSON in $tmp/out and evaluates a JavaScript expression on it (as `j`); prints the result.
json() {
  node -e 'const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(eval(process.argv[2]))' "$tmp/out" "$1" \
    || fail "the answer is not JSON: $(head -c 200 "$tmp/out")"
}

seconds() { echo $(( $(date +%s) - $1 )); }

t=$(date +%s)
code=$(run --version)
[[ "$code" == 0 ]] || fail "unmixer --version exited $code"
grep -q '^Neural Un-Mixer [0-9]' "$tmp/out" || fail "unmixer --version printed '$(head -n 1 "$tmp/out")', not 'Neural Un-Mixer VERSION'"
echo "smoke: ok: --version: $(head -n 1 "$tmp/out") ($(seconds "$t") s)"

t=$(date +%s)
code=$(run)
[[ "$code" == 2 ]] || fail "unmixer without a display exited $code, not 2"
grep -q 'cannot open the window' "$tmp/err" || fail "unmixer without a display did not say 'cannot open the window'"
echo "smoke: ok: no display: exit 2, one line ($(seconds "$t") s)"

example="$appdir/assets/examples/pluck.wav"
[[ -f "$example" ]] || fail "the bundled example $example is missing from the image"
t=$(date +%s)
code=$(run estimate "$example" --json)
[[ "$code" == 0 ]] || fail "unmixer estimate pluck.wav --json exited $code"
[[ "$(json 'j.format')" == "unmixer-estimate/1" ]] || fail "estimate JSON format is '$(json 'j.format')', not unmixer-estimate/1"
chain="$(json '(j.best && Array.isArray(j.best.chain)) ? j.best.chain.map(d => d.device).join(" -> ") : ""')"
[[ -n "$chain" ]] || fail "the estimate's best patch has no effect chain"
[[ -n "$(json 'j.best.synth && j.best.synth.device || ""')" ]] || fail "the estimate's best patch has no synth"
compgen -G "$home/.djl.ai/pytorch/*/libtorch_cpu.so" >/dev/null \
  || fail "PyTorch was not extracted into the empty home ($home/.djl.ai/pytorch): which native library did DJL load?"
echo "smoke: ok: estimate pluck.wav: chain $chain; PyTorch extracted into the empty home ($(seconds "$t") s)"

t=$(date +%s)
out="$tmp/demo-out"
code=$(run demo --itf-steps "$itf_steps" --out "$out" --json)
[[ "$code" == 0 ]] || fail "unmixer demo exited $code"
[[ "$(json 'j.rebuildComplete')" == "true" ]] || fail "demo: the rebuild was not complete: $(json 'JSON.stringify(j.problems)')"
[[ "$(json '(j.problems || []).length')" == 0 ]] || fail "demo: problems: $(json 'JSON.stringify(j.problems)')"
[[ "$(json 'j.parametersVerified > 0')" == "true" ]] || fail "demo: no parameter was read back"
for f in "$out/pluck.estimate.json" "$out/pluck.adg" "$out/pluck-rebuild.wav"; do
  [[ -s "$f" ]] || fail "demo did not write $f"
done
[[ "$(head -c 2 "$out/pluck.adg" | od -An -tx1 | tr -d ' ')" == "1f8b" ]] || fail "demo: $out/pluck.adg is not gzip (an .adg is gzipped XML)"
[[ "$(head -c 4 "$out/pluck-rebuild.wav")" == "RIFF" ]] || fail "demo: $out/pluck-rebuild.wav is not a RIFF WAV"
[[ -z "$(ls -A "$work")" ]] || fail "the app wrote into its working directory: $(ls -A "$work" | head -n 3 | tr '\n' ' ')"
echo "smoke: ok: demo ($itf_steps ITF steps): $(json 'j.chain') rebuilt into $(json 'j.rebuiltInto'), $(json 'j.parametersVerified') parameters read back; estimate, .adg and WAV written ($(seconds "$t") s)"
# 5. The local HTTP API from the image (its runtime must hold jdk.httpserver): health, an estimate
# of the bundled example, and a malformed body answered 400. Server and client run together inside
# the same (loopback-only) environment.
t=$(date +%s)
cat >"$tmp/serve-check.sh" <<'SCRIPT'
app="$1"; node="$2"; wav="$3"; log="$4"
port=$("$node" -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
"$app" serve --port "$port" >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 240); do
  grep -q 'serving on' "$log" && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
"$node" - "$port" "$wav" <<'JS'
const http = require("http"), fs = require("fs");
const [port, wav] = process.argv.slice(2);
function call(method, path, body, type) {
  return new Promise((resolve, reject) => {
    const req = http.request({host: "127.0.0.1", port, method, path, headers: body ? {"Content-Type": type} : {}}, res => {
      let data = ""; res.setEncoding("utf8"); res.on("data", c => data += c); res.on("end", () => resolve({status: res.statusCode, data}));
    });
    req.on("error", reject); if (body) req.write(body); req.end();
  });
}
(async () => {
  const health = await call("GET", "/v1/health");
  if (health.status !== 200 || JSON.parse(health.data).status !== "ok") throw new Error("health: " + health.status + " " + health.data);
  const est = await call("POST", "/v1/estimate", fs.readFileSync(wav), "audio/wav");
  if (est.status !== 200 || JSON.parse(est.data).format !== "unmixer-estimate/1") throw new Error("estimate: " + est.status + " " + est.data.slice(0, 200));
  const bad = await call("POST", "/v1/render", "{not json", "application/json");
  if (bad.status !== 400) throw new Error("malformed render body: " + bad.status + ", not 400");
  console.log("health 200, estimate 200, malformed 400 on port " + port);
})().catch(e => { console.error(e.message); process.exit(1); });
JS
code=$?
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
exit "$code"
SCRIPT
code=0
(cd "$work" && env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 JAVA_TOOL_OPTIONS="-Duser.home=$home" \
  "${isolate[@]}" bash "$tmp/serve-check.sh" "$app" "$(command -v node)" "$example" "$tmp/serve.log") >"$tmp/out" 2>"$tmp/err" || code=$?
if [[ "$code" != 0 ]]; then
  reason="$(tail -n 1 "$tmp/err")"
  cat "$tmp/serve.log" >>"$tmp/err" 2>/dev/null || true
  fail "unmixer serve: $reason"
fi
echo "smoke: ok: serve: $(tail -n 1 "$tmp/out") ($(seconds "$t") s)"
echo "smoke: all checks passed for $image"
