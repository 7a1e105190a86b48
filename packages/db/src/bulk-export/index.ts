export {
  type BulkExportOptions,
  type BulkExportResult,
  type ExportedFile,
  isExportCancelled,
  ndjsonBuffer,
  writeBulkExport,
} from "./writer";
