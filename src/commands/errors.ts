/** A problem with the command's input (usage, config, unreadable file, refused write): exit code 2, with this one-line reason. */
export class InputError extends Error {
  override name = 'InputError';
}
