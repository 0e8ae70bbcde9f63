export * from './languages.ts';
export * from './version.ts';
export * from './localized.ts';
export * from './events.ts';
export * from './sync.ts';
export * from './content.ts';
export * from './walkthrough.ts';
export * from './accounts.ts';
