/**
 * Device and staff tokens: 32 random bytes, base64url, with a prefix that says what the
 * token is (so one pasted in the wrong place is refused by its shape, and leaked tokens
 * are easy to find in logs). The server stores only their SHA-256.
 */
import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../util/sha256.ts';

export const newDeviceToken = (): string => `rlt_${randomBytes(32).toString('base64url')}`;
export const newStaffToken = (): string => `rls_${randomBytes(32).toString('base64url')}`;
export const tokenHash = (token: string): string => sha256Hex(token);
