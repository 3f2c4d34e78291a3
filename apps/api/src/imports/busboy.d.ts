// busboy 1.x ships no types and @types/busboy is not installed: the part the import uses.
declare module 'busboy' {
  import type { IncomingHttpHeaders } from 'node:http';
  import type { Readable, Writable } from 'node:stream';

  interface BusboyConfig {
    headers: IncomingHttpHeaders;
    limits?: { fileSize?: number; files?: number; fields?: number; fieldSize?: number; parts?: number };
  }
  interface FileInfo {
    filename: string;
    encoding: string;
    mimeType: string;
  }
  interface Busboy extends Writable {
    on(
      event: 'file',
      listener: (name: string, stream: Readable & { truncated?: boolean }, info: FileInfo) => void,
    ): this;
    on(event: 'field', listener: (name: string, value: string) => void): this;
    on(event: 'close' | 'finish', listener: () => void): this;
    on(event: 'error', listener: (e: unknown) => void): this;
    on(event: 'filesLimit' | 'fieldsLimit' | 'partsLimit', listener: () => void): this;
  }
  function busboy(config: BusboyConfig): Busboy;
  export default busboy;
}
