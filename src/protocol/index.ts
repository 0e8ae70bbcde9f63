export * from './version';
export * from './localized';
export * from './events';
export * from './sync';
export * from './content';
