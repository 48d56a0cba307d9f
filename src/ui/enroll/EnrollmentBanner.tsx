/**
 * Tells the staff, on the home screen, when this terminal cannot talk to the server:
 * never enrolled, or its device token was revoked or expired. Queued applications wait,
 * sealed, until a supervisor enrols it (again).
 */
import type { EnrollmentState } from '../../data/enrollment.ts';
import { useLang } from '../i18n/context.tsx';

const MESSAGE = {
  'device-token-missing': 'enroll.notEnrolled',
  'device-token-invalid': 'enroll.invalid',
  'device-token-expired': 'enroll.expired',
  'device-token-revoked': 'enroll.revoked',
} as const;

export function EnrollmentBanner({ state, onEnroll }: { state: EnrollmentState | undefined; onEnroll(): void }) {
  const { t } = useLang();
  if (!state || state.kind === 'enrolled') return null;
  const message = state.kind === 'not-enrolled' ? MESSAGE['device-token-missing'] : MESSAGE[state.problem];
  return (
    <div class="notice enrollment-banner" role="status" data-enrollment={state.kind === 'refused' ? state.problem : state.kind}>
      <span>{t(message)}</span>
      <button type="button" class="button primary" onClick={onEnroll}>
        {t('enroll.action')}
      </button>
    </div>
  );
}
