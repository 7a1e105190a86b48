/**
 * A progress bar for long CLI work, on stderr so stdout stays clean for JSON. Drawn only on a
 * terminal; elsewhere (CI logs, pipes) it prints a line at most every 10%.
 */
export type Progress = { update(done: number, total: number): void; done(): void };

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = stream.isTTY === true;
  const start = Date.now();
  let lastDecile = -1;
  let lastDraw = 0;
  let last = { done: 0, total: 0 };
  const draw = (final: boolean) => {
    const { done, total } = last;
    const frac = total > 0 ? Math.min(1, done / total) : 1;
    const secs = (Date.now() - start) / 1000;
    const eta = frac > 0 && frac < 1 ? ` eta ${Math.ceil((secs / frac) * (1 - frac))}s` : "";
    if (tty) {
      const width = 30;
      const filled = Math.round(frac * width);
      stream.write(
        `\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${Math.floor(frac * 100)}% ${done}/${total} ${secs.toFixed(1)}s${eta}   ${final ? "\n" : ""}`,
      );
    } else {
      const decile = Math.floor(frac * 10);
      if (decile > lastDecile || (final && decile < 10)) {
        lastDecile = decile;
        stream.write(`${label}: ${Math.floor(frac * 100)}% (${done}/${total}) ${secs.toFixed(1)}s\n`);
      }
    }
  };
  return {
    update(done, total) {
      last = { done, total };
      const now = Date.now();
      if (!tty || now - lastDraw > 100) {
        lastDraw = now;
        draw(false);
      }
    },
    done() {
      draw(true);
    },
  };
}
