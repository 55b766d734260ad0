/**
 * What no response may contain: stack frames, absolute filesystem paths, or secret values.
 * @module
 */

const STACK_FRAME = /\bat\s+\S*\s*\(?(?:file:\/\/|node:|\/)[^)\s]*:\d+:\d+/;
const ABSOLUTE_PATH = /(?:^|[\s"'=(])\/(?:tmp|work|home|root|etc|usr|var|srv|proc)\//;

/**
 * The first leak found in `text`, described, or null when clean.
 *
 * @example
 * expect(findLeak(body, [process.env.ADMIN_TOKEN!])).toBeNull();
 */
export function findLeak(text: string, secrets: readonly string[]): string | null {
  if (STACK_FRAME.test(text)) return `stack frame: ${STACK_FRAME.exec(text)?.[0]}`;
  if (/Error: .*\n\s+at /.test(text)) return "stack trace";
  if (ABSOLUTE_PATH.test(text)) return `absolute path: ${ABSOLUTE_PATH.exec(text)?.[0]}`;
  for (const secret of secrets) {
    if (secret.length > 0 && text.includes(secret)) return `secret value ${secret.slice(0, 4)}…`;
  }
  return null;
}
