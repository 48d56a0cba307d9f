import { useLang } from '../i18n/context.tsx';
import type { UpdateOffer } from './service-worker.ts';

export function UpdateBanner({ offer }: { offer: UpdateOffer | null }) {
  const { t } = useLang();
  if (!offer) return null;
  return (
    <div class="update-banner" role="status">
      <span>{t('update.available')}</span>
      <button type="button" class="button primary" onClick={() => offer.apply()}>
        {t('update.apply')}
      </button>
    </div>
  );
}
