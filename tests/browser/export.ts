/**
 * The export menu from a test: click a format of tensor NAME's menu (data-export-for="NAME",
 * data-format) and read the downloaded file; and an independent .npy reader to check it with.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** A minimal .npy v1.0 reader (numpy/lib/format.py), written from the spec, not from our encoder. */
export function parseNpy(buf: Buffer) {
  expect(buf.subarray(0, 6).equals(Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]))).toBe(true);
  expect([buf[6], buf[7]]).toEqual([1, 0]);
  const len = buf.readUInt16LE(8);
  expect((10 + len) % 64).toBe(0);
  const header = buf.subarray(10, 10 + len).toString('latin1');
  expect(header.endsWith('\n')).toBe(true);
  const descr = /'descr': '([^']+)'/.exec(header)![1];
  expect(header).toContain("'fortran_order': False");
  const shape = /'shape': \(([^)]*)\)/
    .exec(header)![1]
    .split(',')
    .filter((s) => s.trim())
    .map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  expect(buf.length).toBe(10 + len + 4 * count);
  const data = Array.from({ length: count }, (_, i) =>
    descr === '<i4' ? buf.readInt32LE(10 + len + 4 * i) : buf.readFloatLE(10 + len + 4 * i)
  );
  return { descr, shape, data };
}

export async function exportFile(page: Page, name: string, format: string) {
  const menu = page.locator(`details:has([data-export-for="${name}"])`).first();
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open)))
    await menu.locator('summary').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    menu.locator(`[data-export-for="${name}"][data-format="${format}"]`).click()
  ]);
  expect(download.suggestedFilename()).toBe(`${name}.${format}`);
  return readFileSync((await download.path())!);
}
