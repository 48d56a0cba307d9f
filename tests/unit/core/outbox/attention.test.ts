import { describe, expect, it } from 'vitest';
import { cleanDiscardNote, correctionCheck, isDiscardReason, MAX_DISCARD_NOTE } from '../../../../src/core/outbox/attention.ts';

describe('whether a refused application can be corrected with the citizen', () => {
  it('per-field errors and a retired form version can be corrected when the service is still offered', () => {
    expect(correctionCheck({ kind: 'rejected', status: 422, code: 'invalid-answers', errors: [{ field: 'phone', code: 'invalid-phone' }] }, true)).toEqual({ possible: true });
    expect(correctionCheck({ kind: 'rejected', status: 422, code: 'unknown-form-version' }, true)).toEqual({ possible: true });
  });

  it('an unknown service or a duplicate can only be discarded, and says why', () => {
    expect(correctionCheck({ kind: 'rejected', status: 422, code: 'unknown-service' }, true)).toEqual({ possible: false, why: 'unknown-service' });
    expect(correctionCheck({ kind: 'rejected', status: 422, code: 'idempotency-key-reused' }, true)).toEqual({ possible: false, why: 'duplicate' });
  });

  it('a service this terminal no longer offers cannot be started again', () => {
    expect(correctionCheck({ kind: 'rejected', status: 422, code: 'invalid-answers' }, false)).toEqual({ possible: false, why: 'service-withdrawn' });
  });
});

describe('discard reasons', () => {
  it('takes only the listed codes, and a short one-paragraph note', () => {
    expect(isDiscardReason('citizen-withdrew')).toBe(true);
    expect(isDiscardReason('because')).toBe(false);
    expect(cleanDiscardNote('  le citoyen\n   est parti  ')).toBe('le citoyen est parti');
    expect(cleanDiscardNote('   ')).toBeUndefined();
    expect(cleanDiscardNote('x'.repeat(500))).toHaveLength(MAX_DISCARD_NOTE);
  });
});
