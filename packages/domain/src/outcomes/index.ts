export * from "./benchmarking";
export * from "./comparison";
export * from "./comparison-population";
export * from "./distribution";
export * from "./observations";
export * from "./small-cells";
export * from "./summary";
export * from "./survival";
