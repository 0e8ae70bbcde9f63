export * from './versions.ts';
export * from './marks.ts';
export * from './sheet.ts';
export * from './exportRows.ts';
