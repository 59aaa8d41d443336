#!/usr/bin/env bash
# Install the third-party tools kg's tests run against:
#   rapper   (Debian raptor2-utils): an independent parser for Turtle, TriG, N-Quads, N-Triples
#   oxigraph (PyPI "oxigraph", the CLI/server wheel ships a static binary): a fresh SPARQL server
#   chromium + chromedriver (Debian chromium, chromium-driver): the browser tests/test_serve_browser.py drives
#   nginx    (Debian nginx-light): serves a `kg publish` site with its generated config (tests/test_publish.py)
# Idempotent: a tool already on PATH is left alone. The oxigraph CLI goes into its own venv (it
# must not touch kg's environment) and is linked onto PATH.
set -euo pipefail

tools_dir=${KG_TEST_TOOLS:-/opt/kg-test-tools}
bin_dir=${KG_TEST_TOOLS_BIN:-/usr/local/bin}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "install-test-tools: need root (or sudo) to run: $*" >&2; return 1; fi
}

# Debian packages: tool -> package; the tools already present are skipped, the rest installed in one go.
have() { command -v "$1" >/dev/null || [ -x "/usr/sbin/$1" ]; }
missing=()
for pair in rapper:raptor2-utils chromium:chromium chromedriver:chromium-driver nginx:nginx-light; do
  tool=${pair%%:*} package=${pair#*:}
  if have "$tool"; then echo "$tool: already installed"; else missing+=("$package"); fi
done
if [ ${#missing[@]} -gt 0 ]; then
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "installed: ${missing[*]}"
fi

if command -v oxigraph >/dev/null; then
  echo "oxigraph: $(command -v oxigraph) (already installed)"
else
  as_root mkdir -p "$tools_dir"
  as_root python3 -m venv "$tools_dir/venv"
  # Same minor line as kg's pyoxigraph pin, so both read the same N-Quads the same way.
  as_root "$tools_dir/venv/bin/pip" install -q 'oxigraph>=0.5,<0.6'
  as_root ln -sf "$tools_dir/venv/bin/oxigraph" "$bin_dir/oxigraph"
  echo "oxigraph: installed $(oxigraph --version)"
fi
