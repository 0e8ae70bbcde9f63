export * from './amend.ts';
export * from './aggregate.ts';
export * from './exportRows.ts';
export * from './categories.ts';
