import { resolve } from 'node:path';
import { writeContentPacks } from './vite-plugin.ts';

// `npm run content:packs`: the content packs alone into dist/, for a server beside `npm run dev`.
writeContentPacks(resolve('content'), resolve('dist'));
console.log('content packs written to dist/content');
