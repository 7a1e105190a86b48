export * from "./backup";
export * from "./restore";
export { digestTable, listTables, type TableSpec } from "./tables";
export { listTar, type TarEntry } from "./tar";
