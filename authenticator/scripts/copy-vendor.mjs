// Copies the browser files the app loads at run time from node_modules into app/vendor/
// (git-ignored): the app is served as plain files, with nothing from a CDN.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vendor = join(root, 'app', 'vendor');
mkdirSync(vendor, { recursive: true });

// jsQR ships a UMD bundle; wrapped as an ES module so the app imports it like its own modules.
const umd = readFileSync(join(root, 'node_modules', 'jsqr', 'dist', 'jsQR.js'), 'utf8');
writeFileSync(join(vendor, 'jsqr.mjs'),
  '// jsQR 1.4.0 (Apache-2.0), wrapped as an ES module by scripts/copy-vendor.mjs\n' +
  'const module = { exports: {} }; const exports = module.exports;\n' +
  umd + '\nexport default module.exports.default || module.exports;\n');
copyFileSync(join(root, 'node_modules', 'jsqr', 'LICENSE'), join(vendor, 'jsqr.LICENSE'));
console.log('copied jsQR to app/vendor/');
