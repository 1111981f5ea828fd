/** An input that cannot be scored (missing file, unreadable stream); its message is shown to the user as is. */
export class InputError extends Error {}

/** Errors we did not foresee are bugs: say so plainly, with the stack only when asked for. */
export function internalError(where: string, err: unknown): string {
  const detail = process.env.SPINSCOPE_DEBUG && err instanceof Error ? `\n${err.stack}` : '';
  return `${where}: internal error (${err instanceof Error ? err.message : String(err)}); please report it.${detail}`;
}
