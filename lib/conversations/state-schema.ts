import * as z from 'zod/mini';
import { CONVERSATION_STATES } from '@/lib/conversations/state';

/**
 * A conversation state as stored and as sent to pages. zod/mini, so pages can check it cheaply; apart from
 * state.ts, which the GitHub content script imports without zod.
 */
export const conversationStateSchema = z.enum(CONVERSATION_STATES);
