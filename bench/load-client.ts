import http from 'node:http';
import zlib from 'node:zlib';

/**
 * The HTTP side of `npm run load`: a keep-alive client on node:http (cheaper per request than fetch, so the
 * client takes less of the CPU it shares with the server), and per-operation latency figures.
 */

export interface Reply {
  status: number;
  ms: number;
  /** The decoded body, only when asked for (parse: true) and the answer is JSON. */
  json?: unknown;
  /** The first bytes of an unexpected answer's body (for the error samples). */
  text?: string;
  setCookie?: string[];
  /** A network error or timeout: no status. */
  error?: string;
}

export class Client {
  private agent: http.Agent;

  constructor(private host: string, private port: number, private timeoutMs = 30_000) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 1024 });
  }

  close() {
    this.agent.destroy();
  }

  request(method: string, path: string, opts: { body?: unknown; headers?: Record<string, string>; parse?: boolean; expect?: number } = {}): Promise<Reply> {
    const payload = opts.body === undefined ? undefined : Buffer.from(JSON.stringify(opts.body));
    const headers: Record<string, string> = { accept: 'application/json', 'accept-encoding': 'br, gzip', ...opts.headers };
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(payload.length);
    }
    const t0 = performance.now();
    return new Promise<Reply>((resolve) => {
      let done = false;
      const finish = (r: Omit<Reply, 'ms'>) => {
        if (done) return;
        done = true;
        resolve({ ...r, ms: performance.now() - t0 });
      };
      const req = http.request({ host: this.host, port: this.port, method, path, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (err) => finish({ status: 0, error: `response: ${err.message}` }));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          const r: Omit<Reply, 'ms'> = { status, setCookie: res.headers['set-cookie'] };
          const unexpected = opts.expect !== undefined && status !== opts.expect;
          if (opts.parse || unexpected) {
            try {
              const raw = Buffer.concat(chunks);
              const enc = res.headers['content-encoding'];
              const body = enc === 'br' ? zlib.brotliDecompressSync(raw) : enc === 'gzip' ? zlib.gunzipSync(raw) : raw;
              const text = body.toString('utf8');
              if (unexpected) r.text = text.slice(0, 300);
              else if (String(res.headers['content-type'] ?? '').includes('json')) r.json = JSON.parse(text);
            } catch (err) {
              r.error = `body: ${(err as Error).message}`;
            }
          }
          finish(r);
        });
      });
      req.setTimeout(this.timeoutMs, () => req.destroy(new Error(`no answer within ${this.timeoutMs} ms`)));
      req.on('error', (err) => finish({ status: 0, error: err.message }));
      req.end(payload);
    });
  }
}

export interface OpFigures {
  op: string;
  requests: number;
  errors: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Latencies and errors per operation; a few error samples each (status and the start of the body). */
export class Recorder {
  private ms = new Map<string, number[]>();
  private errs = new Map<string, number>();
  readonly samples: { op: string; status: number; detail: string }[] = [];

  record(op: string, reply: Reply, expect: number): boolean {
    let list = this.ms.get(op);
    if (!list) this.ms.set(op, (list = []));
    list.push(reply.ms);
    const ok = !reply.error && reply.status === expect;
    if (!ok) {
      this.errs.set(op, (this.errs.get(op) ?? 0) + 1);
      if (this.samples.filter((s) => s.op === op).length < 3) this.samples.push({ op, status: reply.status, detail: reply.error ?? reply.text ?? '' });
    }
    return ok;
  }

  /** A failure outside any request (e.g. no record to read yet where one was expected): counted as an error. */
  fail(op: string, detail: string) {
    this.errs.set(op, (this.errs.get(op) ?? 0) + 1);
    if (this.samples.filter((s) => s.op === op).length < 3) this.samples.push({ op, status: 0, detail });
  }

  get errors(): number {
    let n = 0;
    for (const v of this.errs.values()) n += v;
    return n;
  }

  figures(seconds: number): { ops: OpFigures[]; overall: OpFigures } {
    const row = (op: string, xs: number[], errors: number): OpFigures => {
      const s = Float64Array.from(xs).sort();
      const r2 = (x: number) => Math.round(x * 100) / 100;
      return { op, requests: xs.length, errors, reqPerSec: r2(xs.length / seconds), p50: r2(percentile(s, 50)), p95: r2(percentile(s, 95)), p99: r2(percentile(s, 99)), max: r2(s.length ? s[s.length - 1] : NaN) };
    };
    const names = [...new Set([...this.ms.keys(), ...this.errs.keys()])].sort();
    const ops = names.map((n) => row(n, this.ms.get(n) ?? [], this.errs.get(n) ?? 0));
    const all = names.flatMap((n) => this.ms.get(n) ?? []);
    return { ops, overall: row('overall', all, this.errors) };
  }
}
