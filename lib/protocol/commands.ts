/*
 * The keyboard command, between the background and the resident GitHub script. The background calls the
 * resident in the tab's isolated world (scripting.executeScript with a function), so the resident needs no
 * `runtime.onMessage` listener, which would cost every GitHub page view the runtime bindings at load.
 */

/** The manifest command (wxt.config.ts `commands`) that runs the default action on an issue or PR page. */
export const SEND_DEFAULT_COMMAND = 'send-default';

/**
 * The global the resident script sets in its isolated world (the page's scripts live in another world and
 * cannot see it): a function that runs the default action and returns true, or false when this copy of the
 * script is an orphan of a reloaded extension.
 */
export const RESIDENT_COMMAND_GLOBAL = '__sendToOpenHandsCommand';
