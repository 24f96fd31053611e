/** An input that cannot be used (a missing, corrupt or refused file): one Chinese line naming it, exit 2. */
export class InputError extends Error {}
