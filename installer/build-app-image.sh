#!/usr/bin/env bash
# Builds the self-contained app image target/installer/unmixer (a jlinked Java runtime, the jars,
# the shipped model, the examples and the Max for Live device) with jpackage and ../jpackage.cfg.
#
#   installer/build-app-image.sh [--skip-build] [--stage-only]
#
# --skip-build  reuse target/*.jar and target/lib from an earlier `./mvnw package` or `verify`
#               (CI does this after ./mvnw -B verify); without it the project is packaged first.
# --stage-only  only stage target/installer/input (installer/build-deb.sh and the .msi/.dmg
#               commands in installer/README.md use it).
# JPACKAGE names the jpackage to use (default: $JAVA_HOME/bin/jpackage, else jpackage on the PATH).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="$root/target/installer"
input="$out/input"
skip_build=false
stage_only=false
for arg in "$@"; do
  case "$arg" in
    --skip-build) skip_build=true ;;
    --stage-only) stage_only=true ;;
    *) echo "build-app-image: unknown option '$arg' (known: --skip-build, --stage-only)" >&2; exit 2 ;;
  esac
done

source "$root/installer/common.sh"
fail() { die build-app-image "$1"; }
jpackage="$(jpackage_cmd)"

# The version jpackage.cfg declares must be the pom's, without -SNAPSHOT (jpackage wants digits).
pom_version="$(sed -n '/<artifactId>neural-unmixer<\/artifactId>/{n;s:.*<version>\(.*\)</version>.*:\1:p;q}' "$root/pom.xml")"
cfg_version="$(sed -n 's/^--app-version[[:space:]]\{1,\}\([^[:space:]]*\).*/\1/p' "$root/jpackage.cfg")"
[[ -n "$pom_version" ]] || fail "cannot read the project version from pom.xml"
[[ "${pom_version%-SNAPSHOT}" == "$cfg_version" ]] \
  || fail "jpackage.cfg says --app-version $cfg_version but pom.xml is at $pom_version; update jpackage.cfg"

jar="$root/target/neural-unmixer-$pom_version.jar"
if ! $skip_build; then
  echo "build-app-image: packaging the project (tests skipped)..." >&2
  (cd "$root" && ./mvnw -B -q -Dmaven.test.skip=true package)
fi
[[ -f "$jar" && -d "$root/target/lib" ]] || fail "$jar or target/lib missing: run without --skip-build (or ./mvnw -B package)"
# One OS's natives only: copy-dependencies does not empty target/lib when the OS profile changes.
natives=("$root"/target/lib/pytorch-native-*.jar)
fx_natives=("$root"/target/lib/javafx-graphics-*-*.jar)
[[ ${#natives[@]} == 1 && -f "${natives[0]}" && ${#fx_natives[@]} == 1 ]] \
  || fail "target/lib holds natives for ${#natives[@]} PyTorch and ${#fx_natives[@]} JavaFX platforms, not one: run ./mvnw -B clean package [-P windows|macos-aarch64|macos-x86_64] first"

# Stage: the project jar under a fixed name, the dependency jars, and the shipped files. The
# model the app uses by default and the effect proxies ITF reads; the Euclidean ablation and the
# experimental proxies stay in the repository (bench --model-euclid DIR, estimate --proxies DIR).
rm -rf "$input"
mkdir -p "$input/lib" "$input/models" "$input/assets" "$input/max-device"
cp "$jar" "$input/unmixer.jar"
cp "$root"/target/lib/*.jar "$input/lib/"
cp -R "$root/models/unmixer-default" "$root/models/proxies" "$input/models/"
cp -R "$root/assets/examples" "$root/assets/datasets" "$root/assets/training" "$input/assets/"
cp "$root/max-device/Un-Mixer Link.amxd" "$root/max-device/PROTOCOL.md" "$root/max-device/README.md" "$input/max-device/"
cp "$root/LICENSE" "$input/LICENSE"
[[ -f "$input/models/unmixer-default/model.params" ]] || fail "models/unmixer-default/model.params missing"
if $stage_only; then
  echo "$input"
  exit 0
fi

rm -rf "$out/unmixer"
(cd "$root" && "$jpackage" @jpackage.cfg --type app-image --input "$input" --dest "$out")
[[ -x "$out/unmixer/bin/unmixer" ]] || fail "jpackage finished but $out/unmixer/bin/unmixer is missing"
echo "$out/unmixer"
