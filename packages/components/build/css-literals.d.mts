// Types of css-literals.mjs for the TypeScript files that import it (bench, the drop-in's Vite configs).

export function minifyCssTemplates(
  code: string,
  fileName: string,
  options?: { sourceMap?: boolean },
): Promise<{ code: string; map?: unknown } | null>;

export function viteMinifyCss(): {
  name: string;
  enforce: 'pre';
  transform(code: string, id: string): Promise<{ code: string; map?: unknown } | null>;
};

export function esbuildMinifyCss(): {
  name: string;
  setup(build: {
    onLoad(
      options: { filter: RegExp },
      callback: (args: { path: string }) => Promise<{ contents: string; loader: 'ts' }>,
    ): void;
  }): void;
};

export function devServerMinifyCss(): {
  name: string;
  transform(context: { path: string; body: unknown }): Promise<{ body: string } | undefined>;
};
