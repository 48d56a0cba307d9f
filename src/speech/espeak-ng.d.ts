/** The `espeak-ng` package (Emscripten build of the eSpeak NG command line, GPL-3.0-or-later). */
declare module 'espeak-ng' {
  export interface ESpeakFS {
    writeFile(path: string, data: string | Uint8Array): void;
    readFile(path: string): Uint8Array;
    mkdirTree?(path: string): void;
  }
  export interface ESpeakModule {
    FS: ESpeakFS;
  }
  export interface ESpeakOptions {
    arguments: string[];
    print?(text: string): void;
    printErr?(text: string): void;
    locateFile?(path: string, prefix: string): string;
    instantiateWasm?(imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void): object;
    onRuntimeInitialized?(this: ESpeakModule): void;
  }
  const ESpeakNg: (options: ESpeakOptions) => Promise<ESpeakModule>;
  export default ESpeakNg;
}
