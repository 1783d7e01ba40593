import type { MenuEntry } from '@/lib/content/ui/menu/menu';
import type { Editor } from '@/lib/content/ui/overlay/editor';
import type { UiPage } from '@/lib/content/ui/page';
import { nothingToSendView, type ProgressView } from '@/lib/content/ui/start/progress';
import type { SendFlow } from '@/lib/content/ui/start/send-flow';
import type { PageContext } from '@/lib/forges/page-data';
import { t } from '@/lib/i18n';
import { buildMessage, defaultPreset, presetsFor } from '@/lib/prompts/presets';
import { buildStartInput } from '@/lib/prompts/request';

export type ActionsDeps = {
  page: UiPage;
  flow: SendFlow;
  editor: Editor;
  /** Where focus returns after the editor (the caret). */
  returnFocus(): HTMLElement;
  /** Shows a short note in the toast (the keyboard command on a page with nothing to send). */
  notice(view: ProgressView): void;
  /**
   * Runs before the default preset starts (a plain click, the keyboard command): calls `proceed` when it may
   * go, e.g. after asking when the item already has a conversation running. Without it, it goes at once.
   */
  beforeDefault?(proceed: () => void): void;
};

export type Actions = {
  /** The caret menu for the current page, default first. */
  entries(): MenuEntry[];
  /** Runs a preset on the current page; `custom` opens the editor. */
  run(presetId: string): void;
  /** A plain click or the keyboard command (which also reaches pages without the button). */
  runDefault(): void;
};

/** One line for the editor about what will be sent, e.g. `octo-org/hello-world · PR #7 · branch fix/x`. */
export function contextSummary(context: PageContext): string {
  const number = String(context.number);
  const parts = [
    context.repository,
    context.kind === 'issue' ? t('ui.editor.issueNumber', { number }) : t('ui.editor.pullNumber', { number }),
  ];
  if (context.kind === 'pull' && context.pr) {
    const { pr } = context;
    parts.push(
      pr.isFork
        ? t('ui.editor.fork', { owner: pr.headRepository.split('/')[0] ?? '', branch: pr.headBranch })
        : t('ui.editor.branch', { branch: pr.headBranch }),
    );
  }
  return parts.join(' · ');
}

/**
 * What the button, its menu and the keyboard command do. The page is read at the moment of the click, so soft
 * navigation and edits to the issue never send stale context.
 */
export function createActions(deps: ActionsDeps): Actions {
  const openEditor = (context: PageContext) => {
    deps.editor.open({
      message: buildMessage(context, 'custom'),
      summary: contextSummary(context),
      returnFocus: deps.returnFocus(),
      onSend: (message) => {
        try {
          const input = buildStartInput(context, message);
          return deps.flow.start(input) ? null : t('ui.editor.busy');
        } catch (error) {
          return error instanceof Error ? error.message : String(error);
        }
      },
    });
  };

  const run = (presetId: string) => {
    if (deps.flow.busy) return;
    const context = deps.page.context();
    if (!context) return;
    if (presetId === 'custom') openEditor(context);
    else deps.flow.start(buildStartInput(context, buildMessage(context, presetId)));
  };

  return {
    entries() {
      const page = deps.page.current().item;
      if (!page) return [];
      const fallback = defaultPreset(page.kind).id;
      return presetsFor(page.kind).map((preset) => ({ ...preset, isDefault: preset.id === fallback }));
    },
    run,
    runDefault() {
      // The command reaches the page behind an open editor: only the editor's Send may send then. While a start
      // is under way its toast stays, rather than give way to a note.
      if (deps.editor.isOpen || deps.flow.busy) return;
      const page = deps.page.current().item;
      if (!page) return deps.notice(nothingToSendView());
      const go = () => run(defaultPreset(page.kind).id);
      if (deps.beforeDefault) deps.beforeDefault(go);
      else go();
    },
  };
}
