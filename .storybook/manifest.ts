// The custom elements manifest (packages/components/custom-elements.json, written by
// `cem analyze` in the Storybook scripts) is where the docs pages get every attribute, property,
// event, part and CSS custom property of every element.

interface Member {
  kind: string;
  name: string;
  static?: boolean;
  privacy?: string;
}

interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  members?: Member[];
  events?: { name: string }[];
}

export interface CustomElementsManifest {
  schemaVersion: string;
  modules: { path: string; declarations?: Declaration[] }[];
}

const found = import.meta.glob<CustomElementsManifest>('../packages/components/custom-elements.json', {
  eager: true,
  import: 'default',
});
const generated = Object.values(found)[0];
if (!generated) {
  throw new Error(
    'packages/components/custom-elements.json is missing: start Storybook with `npm run storybook` ' +
      '(or run `pnpm --filter @loyalty-elements/components analyze` first).',
  );
}

const elementDeclarations = (manifest: CustomElementsManifest) =>
  manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.customElement && d.tagName);

/**
 * The manifest as the docs pages should show it: an element's properties are what a page sets on
 * an instance, so static class members (`tagName`, `define()`) and non-public ones are left out.
 */
export const manifest: CustomElementsManifest = {
  ...generated,
  modules: generated.modules.map((module) => ({
    ...module,
    declarations: module.declarations?.map((declaration) => ({
      ...declaration,
      members: declaration.members?.filter((member) => !member.static && (member.privacy ?? 'public') === 'public'),
    })),
  })),
};

/** Every `loyalty-*` tag the manifest documents. */
export const loyaltyTagNames: string[] = elementDeclarations(manifest).map((declaration) => declaration.tagName!);

/** Every event the elements fire, for the Actions panel. */
export const loyaltyEventNames: string[] = [
  ...new Set(elementDeclarations(manifest).flatMap((declaration) => declaration.events?.map((e) => e.name) ?? [])),
];
