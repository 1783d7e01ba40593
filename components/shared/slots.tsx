import { Fragment, type ReactNode } from 'react';

/**
 * A message with elements in it (a link, bold words) in the order its language puts them: the message holds
 * `{name}` slots, which `t()` is asked to leave as they are (`t('key', { link: '{link}' })`), and each slot
 * becomes its element here.
 */
export function withSlots(message: string, slots: Record<string, ReactNode>): ReactNode[] {
  const [first = '', ...rest] = message.split(/\{(\w+)\}/);
  const nodes: ReactNode[] = [first];
  // After the first piece of text, the split alternates: a slot's name, then the text up to the next slot.
  for (let i = 0; i < rest.length; i += 2) {
    const name = rest[i] ?? '';
    nodes.push(
      <Fragment key={`slot-${name}-${i}`}>{slots[name] ?? `{${name}}`}</Fragment>,
      rest[i + 1] ?? '',
    );
  }
  return nodes;
}
