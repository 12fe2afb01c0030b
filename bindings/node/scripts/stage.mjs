// Writes the napi-rs loader (native.js) and the addon's declarations (native.d.ts) into a staged
// package directory, with @napi-rs/cli's own generators, from what napi-derive wrote while
// `make build` compiled the addon (NAPI_TYPE_DEF_TMP_FOLDER). The addon is built once, by that
// build; `napi build` would compile the whole dependency tree again for an explicit --target.
//
//   node scripts/stage.mjs <package dir> <type def dir>
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateTypeDef, writeJsBinding } from '@napi-rs/cli';

const [dir, typeDefDir] = process.argv.slice(2);
const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
const { exports, dts } = await generateTypeDef({ typeDefDir, cwd: dir, declareBindingTarget: true });
if (!exports.includes('NativeClient')) throw new Error(`no NativeClient in ${typeDefDir}: was the addon built by make build?`);
await writeFile(join(dir, 'native.d.ts'), dts);
await writeJsBinding({
  platform: true,
  idents: exports,
  jsBinding: 'native.js',
  binaryName: pkg.napi.binaryName,
  packageName: pkg.name,
  version: pkg.version,
  outputDir: dir,
});
