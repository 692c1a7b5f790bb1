// The few parts of sql.js (SQLite compiled to WebAssembly) the escaping tests use.
declare module 'sql.js' {
  interface Database {
    run(sql: string): void;
    exec(sql: string): { columns: string[]; values: unknown[][] }[];
  }
  export default function initSqlJs(): Promise<{ Database: new () => Database }>;
}
