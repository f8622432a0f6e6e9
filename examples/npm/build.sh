#!/usr/bin/env bash
# Installs the npm packages of this example (into examples/npm/node_modules, git-ignored) and bundles
# src/main.js with them into one classic script: dist/npm-clients.bundle.js, plus the packages'
# licenses in dist/THIRD-PARTY-LICENSES.txt. Needs node and npm; run it again after changing src/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
npm install --no-audit --no-fund --ignore-scripts
npm run --silent build
{
  for pkg in reconnecting-websocket partysocket; do
    echo "== $pkg $(node -p "require('./node_modules/$pkg/package.json').version") =="
    cat node_modules/$pkg/LICENSE*
    echo
  done
} > dist/THIRD-PARTY-LICENSES.txt
ls -l dist
