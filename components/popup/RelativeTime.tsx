import { exactTime, relativeTime } from '@/components/popup/format';

/** "5 minutes ago", with the exact time on hover (as `tooltip` words it) and in `dateTime`. */
export function RelativeTime({
  iso,
  now,
  tooltip = (exact) => exact,
}: {
  iso: string;
  now: Date;
  tooltip?(exact: string): string;
}) {
  const relative = relativeTime(iso, now);
  if (!relative) return null;
  const exact = exactTime(iso);
  return (
    <time className="row-time" dateTime={iso} title={exact ? tooltip(exact) : undefined}>
      {relative}
    </time>
  );
}
