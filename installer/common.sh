# Sourced by the installer scripts: the jpackage to use, and the error exit.

# die PREFIX MESSAGE: one line on stderr, exit 1.
die() { echo "$1: $2" >&2; exit 1; }

# The jpackage command: $JPACKAGE, else $JAVA_HOME/bin/jpackage, else jpackage on the PATH.
jpackage_cmd() {
  if [[ -n "${JPACKAGE:-}" ]]; then echo "$JPACKAGE"
  elif [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/jpackage" ]]; then echo "$JAVA_HOME/bin/jpackage"
  elif command -v jpackage >/dev/null 2>&1; then command -v jpackage
  else die installer "jpackage not found: install a full JDK 17+ (not a JRE), or set JAVA_HOME or JPACKAGE"
  fi
}
