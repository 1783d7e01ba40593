import { normaliseRepository } from '@/components/compose/repository';
import { repositorySchema, type StartInput, sourceSchema } from '@/lib/conversations/start-input';
import { buildMessage, titleFromText } from '@/lib/prompts/selection';
import type { ComposeFields } from '@/lib/storage/draft';

export type { ComposeFields };

export type ComposeField = 'text' | 'url' | 'repository' | 'branch';
export type FieldErrors = Partial<Record<ComposeField, string>>;

/** Characters git refuses in branch names (plus whitespace), per `git check-ref-format`. */
const BAD_BRANCH = /[\s~^:?*[\\]|\.\.|^[-/]|[/.]$|@\{/;

function checkFields(fields: ComposeFields, repository: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!fields.text.trim()) errors.text = 'There is no text to send. Select text on a page, or type it here.';
  // No repository is fine (OpenHands starts without one); a repository that is given must be owner/repo.
  if (repository && !repositorySchema.safeParse(repository).success)
    errors.repository = 'Repository must look like owner/repo, e.g. octo-org/hello-world.';
  const branch = fields.branch.trim();
  if (branch.length > 255) errors.branch = 'Branch names are at most 255 characters.';
  else if (branch && BAD_BRANCH.test(branch))
    errors.branch = 'Not a valid branch name: no spaces, and none of ~ ^ : ? * [ \\ or "..".';
  else if (branch && !repository)
    errors.branch = 'A branch needs a repository: enter the repository, or leave the branch empty.';
  if (!sourceSchema.shape.url.safeParse(fields.url.trim()).success)
    errors.url = 'Enter the full address of the page the text came from, e.g. https://example.com/page.';
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
