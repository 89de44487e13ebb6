// Copies the browser files of the packages pinned in package-lock.json into ../wwwroot/lib, so the pages
// serve exactly the locked versions from this origin (no CDN, no front-end build). With --check it copies
// nothing and fails when a served file differs from the installed package's: the test suite runs
// `npm ci` and then this, so a hand-edited or stale library cannot go unnoticed.
//   npm ci && node vendor.mjs            (after changing a version in package.json and `npm install`)
//   npm ci && node vendor.mjs --check
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const lib = join(here, '..', 'wwwroot', 'lib');

/** [file in node_modules, file under wwwroot/lib]: the module the pages import, and its licence. */
const FILES = [
  ['i18next/dist/esm/i18next.js', 'i18next/i18next.js'],
  ['i18next/LICENSE', 'i18next/LICENSE'],
  ['chart.js/dist/chart.umd.min.js', 'chart.js/chart.umd.min.js'],
  ['chart.js/LICENSE.md', 'chart.js/LICENSE.md'],
];

const check = process.argv.includes('--check');
const differing = [];
for (const [from, to] of FILES) {
  const source = join(here, 'node_modules', from);
  const target = join(lib, to);
  if (check) {
    if (!existsSync(target) || !readFileSync(source).equals(readFileSync(target))) differing.push(to);
  } else {
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(source, target);
  }
}

if (differing.length) {
  console.error(`wwwroot/lib differs from the locked packages: ${differing.join(', ')}. Run: cd client-api/web-libraries && npm ci && node vendor.mjs`);
  process.exit(1);
}

console.log(check ? `wwwroot/lib matches package-lock.json (${FILES.length} files)` : `copied ${FILES.length} files into wwwroot/lib`);
