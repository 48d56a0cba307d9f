/**
 * Reads an animated sequence of QR codes (QrSend on another screen) with the camera and
 * hands over the bytes once every frame is in and the SHA-256 of the whole matches.
 * Frames come in any order and as often as the sender loops; progress shows what is in and
 * what is still missing. A transfer that fails its check is refused with a message and
 * reception starts over. The camera (through Scanner, whose zxing worker is fetched only
 * now) stops when the transfer is complete and when the screen closes.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { FrameCollector, type Progress } from '../../core/qr-transfer/collector.ts';
import { RECEIVER_GAP_MS } from '../../core/qr-transfer/params.ts';
import { useLang } from '../i18n/context.tsx';
import { Scanner } from '../scan/Scanner.tsx';
import type { Decoded } from '../scan/zxing-decode.ts';
import './qr-transfer.css';

const QR_ONLY = ['QR_CODE'] as const;
/** The missing frames are listed when there are this few (a long list helps nobody). */
const LIST_MISSING_UP_TO = 12;

type Notice = 'not-ours' | 'restarted' | 'hash-mismatch' | 'no-camera';
const NOTICE_TEXT = { 'not-ours': 'qr:receive.notOurs', restarted: 'qr:receive.restarted', 'hash-mismatch': 'qr:receive.hashMismatch', 'no-camera': 'qr:receive.noCamera' } as const;

export function QrReceive({ onBytes, onClose }: { onBytes(bytes: Uint8Array): void; onClose(): void }) {
  const { t } = useLang();
  const collector = useMemo(() => new FrameCollector(), []);
  const [progress, setProgress] = useState<Progress>(collector.progress());
  const [notice, setNotice] = useState<Notice | null>(null);
  const [received, setReceived] = useState<number | null>(null); // byte count, once complete
  const busy = useRef(false); // checking the whole, or done
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const onRead = ({ text }: Decoded) => {
    if (busy.current) return;
    const outcome = collector.accept(text);
    if (outcome.kind === 'not-ours') {
      if (collector.progress().total === 0) setNotice('not-ours');
      return;
    }
    if (outcome.kind !== 'new' && outcome.kind !== 'restarted') return; // repeats, damaged and foreign frames change nothing
    if (outcome.kind === 'restarted') setNotice('restarted');
    else if (notice === 'not-ours') setNotice(null);
    setProgress(collector.progress());
    if (!collector.complete) return;
    busy.current = true;
    void collector.finish(crypto.subtle).then((finished) => {
      if (!mounted.current) return; // closed while the whole was being checked: nothing to hand over
      if (finished.ok) {
        setReceived(finished.bytes.length);
        onBytes(finished.bytes);
        return;
      }
      collector.reset();
      setProgress(collector.progress());
      setNotice('hash-mismatch');
      busy.current = false;
    });
  };

  const { total, missing } = progress;
  return (
    <main class="screen qr-transfer qr-receive" aria-labelledby="qr-receive-title" data-testid="qr-receive" data-received={progress.received} data-total={total} data-state={received !== null ? 'complete' : total > 0 ? 'receiving' : 'waiting'}>
      <h1 id="qr-receive-title">{t('qr:receive.title')}</h1>
      {received === null ? (
        <>
          <p>{t('qr:receive.help')}</p>
          <Scanner onRead={onRead} formats={QR_ONLY} gapMs={RECEIVER_GAP_MS} onProblem={() => setNotice('no-camera')} />
          <div class="qr-receive-progress">
            <progress id="qr-receive-bar" max={Math.max(total, 1)} value={progress.received} aria-label={t('qr:receive.progressLabel')} />
            <span class="qr-receive-count" dir="ltr" data-testid="qr-receive-count">
              {total > 0 ? `${progress.received} / ${total}` : t('qr:receive.waiting')}
            </span>
          </div>
          {progress.received > 0 && missing.length > 0 && missing.length <= LIST_MISSING_UP_TO && (
            <p class="hint" data-testid="qr-receive-missing">
              {t('qr:receive.missing', { count: missing.length, list: missing.map((i) => i + 1).join(', ') })}
            </p>
          )}
        </>
      ) : (
        <p class="notice qr-receive-done" role="status" data-testid="qr-receive-done">
          {t('qr:receive.done', { size: (received / 1024).toFixed(1) })}
        </p>
      )}
      {notice && received === null && (
        <p class={notice === 'hash-mismatch' ? 'notice error' : 'notice'} role={notice === 'hash-mismatch' ? 'alert' : 'status'} data-testid="qr-receive-notice" data-notice={notice}>
          {t(NOTICE_TEXT[notice])}
        </p>
      )}
      <div class="actions">
        <button type="button" class="button secondary" data-testid="qr-close" onClick={onClose}>
          {t('qr:close')}
        </button>
      </div>
    </main>
  );
}
