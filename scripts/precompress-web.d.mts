export declare const PRECOMPRESSED: RegExp;
export declare const MIN_BYTES: number;
/** Writes file.br and file.gz beside each text file of 1 KB or more under `dir`. */
export declare function precompress(dir: string): Promise<{ file: string; bytes: number; br: number; gz: number }[]>;
