#!/usr/bin/env bash
# Builds the Debian/Ubuntu package target/installer/neural-unmixer_VERSION-1_amd64.deb with
# jpackage, ../jpackage.cfg and the Linux installer options below. It installs the app image's
# layout into /opt/neural-unmixer, a menu entry "Neural Un-Mixer" (installer/linux/unmixer.desktop)
# and the command /usr/bin/unmixer (a link made by installer/linux/postinst, removed by prerm).
#
#   installer/build-deb.sh [--skip-build]
#
# --skip-build reuses target/*.jar and target/lib (as installer/build-app-image.sh does).
# Needs dpkg-deb and fakeroot (jpackage runs `fakeroot dpkg-deb`), not root.
# Depends: jpackage lists the libraries its own native files link to; JavaFX's GTK 3 window toolkit
# is extracted from a jar at run time, so jpackage cannot see it and libgtk-3-0 is named here.
# UNMIXER_DEB_MAINTAINER sets the Maintainer e-mail (default: a placeholder address).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="$root/target/installer"
source "$root/installer/common.sh"
for tool in dpkg-deb fakeroot; do
  command -v "$tool" >/dev/null 2>&1 || die build-deb "'$tool' is not on PATH (apt-get install dpkg-dev fakeroot)"
done
jpackage="$(jpackage_cmd)"

input="$("$root/installer/build-app-image.sh" --stage-only "$@" | tail -n 1)"

rm -f "$out"/neural-unmixer_*.deb
(cd "$root" && "$jpackage" @jpackage.cfg --type deb --input "$input" --dest "$out" \
  --license-file LICENSE \
  --install-dir /opt \
  --linux-package-name neural-unmixer \
  --linux-deb-maintainer "${UNMIXER_DEB_MAINTAINER:-maintainers@neural-unmixer.invalid}" \
  --linux-app-category sound \
  --linux-menu-group "AudioVideo;Audio" \
  --linux-shortcut \
  --linux-package-deps libgtk-3-0 \
  --resource-dir installer/linux)
deb="$(ls "$out"/neural-unmixer_*.deb 2>/dev/null | head -n 1)"
[[ -n "$deb" ]] || die build-deb "jpackage finished but no neural-unmixer_*.deb is in $out"
echo "$deb"
