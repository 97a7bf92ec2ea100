import { describe, expect, it } from 'vitest';
import { SYSTEM } from '../events/append.ts';
import { eventActorOf, systemActor, type Actor } from './actor.ts';

const person = (kind: Actor['kind']): Actor => ({ ...systemActor([]), kind, userId: 'u-1', username: 'u' });

describe('eventActorOf', () => {
  it('records the system actor as the system, with no user id', () => {
    expect(eventActorOf(systemActor(['user:read']))).toEqual(SYSTEM);
    expect(eventActorOf(systemActor([]))).toEqual({ id: null, kind: 'system' });
  });

  it('records people and tokens as what they are', () => {
    expect(eventActorOf(person('user'))).toEqual({ id: 'u-1', kind: 'user' });
    expect(eventActorOf(person('token'))).toEqual({ id: 'u-1', kind: 'token' });
    expect(eventActorOf(person('customer'))).toEqual({ id: 'u-1', kind: 'customer' });
  });
});
