/**
 * A one-line progress bar for a terminal (the CLI passes stderr's writer when it is a TTY, and
 * nothing otherwise, so CI logs stay quiet). Returns the `onProgress` callback of `runLinkCheck`.
 */
export function progressBar(write: (text: string) => void, width = 30): (done: number, total: number) => void {
  let last = '';
  return (done, total) => {
    const filled = total === 0 ? width : Math.round((done / total) * width);
    const line = `\rchecking links [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
    if (line === last) return;
    last = line;
    write(done >= total ? `${line}\n` : line);
  };
}
