/** Hands bytes to the browser as a download (to a USB stick, a shared folder…). */
import { BUNDLE_EXTENSION, BUNDLE_MEDIA_TYPE } from '../../core/bundle/format.ts';

/** `relais-<terminal>-<date>-<time>.relais`: says where and when it was made, in letters any file system takes. */
export function bundleFileName(terminal: string, at: Date): string {
  const name = terminal
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 40) || 'terminal';
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}`;
  return `relais-${name}-${stamp}${BUNDLE_EXTENSION}`;
}

export function saveBytes(bytes: Uint8Array<ArrayBuffer>, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: BUNDLE_MEDIA_TYPE }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; the URL only has to outlive this task.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
