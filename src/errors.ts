/** A mistake in how the tool was called or configured: exit code 2, one line saying what to change. */
export class UsageError extends Error {
  override name = 'UsageError';
}
