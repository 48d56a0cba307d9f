/**
 * Drafts and queued applications filled against an older form version than the catalog's
 * current one. They stay submittable: an application records the version it was filled
 * against and the server validates it against that version, which it keeps (DESIGN §4).
 * The supervisor sees them after a catalog update, so nobody redoes one needlessly.
 */
export interface FormPin {
  kind: 'draft' | 'queued';
  id: string;
  serviceId: string;
  formVersion: number;
  trackingCode?: string;
}

/** `current`: the catalog's version per service (a service missing from it was withdrawn). */
export function olderFormVersions<T extends FormPin>(pins: T[], current: ReadonlyMap<string, number>): Array<T & { currentVersion: number | null }> {
  return pins
    .map((pin) => ({ ...pin, currentVersion: current.get(pin.serviceId) ?? null }))
    .filter((pin) => pin.currentVersion === null || pin.formVersion < pin.currentVersion);
}
