import { describe, expect, it } from 'vitest';
import { backoffDelay, serverDelay, windowExhausted } from '../../src/fetch/backoff.js';

const NOW = Date.UTC(2024, 0, 15, 3, 0, 0);

describe('serverDelay', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(serverDelay({ 'retry-after': '120' }, NOW)).toBe(120_000);
    expect(serverDelay({ 'retry-after': new Date(NOW + 30_000).toUTCString() }, NOW)).toBe(30_000);
    expect(serverDelay({ 'retry-after': new Date(NOW - 30_000).toUTCString() }, NOW)).toBe(0);
  });

  it("reads rate-limit resets: Mastodon's ISO time, Unix seconds (Bluesky), delta seconds (IETF draft)", () => {
    expect(serverDelay({ 'x-ratelimit-reset': new Date(NOW + 45_000).toISOString() }, NOW)).toBe(45_000);
    expect(serverDelay({ 'ratelimit-reset': String(NOW / 1000 + 60) }, NOW)).toBe(60_000);
    expect(serverDelay({ 'ratelimit-reset': '15' }, NOW)).toBe(15_000);
    expect(serverDelay({ ratelimit: 'limit=100, remaining=0, reset=7' }, NOW)).toBe(7000);
    expect(serverDelay({ ratelimit: '"default";r=0;t=9' }, NOW)).toBe(9000);
  });

  it('prefers Retry-After, and says nothing when no header names a wait', () => {
    expect(serverDelay({ 'retry-after': '5', 'x-ratelimit-reset': new Date(NOW + 60_000).toISOString() }, NOW)).toBe(5000);
    expect(serverDelay({}, NOW)).toBeNull();
    expect(serverDelay({ 'retry-after': 'soon' }, NOW)).toBeNull();
  });

  it('knows when a window is used up', () => {
    expect(windowExhausted({ 'x-ratelimit-remaining': '0' })).toBe(true);
    expect(windowExhausted({ 'ratelimit-remaining': '0' })).toBe(true);
    expect(windowExhausted({ 'x-ratelimit-remaining': '10' })).toBe(false);
  });
});

describe('backoffDelay', () => {
  it('doubles per attempt with jitter in the upper half, capped', () => {
    expect(backoffDelay(0, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffDelay(0, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffDelay(3, 1000, 60_000, () => 0.5)).toBe(6000);
    expect(backoffDelay(20, 1000, 60_000, () => 1)).toBe(60_000);
  });
});
