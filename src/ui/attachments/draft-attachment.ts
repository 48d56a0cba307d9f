/** An encoded image as the draft keeps it: reference (id, size, type, SHA-256) and base64url bytes. */
import { attachmentRefWith } from '../../core/attachments/digest.ts';
import { decodeBase64Url, encodeBase64Url } from '../../core/crypto/base64url.ts';
import type { DraftAttachment } from '../../data/draft.ts';
import type { EncodedImage } from './encode.ts';

export async function toDraftAttachment(field: string, image: EncodedImage): Promise<DraftAttachment> {
  const ref = await attachmentRefWith(crypto.subtle, crypto.randomUUID(), field, image.mediaType, image.bytes);
  return { ref, data: encodeBase64Url(image.bytes) };
}

/** An object URL for the preview; the caller revokes it (session end drops object URLs). */
export function previewUrl(attachment: DraftAttachment): string {
  return URL.createObjectURL(new Blob([decodeBase64Url(attachment.data)], { type: attachment.ref.mediaType }));
}
