/** E-consent: documents, their canonical text, teach-back and the gate on investigational treatments. */
export * from "./documents";
export * from "./gate";
export * from "./reading-blocks";
export * from "./teach-back";
export * from "./types";
