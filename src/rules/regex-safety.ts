// Regexes in rule packs come from analysts, not from us: one catastrophic pattern ((a+)+$) would let a single
// post hang a scan. JavaScript has no regex timeout, so unsafe shapes are refused at load: nested unbounded
// quantifiers, quantified alternations, backreferences and lookbehinds. What remains backtracks at most
// polynomially, and the engine runs it only on a bounded window around its keywords.

const MAX_SOURCE = 500;
const MAX_UNBOUNDED = 4;

/** A reason the pattern is refused, or null when it is acceptable. */
export function checkRegex(source: string): string | null {
  if (source.length > MAX_SOURCE) return `regex is longer than ${MAX_SOURCE} characters`;
  try {
    new RegExp(source, 'u');
  } catch (e) {
    return `invalid regex: ${(e as Error).message}`;
  }
  // Per open group: does it contain an unbounded quantifier, an alternation?
  const stack: { unbounded: boolean; alternation: boolean }[] = [{ unbounded: false, alternation: false }];
  let unboundedCount = 0;
  let lastAtomGroup: { unbounded: boolean; alternation: boolean } | null = null;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const n = source[i + 1];
      if (n !== undefined && /[1-9k]/.test(n)) return 'regex backreferences are not allowed (they make matching slow)';
      i++;
      lastAtomGroup = null;
      continue;
    }
    if (c === '[') {
      // Skip the character class.
      i++;
      while (i < source.length && source[i] !== ']') {
        if (source[i] === '\\') i++;
        i++;
      }
      lastAtomGroup = null;
      continue;
    }
    if (c === '(') {
      if (source.startsWith('(?<=', i) || source.startsWith('(?<!', i)) return 'regex lookbehind is not allowed';
      stack.push({ unbounded: false, alternation: false });
      lastAtomGroup = null;
      continue;
    }
    if (c === ')') {
      const g = stack.pop();
      if (!g || stack.length === 0) return 'invalid regex: unbalanced parentheses';
      lastAtomGroup = g;
      // What a group contains, its parent contains.
      stack[stack.length - 1].unbounded ||= g.unbounded;
      continue;
    }
    if (c === '|') {
      stack[stack.length - 1].alternation = true;
      lastAtomGroup = null;
      continue;
    }
    let unbounded = false;
    if (c === '*' || c === '+') unbounded = true;
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (m) {
        if (m[2] !== undefined && m[3] === '') unbounded = true;
        else if (Number(m[3] ?? m[1]) > 100) return 'regex repetition counts above 100 are not allowed';
        i += m[0].length - 1;
      }
    } else {
      lastAtomGroup = null;
      continue;
    }
    if (!unbounded) continue;
    unboundedCount++;
    if (lastAtomGroup) {
      if (lastAtomGroup.unbounded) return 'regex has a repeated group that itself repeats (like (a+)+): matching could take forever';
      if (lastAtomGroup.alternation) return 'regex repeats a group with alternatives (like (a|ab)+): use a character class or separate terms';
    }
    stack[stack.length - 1].unbounded = true;
    lastAtomGroup = null;
  }
  if (unboundedCount > MAX_UNBOUNDED) return `regex has more than ${MAX_UNBOUNDED} unbounded repetitions (*, +, {n,})`;
  return null;
}
