// The PouchDB peer's packages ship no types (and @types/pouchdb-* redeclare Node globals):
// only what the benchmark calls. Ambient module declarations need default exports.
/* eslint-disable no-restricted-syntax */
declare module 'pouchdb-core' {
  interface LocalPouch {
    bulkDocs(docs: object[]): Promise<unknown>;
    replicate: { to(target: string): Promise<unknown> };
    destroy(): Promise<unknown>;
  }
  interface PouchConstructor {
    new (name: string): LocalPouch;
    plugin(plugin: unknown): PouchConstructor;
    defaults(options: { adapter: string }): PouchConstructor;
  }
  const PouchDB: PouchConstructor;
  export default PouchDB;
}

declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}

declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}

declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
