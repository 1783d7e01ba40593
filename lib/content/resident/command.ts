/**
 * Resident script: whether a runtime message is our background asking for the default action. Only our own
 * extension, and not a tab (content scripts can't message each other, but stay strict), may ask.
 */
export function isSendDefaultMessage(
  message: unknown,
  sender: { id?: string; tab?: unknown },
  extensionId: string,
): boolean {
  if (sender.id !== extensionId || sender.tab !== undefined) return false;
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'command.send-default'
  );
}
