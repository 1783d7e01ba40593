import { normaliseRepository } from '@/components/compose/repository';
import { repositorySchema, type StartInput, sourceSchema } from '@/lib/conversations/start-input';
import { formatNumber, t } from '@/lib/i18n';
import { buildMessage, titleFromText } from '@/lib/prompts/selection';
import type { ComposeFields } from '@/lib/storage/draft';

export type { ComposeFields };

export type ComposeField = 'text' | 'url' | 'repository' | 'branch';
export type FieldErrors = Partial<Record<ComposeField, string>>;

/** The longest branch name accepted. */
const MAX_BRANCH_CHARS = 255;
/** Characters git refuses in branch names (plus whitespace), per `git check-ref-format`. */
const BAD_BRANCH = /[\s~^:?*[\\]|\.\.|^[-/]|[/.]$|@\{/;

function checkFields(fields: ComposeFields, repository: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!fields.text.trim()) errors.text = t('compose.errors.noText');
  // No repository is fine (OpenHands starts without one); a repository that is given must be owner/repo.
  if (repository && !repositorySchema.safeParse(repository).success)
    errors.repository = t('compose.errors.badRepository');
  const branch = fields.branch.trim();
  if (branch.length > MAX_BRANCH_CHARS)
    errors.branch = t('compose.errors.branchTooLong', { max: formatNumber(MAX_BRANCH_CHARS) });
  else if (branch && BAD_BRANCH.test(branch)) errors.branch = t('compose.errors.badBranch');
  else if (branch && !repository) errors.branch = t('compose.errors.branchWithoutRepository');
  if (!sourceSchema.shape.url.safeParse(fields.url.trim()).success) errors.url = t('compose.errors.badUrl');
  return errors;
}

export type Prepared = { ok: true; input: StartInput; cut: number } | { ok: false; errors: FieldErrors };

/**
 * Checks the form and builds what the background starts. Too-long text is not an error: it is cut to fit,
 * and `cut` (shown before sending) says by how much.
 */
export function prepareStart(fields: ComposeFields): Prepared {
  const repository = normaliseRepository(fields.repository);
  const errors = checkFields(fields, repository);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const url = fields.url.trim();
  const { message, cut } = buildMessage({
    action: fields.action,
    text: fields.text,
    url,
    withRepository: repository !== '',
  });
  const branch = fields.branch.trim();
  const title = titleFromText(fields.text);
  const input: StartInput = {
    ...(repository ? { repository } : {}),
    ...(branch ? { branch } : {}),
    ...(title ? { title } : {}),
    message,
    source: { kind: 'selection', url },
  };
  return { ok: true, input, cut };
}
