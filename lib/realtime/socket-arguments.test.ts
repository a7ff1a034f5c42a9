import { describe, expect, it } from "vitest";
import { payloadAndAck } from "@/lib/realtime/socket-arguments";

describe("payloadAndAck", () => {
  const ack = () => {};
  it("takes the last argument as the acknowledgement when it is a function", () => {
    expect(payloadAndAck([{ planId: "p" }, ack])).toEqual({ payload: { planId: "p" }, ack });
  });
  it("never takes the acknowledgement for the payload", () => {
    expect(payloadAndAck([ack])).toEqual({ payload: undefined, ack });
  });
  it("leaves the acknowledgement out when the client sent none", () => {
    expect(payloadAndAck([{ planId: "p" }])).toEqual({ payload: { planId: "p" }, ack: undefined });
    expect(payloadAndAck([])).toEqual({ payload: undefined, ack: undefined });
  });
});
