#!/usr/bin/env node
// The `twin` command: runs the bundled CLI (built by `npm run build`).
const path = require('node:path');
const fs = require('node:fs');

const bundle = path.join(__dirname, '..', 'dist-electron', 'cli.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('twin: the CLI is not built yet. Run "npm run build" in the Twin Studio folder first.\n');
  process.exit(2);
}
require(bundle);
