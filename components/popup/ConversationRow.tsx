import { GitBranchIcon } from '@primer/octicons-react/GitBranchIcon';
import { GitPullRequestIcon } from '@primer/octicons-react/GitPullRequestIcon';
import { IssueOpenedIcon } from '@primer/octicons-react/IssueOpenedIcon';
import { RepoIcon } from '@primer/octicons-react/RepoIcon';
import { displayTitle } from '@/components/popup/format';
import { RelativeTime } from '@/components/popup/RelativeTime';
import { StatusBadge } from '@/components/popup/StatusBadge';
import type { ConversationListItem } from '@/lib/conversations/list-item';
import { forgeOfSource } from '@/lib/forges/forges';
import { t } from '@/lib/i18n';

/** The issue or pull request a conversation came from, as a link to GitHub (unless a PR link shows it). */
function SourceLink({ item }: { item: ConversationListItem }) {
  const { source } = item;
  if (!source || source.kind === 'selection' || source.number === undefined) return null;
  if (source.kind === 'pull' && item.repository && item.pullNumbers.includes(source.number)) return null;
  const pull = source.kind === 'pull';
  const SourceIcon = pull ? GitPullRequestIcon : IssueOpenedIcon;
  return (
    <a className="row-source" href={source.url} target="_blank" rel="noreferrer">
      <SourceIcon size={12} />
      <span className="visually-hidden">{t(pull ? 'popup.pullRequest' : 'popup.issue')} </span>#
      {source.number}
    </a>
  );
}

/** One conversation: its title links to it in OpenHands (the whole row is clickable). */
export function ConversationRow({ item, now }: { item: ConversationListItem; now: Date }) {
  return (
    <li className="row">
      <div className="row-head">
        <a className="row-link" href={item.url} target="_blank" rel="noreferrer" data-key={item.key}>
          {displayTitle(item)}
        </a>
        <RelativeTime iso={item.createdAt} now={now} tooltip={(time) => t('popup.startedAt', { time })} />
      </div>
      <div className="row-meta">
        <StatusBadge item={item} />
        {item.repository && (
          <span className="row-repo" title={item.repository}>
            <RepoIcon size={12} />
            <span className="visually-hidden">{t('popup.repository')} </span>
            {item.repository}
          </span>
        )}
        {item.branch && (
          <span className="row-branch" title={item.branch}>
            <GitBranchIcon size={12} />
            <span className="visually-hidden">{t('popup.branch')} </span>
            {item.branch}
          </span>
        )}
        <SourceLink item={item} />
        {item.repository &&
          item.pullNumbers.map((n) => (
            <a
              key={n}
              className="row-source row-pull"
              href={forgeOfSource(item.source?.url).itemUrl(item.repository ?? '', 'pull', n)}
              target="_blank"
              rel="noreferrer"
            >
              <GitPullRequestIcon size={12} />
              {t('popup.pullNumber', { number: n })}
            </a>
          ))}
      </div>
      {item.state === 'error' && item.detail && <p className="row-detail">{item.detail}</p>}
    </li>
  );
}
