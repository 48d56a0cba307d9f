import { useEffect, useState } from 'preact/hooks';
import type { DraftAttachment } from '../../data/draft.ts';
import { previewUrl } from './draft-attachment.ts';

/** An object URL for the attachment, revoked when it changes or the screen goes. */
export function usePreviewUrl(attachment: DraftAttachment | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!attachment) return setUrl(null);
    const next = previewUrl(attachment);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [attachment?.ref.id]);
  return url;
}
