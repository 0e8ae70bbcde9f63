export * from './amend.ts';
export * from './aggregate.ts';
