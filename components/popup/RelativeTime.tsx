import { exactTime, relativeTime } from '@/components/popup/format';

/** "5 minutes ago", with the exact time on hover and in `dateTime`. */
export function RelativeTime({ iso, now, prefix }: { iso: string; now: Date; prefix?: string }) {
  const relative = relativeTime(iso, now);
  if (!relative) return null;
  const exact = exactTime(iso);
  return (
    <time className="row-time" dateTime={iso} title={exact ? `${prefix ?? ''}${exact}` : undefined}>
      {relative}
    </time>
  );
}
