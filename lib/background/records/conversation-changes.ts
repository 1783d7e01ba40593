/*
 * A change notification from the conversation store's writer: pages that follow a record (lib/background/
 * follow.ts) hear about each write right away, instead of asking the background every few seconds.
 */

type Listener = () => void;

const listeners = new Set<Listener>();

/** Calls `listener` after every write of the stored conversations; returns what unsubscribes it. */
export function onConversationsChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by the store after each write. */
export function conversationsChanged(): void {
  for (const listener of [...listeners]) listener();
}
