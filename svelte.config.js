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
    prerender: { handleHttpError: 'fail' },
    // src/service-worker.ts is registered by src/lib/offline/register.svelte.ts: in the built site only, once
    // the first visit is idle (SvelteKit's own registration would also run in `vite dev`, and at once).
    serviceWorker: { register: false },
    // The user's data never leaves the browser (DESIGN §8): every prerendered page carries this policy as a
    // <meta> tag (SvelteKit adds the hash of its own inline start-up script). Nothing may be loaded from or
    // sent to another origin. Styles stay 'unsafe-inline': Svelte's style attributes and ECharts' tooltip
    // markup need it, and with img-src/font-src/connect-src at 'self' a style cannot reach another origin.
    // 'wasm-unsafe-eval' lets DuckDB-WASM compile where the policy also reaches its worker (a host that sends
    // this policy as a header; a <meta> policy does not apply to workers loaded from their own URL).
    // e2e/privacy.e2e.ts checks that it is present and enforced, and that no view makes such a request.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self', 'wasm-unsafe-eval'],
        'worker-src': ['self'],
        'connect-src': ['self'],
        'img-src': ['self', 'data:', 'blob:'],
        'font-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'object-src': ['none'],
        'frame-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['none']
      }
    }
  }
};

export default config;
