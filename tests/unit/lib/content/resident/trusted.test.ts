import { describe, expect, it, vi } from 'vitest';
import type { Listen } from '@/lib/content/resident/trusted';
import { trustedOnly } from '@/lib/content/resident/trusted';

/** A `listen` that registers plainly, like ctx.addEventListener does. */
const plainListen: Listen = (target, type, handler, options) =>
  target.addEventListener(type, handler, options);

describe('trustedOnly', () => {
  it('should drop events a page script made', () => {
    const button = document.createElement('button');
    const handler = vi.fn();
    trustedOnly(plainListen)(button, 'click', handler);
    button.click();
    button.dispatchEvent(new MouseEvent('click'));
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(handler).not.toHaveBeenCalled();
  });

  it('should pass events the browser marks as trusted', () => {
    const target = new EventTarget();
    const handler = vi.fn();
    trustedOnly(plainListen)(target, 'click', handler);
    const event = new Event('click');
    Object.defineProperty(event, 'isTrusted', { value: true });
    target.dispatchEvent(event);
    expect(handler).toHaveBeenCalledWith(event);
  });
});
