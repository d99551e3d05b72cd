// The pdf.js worker, in a thread of its own (see thread.ts). Plain JavaScript: the thread starts
// without tsx, so it loads fast and small.
import { parentPort } from 'node:worker_threads'

// The legacy build's core-js replaces Array.prototype.push with a slow loop on Node 20 (see pdfjs.ts).
const nativePush = Array.prototype.push
const { WorkerMessageHandler } = await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs')
Array.prototype.push = nativePush

// pdf.js leaves some of its own promises unhandled on broken files (XRefEntryException while it
// repairs a cross-reference table); a browser only logs them. Here they would end the thread.
process.on('unhandledRejection', () => {})

/** parentPort dressed as the Worker global pdf.js expects (postMessage, message events). */
const listeners = new Map()
const port = {
  postMessage: (message, transfer) => parentPort.postMessage(message, transfer),
  addEventListener(type, listener, options) {
    if (type !== 'message') return
    const handler = (data) => listener({ data })
    listeners.set(listener, handler)
    parentPort.on('message', handler)
    options?.signal?.addEventListener('abort', () => port.removeEventListener(type, listener))
  },
  removeEventListener(type, listener) {
    const handler = listeners.get(listener)
    if (!handler) return
    parentPort.off('message', handler)
    listeners.delete(listener)
  },
}

WorkerMessageHandler.initializeFromPort(port)
