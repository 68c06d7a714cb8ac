/** Types of scripts/bundle-inputs.mjs, for the TypeScript that imports it (the tests). */
export declare const CLOCK_SLACK_MS: number;
export interface BundleInputs { builtAt: number; outputs: string[]; inputs: string[] }
export declare function writeBundleInputs(file: string, list: BundleInputs): void;
export declare function bundleIsFresh(root: URL, listFile?: string): boolean;
