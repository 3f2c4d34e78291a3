/** A refused value: `got` is the offending text, left out of the message for a secret. */
export class Invalid extends Error {
  constructor(
    message: string,
    readonly got?: string,
  ) {
    super(message);
  }
}
