export * from "./summary";
