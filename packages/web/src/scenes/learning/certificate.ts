/**
 * Certificate codes (like 7KQ2-M9XD-4FHT) as people type them, and the public address where
 * anyone can check one.
 */

const CODE = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

/**
 * A code as typed, tidied: upper case, spaces and dashes dropped, then regrouped by four.
 * @param input what was typed or pasted ("7kq2 m9xd 4fht", "7KQ2M9XD4FHT")
 * @returns the code as XXXX-XXXX-XXXX, or null when it cannot be one
 */
export function normaliseCertificateCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s\-–—_]/g, '');
  if (!/^[0-9A-Z]{12}$/.test(compact)) return null;
  const code = `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}`;
  return CODE.test(code) ? code : null;
}

/**
 * The address of a certificate's public check.
 * @param origin the site's origin (window.location.origin)
 * @param code the certificate's code
 * @returns origin + /verify/CODE
 */
export function verificationUrl(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, '')}/verify/${encodeURIComponent(code)}`;
}
