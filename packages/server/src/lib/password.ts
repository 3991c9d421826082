import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with OWASP's minimum profile (19 MiB, 2 passes, 1 lane): about 20-40 ms per
 * hash on the 2-core reference machine, cheap enough for login, costly for guessing.
 */
/** `Algorithm.Argon2id` of @node-rs/argon2, a const enum that isolated modules cannot import. */
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** @returns a PHC string `$argon2id$v=19$m=19456,t=2,p=1$...` */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** @returns whether the password matches; false for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A real hash to verify against when the login is unknown, so timing does not reveal which logins exist. */
let dummyHash: Promise<string> | undefined;
export function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword('calmdesk-no-such-user-password');
  return dummyHash;
}
