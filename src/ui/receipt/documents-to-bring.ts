/**
 * The documents a citizen still has to bring, for the receipt: the service's `documents`,
 * less those a document field says were attached (`providesDocument`) or that a hidden
 * field makes not applicable, plus any document field answered "bring on paper" that the
 * list does not already name. Pure, and holds only catalog text.
 */
import type { Answers, RequiredDocument, ServiceDefinition } from '../../core/forms/types.ts';
import { visibleFields } from '../../core/forms/conditions.ts';

export function documentsToBring(def: ServiceDefinition, answers: Answers): RequiredDocument[] {
  const visible = new Set(visibleFields(def, answers).map((f) => f.id));
  const documentFields = def.steps.flatMap((s) => s.fields).filter((f) => f.type === 'document');
  const listed = new Set(def.documents.map((d) => d.id));
  const out: RequiredDocument[] = [];
  for (const doc of def.documents) {
    const providers = documentFields.filter((f) => f.providesDocument === doc.id);
    if (providers.length === 0) {
      out.push(doc);
      continue;
    }
    const shown = providers.filter((f) => visible.has(f.id));
    if (shown.length === 0) continue; // the form says this document does not apply here
    if (shown.every((f) => answers[f.id] === 'attached')) continue;
    out.push(doc);
  }
  for (const field of documentFields) {
    if (field.providesDocument !== undefined && listed.has(field.providesDocument)) continue;
    if (visible.has(field.id) && answers[field.id] === 'bring-on-paper') out.push({ id: field.id, label: field.label });
  }
  return out;
}

/**
 * The list for the application just submitted, handed from the form to the receipt in
 * memory only (the answers themselves are sealed in the outbox and gone from the screen).
 * One slot: a terminal serves one citizen at a time; the receipt clears it when it closes.
 */
let pending: { id: string; documents: RequiredDocument[] } | null = null;

export function rememberDocumentsToBring(applicationId: string, documents: RequiredDocument[]): void {
  pending = { id: applicationId, documents };
}

export function rememberedDocumentsToBring(applicationId: string): RequiredDocument[] | null {
  return pending?.id === applicationId ? pending.documents : null;
}

export function forgetDocumentsToBring(applicationId: string): void {
  if (pending?.id === applicationId) pending = null;
}
