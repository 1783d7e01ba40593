import type { KeyboardEvent } from 'react';
import { ConversationRow } from '@/components/popup/ConversationRow';
import type { ConversationListItem } from '@/lib/conversations/list-item';

const ROW_LINK = 'a.row-link';

/** Up/Down move between rows, Home/End to the first and last; Tab still reaches every link in a row. */
function moveFocus(event: KeyboardEvent<HTMLUListElement>) {
  const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>(ROW_LINK)];
  const row = (event.target as HTMLElement).closest('li');
  const current = links.findIndex((link) => row?.contains(link));
  const last = links.length - 1;
  const next: Record<string, number> = {
    ArrowDown: Math.min(current + 1, last),
    ArrowUp: Math.max(current - 1, 0),
    Home: 0,
    End: last,
  };
  const target = links[next[event.key] ?? -1];
  if (!target || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  target.focus();
}

/** The conversations, newest first. */
export function ConversationList({
  items,
  now,
  label,
}: {
  items: ConversationListItem[];
  now: Date;
  label: string;
}) {
  return (
    <ul className="rows" aria-label={label} onKeyDown={moveFocus}>
      {items.map((item) => (
        <ConversationRow key={item.key} item={item} now={now} />
      ))}
    </ul>
  );
}
