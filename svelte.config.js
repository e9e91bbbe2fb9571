import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    // `#lib` (not `$lib`): the same name package.json "imports" gives Node, and the one SvelteKit 3 uses.
    alias: { '#lib': 'src/lib', '#lib/*': 'src/lib/*' },
    adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
    prerender: { handleHttpError: 'fail' }
  }
};

export default config;
