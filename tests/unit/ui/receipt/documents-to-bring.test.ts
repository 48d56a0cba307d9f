import { describe, expect, it } from 'vitest';
import { documentsToBring } from '../../../../src/ui/receipt/documents-to-bring.ts';
import type { ServiceDefinition } from '../../../../src/core/forms/types.ts';
import { loadCatalog } from '../../../../server/catalog/load-catalog.ts';
import { fileURLToPath } from 'node:url';

const catalog = loadCatalog(fileURLToPath(new URL('../../../../catalog/services/', import.meta.url))).services;
const service = (id: string): ServiceDefinition => catalog.find((s) => s.id === id)!;
const ids = (def: ServiceDefinition, answers: Record<string, unknown>) => documentsToBring(def, answers as never).map((d) => d.id);

describe('documents still to bring, for the receipt', () => {
  it('a service without document fields: its whole list', () => {
    expect(ids(service('residence-certificate'), { fullName: 'A' })).toEqual(['cnie', 'proof-of-address']);
  });

  it('a listed document attached through its field is no longer to bring', () => {
    const permit = service('rural-building-permit');
    expect(ids(permit, { hasArchitect: true, ownershipProof: 'attached', plans: 'bring-on-paper' })).toEqual(['cnie', 'site-plan', 'plans']);
    expect(ids(permit, { hasArchitect: true, ownershipProof: 'bring-on-paper', plans: 'attached' })).toEqual(['cnie', 'ownership', 'site-plan']);
  });

  it('a listed document whose field is hidden does not apply', () => {
    expect(ids(service('rural-building-permit'), { hasArchitect: false, ownershipProof: 'attached' })).toEqual(['cnie', 'site-plan']);
    expect(ids(service('marriage-certificate-copy'), { requesterRole: 'wife' })).toEqual(['cnie']);
    expect(ids(service('marriage-certificate-copy'), { requesterRole: 'heir', heirshipDeed: 'bring-on-paper' })).toEqual(['cnie', 'heirship-deed']);
  });

  it('a document field the list does not name is added when it is to be brought on paper', () => {
    const birth = service('birth-certificate-extract');
    expect(ids(birth, { requestFor: 'other', proxyDocument: 'bring-on-paper' })).toEqual(['applicant-cnie', 'family-booklet', 'proxyDocument']);
    expect(ids(birth, { requestFor: 'other', proxyDocument: 'attached' })).toEqual(['applicant-cnie', 'family-booklet']);
    expect(ids(birth, { requestFor: 'self', proxyDocument: 'bring-on-paper' })).toEqual(['applicant-cnie', 'family-booklet']); // hidden: stale answer ignored
    expect(documentsToBring(birth, { requestFor: 'other', proxyDocument: 'bring-on-paper' }).at(-1)!.label.fr).toBe('Procuration');
  });
});
