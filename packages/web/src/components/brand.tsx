import { useTranslation } from 'react-i18next';

/**
 * The product mark and name. With `compact` only the mark shows (collapsed menu).
 * @param props.size mark size in px
 * @param props.compact hide the name
 */
export function Brand({ size = 28, compact = false }: { size?: number; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="cd-brand">
      <svg className="cd-brand__mark" width={size} height={size} viewBox="0 0 64 64" aria-hidden="true">
        <rect width="64" height="64" rx="14" fill="#2f7d8c" />
        <path d="M32 48c-9-6-16-12-16-20a8 8 0 0 1 16-3 8 8 0 0 1 16 3c0 8-7 14-16 20z" fill="#fff" opacity=".92" />
        <path
          d="M20 33h7l3-5 4 9 3-4h7"
          fill="none"
          stroke="#2f7d8c"
          strokeWidth="2.5"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      {!compact && <span className="cd-brand__name">{t('app.fullName')}</span>}
    </span>
  );
}
