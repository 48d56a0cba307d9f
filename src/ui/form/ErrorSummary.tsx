/**
 * The GOV.UK pattern: a summary at the top of the step that takes focus (so a screen
 * reader announces it and the agent sees it) and links to each field in error.
 */
import { useEffect, useRef } from 'preact/hooks';
import { useLang } from '../i18n/context.tsx';

export interface SummaryItem {
  fieldId: string;
  message: string;
}

export function ErrorSummary({ items }: { items: SummaryItem[] }) {
  const { t } = useLang();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length > 0) ref.current?.focus();
  }, [items]);
  if (items.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('errors:summaryTitle')}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.fieldId}>
            <a
              href={`#field-${item.fieldId}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(`field-${item.fieldId}`)?.focus();
              }}
            >
              {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
