import { FilterIcon } from '@primer/octicons-react/FilterIcon';
import { t } from '@/lib/i18n';

/** "This repository": shows only the active tab's repository, when it is a GitHub repository page. */
export function RepositoryFilter({
  repository,
  active,
  onChange,
}: {
  repository: string;
  active: boolean;
  onChange(active: boolean): void;
}) {
  return (
    <button type="button" className="filter" aria-pressed={active} onClick={() => onChange(!active)}>
      <FilterIcon size={14} />
      {t('popup.thisRepository')}
      <span className="filter-repo" title={repository}>
        {repository}
      </span>
    </button>
  );
}
