/** The version of the consent notice (law 09-08) the citizen accepts; sealed into each application. */
export const CONSENT_NOTICE_VERSION = 'consent-2026-11-v1';
