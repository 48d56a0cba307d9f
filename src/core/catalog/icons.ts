/**
 * Pictogram names the kiosk UI draws for services. The schema accepts any slug so a newer
 * catalog does not break an older kiosk (it shows a generic pictogram); the demo catalog's
 * tests check it uses only these.
 */
export const SERVICE_ICONS = [
  'birth',
  'residence',
  'justice',
  'id-card',
  'life',
  'income',
  'building',
  'support',
  'marriage',
  'health',
] as const;
export type ServiceIcon = (typeof SERVICE_ICONS)[number];

export function isServiceIcon(value: string): value is ServiceIcon {
  return (SERVICE_ICONS as readonly string[]).includes(value);
}
