/** An input that cannot be scored (missing file, unreadable stream); its message is shown to the user as is. */
export class InputError extends Error {}
