/**
 * Builds a built-in template's source from the files in ./templates:
 *
 *   layout.mjml, layout.txt     shared structure: items table, total, discount, button, support, footer
 *   <locale>/strings.json       that structure's wording in one language (`[[name]]` in the layouts)
 *   <locale>/<key>.mjml, .txt   what differs per email: blocks introduced by `<!-- @name -->` lines
 *                               that fill the layout's `<!-- @name -->` slots
 *
 * The result is a self-contained MJML document plus text, so an exported built-in can be edited
 * and saved as a custom template without any of these files (custom templates get no includes).
 */
import fs from 'node:fs';
import type { TemplateSource } from './compile.ts';

const DIR = new URL('./templates/', import.meta.url);
const BLOCK = /^[ \t]*<!-- @([\w-]+) -->[ \t]*$/m;
const SLOT = /<!-- @([\w-]+) -->/g;
const STRING = /\[\[([\w-]+)\]\]/g;

export function composeSource(key: string, locale: string): TemplateSource {
  const strings = readStrings(locale);
  const build = (ext: 'mjml' | 'txt'): string => {
    const fragment = `${locale}/${key}.${ext}`;
    const filled = fillSlots(read(`layout.${ext}`), readBlocks(fragment), fragment);
    return applyStrings(filled, strings, fragment);
  };
  return { mjml: build('mjml'), text: build('txt') };
}

function read(name: string): string {
  return fs.readFileSync(new URL(name, DIR), 'utf8');
}

function readStrings(locale: string): Record<string, string> {
  return JSON.parse(read(`${locale}/strings.json`)) as Record<string, string>;
}

/** Splits a fragment into its `<!-- @name -->` blocks. */
function readBlocks(name: string): Map<string, string> {
  const parts = read(name).split(BLOCK);
  if (parts[0]?.trim()) throw new Error(`${name}: text before the first <!-- @block --> marker`);
  const blocks = new Map<string, string>();
  for (let i = 1; i < parts.length; i += 2) blocks.set(parts[i] ?? '', (parts[i + 1] ?? '').trim());
  return blocks;
}

/** Fails on a missing or unused block so a typo in a marker cannot silently drop copy. */
function fillSlots(layout: string, blocks: Map<string, string>, name: string): string {
  const used = new Set<string>();
  const out = layout.replace(SLOT, (_, slot: string) => {
    const block = blocks.get(slot);
    if (block === undefined) throw new Error(`${name}: missing block <!-- @${slot} -->`);
    used.add(slot);
    return block;
  });
  const unused = [...blocks.keys()].filter((b) => !used.has(b));
  if (unused.length > 0) throw new Error(`${name}: the layout has no slot for ${unused.join(', ')}`);
  return out;
}

function applyStrings(source: string, strings: Record<string, string>, name: string): string {
  return source.replace(STRING, (_, id: string) => {
    const value = strings[id];
    if (value === undefined) throw new Error(`${name}: no string "${id}" in strings.json`);
    return value;
  });
}
