/**
 * A single-line progress bar on stderr: redrawn in place on a terminal; otherwise (CI, a file) a line
 * per tenth and at least one a minute, so a long part shows it is alive without flooding a log.
 */
export class Progress {
  private done = 0;
  private readonly started = Date.now();
  private lastDraw = 0;
  private lastTenth = -1;
  private readonly tty = Boolean(process.stderr.isTTY);
  private extra = '';

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly unit = '',
  ) {
    this.draw(true);
  }

  tick(count = 1, extra?: string): void {
    this.done += count;
    if (extra !== undefined) this.extra = extra;
    this.draw(false);
  }

  /** Sets a note shown after the bar (e.g. the current rate or RSS). */
  note(extra: string): void {
    this.extra = extra;
    this.draw(false);
  }

  finish(summary?: string): void {
    this.draw(true);
    if (this.tty) process.stderr.write('\n');
    if (summary) process.stderr.write(`  ${summary}\n`);
  }

  private draw(force: boolean): void {
    const now = Date.now();
    const fraction = this.total > 0 ? Math.min(1, this.done / this.total) : 1;
    if (this.tty) {
      if (!force && now - this.lastDraw < 100) return;
      this.lastDraw = now;
      const width = 28;
      const filled = Math.round(fraction * width);
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      process.stderr.write(`\r\x1b[2K${this.line(bar, fraction, now)}`);
      return;
    }
    const tenth = Math.floor(fraction * 10);
    if (!force && tenth === this.lastTenth && now - this.lastDraw < 60_000) return;
    this.lastTenth = tenth;
    this.lastDraw = now;
    process.stderr.write(`${this.line('', fraction, now)}\n`);
  }

  private line(bar: string, fraction: number, now: number): string {
    const elapsed = (now - this.started) / 1000;
    const rate = elapsed > 0 ? this.done / elapsed : 0;
    const eta =
      rate > 0 && this.done < this.total ? `, eta ${Math.ceil((this.total - this.done) / rate)} s` : '';
    const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
    return [
      `  ${this.label}`,
      bar,
      `${percent} ${this.done}/${this.total}${this.unit ? ` ${this.unit}` : ''}`,
      `(${rate.toFixed(rate < 10 ? 1 : 0)}/s, ${elapsed.toFixed(0)} s${eta})`,
      this.extra,
    ]
      .filter(Boolean)
      .join(' ');
  }
}

/** A status line for the steps between measurements. */
export function step(message: string): void {
  process.stderr.write(`  · ${message}\n`);
}
