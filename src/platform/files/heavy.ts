import { AppError } from '../errors.ts';

/**
 * One heavy file parse at a time (sheet import, .docx read, sales file check): each is bounded by the
 * zip guard, so peak memory is one file's worth. A few wait their turn; past that the caller gets a
 * 503 with Retry-After instead of queueing memory without bound.
 */
export class HeavyQueue {
  private running = false;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly maxWaiting: number, readonly retryAfterSeconds: number) {}

  get busy(): boolean {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (!this.running) this.running = true;
    else if (this.waiting.length >= this.maxWaiting) {
      throw new AppError('UNAVAILABLE', `服务器正在处理其他文件（另有 ${this.waiting.length} 个在排队）：请 ${this.retryAfterSeconds} 秒后重试`, [{ path: 'file', message: '服务器繁忙，请稍后重试' }], { retryAfterSeconds: this.retryAfterSeconds });
    } else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next(); // the slot passes straight to the next in line, so a newcomer cannot jump it
      else this.running = false;
    }
  }
}

/** The process's queue: one running, four waiting. */
export const heavyParses = new HeavyQueue(4, 10);

export function heavyParse<T>(work: () => Promise<T>): Promise<T> {
  return heavyParses.run(work);
}
