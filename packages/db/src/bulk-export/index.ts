export {
  type BulkExportOptions,
  type BulkExportResult,
  type ExportedFile,
  isExportCancelled,
  writeBulkExport,
} from "./writer";
