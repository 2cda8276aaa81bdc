/** Characters that are hard to confuse when a password is read out or copied by hand (no 0/O, 1/l/I). */
const SETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!@#$%&*+-=?'];

function pick(chars: string, random: number): string {
  return chars[random % chars.length];
}

/** A random temporary password that meets the policy (≥ 10 characters, all four kinds); the server still checks it. */
export function generateTempPassword(length = 14): string {
  const random = new Uint32Array(length + length);
  crypto.getRandomValues(random);
  const all = SETS.join('');
  const chars = SETS.map((set, i) => pick(set, random[i])).concat(Array.from({ length: length - SETS.length }, (_, i) => pick(all, random[SETS.length + i])));
  // Shuffle (Fisher–Yates) so the four guaranteed kinds are not always first.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = random[length + i] % (i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
