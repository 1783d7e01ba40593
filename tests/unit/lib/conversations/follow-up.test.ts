import { describe, expect, it } from 'vitest';
import {
  canFollowUp,
  FOLLOW_UP_OUTCOMES,
  FOLLOW_UP_STAGES,
  followUpStageLabel,
} from '@/lib/conversations/follow-up';
import { EXTENSION_MESSAGES } from '@/lib/errors/messages';
import { makeRecord } from '../../factories/conversation-record';

describe('follow-ups as pages show them', () => {
  it('should offer follow-ups only for conversations started through the V1 API, with a reason otherwise', () => {
    expect(canFollowUp(makeRecord({ apiVersion: 'v1' }))).toBe(true);
    expect(canFollowUp(makeRecord({ apiVersion: 'v0' }))).toBe(false);
    expect(EXTENSION_MESSAGES.follow_up_unsupported()).toMatch(/no V1 API/);
  });

  it('should give every stage and outcome its own label', () => {
    const labels = [...FOLLOW_UP_STAGES, ...FOLLOW_UP_OUTCOMES].map(followUpStageLabel);

    expect(new Set(labels).size).toBe(labels.length);
    expect(followUpStageLabel('waiting_for_sandbox')).toBe('Waiting for the sandbox');
  });
});
