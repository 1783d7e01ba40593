import { CommentDiscussionIcon } from '@primer/octicons-react/CommentDiscussionIcon';
import { useId } from 'react';
import type { ServerOrigin } from '@/lib/server/origin';

/** Nothing to list: how to start a conversation. */
export function EmptyState({ serverUrl }: { serverUrl: ServerOrigin }) {
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <CommentDiscussionIcon size={24} className="panel-icon" />
      <h2 id={headingId}>No conversations yet</h2>
      <p>
        Open an issue or pull request on GitHub and click <strong>Send to OpenHands</strong>, or select text
        on a GitHub page and send it from the right-click menu. Conversations you start show up here with
        their progress.
      </p>
      <p>
        <a href={serverUrl} target="_blank" rel="noreferrer">
          Start one in OpenHands
        </a>
      </p>
    </section>
  );
}
