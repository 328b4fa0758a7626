// The drop-in as a CDN serves it: packages/embed's build (the loader and each widget's modules), and which of
// its files a page with given widgets downloads (support/drop-in.ts builds them).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WIDGET_TAGS, type WidgetTag } from '../../packages/embed/src/widget-tags.ts';

const dist = fileURLToPath(new URL('../../packages/embed/dist/', import.meta.url));

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

/** The path of one built file of the drop-in. */
export const cdnFile = (name: string) => `${dist}${name}`;

/** The paths a page showing `tags` downloads: the loader, then each widget's module and the chunks it imports. */
export function cdnFiles(tags: readonly WidgetTag[] = WIDGET_TAGS): string[] {
  const manifest = JSON.parse(readFileSync(`${dist}widgets/.vite/manifest.json`, 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const files = new Set<string>([cdnFile('loyalty-elements.js')]);
  const visit = (key: string) => {
    const chunk = manifest[key]!;
    const path = `${dist}widgets/${chunk.file}`;
    if (files.has(path)) return;
    files.add(path);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const tag of tags) {
    const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry && manifest[key]!.file === `${tag}.js`);
    if (!entry) throw new Error(`the drop-in's build has no module for <${tag}>`);
    visit(entry);
  }
  return [...files];
}
