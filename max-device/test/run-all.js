// Runs every *.test.js in this folder with Node's built-in test runner. Node 21+ reads `--test`
// arguments as globs while Node 18/20 take them as paths, so the files are listed here instead.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort().map((f) => path.join(__dirname, f));
if (files.length === 0) {
  console.error('max-device tests: no *.test.js files in ' + __dirname);
  process.exit(1);
}
const run = spawnSync(process.execPath, ['--test', ...files], { stdio: 'inherit' });
process.exit(run.status === null ? 1 : run.status);
