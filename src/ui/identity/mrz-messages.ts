/** Turns the MRZ parser's issue codes into sentences in the UI language. */
import type { TFunction } from 'i18next';
import type { MrzIssue } from '../../core/identity/mrz-types.ts';

/** A space or a filler is invisible or ambiguous in running text: show it as a sign. */
function shown(ch: string | undefined): string {
  if (ch === undefined) return '';
  if (/^\s$/.test(ch)) return '␣';
  return ch;
}

export function mrzIssueMessage(t: TFunction, issue: MrzIssue, formatDate: (iso: string) => string): string {
  const params = {
    line: issue.line,
    position: issue.position,
    found: shown(issue.found),
    suggested: shown(issue.suggested),
    expected: issue.expected,
    length: issue.length,
    count: issue.count,
    date: issue.code === 'expired' && issue.expected ? formatDate(issue.expected) : undefined,
    field: issue.field ? t(`errors:identity.field.${issue.field}`) : '',
  };
  const main = t(`errors:identity.${issue.code}`, params);
  const hints = (issue.suggestions ?? []).map((s) => t('errors:identity.suggestion', { ...s, found: shown(s.found), suggested: shown(s.suggested) }));
  return [main, ...hints].join(' ');
}
