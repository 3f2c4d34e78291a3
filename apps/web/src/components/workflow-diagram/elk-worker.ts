import ElkApi from 'elkjs/lib/elk-api';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';

/**
 * ELK runs in a Web Worker: its ~480 kB (gzipped) script loads beside the page and computes off the
 * main thread, so the diagram chunk itself stays small. One worker for the whole app, started on first use.
 */
export const elk = new ElkApi({ workerUrl: elkWorkerUrl });
