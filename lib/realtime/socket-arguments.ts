/** An acknowledgement callback: the client's answer to a socket.io message. */
export type Ack<T> = (answer: T) => void;

/**
 * Splits a handler's arguments into the payload and the acknowledgement. socket.io passes the
 * client's callback as the last argument, so a message sent with a callback but no payload
 * would otherwise hand the callback over as the payload, and the client would never be answered.
 */
export function payloadAndAck<T>(args: readonly unknown[]): { payload: unknown; ack: Ack<T> | undefined } {
  const last = args.at(-1);
  if (typeof last !== "function") return { payload: args[0], ack: undefined };
  return { payload: args.length > 1 ? args[0] : undefined, ack: last as Ack<T> };
}
