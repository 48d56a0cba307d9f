/**
 * Received applications for the back office (`npm run keys -- export`): read from the
 * store, where the server keeps them opened, as JSON or as CSV with one column per answer.
 * Every application exported gets an 'exported' audit line, in the same transaction as
 * the read: an export whose lines could not be written is not an export.
 */
import type { Answers, AnswerValue } from '../../src/core/forms/types.ts';
import { recordServerEvent } from '../audit/store-audit.ts';
import type { Db } from '../store/db.ts';
import { toIso } from '../util/time.ts';
import { csvTable } from './csv.ts';

export interface ExportedApplication {
  id: string;
  trackingCode: string;
  serviceId: string;
  formVersion: number;
  receivedAt: string;
  assistedBy: string | null;
  consentVersion: string | null;
  language: string;
  answers: Answers;
}

interface Row {
  id: string;
  tracking_code: string;
  service_id: string;
  form_version: number;
  terminal_id: string;
  received_at: Date;
  assisted_by: string | null;
  consent_version: string | null;
  language: string;
  answers: Answers;
}

export interface ExportOptions {
  since?: string; // ISO 8601: applications received at or after
  actor: string; // who exports, for the audit log
  terminalId: string; // where from (the back-office machine)
  /** Writes the formatted export; called inside the transaction, before the audit lines commit. */
  write: (applications: ExportedApplication[]) => Promise<void>;
}

export async function exportApplications(db: Db, options: ExportOptions): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<Row>(
      `SELECT id, tracking_code, service_id, form_version, terminal_id, received_at, assisted_by, consent_version, language, answers
         FROM submissions WHERE received_at >= $1::timestamptz ORDER BY received_at, id`,
      [options.since ?? '1970-01-01T00:00:00Z'],
    );
    const at = new Date();
    for (const row of rows) {
      await recordServerEvent(tx, { action: 'exported', applicationId: row.id, terminalId: options.terminalId, serviceId: row.service_id, at, actor: options.actor });
    }
    await options.write(
      rows.map((row) => ({
        id: row.id,
        trackingCode: row.tracking_code,
        serviceId: row.service_id,
        formVersion: row.form_version,
        receivedAt: toIso(row.received_at),
        assistedBy: row.assisted_by,
        consentVersion: row.consent_version,
        language: row.language,
        answers: row.answers,
      })),
    );
    return rows.length;
  });
}

const FIXED = ['id', 'trackingCode', 'serviceId', 'formVersion', 'receivedAt', 'assistedBy', 'consentVersion', 'language'] as const;

function cell(value: AnswerValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('; ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** One row per application; answers as `answers.<field>` columns, the union over all rows, sorted. */
export function applicationsCsv(applications: ExportedApplication[]): string {
  const fields = [...new Set(applications.flatMap((a) => Object.keys(a.answers)))].sort();
  const header = [...FIXED, ...fields.map((f) => `answers.${f}`)];
  const rows = applications.map((a) => [
    ...FIXED.map((name) => (a[name] === null ? '' : String(a[name]))),
    ...fields.map((f) => cell(a.answers[f])),
  ]);
  return csvTable(header, rows);
}

export const applicationsJson = (applications: ExportedApplication[]): string => `${JSON.stringify(applications, null, 2)}\n`;
