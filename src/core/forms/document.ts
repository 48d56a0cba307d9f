/**
 * How a document field will be provided. Until photo capture exists, a document answer
 * only records the citizen's choice: bring the paper to the administration, or attached
 * (scanned by the agent). The UI shows these as the field's two options.
 */
export const DOCUMENT_PROVISIONS = ['bring-on-paper', 'attached'] as const;
export type DocumentProvision = (typeof DOCUMENT_PROVISIONS)[number];

export function isDocumentProvision(value: unknown): value is DocumentProvision {
  return (DOCUMENT_PROVISIONS as readonly unknown[]).includes(value);
}
