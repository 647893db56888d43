import wabtInit from 'wabt';

/** WebAssembly text → binary with wabt, deterministically (no names section, no timestamps). */
export async function compileWat(text: string, filename: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const module = wabt.parseWat(filename, text, {});
  try {
    module.validate();
    return Uint8Array.from(module.toBinary({ log: false, write_debug_names: false, canonicalize_lebs: true, relocatable: false }).buffer);
  } finally {
    module.destroy();
  }
}
