'use strict';
// CommonJS entry: everything the package exports (lib/index.mjs re-exports it for `import`).
module.exports = require('./client.js');
