/** One service as a large button with its pictogram: what the citizen taps. */
import type { ServiceDefinition } from '../../core/forms/types.ts';
import { useLocalized } from '../i18n/context.tsx';
import { Pictogram } from '../icons/Pictogram.tsx';

export function ServiceCard({ service, onPick }: { service: ServiceDefinition; onPick(service: ServiceDefinition): void }) {
  const loc = useLocalized();
  const title = loc(service.title);
  return (
    <li>
      <button type="button" class="service-card" data-service={service.id} onClick={() => onPick(service)}>
        <Pictogram name={service.icon} size={64} />
        <span lang={title.lang} dir={title.dir} data-speech-key={`service.${service.id}.title`}>
          {title.text}
        </span>
      </button>
    </li>
  );
}
