/**
 * "Copy as PyTorch": a runnable snippet that recreates the tensor exactly —
 * `torch.tensor(data, dtype=…).reshape(shape)` — and, where the view knows it, the call that made
 * it (as the code panel shows it), as a comment to run against.
 */
import type { TensorExport } from './json';

/** Python's spelling of a float32: shortest round-trip text, and inf/nan through float(). */
export function pyNumber(v: number, dtype: TensorExport['dtype']): string {
  if (Number.isNaN(v)) return "float('nan')";
  if (!Number.isFinite(v)) return v > 0 ? "float('inf')" : "-float('inf')";
  if (dtype === 'int32') return String(Math.trunc(v));
  // Math.fround: the value is a float32 already, so its shortest text round-trips through float32.
  const text = String(Math.fround(v));
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

/** Valid Python identifier for the tensor's name (`attn_mask` stays, `shifted x` → `shifted_x`). */
export function pyName(name: string): string {
  const id = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(id) ? `t_${id}` : id || 't';
}

const PER_LINE = 12;

export function pytorchSnippet(t: TensorExport, call?: string): string {
  const name = pyName(t.name);
  const dtype = t.dtype === 'int32' ? 'torch.int32' : 'torch.float32';
  const values = Array.from(t.data, (v) => pyNumber(v, t.dtype));
  const lines: string[] = [];
  for (let i = 0; i < values.length; i += PER_LINE)
    lines.push('    ' + values.slice(i, i + PER_LINE).join(', ') + ',');
  const shape = t.shape.length === 1 ? `(${t.shape[0]},)` : `(${t.shape.join(', ')})`;
  return [
    'import torch',
    '',
    ...(call ? [`# As the page computes it: ${call}`] : []),
    `# ${t.name}: shape [${t.shape.join(', ')}], ${t.dtype}, flat in C (row-major) order`,
    `${name} = torch.tensor([`,
    ...lines,
    `], dtype=${dtype}).reshape(${shape})`,
    `assert tuple(${name}.shape) == ${shape}`,
    ''
  ].join('\n');
}
