/**
 * Builds src/server/linkage/pprl/dice.wasm from dice.wat with wabt (no debug names, so the output depends on
 * the source alone). `npm run build:wasm`; a unit test checks that the committed .wasm is what this makes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compileWat } from './compile-wat.ts';

const source = fileURLToPath(new URL('../src/server/linkage/pprl/dice.wat', import.meta.url));
const target = source.replace(/\.wat$/, '.wasm');
const binary = await compileWat(await readFile(source, 'utf8'), 'dice.wat');
await writeFile(target, binary);
console.log(`wrote ${target} (${binary.length} bytes)`);
