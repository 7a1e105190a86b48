export * from "./auth";
export * from "./common";
export * from "./outbox";
export * from "./outcomes";
export * from "./patients";
export * from "./portal";
export * from "./responses";
export * from "./treatments";
