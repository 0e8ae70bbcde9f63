export * from './amend.ts';
export * from './aggregate.ts';
export * from './exportRows.ts';
