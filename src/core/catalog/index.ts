/** The catalog checks' public surface, used by the server (publish) and the kiosk (load). */
export { validateServiceDefinition, type ServiceCheck } from './validate-service.ts';
export { checkCatalog, type CatalogCheck, type RejectedEntry } from './check-catalog.ts';
export { SERVICE_ICONS, isServiceIcon, type ServiceIcon } from './icons.ts';
