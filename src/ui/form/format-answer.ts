import type { TFunction } from 'i18next';
import { dateFormat } from '../i18n/locale.ts';
import type { AnswerValue, FieldDefinition } from '../../core/forms/types.ts';
import { formatMoroccanPhone } from '../../core/forms/phone.ts';
import { pickLocalized } from '../../core/forms/localized.ts';
import { isEmpty } from '../../core/forms/conditions.ts';

/** How an answer reads on the review screen. */
export function formatAnswer(t: TFunction, field: FieldDefinition, value: AnswerValue | undefined, chain: string[], lang: string): string {
  if (value === undefined || isEmpty(value)) return t('review.notAnswered');
  const option = (v: string) => {
    const o = field.options?.find((x) => x.value === v);
    return o ? pickLocalized(o.label, chain).text : v;
  };
  switch (field.type) {
    case 'yesno':
      return t(value ? 'form.yes' : 'form.no');
    case 'choice':
      return option(String(value));
    case 'multichoice':
      return Array.isArray(value) ? value.map(option).join('، ') : String(value);
    case 'document':
      return t(value === 'attached' ? 'form.documentAttached' : 'form.documentBring');
    case 'photo':
      return t('attachments.photoAttached');
    case 'signature':
      return t('attachments.signatureAttached');
    case 'phone':
      return formatMoroccanPhone(String(value));
    case 'date': {
      const date = new Date(`${String(value)}T12:00:00Z`);
      return Number.isNaN(date.getTime()) ? String(value) : dateFormat(lang, { long: true, timeZone: 'UTC' }).format(date);
    }
    default:
      return String(value);
  }
}
